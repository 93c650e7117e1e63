import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { GoalIndicatorType } from './dto/goal.types';
import type { GoalIndicatorEntity } from './goal-indicator.entity';

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

/** The goal links resolvers (composed by src/app/schema.ts). */
export const goalLinkResolvers = [GoalIndicatorLinksResolver] as const;
