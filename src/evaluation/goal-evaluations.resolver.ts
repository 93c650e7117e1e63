import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { LIST_SIZE } from '../common/list-cost';
import { boundedPageCost, ConnectionArgs, listConnection } from '../common/pagination';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { prefetchedOf } from '../goals/goal-rows';
import { EvaluationConnection, EvaluationType } from './dto/evaluation.types';
import type { EvaluationEntity } from './evaluation.entity';
import { evaluationLoadersOf } from './evaluation.loaders';

/** `PerformanceGoal.evaluations` (DOMAIN §10), batched per request with DataLoader. */
@Resolver(() => PerformanceGoalType)
export class GoalEvaluationsResolver {
  @FieldResolver(() => EvaluationConnection, {
    complexity: boundedPageCost(LIST_SIZE.perItemHistory),
    description:
      '绩效评价 — the evaluations of this goal version the caller sees, oldest first (a connection, issue 11 item 7)',
  })
  async evaluations(@Root() g: GoalEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      EvaluationConnection,
      evaluationLoadersOf(ctx).evaluationsByGoalId.load(g.id),
      page,
      (e) => e.createdAt,
    );
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description:
      '单位自评 — the self-evaluation of this goal version (at most one, DOMAIN §10), with its score once submitted; null when none or outside the caller’s view (issue 18)',
  })
  selfEvaluation(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationEntity | null> | EvaluationEntity | null {
    // Issue 18: read with the goal by the look-ahead statement when the list resolver prefetched it.
    const prefetched = prefetchedOf(g);
    if (prefetched && prefetched.selfEvaluation !== undefined) return prefetched.selfEvaluation;
    return evaluationLoadersOf(ctx).selfEvaluationByGoalId.load(g.id);
  }
}
