import type { SelectQueryBuilder } from 'typeorm';
import { registerScope, through } from '../common/scoped-access';
import { GoalEntity } from '../goals/goal.entity';
import { FundingHoldEntity, GoalExecutionEntity } from './execution.entity';
import { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    goalExecutions(alias?: string): Promise<SelectQueryBuilder<GoalExecutionEntity>>;
    fundingHolds(alias?: string): Promise<SelectQueryBuilder<FundingHoldEntity>>;
    monitoringReports(alias?: string): Promise<SelectQueryBuilder<MonitoringReportEntity>>;
    monitoringReportIndicators(alias?: string): Promise<SelectQueryBuilder<MonitoringReportIndicatorEntity>>;
  }
}

// DOMAIN §9 (双监控): monitoring facts are visible exactly when their goal is (same predicate through the
// goal, goals.scope.ts); the indicator lines of a report through the report and its goal.

/** 预算执行 money of the goals the caller sees. */
registerScope({
  name: 'goalExecutions',
  entity: GoalExecutionEntity,
  alias: 'gx',
  rule: through(GoalEntity, 'goal_id'),
});

/** 暂缓/停止拨款 history of the goals the caller sees. */
registerScope({
  name: 'fundingHolds',
  entity: FundingHoldEntity,
  alias: 'fh',
  rule: through(GoalEntity, 'goal_id'),
});

/** 绩效运行监控 reports of the goals the caller sees. */
registerScope({
  name: 'monitoringReports',
  entity: MonitoringReportEntity,
  alias: 'mr',
  rule: through(GoalEntity, 'goal_id'),
});

/** Indicator lines of the monitoring reports the caller sees. */
registerScope({
  name: 'monitoringReportIndicators',
  entity: MonitoringReportIndicatorEntity,
  alias: 'mri',
  rule: through(MonitoringReportEntity, 'report_id'),
});
