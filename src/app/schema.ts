import { withSyncTypeResolvers } from './sync-type-resolvers';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import { withDirectFieldResolvers, withPlainFields } from './direct-field-resolvers';
import './modules';
import './abilities';
import { assessmentResolvers } from '../assessment/assessment.resolver';
import { AuditEventResolver } from '../audit/audit.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { evaluationResolvers } from '../evaluation/evaluation.resolver';
import { AllocationResolver, FundResolver } from '../funds/fund.resolver';
import { ProjectResolver } from '../funds/project.resolver';
import { GoalMutationResolver } from '../goals/goal-mutation.resolver';
import { GoalHeaderResolver } from '../goals/goal-extra.resolver';
import {
  GoalIndicatorResolver,
  GoalResolver,
  GoalTransitionResolver,
  ReviewStepResolver,
} from '../goals/goal.resolver';
import { MeResolver } from '../hierarchy/me.resolver';
import { OrganizationResolver } from '../hierarchy/organization.resolver';
import { RegionResolver } from '../hierarchy/region.resolver';
import { UserResolver } from '../hierarchy/user.resolver';
import { monitoringResolvers } from '../monitoring';
import { rollUpResolvers } from '../rollup/rollup.resolver';
import { spotCheckResolvers } from '../spot-check/spot-check.resolver';
import { PolicyResolver } from '../policy/policy.resolver';
import { PolicyFieldsResolvers } from '../policy/policy-fields.resolver';
import { CompileFinanceResolver } from '../rollup/compile-finance.resolver';
import { DepartmentPerformanceResolver } from '../department-performance/department.resolver';
import { DisclosureResolver } from '../disclosure/disclosure.resolver';
import { disclosureLinkResolvers } from '../disclosure/disclosure-links.resolver';
import { resultsResolvers } from '../results/results.resolver';
import { withInputHygiene } from '../common/input-hygiene';
import { InboxResolver } from '../inbox/inbox.resolver';
import { FindingLinksResolver, RecommendationLinksResolver } from '../results/results-links.resolver';
import { reportLinkResolvers } from '../results/reports-links.resolver';
import { subjectLinkResolvers } from '../results/subject-links.resolver';
import { goalLinkResolvers } from '../goals/goal-links.resolver';
import { evaluationLinkResolvers } from '../evaluation/evaluation-links.resolver';
import { formLinkResolvers } from '../forms/forms-links.resolver';
import { departmentLinkResolvers } from '../department-performance/department-links.resolver';
import { reportingLinkResolvers } from '../reporting/aggregate-links.resolver';
import { NodeResolver } from './node.resolver';
import { AuditEntityResolver } from './audit-entity.resolver';
import { ServiceAccountResolver } from '../service-accounts/service-account.resolver';
import { ReportingLoginResolver } from '../bi-access/reporting-login.resolver';
import { crossLevelResolvers } from '../reporting/cross-level/region-report.resolver';
import { AggregateResolver } from '../reporting/aggregate.resolver';
import { withPermissions } from './permissions';

export const resolvers = [
  AuthResolver,
  MeResolver,
  NodeResolver,
  InboxResolver,
  FindingLinksResolver,
  RecommendationLinksResolver,
  ...reportLinkResolvers,
  ...subjectLinkResolvers,
  ...goalLinkResolvers,
  ...evaluationLinkResolvers,
  ...formLinkResolvers,
  ...departmentLinkResolvers,
  ...reportingLinkResolvers,
  RegionResolver,
  OrganizationResolver,
  UserResolver,
  FundResolver,
  AllocationResolver,
  ProjectResolver,
  ...assessmentResolvers,
  GoalResolver,
  GoalMutationResolver,
  ReviewStepResolver,
  GoalTransitionResolver,
  GoalIndicatorResolver,
  GoalHeaderResolver,
  AuditEventResolver,
  AuditEntityResolver,
  ...monitoringResolvers,
  ...evaluationResolvers,
  ...spotCheckResolvers,
  ...rollUpResolvers,
  PolicyResolver,
  ...PolicyFieldsResolvers,
  CompileFinanceResolver,
  DepartmentPerformanceResolver,
  ...resultsResolvers,
  DisclosureResolver,
  ...disclosureLinkResolvers,
  ServiceAccountResolver,
  ReportingLoginResolver,
  ...crossLevelResolvers,
  AggregateResolver,
] as const;

/** The schema as type-graphql builds it, before permissions (emitted to schema/schema.graphql). */
export function buildBareSchema(): GraphQLSchema {
  const schema = buildSchemaSync({ resolvers: [...resolvers], validate: false });
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description = '查询 — read operations; every answer is limited to the caller’s jurisdiction';
  if (mutation) mutation.description = '变更 — write operations; expected failures come back as userErrors';
  return schema;
}

/**
 * The executable schema: built, its arguments checked and cleaned before any resolver (input hygiene,
 * issue 8 items 8–9), then guarded by the shield (DOMAIN §8), which runs first.
 */
export function buildSchema(): GraphQLSchema {
  const schema = buildBareSchema();
  withDirectFieldResolvers(schema);
  withPlainFields(schema);
  return withSyncTypeResolvers(withPermissions(withInputHygiene(schema)));
}

/** The committed SDL: sorted, so diffs show only real changes. */
export function schemaSdl(schema: GraphQLSchema = buildBareSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
