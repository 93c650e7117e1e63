import { msg } from '../../common/errors';
import { GoalStatus, ReviewRole, WorkflowAction } from '../goal.enums';
import { draftingPrinciple } from './review-chain';
import {
  chainIsUsable,
  currentStep,
  isBlank,
  jurisdictionRefusal,
  notDrafter,
  notFinal,
  notInChain,
  outOfTurn,
  parentNotInForce,
  selfReview,
  wrongStatus,
} from './workflow-guards';
import { reject } from './workflow-reject';
import { badInput, forbidden, violation, type Refusal } from './workflow-refusal';
import { accept, record } from './workflow-record';
import { withdrawAdjustment } from './workflow-withdraw';
import {
  filingFits,
  isEditable,
  isEffective,
  isFrozen,
  isUnderReview,
  type ActionAvailability,
  type DecideInput,
  type Decision,
  type WorkflowActor,
  type WorkflowFacts,
  type WorkflowGoal,
} from './workflow-types';

export * from './workflow-types';

/**
 * The goal workflow (DOMAIN §7) as one pure function. Model:
 *
 *   DRAFT/RETURNED ─SUBMIT→ SUBMITTED (step 1 of n) ─APPROVE→ IN_REVIEW (step k of n) ─APPROVE at n→ APPROVED
 *   APPROVED ─ISSUE (finance at R, 批复下达)→ ISSUED ─REQUEST_ADJUSTMENT→ version n+1 in DRAFT … ─ISSUE→
 *   version n+1 ISSUED and version n SUPERSEDED.  SUBMITTED/IN_REVIEW ─RETURN (comment)→ RETURNED.
 *   Record path (002 第十二条, budget issued first): DRAFT/RETURNED ─FILE_FOR_RECORD→ FILED_FOR_RECORD,
 *   which the record holder (finance at R) may RETURN for correction (002 第十一条: 不符合要求的…修改完善).
 *   An adjustment (n+1) in DRAFT/RETURNED ─WITHDRAW_ADJUSTMENT (its drafter)→ WITHDRAWN (terminal, kept);
 *   version n may then be adjusted again.
 *   SUBMITTED/IN_REVIEW at the final step ─REJECT (finance, reason; 不予受理, 001 三(一))→ REJECTED (terminal).
 *   A child goal is approved, issued or filed only while its parent is in force (DOMAIN §5 Tree integrity).
 *
 * Checks run in a fixed order so each refusal names the right rule: jurisdiction (P6) → who may act
 * (P1/P2 drafting, P3 reviewing) → status (WORKFLOW_VIOLATION, P8 when frozen) → turn (P3) → input
 * (BAD_USER_INPUT) → gates and consistency (WORKFLOW_VIOLATION).
 */
export function decide(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  action: WorkflowAction,
  input: DecideInput = {},
): Decision {
  const outside = jurisdictionRefusal(goal, actor);
  if (outside) return outside;
  switch (action) {
    case WorkflowAction.EDIT:
      return edit(goal, actor);
    case WorkflowAction.SUBMIT:
    case WorkflowAction.FILE_FOR_RECORD:
      return submitOrFile(goal, actor, action, input);
    case WorkflowAction.APPROVE:
    case WorkflowAction.RETURN:
      return review(goal, actor, action, input);
    case WorkflowAction.ISSUE:
      return issue(goal, actor, input);
    case WorkflowAction.REQUEST_ADJUSTMENT:
      return requestAdjustment(goal, actor, input);
    case WorkflowAction.WITHDRAW_ADJUSTMENT:
      return withdrawAdjustment(goal, actor, input.comment);
    case WorkflowAction.REJECT:
      return reject(goal, actor, input.reason);
  }
}

/**
 * Every action with whether the actor may take it now and, if not, why (DOMAIN §7), so a UI shows
 * the right buttons. Free text (a return's comment, an adjustment's reason) is not known yet: it is
 * reported in `requires` rather than refused, so `allowed` equals `decide(...).ok` with that text given.
 */
export function availableActions(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  facts: WorkflowFacts = {},
): ActionAvailability[] {
  return Object.values(WorkflowAction).map((action) => {
    const d = decide(goal, actor, action, { ...facts, comment: '…', reason: '…' });
    const requires =
      action === WorkflowAction.RETURN
        ? 'comment'
        : action === WorkflowAction.REQUEST_ADJUSTMENT || action === WorkflowAction.REJECT
          ? 'reason'
          : null;
    if (d.ok) return { action, allowed: true, ...(requires ? { requires } : {}) };
    return {
      action,
      allowed: false,
      code: d.code,
      reason: d.message,
      ...(d.principle ? { principle: d.principle } : {}),
      ...(d.details ? { details: d.details } : {}),
    };
  });
}

/** P1/P2: only the drafter edits, and only while draft or returned (P8: frozen after approval). */
function edit(goal: WorkflowGoal, actor: WorkflowActor): Decision {
  if (actor.organizationId !== goal.drafterOrganizationId) return notDrafter(goal);
  if (!isEditable(goal.status)) {
    const hint = msg('审核中的目标须退回后修改', 'a goal under review is edited after a return');
    return wrongStatus(goal, WorkflowAction.EDIT, isFrozen(goal.status) ? undefined : hint);
  }
  return accept(goal, actor, WorkflowAction.EDIT, { status: goal.status, step: 0 }, null);
}

/**
 * SUBMIT sends the goal to step 1 of its chain; FILE_FOR_RECORD files it with finance after the budget
 * was issued first (002 第十二条). Each goal has one path, fixed by its filing basis.
 */
function submitOrFile(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  action: WorkflowAction.SUBMIT | WorkflowAction.FILE_FOR_RECORD,
  input: DecideInput,
): Decision {
  if (actor.organizationId !== goal.drafterOrganizationId) return notDrafter(goal);
  if (!isEditable(goal.status)) return wrongStatus(goal, action);
  const filing = action === WorkflowAction.FILE_FOR_RECORD;
  if (!filing && goal.filingBasis) {
    return violation(
      msg(
        '该目标的预算已先行下达，应编制后报财政部门备案，而非提交审核（002 第十二条）',
        'The budget was issued first: file this goal for record instead of submitting it (002 第十二条)',
      ),
    );
  }
  if (filing && (!goal.filingBasis || !filingFits(goal.filingBasis, goal.scope))) {
    return violation(
      msg(
        '只有先行下达预算的突发事件资金目标或未同步下达的分区域（分项目）目标可以报送备案（002 第十二条）',
        'Only goals whose budget was issued first (emergency funds, deferred regional/project goals) are filed for record',
      ),
    );
  }
  // DOMAIN §5 Tree integrity: a filed goal is in force at once, so its parent must already be.
  const orphan = filing ? parentNotInForce(input.parentStatus) : null;
  if (orphan) return orphan;
  const errors = input.completenessErrors ?? [];
  if (errors.length > 0) {
    return badInput(
      msg('绩效目标不完整，不能提交', 'The goal is incomplete and cannot be submitted'),
      errors,
    );
  }
  if (!chainIsUsable(goal.chain)) {
    return violation(msg('该目标没有可用的审核链', 'The goal has no usable review chain'));
  }
  return filing
    ? accept(goal, actor, action, { status: GoalStatus.FILED_FOR_RECORD, step: 0 }, null)
    : accept(goal, actor, action, { status: GoalStatus.SUBMITTED, step: 1 }, null);
}

/** P3: approve or return, only by the chain's organization at the current step, never by the drafter. */
function review(
  goal: WorkflowGoal,
  actor: WorkflowActor,
  action: WorkflowAction.APPROVE | WorkflowAction.RETURN,
  input: DecideInput,
): Decision {
  if (actor.organizationId === goal.drafterOrganizationId) return selfReview();
  if (!goal.chain.some((s) => s.organizationId === actor.organizationId)) return notInChain();
  const returning = action === WorkflowAction.RETURN;
  const commentNeeded = (): Refusal =>
    badInput(msg('退回须填写意见', 'A return needs a comment (DOMAIN §7)'));

  // A filing may be sent back for correction by its record holder (002 第十一条, 第十二条).
  if (returning && goal.status === GoalStatus.FILED_FOR_RECORD) {
    const last = goal.chain[goal.chain.length - 1];
    if (!last || last.organizationId !== actor.organizationId) return notFinal();
    if (isBlank(input.comment)) return commentNeeded();
    return accept(goal, actor, action, { status: GoalStatus.RETURNED, step: 0 }, last.role, input.comment);
  }
  if (!isUnderReview(goal.status)) return wrongStatus(goal, action);
  const step = currentStep(goal);
  if (!step) return violation(msg('审核步骤与审核链不符', 'The review step does not fit the chain'));
  if (step.organizationId !== actor.organizationId) return outOfTurn(step);

  if (returning) {
    if (isBlank(input.comment)) return commentNeeded();
    return accept(goal, actor, action, { status: GoalStatus.RETURNED, step: 0 }, step.role, input.comment);
  }
  // DOMAIN §5 tree integrity (the parent in force), the §6 gate of the project and of the fund's tree, and
  // §5 consistency block approval; every reason travels with the refusal.
  const orphan = parentNotInForce(input.parentStatus);
  const blockers = [
    ...(orphan ? [orphan.message] : []),
    ...(input.gateErrors ?? []),
    ...(input.consistencyErrors ?? []),
  ];
  if (blockers.length > 0) {
    return violation(
      msg(
        '存在未满足的前置条件或分解不一致，不能审核通过',
        'Unmet gates or inconsistent decomposition block approval',
      ),
      undefined,
      blockers,
    );
  }
  const to = step.final
    ? { status: GoalStatus.APPROVED, step: 0 }
    : { status: GoalStatus.IN_REVIEW, step: step.index + 1 };
  return accept(goal, actor, action, to, step.role, input.comment);
}

/** 批复下达 (002 第十二条; 003 第十四条): finance at the budget's level issues an approved goal. */
function issue(goal: WorkflowGoal, actor: WorkflowActor, input: DecideInput): Decision {
  if (actor.organizationId === goal.drafterOrganizationId) return selfReview();
  const last = goal.chain[goal.chain.length - 1];
  if (!last || last.organizationId !== actor.organizationId) return notFinal();
  if (goal.status !== GoalStatus.APPROVED) {
    return wrongStatus(
      goal,
      WorkflowAction.ISSUE,
      isFrozen(goal.status)
        ? undefined
        : msg('须先经审核链审定', 'it must first be approved by its review chain'),
    );
  }
  // DOMAIN §5 Tree integrity: a child is issued only while its parent is in force.
  const orphan = parentNotInForce(input.parentStatus);
  if (orphan) return orphan;
  return accept(goal, actor, WorkflowAction.ISSUE, { status: GoalStatus.ISSUED, step: 0 }, last.role);
}

/**
 * 绩效目标调整 (002 第十三条; 000 第十四条; 003 第十五条): an issued or filed goal changes only through a
 * new version with a reason, which runs the original procedure and supersedes this one when in force.
 * Requested by the drafter or by the competent department that supervises it (003 第十五条: 由区业务主管部门
 * 提出绩效目标调整申请); the requester drafts the new version.
 */
function requestAdjustment(goal: WorkflowGoal, actor: WorkflowActor, input: DecideInput): Decision {
  const supervisor = goal.chain.find((s) => s.role === ReviewRole.SUPERVISING_DEPARTMENT);
  const mayRequest =
    actor.organizationId === goal.drafterOrganizationId ||
    supervisor?.organizationId === actor.organizationId;
  if (!mayRequest) {
    return forbidden(
      draftingPrinciple(goal.scope),
      msg(
        '绩效目标调整由编制单位或其主管部门提出',
        "An adjustment is requested by the goal's drafter or its supervising department",
      ),
    );
  }
  if (!isEffective(goal.status)) {
    return wrongStatus(
      goal,
      WorkflowAction.REQUEST_ADJUSTMENT,
      msg('只有已批复下达或已备案的目标可以申请调整', 'only issued or filed goals are adjusted'),
    );
  }
  if (goal.adjustmentPending) {
    return violation(msg('该目标已有调整申请正在办理', 'An adjustment of this goal is already in progress'));
  }
  if (isBlank(input.reason)) {
    return badInput(msg('申请调整须说明理由', 'An adjustment request needs a reason'));
  }
  const reason = (input.reason as string).trim();
  const stay = { status: goal.status, step: 0 };
  return {
    ok: true,
    next: { ...stay, version: goal.version, frozen: true },
    transitionRecord: record(goal, actor, WorkflowAction.REQUEST_ADJUSTMENT, stay, null, reason),
    adjustment: {
      version: goal.version + 1,
      status: GoalStatus.DRAFT,
      step: 0,
      drafterOrganizationId: actor.organizationId,
      adjusts: goal.version,
      filingBasis: goal.filingBasis,
      reason,
    },
  };
}
