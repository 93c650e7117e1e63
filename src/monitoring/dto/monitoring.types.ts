import { PolicyType } from '../../policy/dto/policy.types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { DetailedActionAvailabilityBase } from '../../common/action-availability.type';
import { Node } from '../../common/node';
import { DateTime, MoneyScalar } from '../../common/scalars';
import { GoalIndicatorType } from '../../goals/dto/goal.types';
import { RollUpVisibility } from '../../rollup/rollup-visibility';
import {
  DeviationCause,
  FundingStatus,
  Likelihood,
  MonitoringFlag,
  MonitoringReportAction,
  MonitoringReportStatus,
  ProjectedTier,
} from '../monitoring.enums';

@ObjectType('GoalExecution', {
  description: '预算执行 — money of one goal for one month (DOMAIN §4, §9): 预算数, 到位, 执行 in yuan',
})
export class GoalExecutionType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '月份 — month (1–12)' })
  month!: number;

  @Field(() => MoneyScalar, { description: '预算数 — budgeted this month (yuan)' })
  budgeted!: string;

  @Field(() => MoneyScalar, { description: '到位资金 — money in place this month (yuan)' })
  inPlace!: string;

  @Field(() => MoneyScalar, { description: '执行（支出）数 — money spent this month (yuan)' })
  spent!: string;

  @Field(() => Int, { description: '行版本 — row version, for expectedVersion when correcting the month' })
  rowVersion!: number;

  @Field(() => DateTime, { description: '登记时间 — when last recorded' })
  updatedAt!: Date;
}

@ObjectType('ExecutionTotals', {
  description: '累计执行 — a goal’s money from January to a month (DOMAIN §4, §9), with rates',
})
export class ExecutionTotalsType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '截至月份 — through this month (1–12)' })
  throughMonth!: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '年度预算数 — annual budget (the goal’s annual amount)',
  })
  annualBudget!: string | null;

  @Field(() => MoneyScalar, { description: '1-M月预算数 — budgeted to date' })
  budgetToDate!: string;

  @Field(() => MoneyScalar, { description: '1-M月到位数 — in place to date' })
  inPlaceToDate!: string;

  @Field(() => MoneyScalar, { name: 'spentToDate', description: '1-M月执行（支出）数 — spent to date' })
  executedToDate!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '1-M月执行率 (%) — executed ÷ budgeted to date (附件4), 2 places for display',
  })
  executionRateToDate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '预算执行进度 (%) — executed to date ÷ annual budget (附件5; SLOW_EXECUTION basis), 2 places',
  })
  executionOfAnnualRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '资金到位率 (%) — in place ÷ budgeted to date (DOMAIN §4), 2 places',
  })
  arrivalRate!: string | null;
}

@ObjectType('MonitoringMoney', {
  description: '资金投入 — the money figures of a monitoring report (附件4–5), frozen on submission',
})
export class MonitoringMoneyType extends ExecutionTotalsType {
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '全年预计执行数 — projected full-year execution',
  })
  projectedExecution!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计执行率 (%) — projected execution ÷ annual budget, 2 places for display',
  })
  projectedExecutionRate!: string | null;
}

@ObjectType('FundingHold', {
  description: '暂缓/停止拨款记录 — one entry of a goal’s funding-hold history (DOMAIN §9; 003 第十八条)',
})
export class FundingHoldType {
  @Field(() => FundingStatus, { description: '拨款状态 — SUSPENDED 暂缓, STOPPED 停止, or LIFTED 恢复' })
  status!: FundingStatus;

  @Field(() => String, { nullable: true, description: '原因 — the reason (required for a hold)' })
  reason!: string | null;

  @Field(() => DateTime, { description: '时间 — when' })
  at!: Date;

  actorOrganizationId!: string;
}

@ObjectType('DeviationCauseEntry', {
  description: '偏差原因 — one classified cause with its analysis (附件4)',
})
export class DeviationCauseType {
  @Field(() => DeviationCause, { description: '原因类别 — cause class' })
  cause!: DeviationCause;

  @Field({ description: '原因分析 — the analysis text' })
  text!: string;
}

@ObjectType('MonitoringIndicatorLine', {
  description: '指标监控情况 — one indicator of a monitoring report: to date, projected, deviation causes',
})
export class MonitoringIndicatorLineType {
  @Field(() => GoalIndicatorType, { description: '绩效指标 — the goal’s indicator' })
  indicator!: GoalIndicatorType;

  @Field(() => String, { nullable: true, description: '1-M月完成情况 — completion to date' })
  completionToDate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计完成值 — projected full-year value (quantitative)',
  })
  projectedValue!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计分子 — projected numerator (child of a RATIO_OF_SUMS parent)',
  })
  projectedNumerator!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计分母 — projected denominator (child of a RATIO_OF_SUMS parent)',
  })
  projectedDenominator!: string | null;

  @Field(() => ProjectedTier, { nullable: true, description: '全年预计档次 — projected tier (qualitative)' })
  projectedTier!: ProjectedTier | null;

  @Field(() => [DeviationCauseType], { description: '偏差原因分析 — classified deviation causes' })
  causes!: DeviationCauseType[];

  @Field(() => Boolean, {
    nullable: true,
    description: '指标偏离 — INDICATOR_OFF_TRACK for this indicator; null while nothing is projected',
  })
  offTrack!: boolean | null;
}

@ObjectType('MonitoringReportActionAvailability', {
  description:
    '监控报告可办理操作 — whether the caller may take one action on a monitoring report now and, if not, why (DOMAIN §9)',
})
export class MonitoringReportActionAvailabilityType extends DetailedActionAvailabilityBase {
  @Field(() => MonitoringReportAction, { description: '操作 — the action' })
  action!: MonitoringReportAction;
}

@ObjectType('MonitoringReport', {
  implements: Node,
  description:
    '绩效运行监控报告 — a goal’s dual-monitoring report for January … month M (DOMAIN §9; 附件4–5)',
})
export class MonitoringReportType {
  @Field(() => ID, { description: '全局标识 — global id' })
  id!: string;

  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => Int, { description: '截至月份 — the report covers January … this month' })
  month!: number;

  @Field(() => MonitoringReportStatus, { description: '状态 — DRAFT, SUBMITTED or ACKNOWLEDGED' })
  status!: MonitoringReportStatus;

  @Field(() => Likelihood, { nullable: true, description: '完成年度绩效目标可能性 — likelihood' })
  likelihood!: Likelihood | null;

  @Field(() => String, { nullable: true, description: '纠偏措施 — corrective measures' })
  correctiveMeasures!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '年度目标1-M月完成情况 — completion of the annual objective',
  })
  completionSummary!: string | null;

  @Field(() => Int, { description: '行版本 — row version (expectedVersion of the next change)' })
  rowVersion!: number;

  @Field(() => DateTime, { nullable: true, description: '报送时间 — when submitted' })
  submittedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '确认时间 — when acknowledged by the level above' })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '确认意见 — the acknowledging body’s comment' })
  acknowledgementComment!: string | null;
}

@ObjectType('MonitoringPolicy', { description: '监控参数 — the tenant’s monitoring thresholds (DOMAIN §9)' })
export class MonitoringPolicyType {
  @Field(() => DecimalScalar, {
    description:
      '执行缓慢阈值（百分点） — SLOW_EXECUTION when executed ÷ budget lags M ÷ 12 by more than this',
  })
  slowExecutionThreshold!: string;

  @Field(() => Int, { description: '行版本 — 0 while the defaults apply (no row yet)' })
  rowVersion!: number;
}

@ObjectType('RolledUpIndicator', {
  description: '汇总指标 — a parent indicator with its children’s projections combined (DOMAIN §11)',
})
export class RolledIndicatorType {
  @Field(() => GoalIndicatorType, { description: '上级指标 — the parent goal’s indicator' })
  indicator!: GoalIndicatorType;

  @Field(() => Int, {
    nullable: true,
    description:
      '参与汇总数 — child indicator lines combined; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  contributions!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      '汇总预计值 — combined projection by the parent’s aggregation (≈ when rounded for display); null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  combined!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '无法汇总原因 — NO_AGGREGATION, NO_CONTRIBUTIONS, MISSING_PARTS, ZERO_WEIGHT or ZERO_DENOMINATOR; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  failure!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '指标偏离 — combined projection fails the parent’s target; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  offTrack!: boolean | null;
}

@ObjectType('MonitoringRollUp', {
  description:
    '监控汇总 — a parent goal’s children’s monitoring reports for a period combined (DOMAIN §9, §11)',
})
export class MonitoringRollupType {
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Field(() => PolicyType, {
    nullable: true,
    description:
      '所用绩效管理参数 — the tenant policy of the year whose SLOW_EXECUTION threshold made the flags (DOMAIN §10 rule 7)',
  })
  policy?: PolicyType | null;

  @Field(() => Int, { description: '截至月份 — month M' })
  month!: number;

  @Field({ description: '仅汇总已确认 — true: only reports acknowledged by the level above (审核后汇总)' })
  acknowledgedOnly!: boolean;

  @Field(() => RollUpVisibility, {
    description:
      '汇总可见范围 — FULL for the giving side; OWN_CHILDREN for a receiving region, which reads its own report on its own goal and here only the parent’s indicators (targets), every figure below being null (DOMAIN §11 “Who sees what”, P6)',
  })
  visibility!: RollUpVisibility;

  @Field(() => Int, {
    nullable: true,
    description:
      '下级目标数 — child goals in force; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  childCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '已报送数 — children whose report is counted; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  reportedCount!: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      '资金覆盖率 (%) — reporting children’s annual amounts ÷ all children’s, 2 places; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  moneyShare!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '临时结果 — coverage below 100%: missing children are not counted as 0; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  provisional!: boolean | null;

  @Field(() => MonitoringMoneyType, {
    nullable: true,
    description:
      '资金投入 — money of the reporting children, summed; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  money!: MonitoringMoneyType | null;

  @Field(() => [RolledIndicatorType], {
    description: '汇总指标 — per parent indicator (a receiving region: the indicator only, figures null)',
  })
  indicators!: RolledIndicatorType[];

  @Field(() => [MonitoringFlag], {
    nullable: true,
    description:
      '监控预警 — flags on the combined values; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  flags!: MonitoringFlag[] | null;
}
