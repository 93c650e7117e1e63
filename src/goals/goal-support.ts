import { randomUUID } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import type { Principal } from '../auth/principal';
import { money, type Decimal } from '../common/decimal';
import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import { type ConstraintMeanings } from '../common/mutation';
import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { GoalTransitionEntity } from './goal-transition.entity';
import { GoalEntity } from './goal.entity';
import { GoalStatus } from './goal.enums';
import { type Problem } from './rules/indicator-rules';
import { type TransitionRecord, type WorkflowGoal } from './rules/workflow';
import type { Refusal } from './rules/workflow-refusal';

export const meanings: ConstraintMeanings = {
  ck_performance_goal_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该绩效目标当前状态不允许此操作', 'The goal’s status does not allow this'),
  },
  ck_goal_indicator_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的绩效目标不能修改指标', 'The indicators of a submitted goal cannot be changed'),
  },
  fk_goal_indicator_parent: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'indicators'],
    message: msg(
      '下级目标的指标关联了本目标的指标，不能整体替换；请先调整下级目标',
      "Child goals' indicators link to this goal's indicators, so they cannot be replaced; change the child goals first",
    ),
  },
  // Two racing requests for the same version: the unique partial index keeps one live adjustment (DOMAIN §7).
  uq_performance_goal_supersedes: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该目标已有调整申请正在办理', 'An adjustment of this goal is already in progress'),
  },
  ck_goal_indicator_pair: {
    code: ErrorCode.BAD_USER_INPUT,
    field: ['input', 'indicators'],
    message: msg('二级指标不属于所选一级指标', 'The subcategory does not belong to the category'),
  },
};

export const notFound = (field: string[] = ['input', 'id']): never =>
  abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该绩效目标', 'Performance goal not found'));

export const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/**
 * A goal row as the pure workflow sees it (DOMAIN §7). `next` is the live version that adjusts this one,
 * if any (`liveAdjustmentOf`): while it is not yet in force, another adjustment is pending. A withdrawn
 * one never counts (DOMAIN §7, §15: it is kept, but version n may be adjusted again).
 */
export function workflowGoal(g: GoalEntity, next: GoalEntity | null = null): WorkflowGoal {
  return {
    id: g.id,
    tenantId: g.tenantId,
    scope: g.scope,
    version: g.goalVersion,
    status: g.status,
    step: g.currentStep,
    chain: g.reviewChain,
    drafterOrganizationId: g.drafterOrganizationId,
    regionPath: g.regionPath,
    filingBasis: g.filingBasis,
    adjusts: g.supersedesGoalId ? g.goalVersion - 1 : null,
    adjustmentPending:
      next !== null && next.status !== GoalStatus.SUPERSEDED && next.status !== GoalStatus.WITHDRAWN,
  };
}

/** The live adjustment (n+1) of version n: withdrawn ones are history, not "the next version". */
export function liveAdjustmentOf(em: EntityManager, g: GoalEntity): Promise<GoalEntity | null> {
  return em.findOneBy(GoalEntity, {
    tenantId: g.tenantId,
    supersedesGoalId: g.id,
    status: Not(GoalStatus.WITHDRAWN),
  });
}

/** A refusal of the workflow as one user error; P6 reads exactly like a missing goal (DOMAIN §8). */
export function refusalErrors(refusal: Refusal, details: readonly Problem[] = []) {
  if (refusal.principle === 'P6') return notFound();
  if (refusal.code === ErrorCode.BAD_USER_INPUT && details.length > 0) {
    throw new UserErrorsAbort(details.map((p) => userError(p.code, p.field, p.message)));
  }
  const main = userError(refusal.code, ['input', 'id'], refusal.message, refusal.principle ?? null);
  const extra = (refusal.details ?? []).map((m: Message) => userError(refusal.code, ['input', 'id'], m));
  throw new UserErrorsAbort([main, ...extra]);
}

export const amount = (d: Decimal | null | undefined): string | null => (d == null ? null : money(d));
export const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();

export async function reload(ctx: RequestContext, em: EntityManager, id: string) {
  ctx.loaders.goalById.clear(id);
  ctx.loaders.indicatorsByGoalId.clear(id);
  ctx.loaders.transitionsByGoalId.clear(id);
  const goal = await em.findOneByOrFail(GoalEntity, { tenantId: ctx.caller.tenantId, id });
  const indicators = await em.find(GoalIndicatorEntity, {
    where: { tenantId: ctx.caller.tenantId, goalId: id },
    order: { position: 'ASC' },
  });
  return { goal, indicators };
}

export const snapshot = (g: GoalEntity, indicators: GoalIndicatorEntity[]) => ({
  ...g,
  indicators: indicators.map((i) => ({ ...i })),
});

export async function visibleGoal(ctx: RequestContext, globalId: string): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await ctx.loaders.goalById.load(id) : null;
  return goal ?? notFound();
}

export async function insertTransition(
  em: EntityManager,
  caller: Principal,
  goalId: string,
  r: TransitionRecord,
  stepCount: number,
) {
  await em.insert(GoalTransitionEntity, {
    tenantId: caller.tenantId,
    id: randomUUID(),
    goalId,
    goalVersion: r.version,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    fromStep: r.fromStep,
    toStep: r.toStep,
    stepCount,
    role: r.role,
    actorUserId: caller.userId,
    actorOrganizationId: caller.organizationId,
    comment: r.comment,
  });
}
