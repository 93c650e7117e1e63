import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, type Decimal } from '../../common/decimal';
import { MoneyScalar } from '../../common/scalars';
import { DeviationCause, FundingHoldKind, Likelihood, ProjectedTier } from '../monitoring.enums';
import { MAX_INDICATORS, MaxItems } from '../../common/input-limits';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';

@InputType({ description: '登记预算执行 — the money of one month of an issued goal, by its spending side' })
export class RecordExecutionInput {
  @Field(() => ID, { description: '绩效目标 — the goal in force' })
  goalId!: string;

  @Field(() => Int, { description: '年度 — the goal’s year' })
  year!: number;

  @Field(() => Int, { description: '月份 — month (1–12)' })
  month!: number;

  @Field(() => MoneyScalar, { description: '预算数 — budgeted this month (yuan, ≥ 0, 2 places)' })
  budgeted!: Decimal;

  @Field(() => MoneyScalar, { description: '到位资金 — in place this month (yuan, ≥ 0, 2 places)' })
  inPlace!: Decimal;

  @Field(() => MoneyScalar, { description: '执行（支出）数 — spent this month (yuan, ≥ 0, 2 places)' })
  spent!: Decimal;

  @Field(() => Int, {
    nullable: true,
    description: '基于版本 — required when the month was already recorded (its rowVersion; stale → CONFLICT)',
  })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '暂缓/停止拨款 — finance holds a goal’s funding, with a reason (003 第十八条)' })
export class SetFundingHoldInput {
  @Field(() => ID, { description: '绩效目标 — the goal in force' })
  goalId!: string;

  @Field(() => FundingHoldKind, { description: '控制方式 — SUSPENDED 暂缓拨款 or STOPPED 停止拨款' })
  kind!: FundingHoldKind;

  @Field({ description: '原因 — why (required)' })
  reason!: string;
}

@InputType({ description: '恢复拨款 — finance lifts the hold on a goal’s funding' })
export class LiftFundingHoldInput {
  @Field(() => ID, { description: '绩效目标 — the held goal' })
  goalId!: string;

  @Field(() => String, { nullable: true, description: '说明 — optional note' })
  reason?: string | null;
}

@InputType({ description: '偏差原因 — one classified cause with its analysis (附件4 备注)' })
export class DeviationCauseInput {
  @Field(() => DeviationCause, { description: '原因类别 — cause class' })
  cause!: DeviationCause;

  @Field({ description: '原因分析 — the analysis (required)' })
  text!: string;
}

@InputType({ description: '指标监控情况 — one indicator’s line of a monitoring report' })
export class MonitoringIndicatorInput {
  @Field(() => ID, { description: '绩效指标 — an indicator of the report’s goal' })
  indicatorId!: string;

  @Field(() => String, { nullable: true, description: '1-M月完成情况 — completion to date' })
  completionToDate?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计完成值 — projected value (quantitative)',
  })
  projectedValue?: Decimal | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计分子 — projected numerator (child of a RATIO_OF_SUMS parent)',
  })
  projectedNumerator?: Decimal | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '全年预计分母 — projected denominator (child of a RATIO_OF_SUMS parent)',
  })
  projectedDenominator?: Decimal | null;

  @Field(() => ProjectedTier, { nullable: true, description: '全年预计档次 — projected tier (qualitative)' })
  projectedTier?: ProjectedTier | null;

  @Field(() => [DeviationCauseInput], { nullable: true, description: '偏差原因分析 — deviation causes' })
  causes?: DeviationCauseInput[] | null;
}

@InputType({ description: '监控报告内容 — the content of a monitoring report (附件4–5)' })
export class MonitoringReportContentInput {
  @Field(() => Likelihood, { nullable: true, description: '完成年度绩效目标可能性 — likelihood' })
  likelihood?: Likelihood | null;

  @Field(() => String, { nullable: true, description: '纠偏措施 — corrective measures' })
  correctiveMeasures?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '年度目标1-M月完成情况 — completion of the annual objective',
  })
  completionSummary?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '全年预计执行数 — projected full-year execution (yuan)',
  })
  projectedExecution?: Decimal | null;

  @MaxItems(MAX_INDICATORS)
  @Field(() => [MonitoringIndicatorInput], {
    nullable: true,
    description: '指标监控情况 — the indicator lines, replaced as a set (at most 500)',
  })
  indicators?: MonitoringIndicatorInput[] | null;
}

@InputType({ description: '新建监控报告 — a DRAFT report of a goal in force for January … month M' })
export class CreateMonitoringReportInput extends MonitoringReportContentInput {
  @Field(() => ID, { description: '绩效目标 — the goal in force' })
  goalId!: string;

  @Field(() => Int, { description: '年度 — the goal’s year' })
  year!: number;

  @Field(() => Int, { description: '截至月份 — month M (1–12)' })
  month!: number;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '修改监控报告 — replace the content of a DRAFT report' })
export class UpdateMonitoringReportInput extends MonitoringReportContentInput {
  @Field(() => ID, { description: '监控报告 — the report' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the change is based on (stale → CONFLICT)' })
  expectedVersion!: number;
}

@InputType({ description: '监控报告流程操作 — submit or acknowledge a report' })
export class MonitoringReportActionInput {
  @Field(() => ID, { description: '监控报告 — the report' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the rowVersion the action is based on (stale → CONFLICT)' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '意见 — comment when acknowledging' })
  comment?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '设置监控参数 — change the tenant’s monitoring thresholds' })
export class SetMonitoringPolicyInput {
  @Field(() => DecimalScalar, { description: '执行缓慢阈值（百分点） — 0–100, at most 2 places' })
  slowExecutionThreshold!: Decimal;

  @Field(() => Int, { description: '基于版本 — the policy’s rowVersion (0 while defaults apply)' })
  expectedVersion!: number;
}
