import { registerAbilityGrants, type ShieldRuleLike } from '../auth/abilities';
import { Ability } from '../hierarchy/dto/me.types';
import { rootPermissions } from './permissions';

/**
 * 权限 → the root field whose permission rule decides it (issue 11 item 5). The rule is read from the
 * permission tree the shield enforces (`rootPermissions`), never restated, so an ability is granted
 * exactly when that operation's rule admits the caller. READ_SUBTREE / READ_OWN are the caller's reach
 * (P6, the scoped access), not a rule of one field.
 */
export const ABILITY_OPERATIONS: Record<
  Exclude<Ability, Ability.READ_SUBTREE | Ability.READ_OWN>,
  `${'Query' | 'Mutation'}.${string}`
> = {
  ADMINISTER_HIERARCHY: 'Mutation.createRegion',
  READ_AUDIT_TRAIL: 'Query.auditEvents',
  MANAGE_FUNDS: 'Mutation.createFund',
  MANAGE_PROJECTS: 'Mutation.createProject',
  CREATE_ASSESSMENTS: 'Mutation.createAssessment',
  REVIEW_ASSESSMENTS: 'Mutation.reviewAssessment',
  ENTER_PROJECT_LIBRARY: 'Mutation.enterProjectLibrary',
  WORK_ON_GOALS: 'Mutation.createGoal',
  REPORT_MONITORING: 'Mutation.createMonitoringReport',
  ACKNOWLEDGE_MONITORING: 'Mutation.acknowledgeMonitoringReport',
  HOLD_FUNDING: 'Mutation.setFundingHold',
  SET_MONITORING_POLICY: 'Mutation.setMonitoringPolicy',
  SELF_EVALUATE: 'Mutation.createSelfEvaluation',
  REVIEW_SELF_EVALUATIONS: 'Mutation.reviewEvaluation',
  DEPARTMENT_EVALUATE: 'Mutation.createDepartmentEvaluation',
  FINANCE_EVALUATE: 'Mutation.createFinanceEvaluation',
  COMMISSION_THIRD_PARTIES: 'Mutation.commissionEvaluation',
  FRAMEWORK_EVALUATE: 'Mutation.saveFrameworkEvaluation',
  RECEIVE_DEPARTMENT_EVALUATIONS: 'Mutation.acknowledgeEvaluationReport',
  COMPILE_RESULTS: 'Mutation.compileRollUp',
  PASS_COMPILED_RESULTS: 'Mutation.reviewCompiledResultAsFinance',
  SPOT_CHECK: 'Mutation.drawSpotCheckSample',
  SET_POLICY: 'Mutation.updatePolicy',
  DISCLOSE: 'Mutation.publishDisclosure',
  WORK_ON_FINDINGS: 'Mutation.giveFindingFeedback',
  DECIDE_RECOMMENDATIONS: 'Mutation.proposeRecommendations',
  SET_COMMON_INDICATORS: 'Mutation.setDepartmentCommonIndicators',
  DRAFT_DEPARTMENT_GOALS: 'Mutation.createDepartmentGoal',
  DEPARTMENT_SELF_EVALUATE: 'Mutation.createDepartmentSelfEvaluation',
  REVIEW_DEPARTMENT_SELF_EVALUATIONS: 'Mutation.reviewDepartmentSelfEvaluation',
  MANAGE_SERVICE_ACCOUNTS: 'Mutation.createServiceAccount',
  READ_REPORTS: 'Query.aggregate',
};

/** The rule the shield applies to a root field (`Query.x` / `Mutation.y`); throws when there is none. */
export function ruleOf(operation: string): ShieldRuleLike {
  const [type, field] = operation.split('.') as ['Query' | 'Mutation', string];
  const rule = (rootPermissions[type] as Record<string, ShieldRuleLike | undefined>)[field];
  if (!rule) throw new Error(`No permission rule for ${operation}: fix ABILITY_OPERATIONS`);
  return rule;
}

registerAbilityGrants(
  Object.entries(ABILITY_OPERATIONS).map(([ability, operation]) => ({
    ability,
    operation,
    rule: ruleOf(operation),
  })),
);
