import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * 租户 — one city's whole tree (DOMAIN §3). Its id is the tenant id carried by every tenant row.
 */
@Entity({ name: 'tenant' })
export class TenantEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_tenant' })
  id!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
