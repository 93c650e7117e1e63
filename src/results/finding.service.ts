import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction, type Principal } from '../auth/principal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation } from '../common/mutation';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationKind, EvaluationStatus } from '../evaluation/evaluation.enums';
import type { FindingActionInput } from './dto/results.inputs';
import { findingDueDates, isOverdue, shanghaiDateOf } from './rules/due-dates';
import { decide, FindingAction, FindingState, type FindingRoles } from './rules/finding-workflow';
import { changeFinding } from './finding.repository';
import { FindingEntity } from './results.entities';
import { refusal } from '../common/refusal';

/** A finding's source (DOMAIN §13): an evaluation of any kind — spot checks included — for now. */
export const SOURCE_EVALUATION = 'EVALUATION';
/** …or a funding hold (暂缓/停止拨款, DOMAIN §9, §13). */
export const SOURCE_FUNDING_HOLD = 'FUNDING_HOLD';
/** …or a monitoring report's deviation (DOMAIN §9, §13; 003 第十八条, 转移支付 第三十三条). */
export const SOURCE_MONITORING = 'MONITORING_REPORT';

/** When an evaluation is complete (DOMAIN §10; evaluation.enums.ts): its result is final. */
export function completedAt(e: EvaluationEntity): Date | null {
  switch (e.kind) {
    case EvaluationKind.SELF:
      return e.status === EvaluationStatus.REVIEWED ? e.reviewedAt : null;
    case EvaluationKind.SPOT_CHECK:
      return e.status === EvaluationStatus.SUBMITTED ? e.submittedAt : null;
    default:
      return e.finalizedAt;
  }
}

/** The caller's relation to a finding: who gives feedback, who responds, who verifies (DOMAIN §13). */
export const rolesOf = (f: FindingEntity, p: Principal): FindingRoles => ({
  isFeedbackGiver: p.organizationId === f.feedbackOrganizationId,
  isResponder: p.organizationId === f.responsibleOrganizationId,
  isVerifier: p.organizationId === f.verifierOrganizationId,
});

/** P6: a finding is seen within the caller's subtree, and by the bodies named on it; units see only theirs. */
export function canSee(f: FindingEntity, p: Principal): boolean {
  const named = [f.feedbackOrganizationId, f.responsibleOrganizationId, f.verifierOrganizationId];
  if (named.includes(p.organizationId)) return true;
  return hasSubtreeJurisdiction(p) && f.regionPath.startsWith(p.regionPath);
}

export const findingOverdue = (f: FindingEntity, now = new Date()) =>
  isOverdue(f.state, f, shanghaiDateOf(now));

const findingNotFound = (field: string[]): never => {
  throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该问题', 'Finding not found'));
};

/**
 * 反馈 / 整改报告 / 核实 / 退回 (DOMAIN §13): one step of the finding workflow, decided by the pure `decide()`;
 * a refusal writes nothing. Feedback resets the rectification due date to 2 months after it (unless the
 * finding has its own 整改时限).
 */
export function actOnFinding(ctx: RequestContext, action: FindingAction, input: FindingActionInput) {
  return runMutation(ctx, {}, async (em) => {
    const caller = ctx.caller;
    const id = idOfType(input.id, 'Finding');
    const before = id ? await em.findOneBy(FindingEntity, { tenantId: caller.tenantId, id }) : null;
    if (!before || !canSee(before, caller)) return findingNotFound(['input', 'id']);
    const decision = decide(before.state as FindingState, action, rolesOf(before, caller));
    if (!decision.allowed)
      throw refusal(ErrorCode[decision.code], ['input', 'id'], msg(decision.zh, decision.en));
    const text = input.text.trim();
    if (!text)
      throw refusal(ErrorCode.BAD_USER_INPUT, ['input', 'text'], msg('请填写内容', 'The text is required'));
    const today = shanghaiDateOf(new Date());
    const change: Partial<FindingEntity> = { state: decision.to };
    if (action === FindingAction.GIVE_FEEDBACK) {
      Object.assign(change, {
        feedback: text,
        feedbackGivenOn: today,
        rectificationDueOn: findingDueDates(before.completedOn, today, before.ownDeadline).rectificationDueOn,
      });
    } else if (action === FindingAction.RESPOND) {
      Object.assign(change, { response: text, respondedOn: today });
    } else {
      Object.assign(change, {
        verificationComment: text,
        verifiedOn: action === FindingAction.VERIFY ? today : null,
      });
    }
    return { finding: await changeFinding(ctx, em, before, action, change) };
  });
}
