import { GoalStatus, type ReviewRole, type WorkflowAction } from '../goal.enums';
import { isBlank } from './workflow-guards';
import {
  isEffective,
  isFrozen,
  type Decision,
  type TransitionRecord,
  type WorkflowActor,
  type WorkflowGoal,
} from './workflow-types';

/** The record of one transition (DOMAIN §7: who, which organisation, comment; the service stamps when). */
export function record(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  action: WorkflowAction,
  to: { status: GoalStatus; step: number },
  role: ReviewRole | null,
  comment?: string | null,
): TransitionRecord {
  return {
    goalId: goal.id,
    version: goal.version,
    action,
    fromStatus: goal.status,
    toStatus: to.status,
    fromStep: goal.step,
    toStep: to.step,
    stepCount: goal.chain.length,
    actorUserId: actor.userId,
    actorOrganizationId: actor.organizationId,
    role,
    comment: isBlank(comment) ? null : (comment as string).trim(),
  };
}

/** An accepted action: the next state, its record, and the supersession an adjustment brings. */
export function accept(...move: Parameters<typeof record>): Decision {
  const [goal, , , to] = move;
  const transitionRecord = record(...move);
  const next = { ...to, version: goal.version, frozen: isFrozen(to.status) };
  // Issuing or filing an adjustment supersedes the version it adjusts (DOMAIN §7); n stays readable.
  if (goal.adjusts !== null && isEffective(to.status)) {
    const supersededRecord: TransitionRecord = {
      ...transitionRecord,
      version: goal.adjusts,
      // An adjustment keeps the original's path (000 第十四条), so the original was filed iff this one is.
      fromStatus: goal.filingBasis ? GoalStatus.FILED_FOR_RECORD : GoalStatus.ISSUED,
      toStatus: GoalStatus.SUPERSEDED,
      fromStep: 0,
      toStep: 0,
      comment: `由第${goal.version}版替代 (superseded by version ${goal.version})`,
    };
    return {
      ok: true,
      next,
      transitionRecord,
      supersedes: {
        version: goal.adjusts,
        status: GoalStatus.SUPERSEDED,
        transitionRecord: supersededRecord,
      },
    };
  }
  return { ok: true, next, transitionRecord };
}
