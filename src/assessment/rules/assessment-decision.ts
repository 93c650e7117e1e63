import { p7Separation } from '../../auth/principles';
import { allowed, firstOf, principleVerdict, refused, refusedFor, type Verdict } from '../../common/decision';
import { ErrorCode, msg } from '../../common/errors';
import type { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import { AssessmentAction, AssessmentStatus, ReviewOutcome } from '../assessment.enums';
import { validateFinanceReview } from './assessment-rules';

/** An ex-ante assessment as its workflow needs it (DOMAIN §6). */
export interface AssessmentState {
  status: AssessmentStatus;
  assessorId: string;
  /** The subject's region path (the fund's or project's). */
  regionPath: string;
}

export interface AssessmentActor {
  organizationId: string;
  organizationKind: OrganizationKind;
  regionPath: string;
}

const field = ['input', 'id'];

const notAssessor = refused(
  ErrorCode.FORBIDDEN,
  field,
  msg(
    '只有评估主体（开展评估的业务主管部门或受托第三方）可以修改和报送评估',
    'Only the assessor (the competent department or the commissioned third party) edits and submits it',
  ),
);

const p7Own = msg('评估主体不能审核自己的评估（P7）', 'The assessor never reviews its own assessment (P7)');

const editable = (s: AssessmentStatus) => s === AssessmentStatus.DRAFT || s === AssessmentStatus.RETURNED;

/**
 * The ex-ante assessment workflow (DOMAIN §6; 002 第六条; 003 第九条) as one pure decision, serving the
 * mutations and `availableActions`: DRAFT/RETURNED ─EDIT, SUBMIT (its assessor)→ SUBMITTED ─ACCEPT/RETURN
 * (finance at the subject's level or above, P3; never the assessor, P7 委托人和项目实施主体相分离)→ REVIEWED
 * or RETURNED. A return needs a comment. Checks in order: who → status → input.
 */
export function decideAssessment(
  a: AssessmentState,
  actor: AssessmentActor,
  action: AssessmentAction,
  input: { comment?: string | null } = {},
): Verdict {
  switch (action) {
    case AssessmentAction.EDIT:
    case AssessmentAction.SUBMIT: {
      if (a.assessorId !== actor.organizationId) return notAssessor;
      if (editable(a.status)) return allowed;
      const [zh, en] = action === AssessmentAction.EDIT ? ['修改', 'changed'] : ['报送', 'submitted'];
      return refused(
        ErrorCode.WORKFLOW_VIOLATION,
        field,
        msg(`只有草稿或被退回的评估可以${zh}`, `Only a DRAFT or RETURNED assessment can be ${en}`),
      );
    }
    case AssessmentAction.ACCEPT:
    case AssessmentAction.RETURN:
      return firstOf(
        () =>
          principleVerdict(
            p7Separation({
              evaluatorOrgId: actor.organizationId,
              implementingOrgIds: [],
              selfEvaluatorOrgIds: [a.assessorId],
              message: p7Own,
            }),
            field,
          ),
        () =>
          refusedFor(
            validateFinanceReview(
              {
                outcome: action === AssessmentAction.ACCEPT ? ReviewOutcome.ACCEPTED : ReviewOutcome.RETURNED,
                comment: input.comment,
              },
              {
                reviewer: { kind: actor.organizationKind, regionPath: actor.regionPath },
                subjectRegionPath: a.regionPath,
                status: a.status,
              },
            ),
          ),
      );
  }
}

/** The action a review outcome takes. */
export const reviewAction = (outcome: ReviewOutcome): AssessmentAction =>
  outcome === ReviewOutcome.ACCEPTED ? AssessmentAction.ACCEPT : AssessmentAction.RETURN;
