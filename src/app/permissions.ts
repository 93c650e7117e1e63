import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { assessmentPermissions } from '../assessment/assessment.permissions';
import { auditPermissions } from '../audit/audit.permissions';
import { authPermissions } from '../auth/auth.permissions';
import { refusal } from '../common/refusal';
import { fundsPermissions } from '../funds/funds.permissions';
import { goalsPermissions } from '../goals/goals.permissions';
import { inboxPermissions } from '../inbox/inbox.permissions';
import { hierarchyPermissions } from '../hierarchy/hierarchy.permissions';
import { rollUpPermissions } from '../rollup/rollup.permissions';
import { monitoringPermissions } from '../monitoring/monitoring.permissions';
import { evaluationPermissions } from '../evaluation/evaluation.permissions';
import { spotCheckPermissions } from '../spot-check/spot-check.permissions';
import { policyPermissions } from '../policy/policy.permissions';
import { departmentPermissions } from '../department-performance/department.permissions';
import { payloadRefusals } from './payload-refusals';
import { disclosurePermissions } from '../disclosure/disclosure.permissions';
import { resultsPermissions } from '../results/results.permissions';
import { serviceAccountPermissions } from '../service-accounts/service-accounts.permissions';
import { biAccessPermissions } from '../bi-access/bi-access.permissions';
import { serviceAccountScopes } from '../auth/service-account-scope';

import { crossLevelPermissions } from '../reporting/cross-level/region-report.permissions';
import { reportingPermissions } from '../reporting/reporting.permissions';
/**
 * Every root field and the rule that admits its callers, merged from the modules. A root field missing
 * here is denied (`fallbackRule: deny`), and a test fails when any Query or Mutation field has no entry.
 */
export const rootPermissions = {
  Query: {
    ...authPermissions.Query,
    ...hierarchyPermissions.Query,
    ...fundsPermissions.Query,
    ...assessmentPermissions.Query,
    ...goalsPermissions.Query,
    ...inboxPermissions.Query,
    ...monitoringPermissions.Query,
    ...evaluationPermissions.Query,
    ...spotCheckPermissions.Query,
    ...auditPermissions.Query,
    ...policyPermissions.Query,
    ...departmentPermissions.Query,
    ...disclosurePermissions.Query,
    ...resultsPermissions.Query,
    ...crossLevelPermissions.Query,
    ...reportingPermissions.Query,
    ...serviceAccountPermissions.Query,
    ...biAccessPermissions.Query,
  },
  Mutation: {
    ...authPermissions.Mutation,
    ...hierarchyPermissions.Mutation,
    ...fundsPermissions.Mutation,
    ...assessmentPermissions.Mutation,
    ...goalsPermissions.Mutation,
    ...monitoringPermissions.Mutation,
    ...evaluationPermissions.Mutation,
    ...spotCheckPermissions.Mutation,
    ...rollUpPermissions.Mutation,
    ...policyPermissions.Mutation,
    ...departmentPermissions.Mutation,
    ...disclosurePermissions.Mutation,
    ...resultsPermissions.Mutation,
    ...serviceAccountPermissions.Mutation,
    ...biAccessPermissions.Mutation,
  },
};

/**
 * Applies the shield to the root types only, and answers a refused mutation in its payload
 * (payload-refusals.ts). Objects are reachable only through root fields and are
 * already limited to the caller's jurisdiction by the scoped data access, so wrapping each of their
 * fields (thousands per large list) would add cost and no protection (STYLE "Performance shape").
 */
export function withPermissions(schema: GraphQLSchema): GraphQLSchema {
  const generator = shield(rootPermissions, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => refusal.forbidden(),
  }) as unknown as { generate: (s: GraphQLSchema) => IMiddlewareTypeMap };
  const all = generator.generate(schema);
  // The first middleware is the outermost: payload refusals see what the shield answers (issue 11 item 4).
  // Issue 14: a service-account token's scope is checked before the shield (auth/service-account-scope.ts).
  return applyMiddleware(schema, payloadRefusals(schema), serviceAccountScopes(schema), {
    Query: all.Query,
    Mutation: all.Mutation,
  });
}
