import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { LIST_SIZE } from '../common/list-cost';
import { boundedPageCost, ConnectionArgs, listConnection } from '../common/pagination';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { RollUpVisibility, rollUpVisibility } from '../rollup/rollup-visibility';
import {
  ExecutionTotalsType,
  FundingHoldConnection,
  FundingHoldType,
  GoalExecutionConnection,
} from './dto/monitoring-money.types';
import { MonitoringRollupType } from './dto/monitoring-rollup.types';
import { MonitoringReportConnection } from './dto/monitoring.types';
import type { FundingHoldEntity } from './execution.entity';
import { FundingStatus } from './monitoring.enums';
import { monitoringLoaders } from './monitoring.loaders';
import { moneyFigures, totalsToDate } from './rules/money';

const monthArg = { description: '截至月份 — month M (1–12)' };
const yearArg = { description: '年度 — year' };

/** The cursor key of a monthly row (an execution, a report): its period as YYYYMM, the loaders' order. */
const byPeriod = (row: { year: number; month: number }): number => row.year * 100 + row.month;

/**
 * Dual-monitoring fields of a performance goal (DOMAIN §9, §11), added from this module: money in
 * execution, the funding-hold history and status, the monitoring reports, and the roll-up of the
 * children's reports. All batched across a list or tree of goals.
 */
@Resolver(() => PerformanceGoalType)
export class MonitoringGoalResolver {
  @FieldResolver(() => GoalExecutionConnection, {
    complexity: boundedPageCost(LIST_SIZE.monthly),
    description: '预算执行 — money recorded per month, in order (a connection, issue 11 item 7)',
  })
  async executions(@Root() g: GoalEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      GoalExecutionConnection,
      monitoringLoaders(ctx).executionsByGoalId.load(g.id),
      page,
      byPeriod,
    );
  }

  @FieldResolver(() => ExecutionTotalsType, {
    description: '累计执行 — money from January to month M of the goal’s year, with rates (附件4–5)',
  })
  async executionTotals(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
    @Arg('throughMonth', () => Int, monthArg) throughMonth: number,
  ): Promise<ExecutionTotalsType> {
    const rows = await monitoringLoaders(ctx).executionsByGoalId.load(g.id);
    const figures = moneyFigures(
      g.annualAmount ? new Decimal(g.annualAmount) : null,
      totalsToDate(rows, g.year, throughMonth),
      null,
    );
    return { year: g.year, throughMonth, ...figures };
  }

  @FieldResolver(() => FundingHoldConnection, {
    complexity: boundedPageCost(LIST_SIZE.perItemHistory),
    description: '拨款控制记录 — the funding-hold history, oldest first (a connection, issue 11 item 7)',
  })
  async fundingHolds(@Root() g: GoalEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      FundingHoldConnection,
      monitoringLoaders(ctx).holdsByGoalId.load(g.id),
      page,
      (h) => h.at,
    );
  }

  @FieldResolver(() => FundingHoldType, {
    nullable: true,
    description: '当前拨款控制 — the hold in force (暂缓/停止拨款); null when funding flows',
  })
  async currentFundingHold(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<FundingHoldEntity | null> {
    const holds = await monitoringLoaders(ctx).holdsByGoalId.load(g.id);
    const latest = holds[holds.length - 1];
    return latest && latest.status !== FundingStatus.LIFTED ? latest : null;
  }

  @FieldResolver(() => MonitoringReportConnection, {
    complexity: boundedPageCost(LIST_SIZE.monthly),
    description: '监控报告 — the goal’s monitoring reports, by period (a connection, issue 11 item 7)',
  })
  async monitoringReports(@Root() g: GoalEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      MonitoringReportConnection,
      monitoringLoaders(ctx).reportsByGoalId.load(g.id),
      page,
      byPeriod,
    );
  }

  @FieldResolver(() => MonitoringRollupType, {
    description:
      '监控汇总 — the children’s reports for January … M combined (DOMAIN §9, §11); provisional below full coverage; a receiving region sees the parent’s indicators only, every combined figure null (visibility OWN_CHILDREN, DOMAIN §11 “Who sees what”)',
  })
  async monitoringRollUp(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, yearArg) year: number,
    @Arg('month', () => Int, monthArg) month: number,
    @Arg('acknowledgedOnly', () => Boolean, {
      defaultValue: false,
      description: '仅汇总已确认 — only reports acknowledged by the level above (审核后汇总)',
    })
    acknowledgedOnly: boolean,
  ): Promise<MonitoringRollupType> {
    const key = { goalId: g.id, year, month, acknowledgedOnly };
    const { rollup: r, parentIndicators, policy } = await monitoringLoaders(ctx).rollups.load(key);
    const byId = new Map(parentIndicators.map((i) => [i.id, i]));
    const visibility = rollUpVisibility(ctx.caller, g);
    const shared = { year, month, acknowledgedOnly, visibility, policy: policy ?? null };
    if (visibility !== RollUpVisibility.FULL) {
      // DOMAIN §11 "Who sees what", P6: a receiving region sees the parent's own indicators (targets),
      // never figures combined over the children — a sibling's would follow by subtraction.
      return {
        ...shared,
        childCount: null,
        reportedCount: null,
        moneyShare: null,
        provisional: null,
        money: null,
        indicators: parentIndicators.map((indicator) => ({
          indicator: indicator as unknown as MonitoringRollupType['indicators'][number]['indicator'],
          contributions: null,
          combined: null,
          failure: null,
          offTrack: null,
        })),
        flags: null,
      };
    }
    const figures = moneyFigures(
      r.annualBudget,
      { budgetToDate: r.budgetToDate, inPlaceToDate: r.inPlaceToDate, executedToDate: r.executedToDate },
      r.projectedExecution,
    );
    return {
      ...shared,
      childCount: r.childCount,
      reportedCount: r.reportedCount,
      moneyShare: r.moneyShare,
      provisional: r.provisional,
      money: { year, throughMonth: month, ...figures },
      indicators: r.indicators.map((i) => ({ ...i, indicator: byId.get(i.indicatorId)! })),
      flags: r.flags,
    };
  }
}

@Resolver(() => FundingHoldType)
export class FundingHoldResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '办理单位 — the finance bureau that acted (null if outside the caller’s view)',
  })
  actorOrganization(
    @Root() h: FundingHoldType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(h.actorOrganizationId);
  }
}
