import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { p6SignedInWithinJurisdiction } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * P6 (DOMAIN §8): audit offices read goals and write nothing (003 第七条); third parties take no part in
 * drafting or reviewing goals. Everyone else may call the goal mutations; the workflow (`decide`) then
 * decides who may do what to which goal (P1, P2, P3, P8).
 */
export const p6GoalActor = rule('P6 goal actor: not an audit office or a third party', {
  cache: 'contextual',
})((_parent, _args, ctx: RequestContext) => {
  if (!ctx.principal) return refusal.unauthenticated();
  const kind = ctx.principal.organizationKind;
  return kind === OrganizationKind.AUDIT_OFFICE || kind === OrganizationKind.THIRD_PARTY
    ? refusal.forbidden(
        'P6',
        msg(
          '审计部门只能查阅绩效目标，第三方机构不参与绩效目标的编制和审核',
          'Audit offices only read goals; third parties take no part in drafting or reviewing them',
        ),
      )
    : true;
});

/** Root fields of the goal module and the principle that admits their callers (DOMAIN §8). */
export const goalsPermissions = {
  Query: {
    goal: p6SignedInWithinJurisdiction,
    goals: p6SignedInWithinJurisdiction,
    myPendingReviews: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    createGoal: p6GoalActor,
    updateGoal: p6GoalActor,
    submitGoal: p6GoalActor,
    approveGoal: p6GoalActor,
    returnGoal: p6GoalActor,
    issueGoal: p6GoalActor,
    requestAdjustment: p6GoalActor,
    withdrawAdjustment: p6GoalActor,
    fileGoalForRecord: p6GoalActor,
    rejectGoal: p6GoalActor,
  },
};
