import type { Principal } from '../../auth/principal';
import { p4SelfEvaluator } from '../../auth/principles';
import {
  allowed,
  availabilityOf,
  firstOf,
  principleVerdict,
  refused,
  type Availability,
  type Verdict,
} from '../../common/decision';
import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { EvaluationAction, EvaluationKind, EvaluationStatus } from '../evaluation.enums';
import { awaitingTownshipFinance, financeReviewRefusal, type TownshipFinanceStep } from './township-finance';

/**
 * 绩效评价的操作判定 (issue 10 item 3, issue 11 item 2; DOMAIN §10, §16): one pure decision per action that
 * serves both the mutations (`enforce`) and `availableActions` — so an action shown as allowed passes every
 * check of its mutation, and a refused one lists the missing items (`details`) the mutation would report.
 */

/** The evaluation as the decision sees it. */
export interface EvaluationState {
  kind: EvaluationKind;
  status: EvaluationStatus;
  evaluatorOrganizationId: string;
  commissionedOrganizationId: string | null;
  reviewerOrganizationId: string | null;
}

/** What the decision needs beyond the evaluation itself (loaded by the caller of the pure rule). */
export interface EvaluationFacts {
  /** 被评价单位 — the goal's implementing unit, else the goal's drafter (see `evaluatedBodyOf`). */
  evaluatedBodyId?: string | null;
  /** The region of the evaluating organization (finance at that level acknowledges the report). */
  evaluatorRegionId?: string | null;
  /**
   * SUBMIT: what keeps the stored content from being submitted (`submission-problems.ts`), with paths of
   * the stored evaluation; absent when not computed (the caller cannot submit anyway).
   */
  submitProblems?: readonly Problem[] | null;
  /** A compiled regional result's township finance step (003 转移支付 第二十三条); absent otherwise. */
  townshipFinance?: TownshipFinanceStep | null;
}

export type EvaluationAvailability = Availability<EvaluationAction> & {
  /** SUBMIT refused for content: the stored field to fill first (e.g. `rectificationMeasures`). */
  requires: string | null;
};

const AT_ID = ['input', 'id'];
const no = (code: ErrorCode, zh: string, en: string, principle?: string): Verdict =>
  refused(code, AT_ID, msg(zh, en), principle);
const workflow = (zh: string, en: string) => no(ErrorCode.WORKFLOW_VIOLATION, zh, en);

export const isFrameworkKind = (kind: EvaluationKind) =>
  kind === EvaluationKind.DEPARTMENT || kind === EvaluationKind.FINANCE;

/** DRAFT and RETURNED evaluations are edited and submitted; a submitted one is frozen (P8). */
export const frozen = (status: EvaluationStatus): Verdict =>
  status === EvaluationStatus.DRAFT || status === EvaluationStatus.RETURNED
    ? allowed
    : no(
        ErrorCode.WORKFLOW_VIOLATION,
        `评价已提交（${status}），不能再修改；如需修改须由审核单位退回（P8）`,
        `The evaluation is ${status} and frozen; only a return by the reviewer reopens it (P8)`,
        'P8',
      );

/**
 * Who fills in an evaluation: the spending unit its self-evaluation (P4 谁支出、谁自评); the evaluating body
 * — or the third party it commissioned — a department or finance evaluation (P7).
 */
export function editorVerdict(e: EvaluationState, callerOrgId: string): Verdict {
  if (!isFrameworkKind(e.kind)) {
    return principleVerdict(
      p4SelfEvaluator({ callerOrgId, selfEvaluatorOrgId: e.evaluatorOrganizationId }),
      AT_ID,
    );
  }
  if ((e.commissionedOrganizationId ?? e.evaluatorOrganizationId) === callerOrgId) return allowed;
  return e.commissionedOrganizationId
    ? no(
        ErrorCode.FORBIDDEN,
        '该评价已委托第三方机构开展，由受托机构填报和提交',
        'The evaluation is commissioned: the third party fills it in and submits it',
        'P7',
      )
    : no(
        ErrorCode.FORBIDDEN,
        '只有开展该评价的单位可以填报和提交',
        'Only the evaluating body fills it in and submits it',
        'P7',
      );
}

/**
 * SUBMIT's content check: every problem of the stored content, as the mutation reports it — WORKFLOW_VIOLATION
 * at `input.id` (the submission's only input names the evaluation; issue 11 item 4), one per missing item.
 */
export function submissionVerdict(problems: readonly Problem[] | null | undefined): Verdict {
  if (!problems || problems.length === 0) return allowed;
  const details = problems.map((p) => ({ ...p, code: ErrorCode.WORKFLOW_VIOLATION, field: AT_ID }));
  return { ok: false, problem: details[0], details };
}

const onlyFramework = (e: EvaluationState): Verdict =>
  isFrameworkKind(e.kind)
    ? allowed
    : workflow('只适用于部门评价和财政评价', 'Department and finance evaluations only');

const atStatus = (e: EvaluationState, status: EvaluationStatus, zh: string, en: string): Verdict =>
  e.status === status ? allowed : workflow(zh, en);

const onlyDepartmentKind = (e: EvaluationState): Verdict =>
  e.kind === EvaluationKind.DEPARTMENT
    ? allowed
    : workflow('只有部门评价报送财政', 'Only department evaluations are reported to finance');

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
          e.evaluatorOrganizationId === me
            ? allowed
            : no(
                ErrorCode.FORBIDDEN,
                '只有开展评价的部门或财政部门可以委托第三方',
                'Only the evaluating body commissions a third party',
                'P7',
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
          e.kind === EvaluationKind.SELF && e.reviewerOrganizationId === me
            ? allowed
            : no(
                ErrorCode.FORBIDDEN,
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
          facts.evaluatedBodyId && facts.evaluatedBodyId === me
            ? allowed
            : no(
                ErrorCode.FORBIDDEN,
                '只有被评价单位可以交换意见',
                'Only the evaluated body responds to the preliminary result',
                'P7',
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
          (e.commissionedOrganizationId ?? e.evaluatorOrganizationId) === me
            ? allowed
            : no(
                ErrorCode.FORBIDDEN,
                '由开展评价的单位或受托第三方办理',
                'The evaluating body or its commissioned third party acts',
                'P7',
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
          e.evaluatorOrganizationId === me
            ? allowed
            : no(ErrorCode.FORBIDDEN, '由开展评价的部门报送', 'The evaluating department reports it', 'P7'),
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
          caller.organizationKind === OrganizationKind.FINANCE_BUREAU &&
          !!facts.evaluatorRegionId &&
          facts.evaluatorRegionId === caller.regionId
            ? allowed
            : no(
                ErrorCode.FORBIDDEN,
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
