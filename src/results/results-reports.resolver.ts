import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { idOfType, toGlobalId } from '../common/global-id';
import { NO_ID } from '../common/sql';
import { ConnectionArgs, mapConnection, paginateList, toConnection } from '../common/pagination';
import { Idempotent } from '../idempotency/idempotent';
import { congressPackage } from './congress/congress.service';
import { CongressPackageType } from './congress/congress.types';
import { OpenMonitoringFindingInput, FindingPayload } from './dto/results.inputs';
import {
  NoticeItemConnection,
  type NoticeItemType,
  RankingScope,
  ResultRankingConnection,
} from './dto/reports.types';
import {
  AllocationSimulationConnection,
  AllocationSimulationPayload,
  SimulateFactorAllocationInput,
} from './dto/simulation.types';
import { openMonitoringFinding } from './finding-monitoring.service';
import { noticeList, rankResults } from './ranking.service';
import { findingView } from './results.resolver';
import { simulateFactorAllocation, simulationView } from './simulation.service';
import { simulationPage } from './simulation-list';

const regionArg = { nullable: true, description: '区划 — within this region’s subtree (global id)' };
const regionOf = (id?: string | null) => (id ? (idOfType(id, 'Region') ?? NO_ID) : null);

/** Ranking, the notice list, factor simulation, monitoring findings and the congress package (DOMAIN §13). */
@Resolver()
export class ResultsReportsResolver {
  @Query(() => ResultRankingConnection, {
    description:
      '绩效排序 — regions, departments or funds of a year ranked by result, among the caller’s subjects only (P6); ties: competition ranking 1224 (DOMAIN §13; 001 三(四)3); best first, a page at a time',
  })
  async resultRanking(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — the result year' }) year: number,
    @Arg('scope', () => RankingScope, { description: '范围 — what is ranked' }) scope: RankingScope,
    @Args() page: ConnectionArgs,
    @Arg('regionId', () => ID, regionArg) regionId?: string,
  ) {
    // The ranks are computed over all the caller's subjects at once (a rank needs them all); then paged.
    const rows = await rankResults(ctx, year, scope, regionOf(regionId));
    const items = rows.map((r) => ({
      ...r,
      id: r.subjectId,
      subjectId: toGlobalId(r.subjectType, r.subjectId),
      score: r.score.toFixed(2),
    }));
    return toConnection(
      ResultRankingConnection,
      paginateList(items, page, (r) => r.rank),
    );
  }

  @Query(() => NoticeItemConnection, {
    description:
      '通报名单 — the year’s notice list: poor performers, flagged spot checks, overdue rectifications, within the caller’s jurisdiction (DOMAIN §12, §13); in that order, a page at a time',
  })
  async noticeList(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — the year' }) year: number,
    @Args() page: ConnectionArgs,
    @Arg('regionId', () => ID, regionArg) regionId?: string,
  ) {
    const rows = await noticeList(ctx, year, regionOf(regionId));
    const items = rows.map((r) => ({
      ...r,
      id: r.subjectId,
      subjectId: toGlobalId(r.subjectType, r.subjectId),
      goalId: toGlobalId('PerformanceGoal', r.goalId),
      regionId: toGlobalId('Region', r.regionId),
    })) as (NoticeItemType & { id: string })[];
    return toConnection(
      NoticeItemConnection,
      paginateList(items, page, (r) => r.reason),
    );
  }

  @Query(() => AllocationSimulationConnection, {
    description:
      '因素法分配模拟 — a fund’s saved simulations, newest first, a page at a time (DOMAIN §13); empty when the fund is not in the caller’s view',
  })
  async allocationSimulations(
    @Ctx() ctx: RequestContext,
    @Arg('fundId', () => ID, { description: '专项资金 — fund (global id)' }) fundId: string,
    @Args() page: ConnectionArgs,
  ) {
    const result = await simulationPage(ctx, fundId, page);
    return toConnection(AllocationSimulationConnection, mapConnection(result, simulationView));
  }

  @Query(() => CongressPackageType, {
    nullable: true, // issue 11 item 4: refused → this field null, not the whole response
    description:
      '人大报送材料 — major goals with the draft budget and results with the final accounts of a year and region, for finance (DOMAIN §13; 002 第二十九条; 003 第二十八条); as DOCX: GET /reports/congress-package.docx?year=&region=',
  })
  congressPackage(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
    @Arg('regionId', () => ID, { description: '区划 — the level (global id)' }) regionId: string,
  ) {
    return congressPackage(ctx, year, { id: regionOf(regionId) ?? NO_ID });
  }

  @Mutation(() => AllocationSimulationPayload, {
    description:
      '因素法分配模拟 — simulate next year’s shares of a factor-method fund; saved, never applied (DOMAIN §13; 003 转移支付 第三十二条)',
  })
  @Idempotent()
  simulateFactorAllocation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SimulateFactorAllocationInput, { description: '输入 — the mutation input' })
    input: SimulateFactorAllocationInput,
  ) {
    return simulateFactorAllocation(ctx, input);
  }

  @Mutation(() => FindingPayload, {
    description:
      '监控发现问题 — open a finding on a monitoring report’s deviation (DOMAIN §9, §13; 003 第十八条)',
  })
  @Idempotent()
  async openMonitoringFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OpenMonitoringFindingInput, { description: '输入 — the mutation input' })
    input: OpenMonitoringFindingInput,
  ) {
    const result = await openMonitoringFinding(ctx, input);
    return { ...result, finding: result.finding && findingView(result.finding, ctx.caller) };
  }
}
