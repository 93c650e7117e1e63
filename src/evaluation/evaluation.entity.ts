import { RowVersioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import type { Grade } from '../common/grade';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { TenantPolicyEntity } from '../policy/policy.entity';
import type { EvaluationKind, EvaluationStatus } from './evaluation.enums';

/** One line of the scoring engine's result as stored on submit (exact decimals as text). */
export interface StoredScoreLine {
  key: string;
  name: string;
  category: string;
  points: string;
  inputs: Record<string, string>;
  rule: string;
  ruleText: string;
  score: string;
  flags: string[];
  needsExplanation: boolean;
}

/**
 * 绩效评价 — one evaluation of a goal version (DOMAIN §10): SELF by the spending unit (P4), DEPARTMENT,
 * FINANCE, or SPOT_CHECK. `region_path` and `year` are the goal's, copied by trigger. Money in yuan
 * NUMERIC(14,2); category points NUMERIC(5,2) (all null = the defaults 10/50/30/10); `total` and `grade`
 * and the engine's `score_lines` are set on submit. `row_version` guards every update.
 */
@Entity({ name: 'evaluation' })
@Check('ck_evaluation_kind', `"kind" IN ('SELF', 'DEPARTMENT', 'FINANCE', 'SPOT_CHECK')`)
@Check(
  'ck_evaluation_status',
  `"status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED')`,
)
@Check('ck_evaluation_grade', `"grade" IS NULL OR "grade" IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')`)
@Check(
  'ck_evaluation_money',
  `("budgeted" IS NULL OR "budgeted" >= 0) AND ("in_place" IS NULL OR "in_place" >= 0) AND ("spent" IS NULL OR "spent" >= 0)`,
)
// The total has no upper bound of 100: points are exact and only line scores are rounded (DOMAIN §10.2,
// §10.6), so three lines of 50 ÷ 3 fully met total 16.67 × 3 = 50.01 (GoalCategoryPoints1763872000000).
@Check(
  'ck_evaluation_points',
  `("common_points" IS NULL OR ("common_points" >= 0 AND "common_points" <= 100)) AND ("output_points" IS NULL OR ("output_points" >= 0 AND "output_points" <= 100)) AND ("benefit_points" IS NULL OR ("benefit_points" >= 0 AND "benefit_points" <= 100)) AND ("satisfaction_points" IS NULL OR ("satisfaction_points" >= 0 AND "satisfaction_points" <= 100)) AND ("total" IS NULL OR "total" >= 0)`,
)
@Check(
  'ck_evaluation_category_points',
  `("common_points" IS NULL AND "output_points" IS NULL AND "benefit_points" IS NULL AND "satisfaction_points" IS NULL) OR ("common_points" + "output_points" + "benefit_points" + "satisfaction_points" = 100)`,
)
@Check('ck_evaluation_spot_check', `("kind" = 'SPOT_CHECK') = ("spot_check_of_evaluation_id" IS NOT NULL)`)
@Check(
  'ck_evaluation_commission',
  `"commissioned_organization_id" IS NULL OR ("kind" IN ('DEPARTMENT', 'FINANCE') AND "commissioned_at" IS NOT NULL)`,
)
@Check(
  'ck_evaluation_submitted',
  `NOT ("status" NOT IN ('DRAFT', 'RETURNED')) OR ("submitted_at" IS NOT NULL AND "total" IS NOT NULL AND "grade" IS NOT NULL)`,
)
// EvaluationFidelity1763874000000 (DOMAIN §10.8; 002 附件6–7, 第二十六条(二), 第二十八条(二)).
@Check(
  'ck_evaluation_figures',
  `("initial_budget" IS NULL OR "initial_budget" >= 0) AND ("planned_output" IS NULL OR "planned_output" >= 0) AND ("actual_output" IS NULL OR "actual_output" >= 0) AND ("standard_output" IS NULL OR "standard_output" >= 0) AND ("planned_cost" IS NULL OR "planned_cost" >= 0) AND ("actual_cost" IS NULL OR "actual_cost" >= 0)`,
)
@Check(
  'ck_evaluation_response',
  `"response_decision" IS NULL OR ("response_decision" IN ('AGREE', 'DISAGREE') AND "responded_at" IS NOT NULL AND "responded_by_organization_id" IS NOT NULL AND ("response_decision" = 'AGREE' OR length(btrim("response_text")) > 0))`,
)
@Check(
  'ck_evaluation_flow',
  `("status" NOT IN ('RESPONDED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') OR ("kind" IN ('DEPARTMENT', 'FINANCE') AND "response_decision" IS NOT NULL)) AND ("status" NOT IN ('FINALIZED', 'REPORTED', 'ACKNOWLEDGED') OR "finalized_at" IS NOT NULL) AND ("status" NOT IN ('REPORTED', 'ACKNOWLEDGED') OR ("kind" = 'DEPARTMENT' AND "reported_at" IS NOT NULL)) AND ("status" <> 'ACKNOWLEDGED' OR "acknowledged_at" IS NOT NULL)`,
)
@Check('ck_evaluation_year', `"year" BETWEEN 2000 AND 2100`)
@Index('idx_evaluation_region_path', { synchronize: false })
@Index('uq_evaluation_self_goal', { synchronize: false })
@Index('idx_evaluation_goal', ['tenantId', 'goalId'])
@Index('idx_evaluation_evaluator', ['tenantId', 'evaluatorOrganizationId'])
@Index('idx_evaluation_commissioned', ['tenantId', 'commissionedOrganizationId'])
@Index('idx_evaluation_year', ['tenantId', 'year', 'kind', 'status'])
export class EvaluationEntity extends TenantKeyed('pk_evaluation', RowVersioned) {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('varchar', { length: 16 })
  kind!: EvaluationKind;

  /** The goal's budget year (copied by trigger). */
  @Column('integer')
  year!: number;

  @Column('varchar', { length: 16 })
  status!: EvaluationStatus;

  /** Who evaluates: the spending unit (SELF), the department, finance, or the spot-checker. */
  @Column('uuid', { name: 'evaluator_organization_id' })
  evaluatorOrganizationId!: string;

  /** SELF: the level above that reviews it (审核). */
  @Column('uuid', { name: 'reviewer_organization_id', nullable: true })
  reviewerOrganizationId!: string | null;

  /** DEPARTMENT / FINANCE: the third party commissioned to carry it out (委托第三方). */
  @Column('uuid', { name: 'commissioned_organization_id', nullable: true })
  commissionedOrganizationId!: string | null;

  @Column('timestamptz', { name: 'commissioned_at', nullable: true })
  commissionedAt!: Date | null;

  @Column('uuid', { name: 'spot_check_of_evaluation_id', nullable: true })
  spotCheckOfEvaluationId!: string | null;

  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  budgeted!: string | null;

  @Column('numeric', { name: 'in_place', precision: 14, scale: 2, nullable: true })
  inPlace!: string | null;

  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  spent!: string | null;

  /** 资金到位率 below 100%: why (DOMAIN §10.5; the COMMON money line's explanation). */
  @Column('text', { name: 'fund_arrival_explanation', nullable: true })
  fundArrivalExplanation!: string | null;

  /** 预算执行率 below 100%: why. */
  @Column('text', { name: 'budget_execution_explanation', nullable: true })
  budgetExecutionExplanation!: string | null;

  @Column('numeric', { name: 'common_points', precision: 5, scale: 2, nullable: true })
  commonPoints!: string | null;

  @Column('numeric', { name: 'output_points', precision: 5, scale: 2, nullable: true })
  outputPoints!: string | null;

  @Column('numeric', { name: 'benefit_points', precision: 5, scale: 2, nullable: true })
  benefitPoints!: string | null;

  @Column('numeric', { name: 'satisfaction_points', precision: 5, scale: 2, nullable: true })
  satisfactionPoints!: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  total!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  grade!: Grade | null;

  /** The engine's lines as of the last submission (SELF), so every stored score explains itself. */
  @Column('jsonb', { name: 'score_lines', nullable: true })
  scoreLines!: StoredScoreLine[] | null;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  /** 年初预算数 (附件6); `budgeted` is the 全年预算数 the rates use (DOMAIN §10.8). */
  @Column('numeric', { name: 'initial_budget', precision: 14, scale: 2, nullable: true })
  initialBudget!: string | null;

  /** 年度总体目标 (附件6 绩效目标 年度目标), copied from the goal when the self-evaluation is created. */
  @Column('text', { name: 'annual_objective', nullable: true })
  annualObjective!: string | null;

  /** 实际完成情况 (附件6): what was achieved, as text. */
  @Column('text', { nullable: true })
  achievement!: string | null;

  /** 整改措施 (002 第二十八条(一)): required when execution is low or the grade POOR. */
  @Column('text', { name: 'rectification_measures', nullable: true })
  rectificationMeasures!: string | null;

  /** 计划产出数 (附件7 实际完成率). */
  @Column('numeric', { name: 'planned_output', nullable: true })
  plannedOutput!: string | null;

  /** 实际产出数. */
  @Column('numeric', { name: 'actual_output', nullable: true })
  actualOutput!: string | null;

  /** 质量达标产出数 (附件7 质量达标率). */
  @Column('numeric', { name: 'standard_output', nullable: true })
  standardOutput!: string | null;

  /** 计划成本 (附件7 成本节约率), yuan. */
  @Column('numeric', { name: 'planned_cost', precision: 14, scale: 2, nullable: true })
  plannedCost!: string | null;

  /** 实际成本, yuan. */
  @Column('numeric', { name: 'actual_cost', precision: 14, scale: 2, nullable: true })
  actualCost!: string | null;

  /** Why OUTPUT + BENEFIT carry under 60 points (原则上不低于60%, 002 第二十一条(二)). */
  @Column('text', { name: 'weight_justification', nullable: true })
  weightJustification!: string | null;

  /** 交换意见 (002 第二十六条(二)6): AGREE 同意 or DISAGREE 有异议. */
  @Column('varchar', { name: 'response_decision', length: 16, nullable: true })
  responseDecision!: string | null;

  @Column('text', { name: 'response_text', nullable: true })
  responseText!: string | null;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt!: Date | null;

  @Column('uuid', { name: 'responded_by_organization_id', nullable: true })
  respondedByOrganizationId!: string | null;

  /** 最终结论 (002 第二十六条(二)7). */
  @Column('timestamptz', { name: 'finalized_at', nullable: true })
  finalizedAt!: Date | null;

  /** 报送本级财政部门 (002 第二十八条(二)). */
  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt!: Date | null;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  /** 绩效管理参数 version it was scored with, set on submission (null: the defaults; DOMAIN §10.7). */
  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId!: string | null;

  @ManyToOne(() => TenantPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_policy', 'policy_id'))
  policy?: TenantPolicyEntity;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_goal', 'goal_id'))
  goal?: GoalEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_evaluator', 'evaluator_organization_id'))
  evaluatorOrganization?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_reviewer', 'reviewer_organization_id'))
  reviewerOrganization?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_commissioned', 'commissioned_organization_id'))
  commissionedOrganization?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_responded_by', 'responded_by_organization_id'))
  respondedByOrganization?: OrganizationEntity;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_spot_check_of', 'spot_check_of_evaluation_id'))
  spotCheckOf?: EvaluationEntity;
}
