import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { splitBilingual } from '../common/bilingual';
import { idOfType, toGlobalId } from '../common/global-id';
import { ConnectionArgs, queryConnection, type SortColumn, SortDirection } from '../common/pagination';
import { whereWithin } from '../hierarchy/within-filter';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { EvaluationFilter } from './dto/evaluation.inputs';
import {
  CategoryPointsType,
  EvaluationActualType,
  FrameworkScoreType,
  ReportSectionType,
  ScoreLineType,
} from './dto/evaluation-lines.types';
import {
  EvaluationActionAvailabilityType,
  EvaluationConnection,
  EvaluationTransitionType,
  EvaluationType,
} from './dto/evaluation.types';
import { evaluationActions } from './rules/evaluation-decision';
import {
  EvaluationFidelityResolver,
  EvaluationResponseResolver,
  evaluationFacts,
} from './evaluation-fidelity.resolver';
import { figuresOf, lineOfRow } from './framework-content';
import { computedScore, frameworkRates } from './rules/framework-figures';
import type { EvaluationActualEntity } from './evaluation-actual.entity';
import { EvaluationMutationResolver } from './evaluation-mutation.resolver';
import { GoalEvaluationsResolver } from './goal-evaluations.resolver';
import { isEditable } from './rules/evaluation-guards';
import type { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind } from './evaluation.enums';
import { evaluationLoadersOf } from './evaluation.loaders';
import { DEFAULT_SCORING_POINTS } from './rules/category-points';
import { REPORT_OUTLINE } from './rules/report-outline';
import { scoreLinesOf, scoreLineTypes } from './score-lines';
import { whereAnyOf, whereGlobalId } from '../common/list-filter';

const createdAt: SortColumn = {
  expression: 'ev.created_at',
  read: (e) => (e as EvaluationEntity).createdAt,
  timestamp: true,
};

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Query(() => EvaluationType, {
    nullable: true,
    description: '绩效评价 — one evaluation; null when missing or out of jurisdiction (P6)',
  })
  evaluation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ): Promise<EvaluationEntity | null> | null {
    const uuid = idOfType(id, 'Evaluation');
    return uuid ? evaluationLoadersOf(ctx).evaluationById.load(uuid) : null;
  }

  @Query(() => EvaluationConnection, {
    description:
      '绩效评价列表 — evaluations the caller sees (P6: subtree, its own, or commissioned to it), oldest first',
  })
  async evaluations(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => EvaluationFilter, { nullable: true, description: '筛选 — filters' })
    filter?: EvaluationFilter,
  ) {
    const qb = await ctx.scope.evaluations();
    if (filter?.year != null) qb.andWhere('ev.year = :year', { year: filter.year });
    whereAnyOf(qb, 'ev.kind', 'kind', filter?.kind);
    whereAnyOf(qb, 'ev.status', 'status', filter?.status);
    whereGlobalId(qb, 'ev.goal_id', 'goalId', filter?.goalId, 'PerformanceGoal');
    await whereWithin(ctx, qb, 'ev.region_path', filter?.within);
    return queryConnection(
      EvaluationConnection,
      qb,
      page,
      { sort: createdAt, direction: SortDirection.ASC },
      'ev.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() e: EvaluationEntity): string {
    return toGlobalId('Evaluation', e.id);
  }

  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description: '绩效目标 — the evaluated goal (null if outside the caller’s view, e.g. for a third party)',
  })
  goal(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> {
    return ctx.loaders.goalById.load(e.goalId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '评价单位 — who evaluates (null only if outside the caller’s view)',
  })
  evaluator(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(e.evaluatorOrganizationId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '审核单位 — the level above that reviews a self-evaluation (null for other kinds)',
  })
  reviewer(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> | null {
    return e.reviewerOrganizationId ? ctx.loaders.organizationById.load(e.reviewerOrganizationId) : null;
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '受托第三方 — the commissioned third party (null if none or outside the caller’s view)',
  })
  commissionedOrganization(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> | null {
    return e.commissionedOrganizationId
      ? ctx.loaders.organizationById.load(e.commissionedOrganizationId)
      : null;
  }

  @FieldResolver(() => CategoryPointsType, {
    nullable: true,
    description: '一级指标权重 — category points of a self-evaluation (the defaults 10/50/30/10 unless set)',
  })
  categoryPoints(@Root() e: EvaluationEntity): CategoryPointsType | null {
    if (e.kind !== EvaluationKind.SELF && e.kind !== EvaluationKind.SPOT_CHECK) return null;
    const d = DEFAULT_SCORING_POINTS;
    return {
      common: e.commonPoints ?? d.COMMON.toFixed(2),
      output: e.outputPoints ?? d.OUTPUT.toFixed(2),
      benefit: e.benefitPoints ?? d.BENEFIT.toFixed(2),
      satisfaction: e.satisfactionPoints ?? d.SATISFACTION.toFixed(2),
    };
  }

  @FieldResolver(() => [EvaluationActualType], {
    description: '实际完成情况 — the actuals of a self-evaluation, one per indicator reported',
  })
  actuals(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<EvaluationActualEntity[]> {
    return evaluationLoadersOf(ctx).actualsByEvaluationId.load(e.id);
  }

  @FieldResolver(() => [ScoreLineType], {
    description:
      '得分明细 — every line of a self-evaluation with inputs, rule, rule text, points and score: as stored on submission, or a live preview while editable',
  })
  async scoreLines(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext): Promise<ScoreLineType[]> {
    if (e.kind !== EvaluationKind.SELF && e.kind !== EvaluationKind.SPOT_CHECK) return [];
    if (!isEditable(e) && e.scoreLines) return scoreLineTypes(e.scoreLines);
    return scoreLineTypes(await scoreLinesOf(ctx, e));
  }

  @FieldResolver(() => [FrameworkScoreType], {
    description: '评价指标得分 — framework indicators of a department or finance evaluation, in form order',
  })
  async frameworkScores(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<FrameworkScoreType[]> {
    const rows = await evaluationLoadersOf(ctx).frameworkByEvaluationId.load(e.id);
    const figures = figuresOf(e);
    const { rates } = frameworkRates(figures);
    return rows.map((r) => {
      const line = lineOfRow(r);
      const text = computedScore(line.code, line.points, figures, rates)?.ruleText;
      const rule = text == null ? null : splitBilingual(text);
      return {
        code: line.code,
        custom: line.code == null,
        category: r.category,
        name: r.name,
        points: r.points,
        score: r.score,
        comment: r.comment,
        ruleText: rule?.zh ?? null,
        ruleTextEn: rule?.en ?? null,
      };
    });
  }

  @FieldResolver(() => [ReportSectionType], {
    description: '评价报告 — the report sections written, in the order of the outline (002 附件8)',
  })
  async reportSections(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportSectionType[]> {
    const rows = await evaluationLoadersOf(ctx).sectionsByEvaluationId.load(e.id);
    const byKey = new Map(rows.map((r) => [r.sectionKey, r.body]));
    return REPORT_OUTLINE.filter((s) => byKey.has(s.key)).map((s) => ({
      key: s.key,
      title: s.title,
      body: byKey.get(s.key) ?? '',
    }));
  }

  @FieldResolver(() => [EvaluationTransitionType], {
    description: '流转记录 — the history of this evaluation, oldest first',
  })
  transitions(@Root() e: EvaluationEntity, @Ctx() ctx: RequestContext) {
    return evaluationLoadersOf(ctx).transitionsByEvaluationId.load(e.id);
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: '被抽查的自评 — the self-evaluation a spot check re-scores',
  })
  spotCheckOf(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationEntity | null> | null {
    return e.spotCheckOfEvaluationId
      ? evaluationLoadersOf(ctx).evaluationById.load(e.spotCheckOfEvaluationId)
      : null;
  }

  @FieldResolver(() => [EvaluationActionAvailabilityType], {
    description:
      '可办理操作 — every action with whether the caller may take it now and, if not, why (for UI buttons)',
  })
  async availableActions(
    @Root() e: EvaluationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationActionAvailabilityType[]> {
    const facts = await evaluationFacts(ctx, e);
    return evaluationActions(e, ctx.caller, facts);
  }
}

@Resolver(() => EvaluationActualType)
export class EvaluationActualResolver {
  @FieldResolver(() => ID, {
    description:
      '绩效指标 — global id of the goal indicator; 保留兼容 — kept for compatibility, read `indicator`',
  })
  indicatorId(@Root() a: EvaluationActualEntity): string {
    return toGlobalId('GoalIndicator', a.indicatorId);
  }
}

@Resolver(() => EvaluationTransitionType)
export class EvaluationTransitionResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '办理单位 — the acting organization (null if outside the caller’s view)',
  })
  actorOrganization(
    @Root() t: EvaluationTransitionType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(t.actorOrganizationId);
  }
}

export const evaluationResolvers = [
  EvaluationResolver,
  EvaluationFidelityResolver,
  EvaluationResponseResolver,
  EvaluationMutationResolver,
  EvaluationActualResolver,
  EvaluationTransitionResolver,
  GoalEvaluationsResolver,
] as const;
