import { Versioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { FundEntity } from './fund.entity';
import { ProjectLibraryStatus } from './fund.enums';

/**
 * 项目 — a spending item carried out by an implementing unit (DOMAIN §2, §4). `region_id` and
 * `region_path` are the unit's, copied by trigger. 年度资金总额 = 财政拨款 + 其他资金 (checked).
 */
@Entity({ name: 'project' })
@Check('ck_project_library_status', `"library_status" IN ('CANDIDATE', 'IN_LIBRARY', 'REJECTED', 'REMOVED')`)
@Check(
  'ck_project_amounts',
  `"fiscal_amount" >= 0 AND "other_amount" >= 0 AND "annual_amount" = "fiscal_amount" + "other_amount"`,
)
@Index('idx_project_region_path', { synchronize: false })
@Index('idx_project_fund', ['tenantId', 'fundId'])
@Index('idx_project_unit', ['tenantId', 'implementingUnitId'])
@Index('idx_project_department', ['tenantId', 'departmentId'])
export class ProjectEntity extends TenantKeyed('pk_project', Versioned) {
  @Column('varchar', { length: 200 })
  name!: string;

  /** The owning competent department (主管部门). */
  @Column('uuid', { name: 'department_id' })
  departmentId!: string;

  @Column('uuid', { name: 'implementing_unit_id' })
  implementingUnitId!: string;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('uuid', { name: 'fund_id', nullable: true })
  fundId!: string | null;

  /** Budget year (预算年度). */
  @Column('integer')
  year!: number;

  @Column('numeric', { name: 'annual_amount', precision: 14, scale: 2 })
  annualAmount!: string;

  @Column('numeric', { name: 'fiscal_amount', precision: 14, scale: 2 })
  fiscalAmount!: string;

  @Column('numeric', { name: 'other_amount', precision: 14, scale: 2 })
  otherAmount!: string;

  @Column('boolean', { name: 'is_new' })
  isNew!: boolean;

  @Column('boolean', { name: 'requires_assessment', default: false })
  requiresAssessment!: boolean;

  @Column('boolean', { name: 'government_pre_approved', default: false })
  governmentPreApproved!: boolean;

  @Column('varchar', { name: 'library_status', length: 16, default: ProjectLibraryStatus.CANDIDATE })
  libraryStatus!: ProjectLibraryStatus;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_project_department',
    },
    { name: 'department_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_project_department' },
  ])
  department?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_project_implementing_unit',
    },
    {
      name: 'implementing_unit_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_project_implementing_unit',
    },
  ])
  implementingUnit?: OrganizationEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_project_region' },
    { name: 'region_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_project_region' },
  ])
  region?: RegionEntity;

  @ManyToOne(() => FundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'fk_project_fund' },
    { name: 'fund_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_project_fund' },
  ])
  fund?: FundEntity;
}
