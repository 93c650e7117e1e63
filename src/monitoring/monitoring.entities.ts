import { FundingHoldEntity, GoalExecutionEntity } from './execution.entity';
import { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';

/** The entities of dual monitoring (DOMAIN §9), registered as one entry in src/db/entities.ts. */
export const monitoringEntities = [
  GoalExecutionEntity,
  FundingHoldEntity,
  MonitoringReportEntity,
  MonitoringReportIndicatorEntity,
];

/** The tables a monitoring mutation may write (test digests: nothing written on refusal). */
export const MONITORING_TABLES = [
  'goal_execution',
  'funding_hold',
  'monitoring_report',
  'monitoring_report_indicator',
  'tenant_policy',
];
