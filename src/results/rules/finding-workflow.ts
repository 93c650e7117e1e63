/**
 * The finding workflow (DOMAIN §13; 002 第二十八条(二); 003 转移支付 第三十三条), one pure `decide()` for both
 * the mutations and `availableActions`: OPEN → FEEDBACK_GIVEN (the evaluating body gives feedback) →
 * RESPONDED (the evaluated body reports its rectification) → VERIFIED by finance at the level, or
 * REOPENED (finance finds the rectification insufficient; the evaluated body responds again).
 */

export enum FindingState {
  OPEN = 'OPEN',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  RESPONDED = 'RESPONDED',
  VERIFIED = 'VERIFIED',
  REOPENED = 'REOPENED',
}

export enum FindingAction {
  GIVE_FEEDBACK = 'GIVE_FEEDBACK',
  RESPOND = 'RESPOND',
  VERIFY = 'VERIFY',
  REOPEN = 'REOPEN',
}

/** The caller's relation to a finding. */
export interface FindingRoles {
  /** The evaluating body (反馈: 评价结果反馈被评价单位). */
  isFeedbackGiver: boolean;
  /** The evaluated body (整改: 被评价单位报送整改报告). */
  isResponder: boolean;
  /** Finance at the finding's level (同级财政部门). */
  isVerifier: boolean;
}

export type Decision =
  | { allowed: true; to: FindingState }
  | { allowed: false; code: 'FORBIDDEN' | 'WORKFLOW_VIOLATION'; zh: string; en: string };

const S = FindingState;

/** Each action: the states it starts from, the state it leads to, and who may take it (DOMAIN §13). */
const RULES: Record<FindingAction, { from: FindingState[]; to: FindingState; role: keyof FindingRoles }> = {
  GIVE_FEEDBACK: { from: [S.OPEN], to: S.FEEDBACK_GIVEN, role: 'isFeedbackGiver' },
  RESPOND: { from: [S.FEEDBACK_GIVEN, S.REOPENED], to: S.RESPONDED, role: 'isResponder' },
  VERIFY: { from: [S.RESPONDED], to: S.VERIFIED, role: 'isVerifier' },
  REOPEN: { from: [S.RESPONDED], to: S.REOPENED, role: 'isVerifier' },
};

/** The refusal (Chinese, English) when the caller does not hold the action's role. */
const WHO: Record<FindingAction, [string, string]> = {
  GIVE_FEEDBACK: ['只有评价主体可以反馈评价结果', 'Only the evaluating body gives feedback'],
  RESPOND: ['只有被评价单位可以报送整改情况', 'Only the evaluated body reports its rectification'],
  VERIFY: ['只有同级财政部门可以核实整改', 'Only finance at the level verifies a rectification'],
  REOPEN: ['只有同级财政部门可以退回整改', 'Only finance at the level reopens a rectification'],
};

const STATE_ZH: Record<FindingState, string> = {
  OPEN: '待反馈',
  FEEDBACK_GIVEN: '已反馈',
  RESPONDED: '已报送整改',
  VERIFIED: '已核实',
  REOPENED: '已退回整改',
};

/** Whether `roles` may take `action` on a finding in `state`, and the state it leads to. */
export function decide(state: FindingState, action: FindingAction, roles: FindingRoles): Decision {
  const rule = RULES[action];
  const [zh, en] = WHO[action];
  if (!roles[rule.role]) return { allowed: false, code: 'FORBIDDEN', zh, en };
  if (!rule.from.includes(state)) {
    return {
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
      zh: `问题处于“${STATE_ZH[state]}”状态，不能执行该操作`,
      en: `A finding in state ${state} does not allow ${action}`,
    };
  }
  return { allowed: true, to: rule.to };
}

/** Every action with the decision for it (DOMAIN §16 "which actions the caller may take next"). */
export const availableFindingActions = (state: FindingState, roles: FindingRoles) =>
  Object.values(FindingAction).map((action) => ({ action, decision: decide(state, action, roles) }));
