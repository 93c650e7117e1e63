import { RowVersioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import type { DecompositionMode, FilingBasis, GoalScope, GoalStatus, ProjectAttribute } from './goal.enums';
import type { ReviewStep } from './rules/review-chain';

/**
 * 绩效目标 — one version of a performance goal (DOMAIN §5, §7). The subject is a project (PROJECT,
 * TRANSFER_PROJECT), a fund (transfer scopes; with the receiving region for TRANSFER_REGIONAL) or a
 * department (DEPARTMENT); `region_id` is the subject's region and `region_path` is copied from it by
 * trigger. The review chain is snapshotted on submission as a jsonb array of steps. An adjustment is a
 * new row with `goal_version` n+1 and `supersedes_goal_id` = version n; an abandoned one is WITHDRAWN and a
 * new n+1 (same `goal_version`) may follow it. `row_version` guards updates.
 */
@Entity({ name: 'performance_goal' })
@Check(
  'ck_performance_goal_scope',
  `"scope" IN ('PROJECT', 'DEPARTMENT', 'TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT')`,
)
@Check(
  'ck_performance_goal_status',
  `"status" IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ISSUED', 'RETURNED', 'SUPERSEDED', 'FILED_FOR_RECORD', 'WITHDRAWN', 'REJECTED')`,
)
@Check(
  'ck_performance_goal_decomposition',
  `"decomposition" IS NULL OR "decomposition" IN ('TOP_DOWN', 'BOTTOM_UP')`,
)
@Check(
  'ck_performance_goal_filing_basis',
  `"filing_basis" IS NULL OR "filing_basis" IN ('EMERGENCY', 'TRANSFER_DEFERRED')`,
)
@Check(
  'ck_performance_goal_subject',
  `("scope" NOT IN ('PROJECT', 'TRANSFER_PROJECT') OR "project_id" IS NOT NULL) AND ("scope" <> 'DEPARTMENT' OR "department_id" IS NOT NULL) AND ("scope" NOT IN ('TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT') OR "fund_id" IS NOT NULL)`,
)
@Check(
  'ck_performance_goal_amounts',
  `("annual_amount" IS NULL OR "annual_amount" >= 0) AND ("fiscal_amount" IS NULL OR "fiscal_amount" >= 0) AND ("other_amount" IS NULL OR "other_amount" >= 0)`,
)
@Check(
  'ck_performance_goal_step',
  `"current_step" >= 0 AND (("status" IN ('SUBMITTED', 'IN_REVIEW')) = ("current_step" > 0))`,
)
@Check(
  'ck_performance_goal_version',
  `"goal_version" >= 1 AND (("goal_version" = 1) = ("supersedes_goal_id" IS NULL))`,
)
// One live adjustment per version (DOMAIN §7: one adjustment at a time; version n is superseded by n+1
// only): a unique partial index on (tenant_id, supersedes_goal_id) WHERE status <> 'WITHDRAWN', so a
// withdrawn n+1 stays as history and a new n+1 may follow it (AdjustmentWithdrawal1763821000000).
@Index('uq_performance_goal_supersedes', { synchronize: false })
@Check('ck_performance_goal_year', `"year" BETWEEN 2000 AND 2100`)
// DOMAIN §10.1 (一级指标权重可做适当调整): a goal's own category points, all or none, ≥ 0, totalling 100
// (GoalCategoryPoints1763872000000).
@Check(
  'ck_performance_goal_category_points',
  `("common_points" IS NULL AND "output_points" IS NULL AND "benefit_points" IS NULL AND "satisfaction_points" IS NULL) OR ("common_points" >= 0 AND "output_points" >= 0 AND "benefit_points" >= 0 AND "satisfaction_points" >= 0 AND "common_points" + "output_points" + "benefit_points" + "satisfaction_points" = 100)`,
)
// The 附件1–3 header (GoalRejectionHeader1763876000000): attribute, ordered period years, amounts ≥ 0.
@Check(
  'ck_performance_goal_project_attribute',
  `"project_attribute" IS NULL OR "project_attribute" IN ('NEW', 'CONTINUING')`,
)
@Check(
  'ck_performance_goal_period',
  `("period_start_year" IS NULL OR "period_start_year" BETWEEN 2000 AND 2100) AND ("period_end_year" IS NULL OR "period_end_year" BETWEEN 2000 AND 2100) AND ("period_start_year" IS NULL OR "period_end_year" IS NULL OR "period_end_year" >= "period_start_year")`,
)
@Check(
  'ck_performance_goal_header_amounts',
  `("period_amount" IS NULL OR "period_amount" >= 0) AND ("period_fiscal_amount" IS NULL OR "period_fiscal_amount" >= 0) AND ("period_other_amount" IS NULL OR "period_other_amount" >= 0) AND ("allocating_level_amount" IS NULL OR "allocating_level_amount" >= 0) AND ("lower_level_amount" IS NULL OR "lower_level_amount" >= 0)`,
)
@Index('idx_performance_goal_region_path', { synchronize: false })
@Index('idx_performance_goal_fund', ['tenantId', 'fundId'])
@Index('idx_performance_goal_project', ['tenantId', 'projectId'])
@Index('idx_performance_goal_parent', ['tenantId', 'parentGoalId'])
@Index('idx_performance_goal_drafter', ['tenantId', 'drafterOrganizationId'])
export class GoalEntity extends TenantKeyed('pk_performance_goal', RowVersioned) {
  @Column('varchar', { length: 24 })
  scope!: GoalScope;

  @Column('integer')
  year!: number;

  @Column('uuid', { name: 'project_id', nullable: true })
  projectId!: string | null;

  @Column('uuid', { name: 'fund_id', nullable: true })
  fundId!: string | null;

  /** The subject's region (project's, department's, fund's R, or the receiving region S). */
  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { name: 'parent_goal_id', nullable: true })
  parentGoalId!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  decomposition!: DecompositionMode | null;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('text', { name: 'implementation_period_objective', nullable: true })
  implementationPeriodObjective!: string | null;

  @Column('text', { name: 'annual_objective', nullable: true })
  annualObjective!: string | null;

  @Column('numeric', { name: 'annual_amount', precision: 14, scale: 2, nullable: true })
  annualAmount!: string | null;

  @Column('numeric', { name: 'fiscal_amount', precision: 14, scale: 2, nullable: true })
  fiscalAmount!: string | null;

  @Column('numeric', { name: 'other_amount', precision: 14, scale: 2, nullable: true })
  otherAmount!: string | null;

  /** 一级指标分值 (DOMAIN §10.1): the goal's own category points; all null = the defaults 10/50/30/10. */
  @Column('numeric', { name: 'common_points', precision: 5, scale: 2, nullable: true })
  commonPoints!: string | null;

  @Column('numeric', { name: 'output_points', precision: 5, scale: 2, nullable: true })
  outputPoints!: string | null;

  @Column('numeric', { name: 'benefit_points', precision: 5, scale: 2, nullable: true })
  benefitPoints!: string | null;

  @Column('numeric', { name: 'satisfaction_points', precision: 5, scale: 2, nullable: true })
  satisfactionPoints!: string | null;

  /** 项目属性 (附件1): 新增 / 延续. */
  @Column('varchar', { name: 'project_attribute', length: 16, nullable: true })
  projectAttribute!: ProjectAttribute | null;

  /** 项目类别 (附件1): free text, as the form leaves it open. */
  @Column('varchar', { name: 'project_category', length: 100, nullable: true })
  projectCategory!: string | null;

  /** 项目实施期 / 专项实施期 (附件1–2): first and last budget year. */
  @Column('integer', { name: 'period_start_year', nullable: true })
  periodStartYear!: number | null;

  @Column('integer', { name: 'period_end_year', nullable: true })
  periodEndYear!: number | null;

  /** 实施期金额 (附件1), of which 财政拨款 and 其他资金 (yuan). */
  @Column('numeric', { name: 'period_amount', precision: 16, scale: 2, nullable: true })
  periodAmount!: string | null;

  @Column('numeric', { name: 'period_fiscal_amount', precision: 16, scale: 2, nullable: true })
  periodFiscalAmount!: string | null;

  @Column('numeric', { name: 'period_other_amount', precision: 16, scale: 2, nullable: true })
  periodOtherAmount!: string | null;

  /** 附件2–3 其中：市级（本级）预算资金 — of the annual amount, the allocating level's money (yuan). */
  @Column('numeric', { name: 'allocating_level_amount', precision: 16, scale: 2, nullable: true })
  allocatingLevelAmount!: string | null;

  /** 附件2–3 县级及以下资金 — of the annual amount, the lower levels' own money (yuan). */
  @Column('numeric', { name: 'lower_level_amount', precision: 16, scale: 2, nullable: true })
  lowerLevelAmount!: string | null;

  @Column('varchar', { length: 24 })
  status!: GoalStatus;

  /** 1-based step awaiting action while SUBMITTED / IN_REVIEW; 0 otherwise. */
  @Column('integer', { name: 'current_step', default: 0 })
  currentStep!: number;

  /** The review chain snapshotted on submission (steps of `buildReviewChain`). */
  @Column('jsonb', { name: 'review_chain', default: () => "'[]'" })
  reviewChain!: ReviewStep[];

  @Column('uuid', { name: 'drafter_organization_id' })
  drafterOrganizationId!: string;

  @Column('integer', { name: 'goal_version', default: 1 })
  goalVersion!: number;

  @Column('uuid', { name: 'supersedes_goal_id', nullable: true })
  supersedesGoalId!: string | null;

  @Column('text', { name: 'adjustment_reason', nullable: true })
  adjustmentReason!: string | null;

  @Column('varchar', { name: 'filing_basis', length: 24, nullable: true })
  filingBasis!: FilingBasis | null;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_project', 'project_id'))
  project?: ProjectEntity;

  @ManyToOne(() => FundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_fund', 'fund_id'))
  fund?: FundEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_region', 'region_id'))
  region?: RegionEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_department', 'department_id'))
  department?: OrganizationEntity;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_parent', 'parent_goal_id'))
  parentGoal?: GoalEntity;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_supersedes', 'supersedes_goal_id'))
  supersedesGoal?: GoalEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_performance_goal_drafter', 'drafter_organization_id'))
  drafterOrganization?: OrganizationEntity;
}
