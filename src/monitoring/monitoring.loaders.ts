import DataLoader from 'dataloader';
import type { RequestContext } from '../common/request-context';
import { groupBy } from '../common/collections';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { Decimal } from '../common/decimal';
import type { ScopedAccess } from '../common/scoped-access';
import type { GoalExecutionEntity, FundingHoldEntity } from './execution.entity';
import type { MonitoringReportEntity, MonitoringReportIndicatorEntity } from './report.entity';
import { policyFor } from '../policy/policy.service';
import { loadRollups, type RollupKey, type RollupAnswer } from './monitoring.rollup';

/**
 * Per-request loaders of dual monitoring (STYLE principle 6), kept beside the request context (one set per
 * request): every batch goes through the scoped helper with its keys as one array parameter, so an object
 * outside the caller's jurisdiction answers like a missing one.
 */
function build(ctx: RequestContext) {
  const scope: ScopedAccess = ctx.scope;
  return {
    /**
     * The parties of reports the caller already sees (drafter, acknowledging finance office): shown to
     * those who take part, like a review chain (DOMAIN §7 "never hidden from those who take part"); read
     * by id within the tenant only, one statement per batch.
     */
    partyById: new DataLoader<string, OrganizationEntity | null>(async (ids) => {
      const em = await ctx.db.manager();
      const rows = await em
        .createQueryBuilder(OrganizationEntity, 'po')
        .where('po.tenant_id = :tenant AND po.id = ANY(:ids)', { tenant: ctx.caller.tenantId, ids })
        .getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
    rollups: new DataLoader<RollupKey, RollupAnswer, string>(
      async (keys): Promise<RollupAnswer[]> => {
        // DOMAIN §9, §10.7: each year's flags with that year's SLOW_EXECUTION threshold (tenant policy).
        const answers = new Map<RollupKey, RollupAnswer>();
        for (const year of [...new Set(keys.map((k) => k.year))]) {
          const ofYear = keys.filter((k) => k.year === year);
          const policy = await policyFor(ctx, year);
          const rows = await loadRollups(scope, ofYear, new Decimal(policy.slowExecutionThreshold));
          ofYear.forEach((k, i) => answers.set(k, { ...rows[i]!, policy }));
        }
        return keys.map((k) => answers.get(k)!);
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
    set = build(ctx);
    perRequest.set(ctx, set);
  }
  return set;
}
