import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../common/decimal';
import { DetailedActionAvailabilityBase } from '../../common/action-availability.type';
import { Node } from '../../common/node';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import { GoalIndicatorType } from '../../goals/dto/goal.types';
import {
  DeviationCause,
  Likelihood,
  MonitoringReportAction,
  MonitoringReportStatus,
  ProjectedTier,
} from '../monitoring.enums';

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

/** `PerformanceGoal.monitoringReports` as a connection (issue 11 item 7). */
export const MonitoringReportConnection = connectionType(
  MonitoringReportType,
  'MonitoringReport',
  '监控报告',
);
