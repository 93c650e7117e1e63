import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { GoalIndicatorType } from '../goals/dto/goal.types';
import { indicatorById } from '../goals/goal-links.resolver';
import { EvaluationActualType } from './dto/evaluation-lines.types';
import type { EvaluationActualEntity } from './evaluation-actual.entity';

/**
 * Objects, not bare ids (issue 11 item 7): the goal indicator an actual reports on (附件6, DOMAIN §10),
 * batched per request through the scoped indicator loader (null when its goal is out of view, P6).
 */
@Resolver(() => EvaluationActualType)
export class EvaluationActualLinksResolver {
  @FieldResolver(() => GoalIndicatorType, {
    nullable: true,
    description: '绩效指标 — the goal indicator reported on (null when the caller may not see its goal, P6)',
  })
  indicator(@Root() a: EvaluationActualEntity, @Ctx() ctx: RequestContext) {
    return indicatorById(ctx).load(a.indicatorId);
  }
}

/** The evaluation links resolvers (composed by src/app/schema.ts). */
export const evaluationLinkResolvers = [EvaluationActualLinksResolver] as const;
