import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { TenantEntity } from '../hierarchy/tenant.entity';

/**
 * 报表只读登录 — a read-only PostgreSQL login issued to a BI tool (DOMAIN §16): it reads the `reporting`
 * views of one tenant, or of one region's subtree, and nothing else. The register keeps every login ever
 * issued; revocation sets `revoked_at` and drops the database role (migration 1763890000000). The
 * password is never stored here (PostgreSQL keeps its SCRAM verifier).
 */
@Entity({ name: 'reporting_login' })
@Unique('uq_reporting_login_role', ['roleName'])
@Check('ck_reporting_login_region', `("region_id" IS NULL) = ("region_path" IS NULL)`)
export class ReportingLoginEntity extends TenantKeyed('pk_reporting_login') {
  @Column('varchar', { name: 'role_name', length: 63 })
  roleName!: string;

  @Column('uuid', { name: 'region_id', nullable: true })
  regionId!: string | null;

  @Column('text', { name: 'region_path', nullable: true })
  regionPath!: string | null;

  @Column('integer', { name: 'connection_limit' })
  connectionLimit!: number;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { name: 'revoked_by_user_id', nullable: true })
  revokedByUserId!: string | null;

  @ManyToOne(() => TenantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_reporting_login_tenant' })
  tenant?: TenantEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_reporting_login_region',
    },
    { name: 'region_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_reporting_login_region' },
  ])
  region?: RegionEntity;
}

/** The entities of the module, for src/db/entities.ts. */
export const biAccessEntities = [ReportingLoginEntity];
