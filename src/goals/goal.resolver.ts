import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { availabilityFields } from '../common/availability';
import { toGlobalId } from '../common/global-id';
import {
  boundedPageCost,
  ConnectionArgs,
  listConnection,
  queryConnection,
  SortDirection,
  sortedBy,
} from '../common/pagination';
import { FilterArg, IdArg, loadByGlobalId, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from '../hierarchy/within-filter';
import { FundType, ProjectType } from '../funds/dto/funds.types';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import type { RegionEntity } from '../hierarchy/region.entity';
import { GoalFilter, GoalOrder, GoalSortField } from './dto/goal.inputs';
import {
  ActionAvailabilityType,
  GoalCategoryPointsType,
  GoalIndicatorType,
  GoalTransitionType,
  PerformanceGoalConnection,
  PerformanceGoalType,
  ReviewStepType,
} from './dto/goal.types';
import { categoryPointsView } from './goal-category-points';
import { factsFor } from './goal-checks';
import type { GoalIndicatorEntity } from './goal-indicator.entity';
import { workflowGoal } from './rules/workflow-goal';
import type { GoalTransitionEntity } from './goal-transition.entity';
import type { GoalEntity } from './goal.entity';
import { availableActions } from './rules/workflow';
import { LIST_SIZE, listCost } from '../common/list-cost';
import { goalPlanOf, goalRowsByParent, prefetchedOf } from './goal-rows';
import { whereAnyOf, whereContains, whereGlobalId } from '../common/list-filter';

const goalSort = sortColumns<GoalEntity, GoalSortField>('g', {
  NAME: ['name', (g) => g.name],
  YEAR: ['year', (g) => g.year],
});

@Resolver(() => PerformanceGoalType)
export class GoalResolver {
  @Query(() => PerformanceGoalType, {
    nullable: true,
    description: '绩效目标 — one goal version; null when missing or out of jurisdiction',
  })
  goal(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<GoalEntity | null> | null {
    return loadByGlobalId(ctx.loaders.goalById, id, 'PerformanceGoal');
  }

  @Query(() => PerformanceGoalConnection, {
    description:
      '绩效目标列表 — goals the caller sees (drafted by it, in its review chain, or in its subtree), filtered and sorted',
  })
  async goals(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(GoalFilter) filter?: GoalFilter,
    @OrderByArg(GoalOrder, 'name ascending') orderBy?: GoalOrder,
  ) {
    const qb = await ctx.scope.goals();
    if (filter?.year != null) qb.andWhere('g.year = :year', { year: filter.year });
    whereAnyOf(qb, 'g.scope', 'scope', filter?.scope);
    whereAnyOf(qb, 'g.status', 'status', filter?.status);
    whereGlobalId(qb, 'g.fund_id', 'fundId', filter?.fundId, 'Fund');
    whereGlobalId(qb, 'g.drafter_organization_id', 'drafterId', filter?.organizationId, 'Organization');
    whereContains(
      qb,
      ['g.name', 'g.annual_objective', 'g.implementation_period_objective'],
      'text',
      filter?.text,
    );
    await whereWithin(ctx, qb, 'g.region_path', filter?.within);
    return queryConnection(
      PerformanceGoalConnection,
      qb,
      page,
      sortedBy(goalSort, orderBy, GoalSortField.NAME),
      'g.id',
    );
  }

  @Query(() => PerformanceGoalConnection, {
    description:
      '待办 — goals awaiting the caller’s organization at their current review step (DOMAIN §7 inbox), oldest first',
    deprecationReason:
      'Use myInbox(kinds: [GOAL_REVIEW]) — 统一待办 lists every kind of work (issue 11 item 3)',
  })
  async myPendingReviews(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = (await ctx.scope.goals())
      .andWhere(`g.status IN ('SUBMITTED', 'IN_REVIEW')`)
      .andWhere(
        `g.review_chain @> jsonb_build_array(jsonb_build_object('organizationId', CAST(:inboxOrg AS text), 'index', g.current_step))`,
        { inboxOrg: ctx.caller.organizationId },
      );
    return queryConnection(
      PerformanceGoalConnection,
      qb,
      page,
      { sort: goalSort.CREATED_AT, direction: SortDirection.ASC },
      'g.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() g: GoalEntity): string {
    return toGlobalId('PerformanceGoal', g.id);
  }

  @FieldResolver(() => GoalCategoryPointsType, {
    description:
      '一级指标分值 — the category points in force (DOMAIN §10.1): the goal’s own (custom) or the defaults 10/50/30/10; they total 100 and bound the indicators’ points',
  })
  categoryPoints(@Root() g: GoalEntity): GoalCategoryPointsType {
    return categoryPointsView(g);
  }

  @FieldResolver(() => [GoalIndicatorType], {
    complexity: listCost(LIST_SIZE.indicators),
    description: '绩效指标 — the indicators, in form order',
  })
  indicators(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<GoalIndicatorEntity[]> | GoalIndicatorEntity[] {
    // Issue 18: read with the goal by the look-ahead statement when the list resolver prefetched them.
    return prefetchedOf(g)?.indicators ?? ctx.loaders.indicatorsByGoalId.load(g.id);
  }

  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description: '上级目标 — the parent goal (overall → regional → project); null if none or not visible',
  })
  parent(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> | null {
    return g.parentGoalId ? ctx.loaders.goalById.load(g.parentGoalId) : null;
  }

  @FieldResolver(() => PerformanceGoalConnection, {
    complexity: boundedPageCost(LIST_SIZE.goalChildren),
    description:
      '下级目标 — the child goals visible to the caller, oldest first (a connection, issue 11 item 7)',
  })
  async children(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Issue 18: plain rows of the selected columns when the selection allows (a fund tree's 150 regions).
    const plan = goalPlanOf(info);
    return listConnection(
      PerformanceGoalConnection,
      plan ? goalRowsByParent(ctx, plan).load(g.id) : ctx.loaders.goalsByParentId.load(g.id),
      page,
      (c) => c.createdAt,
    );
  }

  @FieldResolver(() => ProjectType, {
    nullable: true,
    description: '项目 — the project, if the subject is one',
  })
  project(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<ProjectEntity | null> | null {
    return g.projectId ? ctx.loaders.projectById.load(g.projectId) : null;
  }

  @FieldResolver(() => FundType, { nullable: true, description: '专项资金 — the fund of a transfer goal' })
  fund(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<FundEntity | null> | null {
    return g.fundId ? ctx.loaders.fundById.load(g.fundId) : null;
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '区划 — the subject’s region (null only if outside the caller’s view)',
  })
  region(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(g.regionId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '编制单位 — the drafting organization (null only if outside the caller’s view)',
  })
  drafter(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(g.drafterOrganizationId);
  }

  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description: '上一版本 — version n that this adjustment (n+1) replaces; null for the first version',
  })
  previousVersion(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> | null {
    return g.supersedesGoalId ? ctx.loaders.goalById.load(g.supersedesGoalId) : null;
  }

  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description:
      '下一版本 — the live adjustment (n+1) requested of this version; null if none (withdrawn ones are in withdrawnAdjustments)',
  })
  nextVersion(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> {
    return ctx.loaders.adjustmentByGoalId.load(g.id);
  }

  @FieldResolver(() => PerformanceGoalConnection, {
    complexity: boundedPageCost(LIST_SIZE.perItemHistory),
    description:
      '已撤回的调整申请 — adjustments of this version that their drafters withdrew (WITHDRAWN, kept as history), oldest first (a connection, issue 11 item 7)',
  })
  async withdrawnAdjustments(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
  ) {
    return listConnection(
      PerformanceGoalConnection,
      ctx.loaders.withdrawnAdjustmentsByGoalId.load(g.id),
      page,
      (a) => a.createdAt,
    );
  }

  @FieldResolver(() => [ReviewStepType], {
    description:
      '审核链 — the review chain (DOMAIN §7 table), snapshotted on submission; the last step is final',
  })
  reviewChain(@Root() g: GoalEntity): ReviewStepType[] {
    return g.reviewChain.map((s) => ({
      index: s.index,
      role: s.role,
      final: s.final,
      current: g.currentStep === s.index,
      organizationId: s.organizationId,
    }));
  }

  @FieldResolver(() => [GoalTransitionType], {
    complexity: listCost(LIST_SIZE.transitions),
    description: '流转记录 — the review history of this version, oldest first',
  })
  transitions(@Root() g: GoalEntity, @Ctx() ctx: RequestContext): Promise<GoalTransitionEntity[]> {
    return ctx.loaders.transitionsByGoalId.load(g.id);
  }

  @FieldResolver(() => [ActionAvailabilityType], {
    description:
      '可办理操作 — every workflow action with whether the caller may take it now and, if not, why (for UI buttons)',
  })
  async availableActions(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionAvailabilityType[]> {
    const [{ facts }, next] = await Promise.all([
      factsFor(ctx, g, null),
      ctx.loaders.adjustmentByGoalId.load(g.id),
    ]);
    return availableActions(workflowGoal(g, next), ctx.caller, facts).map((a) => ({
      ...availabilityFields(a),
      action: a.action,
      details: (a.details ?? []).map((m) => m.zh),
    }));
  }
}

@Resolver(() => ReviewStepType)
export class ReviewStepResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '审核单位 — the reviewing organization; shown to every caller who sees the goal, the drafter included (DOMAIN §7: the organisations of the review chain are never hidden from those who take part in it)',
  })
  organization(@Root() s: ReviewStepType, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.goalParticipantById.load(s.organizationId);
  }
}

@Resolver(() => GoalTransitionType)
export class GoalTransitionResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '办理单位 — the acting organization; shown to every caller who sees the goal, the drafter included (DOMAIN §7)',
  })
  actorOrganization(
    @Root() t: GoalTransitionType,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return ctx.loaders.goalParticipantById.load(t.actorOrganizationId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '办理人 — the acting person’s name, shown to the acting organization itself and to bodies whose jurisdiction covers the actor’s region (the same level or above); null for lower levels and units, who see the organization only',
  })
  async actorName(@Root() t: GoalTransitionType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const caller = ctx.caller;
    const actor = await ctx.loaders.goalActorById.load(t.actorUserId);
    if (!actor) return null;
    const own = caller.organizationId === t.actorOrganizationId;
    const above = hasSubtreeJurisdiction(caller) && actor.regionPath.startsWith(caller.regionPath);
    return own || above ? actor.displayName : null;
  }
}

@Resolver(() => GoalIndicatorType)
export class GoalIndicatorResolver {
  @FieldResolver(() => ID, { description: '全局标识 — global id, to link child indicators to this one' })
  id(@Root() i: GoalIndicatorEntity): string {
    return toGlobalId('GoalIndicator', i.id);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      '关联上级指标 — global id of the parent goal’s indicator this one contributes to; 保留兼容 — kept for compatibility, read `parentIndicator`',
  })
  parentIndicatorId(@Root() i: GoalIndicatorEntity): string | null {
    return i.parentIndicatorId ? toGlobalId('GoalIndicator', i.parentIndicatorId) : null;
  }
}
