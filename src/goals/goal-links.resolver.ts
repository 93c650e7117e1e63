import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { LIST_SIZE } from '../common/list-cost';
import { boundedPageCost, ConnectionArgs, listConnection } from '../common/pagination';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { GoalIndicatorType, PerformanceGoalConnection } from './dto/goal.types';
import { OrganizationGoalFilter } from './dto/organization-goals.inputs';
import type { GoalIndicatorEntity } from './goal-indicator.entity';
import { goalPlanOf, goalsByDrafter } from './goal-rows';

/**
 * Objects, not bare ids (issue 11 item 7): an indicator by id, for the links that name one (a child goal's
 * indicator names the parent goal's indicator it contributes to, DOMAIN §5; an evaluation's actual names the
 * indicator it reports, DOMAIN §10). One statement per batch through the scoped helper (the goals the
 * caller may see, P6): an indicator of a goal out of view reads null, like a missing one.
 */
const perRequest = new WeakMap<RequestContext, DataLoader<string, GoalIndicatorEntity | null>>();

export function indicatorById(ctx: RequestContext): DataLoader<string, GoalIndicatorEntity | null> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await (await ctx.scope.goalIndicators()).andWhere('gi.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => GoalIndicatorType)
export class GoalIndicatorLinksResolver {
  @FieldResolver(() => GoalIndicatorType, {
    nullable: true,
    description:
      '关联上级指标 — the parent goal’s indicator this one contributes to (DOMAIN §5); null when none or when the caller may not see the parent goal (P6)',
  })
  parentIndicator(@Root() i: GoalIndicatorEntity, @Ctx() ctx: RequestContext) {
    return i.parentIndicatorId ? indicatorById(ctx).load(i.parentIndicatorId) : null;
  }
}

/**
 * Issue 18: an organization's own goals as a connection, so a frontend lists regions → units → goals in
 * one request. The goals it drafted that the caller sees (P6, the goals' registered scope), oldest
 * first; one statement for every organization of the request, built from the selected fields.
 */
@Resolver(() => OrganizationType)
export class OrganizationGoalsResolver {
  @FieldResolver(() => PerformanceGoalConnection, {
    complexity: boundedPageCost(LIST_SIZE.goalChildren),
    description:
      '编制的绩效目标 — the goals this organization drafted that the caller sees, oldest first (a connection, issue 18)',
  })
  async goals(
    @Root() organization: OrganizationEntity,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OrganizationGoalFilter, { nullable: true, description: '筛选 — filters' })
    filter?: OrganizationGoalFilter,
  ) {
    const goals = goalsByDrafter(ctx, filter, goalPlanOf(info)).load(organization.id);
    return listConnection(PerformanceGoalConnection, goals, page, (g) => g.createdAt);
  }
}

/** The goal links resolvers (composed by src/app/schema.ts). */
export const goalLinkResolvers = [GoalIndicatorLinksResolver, OrganizationGoalsResolver] as const;
