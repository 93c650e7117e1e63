import type { Principal } from '../../auth/principal';
import { allowed, availabilityOf, firstOf, refused, type Verdict } from '../../common/decision';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { EvaluationAction, EvaluationKind, EvaluationStatus } from '../evaluation.enums';
import {
  actorVerdict,
  AT_ID,
  atStatus,
  editorVerdict,
  frozen,
  isFrameworkKind,
  onlyDepartmentKind,
  onlyFramework,
  submissionVerdict,
  workflow,
  type EvaluationAvailability,
  type EvaluationFacts,
  type EvaluationState,
} from './evaluation-verdicts';
import { awaitingTownshipFinance, financeReviewRefusal } from './township-finance';

export type { EvaluationAvailability, EvaluationFacts, EvaluationState } from './evaluation-verdicts';

/**
 * 绩效评价的操作判定 (issue 10 item 3, issue 11 item 2; DOMAIN §10, §16): one pure decision per action that
 * serves both the mutations (`enforce`) and `availableActions` — so an action shown as allowed passes every
 * check of its mutation, and a refused one lists the missing items (`details`) the mutation would report.
 */

/** The decision on one action (DOMAIN §10, §16; P4, P6, P7, P8). */
export function decideEvaluation(
  e: EvaluationState,
  caller: Pick<Principal, 'organizationId' | 'organizationKind' | 'regionId'>,
  action: EvaluationAction,
  facts: EvaluationFacts = {},
): Verdict {
  const me = caller.organizationId;
  const A = EvaluationAction;
  switch (action) {
    case A.EDIT:
      return firstOf(
        () => editorVerdict(e, me),
        () => frozen(e.status),
      );
    case A.SUBMIT:
      return firstOf(
        () => editorVerdict(e, me),
        () => frozen(e.status),
        () => submissionVerdict(facts.submitProblems),
      );
    case A.COMMISSION:
      return firstOf(
        () =>
          isFrameworkKind(e.kind)
            ? allowed
            : workflow(
                '只有部门评价和财政评价可以委托第三方',
                'Only department and finance evaluations are commissioned',
              ),
        () =>
          actorVerdict(
            e.evaluatorOrganizationId === me,
            '只有开展评价的部门或财政部门可以委托第三方',
            'Only the evaluating body commissions a third party',
          ),
        () =>
          e.status === EvaluationStatus.DRAFT && !e.commissionedOrganizationId
            ? allowed
            : workflow('评价只能在草稿阶段委托一次', 'An evaluation is commissioned once, while a draft'),
      );
    case A.APPROVE:
    case A.RETURN:
      return firstOf(
        () =>
          actorVerdict(
            e.kind === EvaluationKind.SELF && e.reviewerOrganizationId === me,
            '单位自评由项目主管部门审核（上一级审核），其他单位不能审核',
            'A self-evaluation is reviewed by the project’s competent department (the level above) only',
            'P4',
          ),
        // 003 转移支付 第二十三条: a compiled regional result passes the township finance office first.
        () => {
          const waiting = awaitingTownshipFinance(e.status, facts.townshipFinance ?? null);
          return waiting
            ? refused(waiting.code, AT_ID, waiting.message, waiting.principle ?? undefined)
            : allowed;
        },
        () =>
          atStatus(
            e,
            EvaluationStatus.SUBMITTED,
            `只有已提交的自评可以审核（当前 ${e.status}）`,
            `Only a SUBMITTED evaluation is reviewed (it is ${e.status})`,
          ),
      );
    case A.FINANCE_REVIEW: {
      // 乡镇财政审核 (DOMAIN §11; 003 转移支付 第二十三条): the decision reviewCompiledResultAsFinance takes.
      const r = financeReviewRefusal(e.status, me, facts.townshipFinance ?? null);
      return r ? refused(r.code, AT_ID, r.message, r.principle ?? undefined) : allowed;
    }
    case A.RESPOND:
      // 002 第二十六条(二)6: the evaluated body (被评价部门（单位）) records its response to the preliminary result.
      return firstOf(
        () => onlyFramework(e),
        () =>
          actorVerdict(
            !!facts.evaluatedBodyId && facts.evaluatedBodyId === me,
            '只有被评价单位可以交换意见',
            'Only the evaluated body responds to the preliminary result',
          ),
        () =>
          atStatus(
            e,
            EvaluationStatus.SUBMITTED,
            '初步结论提交后才能交换意见',
            'Respond once the preliminary result is submitted',
          ),
      );
    case A.FINALIZE:
      // 002 第二十六条(二)7: the final conclusion only after the exchange of views.
      return firstOf(
        () => onlyFramework(e),
        () =>
          actorVerdict(
            (e.commissionedOrganizationId ?? e.evaluatorOrganizationId) === me,
            '由开展评价的单位或受托第三方办理',
            'The evaluating body or its commissioned third party acts',
          ),
        () =>
          atStatus(
            e,
            EvaluationStatus.RESPONDED,
            '被评价单位交换意见后才能形成最终结论',
            'The result is finalized only after the evaluated body has responded',
          ),
      );
    case A.REPORT:
      // 002 第二十八条(二): 预算部门应按要求将部门评价结果报送本级财政部门 — the department itself reports.
      return firstOf(
        () => onlyDepartmentKind(e),
        () =>
          actorVerdict(
            e.evaluatorOrganizationId === me,
            '由开展评价的部门报送',
            'The evaluating department reports it',
          ),
        () =>
          atStatus(
            e,
            EvaluationStatus.FINALIZED,
            '形成最终结论后才能报送财政',
            'Report once the result is final',
          ),
      );
    case A.ACKNOWLEDGE:
      return firstOf(
        () => onlyDepartmentKind(e),
        () =>
          actorVerdict(
            caller.organizationKind === OrganizationKind.FINANCE_BUREAU &&
              !!facts.evaluatorRegionId &&
              facts.evaluatorRegionId === caller.regionId,
            '由评价部门的本级财政部门接收',
            'Finance at the department’s level acknowledges it',
            'P6',
          ),
        () =>
          atStatus(
            e,
            EvaluationStatus.REPORTED,
            '部门报送后才能接收',
            'Acknowledge once the department has reported',
          ),
      );
  }
}

/** Free text an allowed action still needs (the UI asks for it). */
const REQUIRES: Partial<Record<EvaluationAction, string>> = {
  [EvaluationAction.RETURN]: 'comment',
  [EvaluationAction.FINANCE_REVIEW]: 'decision',
  [EvaluationAction.RESPOND]: 'decision',
};

/** The order the actions are listed in. */
export const EVALUATION_ACTIONS: readonly EvaluationAction[] = [
  EvaluationAction.EDIT,
  EvaluationAction.COMMISSION,
  EvaluationAction.SUBMIT,
  EvaluationAction.APPROVE,
  EvaluationAction.RETURN,
  EvaluationAction.FINANCE_REVIEW,
  EvaluationAction.RESPOND,
  EvaluationAction.FINALIZE,
  EvaluationAction.REPORT,
  EvaluationAction.ACKNOWLEDGE,
];

/**
 * Which actions the caller may take on an evaluation now, and why not the others (DOMAIN §16) — each by
 * `decideEvaluation`. A SUBMIT refused for content names the first stored field to fill in `requires`.
 */
export function evaluationActions(
  e: EvaluationState,
  caller: Pick<Principal, 'organizationId' | 'organizationKind' | 'regionId'>,
  facts: EvaluationFacts = {},
): EvaluationAvailability[] {
  return EVALUATION_ACTIONS.map((action) => {
    const verdict = decideEvaluation(e, caller, action, facts);
    const a = availabilityOf(action, verdict, REQUIRES[action] ?? null);
    const first = action === EvaluationAction.SUBMIT && !verdict.ok ? facts.submitProblems?.[0] : undefined;
    return first && !verdict.ok && verdict.details ? { ...a, requires: first.field.join('.') } : a;
  });
}
