import DataLoader from 'dataloader';
import { createUnionType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { fromGlobalId, idOfType } from '../common/global-id';
import { Node } from '../common/node';
import { readNode } from '../common/node-reader';
import type { RequestContext } from '../common/request-context';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import { FundingHoldType } from '../monitoring/dto/monitoring-money.types';
import { MonitoringReportType } from '../monitoring/dto/monitoring.types';
import { FundingHoldEntity } from '../monitoring/execution.entity';
import { monitoringLoaders } from '../monitoring/monitoring.loaders';
import { MonitoringReportEntity } from '../monitoring/report.entity';
import { NoticeItemType, RankingType } from './dto/reports.types';
import { FindingType, RecommendationType } from './dto/results.types';
import { listFindings } from './results-lists';
import { findingView } from './results.resolver';

/**
 * Objects, not bare ids (issue 11 item 7) where the id may name one of several types: a ranking's subject,
 * a notice item's and a recommendation's basis, a finding's source (DOMAIN §13). Read through the scoped
 * loaders of the request (batched per type), null when the caller may not see it (P6).
 */

const FINDINGS_PER_BATCH = 100; // results-lists answers at most 100 findings per statement

const findingLoaders = new WeakMap<RequestContext, DataLoader<string, FindingType | null>>();

/**
 * The findings the caller may read, by id, one statement per batch (the same predicate as `findings`); the
 * reader of `node(id)` for Finding too.
 */
export function findingById(ctx: RequestContext): DataLoader<string, FindingType | null> {
  let loader = findingLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (ids) => {
        const rows = await listFindings(ctx, { ids: [...ids] }, ids.length);
        const byId = new Map(rows.map((f) => [f.id, f]));
        return ids.map((id) => {
          const f = byId.get(id);
          return f ? { ...findingView(f, ctx.caller), __typename: 'Finding' } : null;
        });
      },
      { maxBatchSize: FINDINGS_PER_BATCH },
    );
    findingLoaders.set(ctx, loader);
  }
  return loader;
}

/** The types reports name by global id (subjects and bases), read as `node(id)` reads them. */
const REPORTED_TYPES = [
  'Region',
  'Organization',
  'Fund',
  'PerformanceGoal',
  'Evaluation',
  'SpotCheckItem',
  'Finding',
] as const;

const nodeOf = (globalId: string, ctx: RequestContext) => readNode(ctx, globalId, REPORTED_TYPES);

@Resolver(() => RankingType)
export class RankingLinksResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      '排序对象 — the Region, Organization (部门) or Fund ranked; its global id is subjectId (null when out of the caller’s view, P6)',
  })
  subject(@Root() r: RankingType, @Ctx() ctx: RequestContext) {
    return nodeOf(r.subjectId, ctx);
  }
}

@Resolver(() => NoticeItemType)
export class NoticeSubjectLinksResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      '通报依据 — the Evaluation, SpotCheckItem or Finding itself; its global id is subjectId (null when out of the caller’s view, P6)',
  })
  subject(@Root() n: NoticeItemType, @Ctx() ctx: RequestContext) {
    return nodeOf(n.subjectId, ctx);
  }
}

@Resolver(() => RecommendationType)
export class RecommendationBasisLinksResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      '建议依据 — the Evaluation, Finding, PerformanceGoal (沉淀资金) or SpotCheckItem itself; its global id is basisId (null when out of the caller’s view, P6)',
  })
  basis(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return nodeOf(r.basisId, ctx);
  }
}

/** 问题来源 — what a finding was opened from (DOMAIN §13): a result, a monitoring report or a funding hold. */
export const FindingSource = createUnionType({
  name: 'FindingSource',
  description:
    '问题来源 — the Evaluation (评价结果), MonitoringReport (监控报告) or FundingHold (暂缓/停止拨款)',
  types: () => [EvaluationType, MonitoringReportType, FundingHoldType] as const,
  resolveType: (value) => {
    if (value instanceof EvaluationEntity) return 'Evaluation';
    if (value instanceof MonitoringReportEntity) return 'MonitoringReport';
    if (value instanceof FundingHoldEntity) return 'FundingHold';
    return undefined;
  },
});

@Resolver(() => FindingType)
export class FindingSourceLinksResolver {
  @FieldResolver(() => FindingSource, {
    nullable: true,
    description:
      '来源 — the source itself (sourceKind says which); its global id is sourceId (null when out of the caller’s view, P6)',
  })
  async source(@Root() f: FindingType, @Ctx() ctx: RequestContext): Promise<object | null> {
    const parsed = fromGlobalId(f.sourceId);
    if (!parsed) return null;
    if (parsed.type === 'Evaluation') return evaluationLoadersOf(ctx).evaluationById.load(parsed.id);
    if (parsed.type === 'MonitoringReport') return monitoringLoaders(ctx).reportById.load(parsed.id);
    if (parsed.type !== 'FundingHold') return null;
    // A hold is an entry of its goal's history (DOMAIN §9): read with the goal's holds, scoped and batched.
    const goalId = idOfType(f.goalId, 'PerformanceGoal');
    if (!goalId) return null;
    const holds = await monitoringLoaders(ctx).holdsByGoalId.load(goalId);
    return holds.find((h) => h.id === parsed.id) ?? null;
  }
}

/** The subject links resolvers (composed by src/app/schema.ts). */
export const subjectLinkResolvers = [
  RankingLinksResolver,
  NoticeSubjectLinksResolver,
  RecommendationBasisLinksResolver,
  FindingSourceLinksResolver,
] as const;
