import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { IndicatorDefinition } from '../goals/indicator-definition.entity';
import { CommonIndicatorSource, DepartmentDimension } from './department.enums';

/**
 * 共性指标 set of a year (DOMAIN §5; 003 第十二条(二) "共性指标按区财政部门规定设置"; 004 二(二)1 "财政部门建立、
 * 更新本级共性的绩效指标框架"): kept by the finance bureau of a region for the departments of that region;
 * a department without a set at its own region uses the nearest set above it (one per tenant when only
 * the city sets one). `region_path` is copied from the region for one-predicate lookups.
 */
@Entity({ name: 'department_common_indicator_set' })
@Unique('uq_department_common_indicator_set_year', ['tenantId', 'regionId', 'year'])
export class DepartmentCommonIndicatorSetEntity extends TenantKeyed('pk_department_common_indicator_set') {
  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('int')
  year!: number;

  /** The finance bureau that set it. */
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('int', { name: 'row_version', default: 1 })
  rowVersion!: number;
}

/** One 共性 indicator of a set: copied into every department goal of its year, locked there. */
@Entity({ name: 'department_common_indicator' })
@Index('idx_department_common_indicator_set', ['tenantId', 'setId', 'position'])
export class DepartmentCommonIndicatorEntity extends TenantKeyed(
  'pk_department_common_indicator',
  IndicatorDefinition,
) {
  @Column('uuid', { name: 'set_id' })
  setId!: string;

  @Column('int')
  position!: number;

  @Column('varchar', { length: 32 })
  dimension!: DepartmentDimension;

  @Column('text')
  target!: string;

  @Column('numeric', { precision: 5, scale: 2 })
  points!: string;

  @Column('varchar', { length: 32, default: CommonIndicatorSource.ENTERED })
  source!: CommonIndicatorSource;

  @ManyToOne(() => DepartmentCommonIndicatorSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn(tenantFk('fk_department_common_indicator_set', 'set_id'))
  set?: DepartmentCommonIndicatorSetEntity;
}

/**
 * 财政审核部门整体自评 (004 二(四) "财政部门审核…确定评价等级"): finance's review of a department's
 * self-evaluation — the grade the department reached, the grade finance fixes (confirmed or changed) and,
 * when changed, the reason. One per evaluation; written with the review, never edited (P8).
 */
@Entity({ name: 'department_self_evaluation_review' })
export class DepartmentSelfEvaluationReviewEntity {
  @PrimaryColumn('uuid', {
    name: 'tenant_id',
    primaryKeyConstraintName: 'pk_department_self_evaluation_review',
  })
  tenantId!: string;

  @PrimaryColumn('uuid', {
    name: 'evaluation_id',
    primaryKeyConstraintName: 'pk_department_self_evaluation_review',
  })
  evaluationId!: string;

  @Column('varchar', { name: 'self_grade', length: 16 })
  selfGrade!: string;

  @Column('varchar', { name: 'confirmed_grade', length: 16 })
  confirmedGrade!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('uuid', { name: 'reviewer_organization_id' })
  reviewerOrganizationId!: string;

  @Column('timestamptz', { name: 'reviewed_at', default: () => 'now()' })
  reviewedAt!: Date;
}

export const departmentEntities = [
  DepartmentCommonIndicatorSetEntity,
  DepartmentCommonIndicatorEntity,
  DepartmentSelfEvaluationReviewEntity,
];
