import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { LIST_SIZE } from '../common/list-cost';
import { boundedPageCost, ConnectionArgs, listConnection } from '../common/pagination';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { EvaluationConnection } from './dto/evaluation.types';
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
}
