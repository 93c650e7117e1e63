import { msg } from '../../common/errors';
import { GoalStatus, WorkflowAction } from '../goal.enums';
import { draftingPrinciple } from './review-chain';
import { wrongStatus } from './workflow-guards';
import { accept } from './workflow-record';
import { forbidden, violation } from './workflow-refusal';
import { isEditable, isFrozen, type Decision, type WorkflowActor, type WorkflowGoal } from './workflow-types';

/**
 * 撤回调整申请 (DOMAIN §7, §15): the drafter of an adjustment (version n+1) that was never submitted, or
 * was returned, abandons it. The row becomes `WITHDRAWN` — terminal, frozen (P8) and kept with its history,
 * never deleted (§15) — and no longer counts as pending, so version n may be adjusted again (a new n+1).
 * Only the drafter withdraws, as only the drafter edits (P1/P2); a goal under review is returned first, so
 * the reviewer at its current step has let it go (P3). The comment is optional and kept on the record.
 */
export function withdrawAdjustment(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  comment?: string | null,
): Decision {
  if (actor.organizationId !== goal.drafterOrganizationId) {
    return forbidden(
      draftingPrinciple(goal.scope),
      msg(
        '只有调整申请的编制单位可以撤回该申请',
        'Only the organization drafting the adjustment may withdraw it',
      ),
    );
  }
  if (goal.adjusts === null) {
    return violation(
      msg(
        '只有调整申请（第2版及以后的版本）可以撤回；首版绩效目标不撤回',
        'Only an adjustment request (version 2 or later) is withdrawn; a first version is not',
      ),
    );
  }
  if (!isEditable(goal.status)) {
    const hint = isFrozen(goal.status)
      ? undefined
      : msg(
          '审核中的调整申请须先退回再撤回',
          'an adjustment under review is returned before it is withdrawn',
        );
    return wrongStatus(goal, WorkflowAction.WITHDRAW_ADJUSTMENT, hint);
  }
  return accept(
    goal,
    actor,
    WorkflowAction.WITHDRAW_ADJUSTMENT,
    { status: GoalStatus.WITHDRAWN, step: 0 },
    null,
    comment,
  );
}
