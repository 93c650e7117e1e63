import DataLoader from 'dataloader';
import type { RequestContext } from '../app/context';
import { groupBy } from '../common/collections';
import { Decimal } from '../common/decimal';
import type { ScopedAccess } from '../common/scoped-access';
import type { GoalExecutionEntity, FundingHoldEntity } from './execution.entity';
import type { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';
import { DEFAULT_SLOW_EXECUTION_THRESHOLD } from './rules/flags';
import { loadRollups, type RollupKey, type RollupAnswer } from './monitoring.rollup';

export interface PolicyFacts {
  slowExecutionThreshold: string;
  rowVersion: number;
}

/**
 * Per-request loaders of dual monitoring (STYLE principle 6), kept beside the request context (one set per
 * request): every batch goes through the scoped helper with its keys as one array parameter, so an object
 * outside the caller's jurisdiction answers like a missing one.
 */
function build(scope: ScopedAccess) {
  let policyRead: Promise<PolicyFacts> | null = null;
  /** The tenant's thresholds (DOMAIN §9), the defaults while no row exists; read once per request. */
  const policy = (): Promise<PolicyFacts> => {
    policyRead ??= (async () => {
      const row = await (await scope.monitoringPolicies()).getOne();
      return row
        ? { slowExecutionThreshold: row.slowExecutionThreshold, rowVersion: row.rowVersion }
        : { slowExecutionThreshold: DEFAULT_SLOW_EXECUTION_THRESHOLD, rowVersion: 0 };
    })();
    return policyRead;
  };
  return {
    executionsByGoalId: new DataLoader<string, GoalExecutionEntity[]>(async (ids) => {
      const rows = await (await scope.goalExecutions())
        .andWhere('gx.goal_id = ANY(:ids)', { ids })
        .orderBy('gx.year')
        .addOrderBy('gx.month')
        .getMany();
      const grouped = groupBy(rows, (r) => r.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    holdsByGoalId: new DataLoader<string, FundingHoldEntity[]>(async (ids) => {
      const rows = await (await scope.fundingHolds())
        .andWhere('fh.goal_id = ANY(:ids)', { ids })
        .orderBy('fh.at')
        .addOrderBy('fh.id')
        .getMany();
      const grouped = groupBy(rows, (r) => r.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    reportsByGoalId: new DataLoader<string, MonitoringReportEntity[]>(async (ids) => {
      const rows = await (await scope.monitoringReports())
        .andWhere('mr.goal_id = ANY(:ids)', { ids })
        .orderBy('mr.year')
        .addOrderBy('mr.month')
        .getMany();
      const grouped = groupBy(rows, (r) => r.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    reportById: new DataLoader<string, MonitoringReportEntity | null>(async (ids) => {
      const rows = await (await scope.monitoringReports()).andWhere('mr.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    linesByReportId: new DataLoader<string, MonitoringReportIndicatorEntity[]>(async (ids) => {
      const rows = await (await scope.monitoringReportIndicators())
        .andWhere('mri.report_id = ANY(:ids)', { ids })
        .getMany();
      const grouped = groupBy(rows, (r) => r.reportId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    policy,
    rollups: new DataLoader<RollupKey, RollupAnswer, string>(
      async (keys): Promise<RollupAnswer[]> => {
        const threshold = new Decimal((await policy()).slowExecutionThreshold);
        return loadRollups(scope, keys, threshold);
      },
      { cacheKeyFn: (k) => `${k.goalId}|${k.year}|${k.month}|${k.acknowledgedOnly ? 1 : 0}` },
    ),
  };
}

export type MonitoringLoaders = ReturnType<typeof build>;

const perRequest = new WeakMap<RequestContext, MonitoringLoaders>();

/** The monitoring loaders of this request, built on first use. */
export function monitoringLoaders(ctx: RequestContext): MonitoringLoaders {
  let set = perRequest.get(ctx);
  if (!set) {
    set = build(ctx.scope);
    perRequest.set(ctx, set);
  }
  return set;
}
