import type { Principal } from '../auth/principal';
import { ErrorCode, msg, type Message } from '../common/errors';
import type { EvaluationEntity } from './evaluation.entity';
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

/**
 * Which actions the caller may take on an evaluation now, and why not the others (DOMAIN §16), by the
 * same rules as the mutations: the spending unit fills and submits its self-evaluation (P4); the
 * evaluating body — or the third party it commissioned — fills and submits a department or finance
 * evaluation (P7); the level above reviews a submitted self-evaluation; nothing changes once submitted (P8).
 */
export function evaluationActions(e: EvaluationEntity, caller: Principal): Availability[] {
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
    return editable ? yes(action) : no(action, ErrorCode.WORKFLOW_VIOLATION, frozen, 'P8');
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
    if (e.status !== EvaluationStatus.SUBMITTED)
      return no(
        action,
        ErrorCode.WORKFLOW_VIOLATION,
        msg('只有已提交的自评可以审核', 'Only a submitted self-evaluation is reviewed'),
      );
    return yes(action, action === EvaluationAction.RETURN ? 'comment' : null);
  };
  return [
    fill(EvaluationAction.EDIT),
    commission(),
    fill(EvaluationAction.SUBMIT),
    review(EvaluationAction.APPROVE),
    review(EvaluationAction.RETURN),
  ];
}
