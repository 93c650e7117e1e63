import { Versioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationKind, Sector } from './hierarchy.enums';
import { RegionEntity } from './region.entity';

/**
 * 单位 / 部门 — a body located in a region (DOMAIN §2–3). `region_path` copies the region's materialized
 * path so that subtree scoping of organizations is one indexed predicate (STYLE "Performance shape").
 */
@Entity({ name: 'organization' })
@Check(
  'ck_organization_kind',
  `"kind" IN ('FINANCE_BUREAU', 'COMPETENT_DEPARTMENT', 'AUDIT_OFFICE', 'IMPLEMENTING_UNIT', 'THIRD_PARTY')`,
)
@Check('ck_organization_department_sector', `"kind" <> 'COMPETENT_DEPARTMENT' OR "sector" IS NOT NULL`)
@Check('ck_organization_supervisor', `"kind" = 'IMPLEMENTING_UNIT' OR "supervising_department_id" IS NULL`)
@Index('idx_organization_region_path', { synchronize: false })
@Index('uq_organization_singleton', { synchronize: false })
@Index('idx_organization_region', ['tenantId', 'regionId', 'kind'])
@Index('idx_organization_supervisor', ['tenantId', 'supervisingDepartmentId'])
export class OrganizationEntity extends TenantKeyed('pk_organization', Versioned) {
  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('varchar', { length: 32 })
  kind!: OrganizationKind;

  @Column('varchar', { length: 32, nullable: true })
  sector!: Sector | null;

  @Column('uuid', { name: 'supervising_department_id', nullable: true })
  supervisingDepartmentId!: string | null;

  @Column('varchar', { length: 200 })
  name!: string;

  /** 统一社会信用代码 (18 characters), optional. */
  @Column('varchar', { name: 'credit_code', length: 18, nullable: true })
  creditCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_organization_region',
    },
    { name: 'region_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_organization_region' },
  ])
  region?: RegionEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_organization_supervisor',
    },
    {
      name: 'supervising_department_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_organization_supervisor',
    },
  ])
  supervisingDepartment?: OrganizationEntity;
}
