import { FundingHoldResolver, MonitoringGoalResolver } from './monitoring-goal.resolver';
import { MonitoringReportResolver } from './monitoring.resolver';
import { MissingReportsResolver } from './missing-reports.resolver';

/** The resolvers of dual monitoring (DOMAIN §9), registered as one entry in src/app/schema.ts. */
export const monitoringResolvers = [
  MonitoringReportResolver,
  MonitoringGoalResolver,
  FundingHoldResolver,
  MissingReportsResolver,
] as const;
