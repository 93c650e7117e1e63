import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { p6SignedInWithinJurisdiction } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * Who acts on results (DOMAIN §13, §8): audit offices read and write nothing (P6, 003 第七条); the finding
 * workflow then decides per finding who gives feedback (the evaluating body), who responds (the evaluated
 * body) and who verifies (finance at the level) — rules/finding-workflow.ts.
 */
export const p6NotAudit = rule('P6 results actor: not an audit office', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  if (ctx.principal.organizationKind === OrganizationKind.AUDIT_OFFICE)
    return refusal.forbidden('P6', msg('审计部门只能查阅结果应用', 'Audit offices only read results'));
  return true;
});

/** Budget recommendations are proposed and decided by finance (DOMAIN §13 "accepted by finance"). */
export const financeOnly = rule('results: finance bureau', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  if (ctx.principal.organizationKind !== OrganizationKind.FINANCE_BUREAU)
    return refusal.forbidden(
      'P3',
      msg('预算安排建议由财政部门提出和确定', 'Budget recommendations are made by finance (DOMAIN §13)'),
    );
  return true;
});

/** Root fields of the results module and the principle that admits their callers (DOMAIN §8). */
export const resultsPermissions = {
  Query: {
    findings: p6SignedInWithinJurisdiction,
    budgetRecommendations: p6SignedInWithinJurisdiction,
    resultRanking: p6SignedInWithinJurisdiction,
    noticeList: p6SignedInWithinJurisdiction,
    allocationSimulations: p6SignedInWithinJurisdiction,
    congressPackage: financeOnly,
  },
  Mutation: {
    openFinding: p6NotAudit,
    openFundingHoldFinding: financeOnly,
    giveFindingFeedback: p6NotAudit,
    respondToFinding: p6NotAudit,
    verifyFinding: financeOnly,
    reopenFinding: financeOnly,
    proposeRecommendations: financeOnly,
    decideRecommendation: financeOnly,
    simulateFactorAllocation: p6NotAudit,
    openMonitoringFinding: financeOnly,
  },
};
