import type { Principal } from '../auth/principal';
import { ErrorCode, msg, type Message } from '../common/errors';
import type { Problem } from '../common/problem';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import type { EvaluationEntity } from './evaluation.entity';
import {
  awaitingTownshipFinance,
  financeReviewRefusal,
  type TownshipFinanceStep,
} from './rules/township-finance';
import { EvaluationAction, EvaluationKind, EvaluationStatus } from './evaluation.enums';

export interface Availability {
  action: EvaluationAction;
  allowed: boolean;
  code: ErrorCode | null;
  reason: Message | null;
  principle: string | null;
  requires: string | null;
}

const yes = (action: EvaluationAction, requires: string | null = null): Availability => ({
  action,
  allowed: true,
  code: null,
  reason: null,
  principle: null,
  requires,
});

const no = (
  action: EvaluationAction,
  code: ErrorCode,
  reason: Message,
  principle: string | null = null,
): Availability => ({
  action,
  allowed: false,
  code,
  reason,
  principle,
  requires: null,
});

const frozen = msg('评价已提交，不能再修改（P8）', 'The evaluation is submitted and frozen (P8)');

/** What the decision needs beyond the evaluation itself (loaded by the caller of the pure rule). */
export interface EvaluationFacts {
  /** 被评价单位 — the goal's implementing unit, else the goal's drafter (see `evaluatedBodyOf`). */
  evaluatedBodyId?: string | null;
  /** The region of the evaluating organization (finance at that level acknowledges the report). */
  evaluatorRegionId?: string | null;
  /** A self-evaluation's submission block found by `rectificationProblem` (DOMAIN §10.8). */
  submitBlock?: Problem | null;
  /** A compiled regional result's township finance step (003 转移支付 第二十三条); absent otherwise. */
  townshipFinance?: TownshipFinanceStep | null;
}

/**
 * Which actions the caller may take on an evaluation now, and why not the others (DOMAIN §16), by the
 * same rules as the mutations: the spending unit fills and submits its self-evaluation (P4); the
 * evaluating body — or the third party it commissioned — fills and submits a department or finance
 * evaluation (P7); the level above reviews a submitted self-evaluation; nothing changes once submitted (P8).
 */
export function evaluationActions(
  e: EvaluationEntity,
  caller: Principal,
  facts: EvaluationFacts = {},
): Availability[] {
  const self = e.kind === EvaluationKind.SELF;
  const framework = e.kind === EvaluationKind.DEPARTMENT || e.kind === EvaluationKind.FINANCE;
  const editor = framework
    ? (e.commissionedOrganizationId ?? e.evaluatorOrganizationId)
    : e.evaluatorOrganizationId;
  const editable = e.status === EvaluationStatus.DRAFT || e.status === EvaluationStatus.RETURNED;
  const fill = (action: EvaluationAction): Availability => {
    if (editor !== caller.organizationId) {
      return self
        ? no(
            action,
            ErrorCode.FORBIDDEN,
            msg(
              '单位自评由项目实施单位填报（谁支出、谁自评）',
              'The spending unit fills in its self-evaluation',
            ),
            'P4',
          )
        : no(
            action,
            ErrorCode.FORBIDDEN,
            msg(
              '由开展评价的单位或受托第三方填报',
              'The evaluating body or its commissioned third party fills it in',
            ),
            'P7',
          );
    }
    if (!editable) return no(action, ErrorCode.WORKFLOW_VIOLATION, frozen, 'P8');
    const block = action === EvaluationAction.SUBMIT ? facts.submitBlock : null;
    if (block) return { ...no(action, block.code, block.message), requires: block.field.join('.') };
    return yes(action);
  };
  const commission = (): Availability => {
    if (!framework)
      return no(
        EvaluationAction.COMMISSION,
        ErrorCode.WORKFLOW_VIOLATION,
        msg(
          '只有部门评价和财政评价可以委托第三方',
          'Only department and finance evaluations are commissioned',
        ),
      );
    if (e.evaluatorOrganizationId !== caller.organizationId)
      return no(
        EvaluationAction.COMMISSION,
        ErrorCode.FORBIDDEN,
        msg('只有开展评价的单位可以委托', 'Only the evaluating body commissions'),
        'P7',
      );
    if (e.status !== EvaluationStatus.DRAFT || e.commissionedOrganizationId)
      return no(
        EvaluationAction.COMMISSION,
        ErrorCode.WORKFLOW_VIOLATION,
        msg('评价只能在草稿阶段委托一次', 'An evaluation is commissioned once, while a draft'),
      );
    return yes(EvaluationAction.COMMISSION);
  };
  const review = (action: EvaluationAction): Availability => {
    if (!self || e.reviewerOrganizationId !== caller.organizationId)
      return no(
        action,
        ErrorCode.FORBIDDEN,
        msg('单位自评由项目主管部门审核', 'The project’s competent department reviews a self-evaluation'),
        'P4',
      );
    // 003 转移支付 第二十三条: a compiled regional result passes the township finance office first.
    const waiting = awaitingTownshipFinance(e.status, facts.townshipFinance ?? null);
    if (waiting) return no(action, waiting.code, waiting.message, waiting.principle);
    if (e.status !== EvaluationStatus.SUBMITTED)
      return no(
        action,
        ErrorCode.WORKFLOW_VIOLATION,
        msg('只有已提交的自评可以审核', 'Only a submitted self-evaluation is reviewed'),
      );
    return yes(action, action === EvaluationAction.RETURN ? 'comment' : null);
  };
  // 乡镇财政审核 (DOMAIN §11; 003 转移支付 第二十三条): the decision reviewCompiledResultAsFinance takes.
  const financeReview = (): Availability => {
    const A = EvaluationAction.FINANCE_REVIEW;
    const refusal = financeReviewRefusal(e.status, caller.organizationId, facts.townshipFinance ?? null);
    return refusal ? no(A, refusal.code, refusal.message, refusal.principle) : yes(A, 'decision');
  };
  const onlyFramework = (action: EvaluationAction): Availability | null =>
    framework
      ? null
      : no(
          action,
          ErrorCode.WORKFLOW_VIOLATION,
          msg('只适用于部门评价和财政评价', 'Department and finance evaluations only'),
        );
  const atStatus = (action: EvaluationAction, status: EvaluationStatus, zh: string, en: string) =>
    e.status === status ? null : no(action, ErrorCode.WORKFLOW_VIOLATION, msg(zh, en));
  // 002 第二十六条(二)6: the evaluated body (被评价部门（单位）) records its response to the preliminary result.
  const respond = (): Availability => {
    const A = EvaluationAction.RESPOND;
    const notFramework = onlyFramework(A);
    if (notFramework) return notFramework;
    if (!facts.evaluatedBodyId || facts.evaluatedBodyId !== caller.organizationId)
      return no(
        A,
        ErrorCode.FORBIDDEN,
        msg('只有被评价单位可以交换意见', 'Only the evaluated body responds to the preliminary result'),
        'P7',
      );
    return (
      atStatus(
        A,
        EvaluationStatus.SUBMITTED,
        '初步结论提交后才能交换意见',
        'Respond once the preliminary result is submitted',
      ) ?? yes(A, 'decision')
    );
  };
  const byEditor = (A: EvaluationAction, status: EvaluationStatus, zh: string, en: string) => {
    const notFramework = onlyFramework(A);
    if (notFramework) return notFramework;
    if (editor !== caller.organizationId)
      return no(
        A,
        ErrorCode.FORBIDDEN,
        msg('由开展评价的单位或受托第三方办理', 'The evaluating body or its commissioned third party acts'),
        'P7',
      );
    return atStatus(A, status, zh, en) ?? yes(A);
  };
  // 002 第二十六条(二)7: the final conclusion only after the exchange of views.
  const finalize = () =>
    byEditor(
      EvaluationAction.FINALIZE,
      EvaluationStatus.RESPONDED,
      '被评价单位交换意见后才能形成最终结论',
      'The result is finalized only after the evaluated body has responded',
    );
  // 002 第二十八条(二): 预算部门应按要求将部门评价结果报送本级财政部门 — the department itself reports.
  const report = (): Availability => {
    const A = EvaluationAction.REPORT;
    if (e.kind !== EvaluationKind.DEPARTMENT)
      return no(
        A,
        ErrorCode.WORKFLOW_VIOLATION,
        msg('只有部门评价报送财政', 'Only department evaluations are reported to finance'),
      );
    if (e.evaluatorOrganizationId !== caller.organizationId)
      return no(
        A,
        ErrorCode.FORBIDDEN,
        msg('由开展评价的部门报送', 'The evaluating department reports it'),
        'P7',
      );
    return (
      atStatus(
        A,
        EvaluationStatus.FINALIZED,
        '形成最终结论后才能报送财政',
        'Report once the result is final',
      ) ?? yes(A)
    );
  };
  const acknowledge = (): Availability => {
    const A = EvaluationAction.ACKNOWLEDGE;
    if (e.kind !== EvaluationKind.DEPARTMENT)
      return no(
        A,
        ErrorCode.WORKFLOW_VIOLATION,
        msg('只有部门评价报送财政', 'Only department evaluations are reported to finance'),
      );
    if (
      caller.organizationKind !== OrganizationKind.FINANCE_BUREAU ||
      !facts.evaluatorRegionId ||
      facts.evaluatorRegionId !== caller.regionId
    )
      return no(
        A,
        ErrorCode.FORBIDDEN,
        msg('由评价部门的本级财政部门接收', 'Finance at the department’s level acknowledges it'),
        'P6',
      );
    return (
      atStatus(
        A,
        EvaluationStatus.REPORTED,
        '部门报送后才能接收',
        'Acknowledge once the department has reported',
      ) ?? yes(A)
    );
  };
  return [
    fill(EvaluationAction.EDIT),
    commission(),
    fill(EvaluationAction.SUBMIT),
    review(EvaluationAction.APPROVE),
    review(EvaluationAction.RETURN),
    financeReview(),
    respond(),
    finalize(),
    report(),
    acknowledge(),
  ];
}

/** The availability of one action (the services refuse by the same decision). */
export function actionOf(all: readonly Availability[], action: EvaluationAction): Availability {
  return all.find((a) => a.action === action)!;
}
