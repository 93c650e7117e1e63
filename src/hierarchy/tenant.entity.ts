import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 租户 — one city's whole tree (DOMAIN §3). Its id is the tenant id carried by every tenant row.
 */
@Entity({ name: 'tenant' })
@Index('uq_tenant_code', { synchronize: false })
export class TenantEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_tenant' })
  id!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  /** 租户代码 — qualifies a login at sign-in (unique, case-insensitive; defaults to the id). */
  @Column('varchar', { length: 64 })
  code!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
