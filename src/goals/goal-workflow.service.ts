import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import type { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import { runMutation } from '../common/mutation';
import type { GoalActionInput } from './dto/goal.inputs';
import type { RejectGoalInput } from './dto/goal-extra.inputs';
import { factsFor } from './goal-checks';
import { rebuildChain } from './goal-subject';
import { liveAdjustmentOf, visibleGoal } from './goal.query';
import { updateGoalRow } from './goal.repository';
import { meanings, refusalErrors } from './goal.errors';
import { workflowGoal } from './rules/workflow-goal';
import { GoalEntity } from './goal.entity';
import { GoalScope, WorkflowAction } from './goal.enums';
import { checkDepartmentGoalAtSubmit } from '../department-performance/common-indicators.service';
import { decide, type Accepted, type DecideInput, type Decision } from './rules/workflow';
import { refusal } from '../common/refusal';

const isSubmission = (a: WorkflowAction) =>
  a === WorkflowAction.SUBMIT || a === WorkflowAction.FILE_FOR_RECORD;

/** One workflow action (DOMAIN §7): `decide`, then the guarded update, the history row and the audit event. */
function transition(ctx: RequestContext, input: GoalActionInput | RejectGoalInput, action: WorkflowAction) {
  return runMutation(ctx, meanings, async (em) => {
    const caller: Principal = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    const { facts, problems } = await factsFor(ctx, current, action);
    const reason = 'reason' in input ? input.reason : null;
    const comment = 'comment' in input ? (input.comment ?? null) : null;
    const decideInput: DecideInput = { ...facts, comment, reason };
    const next = await liveAdjustmentOf(em, current);
    const d: Decision = decide(workflowGoal(current, next), caller, action, decideInput);
    if (!d.ok) {
      if (action === WorkflowAction.RETURN && d.code === ErrorCode.BAD_USER_INPUT) {
        throw refusal(ErrorCode.BAD_USER_INPUT, ['input', 'comment'], d.message);
      }
      if (action === WorkflowAction.REJECT && d.code === ErrorCode.BAD_USER_INPUT) {
        throw refusal(ErrorCode.BAD_USER_INPUT, ['input', 'reason'], d.message);
      }
      return refusalErrors(d, problems);
    }
    const changes: Partial<GoalEntity> = { status: d.next.status, currentStep: d.next.step };
    // DOMAIN §5; 003 第十二条(二): a department goal carries finance's 共性 indicators when it goes to review.
    if (current.scope === GoalScope.DEPARTMENT && isSubmission(action))
      await checkDepartmentGoalAtSubmit(em, current);
    if (action === WorkflowAction.SUBMIT) {
      // The chain is snapshotted on submission (DOMAIN §7): who reviews is fixed for this round.
      const chain = await rebuildChain(em, current);
      if (!chain.ok) return refusalErrors(chain);
      changes.reviewChain = chain.steps;
    }
    const r = d.transitionRecord;
    const stepCount = changes.reviewChain ? changes.reviewChain.length : r.stepCount;
    return updateGoalRow(ctx, em, current, input.expectedVersion, changes, {
      action,
      step: { record: r, stepCount },
      // Issuing (or filing) version n+1 supersedes version n, recorded before n+1's own event.
      children: async () => {
        if (d.supersedes && current.supersedesGoalId) await supersede(ctx, em, current.supersedesGoalId, d);
      },
      after: (goal) => ({ ...goal, comment: r.comment }),
    });
  });
}

/** Issuing (or filing) version n+1 supersedes version n (DOMAIN §7); n stays readable, with its record. */
async function supersede(ctx: RequestContext, em: EntityManager, previousId: string, d: Accepted) {
  const caller = ctx.caller;
  const previous = await em.findOneByOrFail(GoalEntity, { tenantId: caller.tenantId, id: previousId });
  const s = d.supersedes;
  if (!s) return;
  await updateGoalRow(
    ctx,
    em,
    previous,
    previous.rowVersion,
    { status: s.status },
    {
      action: 'SUPERSEDE',
      step: { record: s.transitionRecord, stepCount: previous.reviewChain.length },
      after: (goal) => goal,
    },
  );
}

export const submitGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.SUBMIT);
export const approveGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.APPROVE);
export const returnGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.RETURN);
export const issueGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.ISSUE);
export const fileGoalForRecord = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.FILE_FOR_RECORD);

/**
 * 撤回调整申请 (DOMAIN §7, §15): the drafter withdraws an adjustment still in DRAFT or RETURNED; it is kept
 * as WITHDRAWN with its history row and audit event, and version n may be adjusted again.
 */
export const withdrawAdjustment = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.WITHDRAW_ADJUSTMENT);

/**
 * 不予受理 (001 三(一); DOMAIN §7): finance at the final step refuses a goal under review with a reason;
 * REJECTED is terminal, recorded as a transition whose comment is the reason, and audited.
 */
export const rejectGoal = (ctx: RequestContext, input: RejectGoalInput) =>
  transition(ctx, input, WorkflowAction.REJECT);
