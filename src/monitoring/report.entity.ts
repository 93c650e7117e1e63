import { RowVersioned } from '../common/stamped.entity';
import { TenantPolicyEntity } from '../policy/policy.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
import type {
  DeviationCauseEntry,
  Likelihood,
  MonitoringReportStatus,
  ProjectedTier,
} from './monitoring.enums';

/**
 * 绩效运行监控表 — a monitoring report of a goal in force for January … month M (DOMAIN §9; 002 附件4–5).
 * The money figures to date are snapshotted on submission; DRAFT → SUBMITTED → ACKNOWLEDGED by the
 * level above; frozen after submission (P8, trigger).
 */
@Entity({ name: 'monitoring_report' })
@Check('ck_monitoring_report_status', `"status" IN ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED')`)
@Check(
  'ck_monitoring_report_likelihood',
  `"likelihood" IS NULL OR "likelihood" IN ('CERTAIN', 'POSSIBLE', 'IMPOSSIBLE')`,
)
@Check('ck_monitoring_report_month', `"month" BETWEEN 1 AND 12`)
@Check('ck_monitoring_report_year', `"year" BETWEEN 2000 AND 2100`)
@Check(
  'ck_monitoring_report_amounts',
  `("projected_execution" IS NULL OR "projected_execution" >= 0) AND ("annual_budget" IS NULL OR "annual_budget" >= 0) AND ("budget_to_date" IS NULL OR "budget_to_date" >= 0) AND ("in_place_to_date" IS NULL OR "in_place_to_date" >= 0) AND ("executed_to_date" IS NULL OR "executed_to_date" >= 0)`,
)
@Check(
  'ck_monitoring_report_submitted',
  `"status" = 'DRAFT' OR ("likelihood" IS NOT NULL AND "projected_execution" IS NOT NULL AND "budget_to_date" IS NOT NULL AND "in_place_to_date" IS NOT NULL AND "executed_to_date" IS NOT NULL AND "submitted_at" IS NOT NULL AND "submitted_by_user_id" IS NOT NULL)`,
)
@Check('ck_monitoring_report_acknowledged', `("status" = 'ACKNOWLEDGED') = ("acknowledged_at" IS NOT NULL)`)
@Unique('uq_monitoring_report_period', ['tenantId', 'goalId', 'year', 'month'])
@Index('idx_monitoring_report_period', ['tenantId', 'year', 'month', 'status'])
export class MonitoringReportEntity extends TenantKeyed('pk_monitoring_report', RowVersioned) {
  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('integer')
  year!: number;

  /** The report covers January … this month. */
  @Column('integer')
  month!: number;

  @Column('varchar', { length: 16 })
  status!: MonitoringReportStatus;

  @Column('varchar', { length: 16, nullable: true })
  likelihood!: Likelihood | null;

  @Column('text', { name: 'corrective_measures', nullable: true })
  correctiveMeasures!: string | null;

  /** 1-*月完成情况 of the annual objective (附件4 绩效目标 row). */
  @Column('text', { name: 'completion_summary', nullable: true })
  completionSummary!: string | null;

  @Column('numeric', { name: 'projected_execution', precision: 14, scale: 2, nullable: true })
  projectedExecution!: string | null;

  @Column('numeric', { name: 'annual_budget', precision: 14, scale: 2, nullable: true })
  annualBudget!: string | null;

  @Column('numeric', { name: 'budget_to_date', precision: 14, scale: 2, nullable: true })
  budgetToDate!: string | null;

  @Column('numeric', { name: 'in_place_to_date', precision: 14, scale: 2, nullable: true })
  inPlaceToDate!: string | null;

  @Column('numeric', { name: 'executed_to_date', precision: 14, scale: 2, nullable: true })
  executedToDate!: string | null;

  @Column('uuid', { name: 'drafter_organization_id' })
  drafterOrganizationId!: string;

  @Column('uuid', { name: 'acknowledger_organization_id' })
  acknowledgerOrganizationId!: string;

  @Column('uuid', { name: 'submitted_by_user_id', nullable: true })
  submittedByUserId!: string | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('uuid', { name: 'acknowledged_by_user_id', nullable: true })
  acknowledgedByUserId!: string | null;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('text', { name: 'acknowledgement_comment', nullable: true })
  acknowledgementComment!: string | null;

  /** 绩效管理参数 version the flags were computed with, frozen on submission (null: the defaults; §10.7). */
  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId!: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_goal', 'goal_id'))
  goal?: GoalEntity;

  @ManyToOne(() => TenantPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_policy', 'policy_id'))
  policy?: TenantPolicyEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_drafter', 'drafter_organization_id'))
  drafterOrganization?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_acknowledger', 'acknowledger_organization_id'))
  acknowledgerOrganization?: OrganizationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_submitted_by', 'submitted_by_user_id'))
  submittedByUser?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_acknowledged_by', 'acknowledged_by_user_id'))
  acknowledgedByUser?: UserEntity;
}

/**
 * 指标监控情况 — one indicator's line of a monitoring report (附件4–5): completion to date, projected
 * full-year value (quantitative; numerator/denominator for RATIO_OF_SUMS children) or tier (qualitative),
 * and the classified deviation causes. Replaced as a set while the report is DRAFT; frozen after.
 */
@Entity({ name: 'monitoring_report_indicator' })
@Check(
  'ck_monitoring_report_indicator_tier',
  `"projected_tier" IS NULL OR "projected_tier" IN ('ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED')`,
)
@Check('ck_monitoring_report_indicator_causes', `jsonb_typeof("causes") = 'array'`)
@Check(
  'ck_monitoring_report_indicator_ratio',
  `("projected_numerator" IS NULL) = ("projected_denominator" IS NULL)`,
)
@Unique('uq_monitoring_report_indicator', ['tenantId', 'reportId', 'indicatorId'])
export class MonitoringReportIndicatorEntity extends TenantKeyed('pk_monitoring_report_indicator') {
  @Column('uuid', { name: 'report_id' })
  reportId!: string;

  @Column('uuid', { name: 'indicator_id' })
  indicatorId!: string;

  @Column('text', { name: 'completion_to_date', nullable: true })
  completionToDate!: string | null;

  @Column('text', { name: 'projected_value', nullable: true })
  projectedValue!: string | null;

  @Column('text', { name: 'projected_numerator', nullable: true })
  projectedNumerator!: string | null;

  @Column('text', { name: 'projected_denominator', nullable: true })
  projectedDenominator!: string | null;

  @Column('varchar', { name: 'projected_tier', length: 16, nullable: true })
  projectedTier!: ProjectedTier | null;

  @Column('jsonb', { default: () => "'[]'" })
  causes!: DeviationCauseEntry[];

  @ManyToOne(() => MonitoringReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_indicator_report', 'report_id'))
  report?: MonitoringReportEntity;

  @ManyToOne(() => GoalIndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_monitoring_report_indicator_indicator', 'indicator_id'))
  indicator?: GoalIndicatorEntity;
}
