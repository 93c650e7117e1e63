import { msg } from '../../common/errors';
import { GoalStatus, WorkflowAction } from '../goal.enums';
import {
  currentStep,
  isBlank,
  notFinal,
  notInChain,
  outOfTurn,
  selfReview,
  wrongStatus,
} from './workflow-guards';
import { accept } from './workflow-record';
import { badInput, violation } from './workflow-refusal';
import { isUnderReview, type Decision, type WorkflowActor, type WorkflowGoal } from './workflow-types';

/**
 * 不予受理 (001 三(一): 对不申报预算绩效目标或已申报但不符合要求的，应要求单位修改、重新申报…经审核仍不合格的，
 * 可不予受理; DOMAIN §7): finance at the budget's level — the chain's final step, P3 — refuses a goal under
 * review once it has reached that step. REJECTED is terminal and frozen (P8); the reason is required and
 * kept as the transition's comment. The drafter never refuses its own goal; no other step refuses.
 */
export function reject(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  reason: string | null | undefined,
): Decision {
  if (actor.organizationId === goal.drafterOrganizationId) return selfReview();
  if (!goal.chain.some((s) => s.organizationId === actor.organizationId)) return notInChain();
  const last = goal.chain[goal.chain.length - 1];
  if (!last || last.organizationId !== actor.organizationId) return notFinal();
  if (!isUnderReview(goal.status)) return wrongStatus(goal, WorkflowAction.REJECT);
  const step = currentStep(goal);
  if (!step) return violation(msg('审核步骤与审核链不符', 'The review step does not fit the chain'));
  if (!step.final) return outOfTurn(step);
  if (isBlank(reason)) {
    return badInput(msg('不予受理须说明理由', 'A refusal (不予受理) needs a reason (001 三(一))'));
  }
  return accept(
    goal,
    actor,
    WorkflowAction.REJECT,
    { status: GoalStatus.REJECTED, step: 0 },
    last.role,
    reason,
  );
}
