import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { ConnectionArgs, paginate, SortDirection, toConnection } from '../common/pagination';
import { PerformanceGoalConnection, PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { RollUpVisibility, rollUpVisibility } from '../rollup/rollup-visibility';
import {
  ExecutionTotalsType,
  FundingHoldType,
  GoalExecutionType,
  MonitoringReportType,
  MonitoringRollupType,
} from './dto/monitoring.types';
import type { FundingHoldEntity, GoalExecutionEntity } from './execution.entity';
import { FundingStatus } from './monitoring.enums';
import { monitoringLoaders } from './monitoring.loaders';
import type { MonitoringReportEntity } from './report.entity';
import { moneyFigures, totalsToDate } from './rules/money';
import { IN_FORCE } from './rules/parties';
import { policyFor } from '../policy/policy.service';
import { monitoringMonthDue } from '../policy/rules/policy';
import { LIST_SIZE, listCost } from '../common/list-cost';
import { refusal } from '../common/refusal';

const monthArg = { description: '截至月份 — month M (1–12)' };
const yearArg = { description: '年度 — year' };

/**
 * Dual-monitoring fields of a performance goal (DOMAIN §9, §11), added from this module: money in
 * execution, the funding-hold history and status, the monitoring reports, and the roll-up of the
 * children's reports. All batched across a list or tree of goals.
 */
@Resolver(() => PerformanceGoalType)
export class MonitoringGoalResolver {
  @FieldResolver(() => [GoalExecutionType], {
    complexity: listCost(LIST_SIZE.monthly),
    description: '预算执行 — money recorded per month, in order',
  })
  executions(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<GoalExecutionEntity[]> {
    return monitoringLoaders(ctx).executionsByGoalId.load(g.id);
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

  @FieldResolver(() => [FundingHoldType], {
    complexity: listCost(LIST_SIZE.perItemHistory),
    description: '拨款控制记录 — the funding-hold history, oldest first',
  })
  fundingHolds(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<FundingHoldEntity[]> {
    return monitoringLoaders(ctx).holdsByGoalId.load(g.id);
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

  @FieldResolver(() => [MonitoringReportType], {
    complexity: listCost(LIST_SIZE.monthly),
    description: '监控报告 — the goal’s monitoring reports, by period',
  })
  monitoringReports(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<MonitoringReportEntity[]> {
    return monitoringLoaders(ctx).reportsByGoalId.load(g.id);
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
    if (visibility !== RollUpVisibility.FULL) {
      // DOMAIN §11 "Who sees what", P6: a receiving region sees the parent's own indicators (targets),
      // never figures combined over the children — a sibling's would follow by subtraction.
      return {
        year,
        month,
        acknowledgedOnly,
        visibility,
        policy: policy ?? null,
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
      year,
      month,
      acknowledgedOnly,
      visibility,
      policy: policy ?? null,
      childCount: r.childCount,
      reportedCount: r.reportedCount,
      moneyShare: r.moneyShare,
      provisional: r.provisional,
      money: { year, throughMonth: month, ...figures },
      indicators: r.indicators.map((i) => ({ ...i, indicator: byId.get(i.indicatorId)! })),
      flags: r.flags,
    };
  }

  @Query(() => PerformanceGoalConnection, {
    description:
      '未报送监控报告的目标 — goals in force of the year in the caller’s jurisdiction without a submitted report for month M, once that report is due: the tenant policy’s cadence asks for month M (监控频次) and its due day of month M + 1 has passed (报送日, Asia/Shanghai); otherwise empty (DOMAIN §9; 002 第十四条)',
  })
  async goalsMissingMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, yearArg) year: number,
    @Arg('month', () => Int, monthArg) month: number,
  ) {
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['month'],
        msg('月份应为 1 到 12', 'The month must be 1 to 12'),
      );
    }
    const p = ctx.caller;
    // DOMAIN §9 "Cadences and due dates are tenant settings": a month the cadence does not ask for, or whose
    // due day (of month M + 1, Asia/Shanghai) has not passed yet, lists nothing as missing.
    const due = monitoringMonthDue(await policyFor(ctx, year), year, month, new Date());
    const qb = (await ctx.scope.goals())
      .andWhere('g.year = :year', { year })
      .andWhere('g.status = ANY(:inForce)', { inForce: [...IN_FORCE] })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM monitoring_report mm WHERE mm.tenant_id = g.tenant_id AND mm.goal_id = g.id
           AND mm.year = :year AND mm.month = :month AND mm.status IN ('SUBMITTED', 'ACKNOWLEDGED'))`,
        { month },
      );
    // Jurisdiction (DOMAIN §3): bodies with a subtree list the goals located in it, not those they only review.
    if (hasSubtreeJurisdiction(p))
      qb.andWhere('g.region_path LIKE :missingPrefix', { missingPrefix: `${p.regionPath}%` });
    if (!due) qb.andWhere('FALSE');
    const sort = { expression: 'g.name', read: (x: object) => (x as GoalEntity).name };
    const result = await paginate(qb, page, sort, SortDirection.ASC, 'g.id');
    return toConnection(PerformanceGoalConnection, result);
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
