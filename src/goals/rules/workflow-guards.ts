import { msg, type Message } from '../../common/errors';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { GoalStatus, type WorkflowAction } from '../goal.enums';
import type { ReviewStep } from './review-chain';
import { draftingPrinciple } from './review-chain';
import { forbidden, isWithin, violation, type Refusal } from './workflow-refusal';
import { isFrozen, parentInForce, type WorkflowActor, type WorkflowGoal } from './workflow-types';

const statusNames: Record<GoalStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  IN_REVIEW: '审核中',
  APPROVED: '已审定',
  ISSUED: '已批复下达',
  RETURNED: '已退回',
  SUPERSEDED: '已被调整替代',
  FILED_FOR_RECORD: '已备案',
  WITHDRAWN: '已撤回',
  REJECTED: '不予受理',
};

/**
 * P6 jurisdiction (DOMAIN §3, §8): another tenant, or a body that is neither the drafter nor at an
 * ancestor-or-self region of the goal, acts on nothing. Audit offices read and write nothing here
 * (003 第七条, 第九条: they audit); third parties take no part in drafting or reviewing goals; a unit
 * acts only on its own goals.
 */
export function jurisdictionRefusal(goal: WorkflowGoal, actor: WorkflowActor): Refusal | null {
  const outside = forbidden('P6', msg('未找到该绩效目标', 'Performance goal not found'));
  if (actor.tenantId !== goal.tenantId) return outside;
  if (actor.organizationKind === OrganizationKind.AUDIT_OFFICE) {
    return forbidden(
      'P6',
      msg(
        '审计部门只能查阅绩效目标，不能办理流程操作',
        'Audit offices read goals; they take no workflow action',
      ),
    );
  }
  if (actor.organizationKind === OrganizationKind.THIRD_PARTY) {
    return forbidden(
      'P6',
      msg(
        '第三方机构不参与绩效目标的编制和审核',
        'Third parties take no part in drafting or reviewing goals',
      ),
    );
  }
  if (actor.organizationId === goal.drafterOrganizationId) return null;
  if (actor.organizationKind === OrganizationKind.IMPLEMENTING_UNIT) return outside;
  return isWithin(goal.regionPath, actor.regionPath) ? null : outside;
}

/** Drafting actions (edit, submit, file) belong to the drafter: P1 for transfer overall/regional, else P2. */
export function notDrafter(goal: WorkflowGoal): Refusal {
  return forbidden(
    draftingPrinciple(goal.scope),
    msg(
      '只有绩效目标的编制单位可以编辑、提交或报送备案',
      "Only the goal's drafting organization edits, submits or files it",
    ),
  );
}

/** 谁审核预算、谁审核目标 (002 第十一条): reviewing your own goal is never allowed (DOMAIN §7). */
export const selfReview = (): Refusal =>
  forbidden(
    'P3',
    msg('不能审核本单位编制的绩效目标', 'You may not review a goal your organization drafted (P3)'),
  );

export const notInChain = (): Refusal =>
  forbidden(
    'P3',
    msg(
      '只有审核链中的单位可以审核该绩效目标（谁审核预算、谁审核目标）',
      "Only the organizations of the goal's review chain review it (P3)",
    ),
  );

export const outOfTurn = (step: ReviewStep): Refusal =>
  forbidden(
    'P3',
    msg(
      `当前处于第${step.index}步审核，由该步的审核单位办理`,
      `The goal is at review step ${step.index}; only that step's organization may act (P3)`,
    ),
  );

export const notFinal = (): Refusal =>
  forbidden(
    'P3',
    msg(
      '批复下达及备案由预算同级财政部门（审核链最后一步）办理',
      "Issuing and receiving filings is for finance at the budget's level, the chain's final step (P3)",
    ),
  );

/**
 * The action does not fit the goal's status. P8 when the goal is frozen (approved, issued, filed,
 * superseded or withdrawn, 002 第十三条; 000 第十四条): changes then go through an adjustment.
 */
export function wrongStatus(goal: WorkflowGoal, action: WorkflowAction, hint?: Message): Refusal {
  const name = statusNames[goal.status];
  const base =
    goal.status === GoalStatus.WITHDRAWN
      ? msg('该调整申请已撤回，只可查阅', 'This adjustment request was withdrawn; it is read-only (P8)')
      : goal.status === GoalStatus.REJECTED
        ? msg(
            '绩效目标已被财政部门不予受理，只可查阅（001 三(一)）',
            'The goal was refused by finance (不予受理, 001 三(一)); it is read-only (P8)',
          )
        : goal.status === GoalStatus.SUPERSEDED
          ? msg(
              '绩效目标已被新版本替代，只可查阅',
              'The goal was superseded by a later version; it is read-only (P8)',
            )
          : goal.status === GoalStatus.APPROVED
            ? msg(
                '绩效目标已审定、待批复下达，不得变更',
                'The goal is approved and awaiting issue; it is frozen (P8)',
              )
            : isFrozen(goal.status)
              ? msg(
                  `绩效目标${name}，不得变更；确需调整的，应申请调整`,
                  `The goal is ${goal.status} and frozen; request an adjustment to change it (P8)`,
                )
              : msg(
                  `绩效目标当前状态为“${name}”，不能执行该操作`,
                  `${action} is not possible while the goal is ${goal.status}`,
                );
  const message = hint ? msg(`${base.zh}（${hint.zh}）`, `${base.en} (${hint.en})`) : base;
  return violation(message, isFrozen(goal.status) ? 'P8' : undefined);
}

/** The step awaiting action, or null when the stored step does not fit the chain (a corrupt state). */
export function currentStep(goal: WorkflowGoal): ReviewStep | null {
  return goal.step >= 1 && goal.step <= goal.chain.length ? (goal.chain[goal.step - 1] ?? null) : null;
}

/** A usable chain: at least one step, numbered 1…n, the last one final. */
export function chainIsUsable(chain: readonly ReviewStep[]): boolean {
  return chain.length > 0 && chain.every((s, i) => s.index === i + 1 && s.final === (i === chain.length - 1));
}

export const isBlank = (text: string | null | undefined): boolean => !text || text.trim().length === 0;

/**
 * DOMAIN §5 Tree integrity: a child goal is approved, issued or filed only while its parent is in force
 * (approved, issued or filed); `parentStatus` is absent for a goal without a parent.
 */
export function parentNotInForce(parentStatus: GoalStatus | null | undefined): Refusal | null {
  if (parentStatus === undefined || parentStatus === null || parentInForce(parentStatus)) return null;
  const name = statusNames[parentStatus];
  return violation(
    msg(
      `上级绩效目标尚未生效（当前为“${name}”），下级目标须待上级目标审定或批复下达后才能审定、下达或备案（分区域绩效目标汇总后应与整体绩效目标保持对应关系）`,
      `The parent goal is not in force (it is ${parentStatus}); a child goal is approved, issued or filed only once its parent is approved or issued (DOMAIN §5 tree integrity)`,
    ),
  );
}
