import type { EntityManager } from 'typeorm';
import { msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { refusal } from '../common/refusal';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { GoalEntity } from '../goals/goal.entity';
import type { EvaluationEntity } from './evaluation.entity';
import { evaluationLoadersOf } from './evaluation.loaders';

/** Reads of the evaluation module's services (P6: anything out of view reads as missing). */

export const notFound = (field: readonly string[] = ['input', 'id']): never => {
  throw refusal.notFound(msg('未找到该绩效评价', 'Evaluation not found'), field);
};

/** The evaluation a global id names, if the caller sees it (P6: out of view reads as missing). */
export async function visibleEvaluation(ctx: RequestContext, globalId: string): Promise<EvaluationEntity> {
  const id = idOfType(globalId, 'Evaluation');
  const evaluation = id ? await evaluationLoadersOf(ctx).evaluationById.load(id) : null;
  return evaluation ?? notFound();
}

/** The goal a global id names, if the caller sees it. */
export async function visibleGoal(ctx: RequestContext, globalId: string): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await ctx.loaders.goalById.load(id) : null;
  if (!goal)
    throw refusal.notFound(msg('未找到该绩效目标', 'Performance goal not found'), ['input', 'goalId']);
  return goal;
}

/** The indicators of the evaluated goal, in form order. */
export const goalIndicators = (em: EntityManager, tenantId: string, goalId: string) =>
  em.find(GoalIndicatorEntity, { where: { tenantId, goalId }, order: { position: 'ASC' } });
