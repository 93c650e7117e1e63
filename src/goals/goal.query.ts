import { Not, type EntityManager } from 'typeorm';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { notFound } from './goal.errors';
import { GoalEntity } from './goal.entity';
import { GoalStatus } from './goal.enums';

/** Reads of the goal services (P6: a goal out of view reads exactly like a missing one). */

export async function visibleGoal(ctx: RequestContext, globalId: string): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await ctx.loaders.goalById.load(id) : null;
  return goal ?? notFound();
}

/** The live adjustment (n+1) of version n: withdrawn ones are history, not "the next version". */
export function liveAdjustmentOf(em: EntityManager, g: GoalEntity): Promise<GoalEntity | null> {
  return em.findOneBy(GoalEntity, {
    tenantId: g.tenantId,
    supersedesGoalId: g.id,
    status: Not(GoalStatus.WITHDRAWN),
  });
}
