import { p4SelfEvaluator } from '../../auth/principles';
import { allowed, principleVerdict, refused, type Availability, type Verdict } from '../../common/decision';
import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';
import { EvaluationAction, EvaluationKind, EvaluationStatus } from '../evaluation.enums';
import type { TownshipFinanceStep } from './township-finance';

/**
 * The single checks an evaluation's decision is made of (DOMAIN §10, §16; P4, P7, P8), each a pure verdict at
 * the mutation's `input.id`; `evaluation-decision.ts` combines them per action.
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

export const AT_ID = ['input', 'id'];
const no = (code: ErrorCode, zh: string, en: string, principle?: string): Verdict =>
  refused(code, AT_ID, msg(zh, en), principle);
export const workflow = (zh: string, en: string) => no(ErrorCode.WORKFLOW_VIOLATION, zh, en);

/** FORBIDDEN unless the caller is the body that takes this step (P7 unless named otherwise). */
export const actorVerdict = (isActor: boolean, zh: string, en: string, principle = 'P7'): Verdict =>
  isActor ? allowed : no(ErrorCode.FORBIDDEN, zh, en, principle);

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
  const isActor = (e.commissionedOrganizationId ?? e.evaluatorOrganizationId) === callerOrgId;
  return e.commissionedOrganizationId
    ? actorVerdict(
        isActor,
        '该评价已委托第三方机构开展，由受托机构填报和提交',
        'The evaluation is commissioned: the third party fills it in and submits it',
      )
    : actorVerdict(
        isActor,
        '只有开展该评价的单位可以填报和提交',
        'Only the evaluating body fills it in and submits it',
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

export const onlyFramework = (e: EvaluationState): Verdict =>
  isFrameworkKind(e.kind)
    ? allowed
    : workflow('只适用于部门评价和财政评价', 'Department and finance evaluations only');

export const atStatus = (e: EvaluationState, status: EvaluationStatus, zh: string, en: string): Verdict =>
  e.status === status ? allowed : workflow(zh, en);

export const onlyDepartmentKind = (e: EvaluationState): Verdict =>
  e.kind === EvaluationKind.DEPARTMENT
    ? allowed
    : workflow('只有部门评价报送财政', 'Only department evaluations are reported to finance');
