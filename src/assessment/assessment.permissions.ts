import { p6SignedInWithinJurisdiction, principalRule } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { ASSESSOR_KINDS } from './rules/assessment-rules';
import { refusal } from '../common/refusal';

/**
 * DOMAIN §6: an ex-ante assessment is made by the competent department that applies for the subject
 * (谁申请资金、谁编制, P2), or by a third party commissioned by finance. The service checks which subject.
 */
export const p2Assessor = principalRule(
  'P2 assessor: competent department or commissioned third party',
  (p) => {
    return ASSESSOR_KINDS.includes(p.organizationKind)
      ? true
      : refusal.forbidden(
          'P2',
          msg(
            '事前绩效评估由业务主管部门开展，或由财政部门委托第三方机构开展',
            'An ex-ante assessment is made by the competent department, or a third party commissioned by finance',
          ),
        );
  },
);

/** P3 谁审核预算、谁审核目标: finance reviews assessments; the service checks the level and the state. */
export const p3FinanceReviewer = principalRule('P3 finance reviews', (p) => {
  return p.organizationKind === OrganizationKind.FINANCE_BUREAU
    ? true
    : refusal.forbidden(
        'P3',
        msg(
          '事前绩效评估由财政部门审核（谁审核预算、谁审核目标）',
          'Finance reviews ex-ante assessments (whoever reviews the budget reviews the goal)',
        ),
      );
});

/** Project-library entry: the project's competent department or finance (the service checks which). */
export const p3LibraryKeeper = principalRule('P3 project department or finance', (p) => {
  const kind = p.organizationKind;
  return kind === OrganizationKind.COMPETENT_DEPARTMENT || kind === OrganizationKind.FINANCE_BUREAU
    ? true
    : refusal.forbidden(
        'P3',
        msg(
          '项目由其主管部门或财政部门纳入项目库',
          'A project enters the library through its competent department or finance',
        ),
      );
});

/** Root fields of the assessment module and the principle that admits their callers (DOMAIN §8). */
export const assessmentPermissions = {
  Query: {
    assessment: p6SignedInWithinJurisdiction,
    assessmentsPending: p6SignedInWithinJurisdiction,
    assessmentPendingProjects: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    createAssessment: p2Assessor,
    updateAssessment: p2Assessor,
    submitAssessment: p2Assessor,
    reviewAssessment: p3FinanceReviewer,
    enterProjectLibrary: p3LibraryKeeper,
  },
};
