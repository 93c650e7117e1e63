import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { fromGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { spotCheckLoadersOf } from '../spot-check/spot-check.loaders';
import type { RequestContext } from '../common/request-context';

/**
 * `node(id)` (DOMAIN §16): the same authorization as the typed lookups — it goes through the same
 * scoped loaders, so an object outside the caller's jurisdiction reads as null, like a missing one.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: '节点 — any object by global id; null when missing or out of jurisdiction',
  })
  async node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ) {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    switch (parsed.type) {
      case 'Region':
        return ctx.loaders.regionById.load(parsed.id);
      case 'Organization':
        return ctx.loaders.organizationById.load(parsed.id);
      case 'Fund':
        return ctx.loaders.fundById.load(parsed.id);
      case 'Allocation':
        return ctx.loaders.allocationById.load(parsed.id);
      case 'Project':
        return ctx.loaders.projectById.load(parsed.id);
      case 'ExAnteAssessment':
        return ctx.loaders.assessmentById.load(parsed.id);
      case 'PerformanceGoal':
        return ctx.loaders.goalById.load(parsed.id);
      case 'Evaluation':
        return evaluationLoadersOf(ctx).evaluationById.load(parsed.id);
      case 'SpotCheckSample':
        return spotCheckLoadersOf(ctx).sampleById.load(parsed.id);
      case 'SpotCheckItem':
        return spotCheckLoadersOf(ctx).itemById.load(parsed.id);
      case 'User':
        return (await ctx.scope.users()).andWhere('u.id = :id', { id: parsed.id }).getOne();
      default:
        return null;
    }
  }
}
