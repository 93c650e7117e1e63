import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { canReadAuditTrail } from '../audit/audit.permissions';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { Node, registerNodeType } from '../common/node';
import { readNode, registerNodeReaders } from '../common/node-reader';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { monitoringLoaders } from '../monitoring/monitoring.loaders';
import { MonitoringReportEntity } from '../monitoring/report.entity';
import { listRecommendations } from '../results/results-lists';
import { recommendationView } from '../results/results.resolver';
import { findingById } from '../results/subject-links.resolver';
import { spotCheckLoadersOf } from '../spot-check/spot-check.loaders';
import type { RequestContext } from '../common/request-context';
import { serviceAccountNode, serviceAccountTokenNode } from '../service-accounts/service-account.resolver';
import { reportingLoginNode } from '../bi-access/reporting-login.service';

// Issue 11 item 7: every type with an id is a Node. Entities resolved by their class (views such as
// Finding carry `__typename`, src/common/node.ts).
registerNodeType(MonitoringReportEntity, 'MonitoringReport');
registerNodeType(AuditEventEntity, 'AuditEvent');
registerNodeType(GoalIndicatorEntity, 'GoalIndicator');

/**
 * How `node(id)` — and every link that names an object by global id (src/common/node-reader.ts) — reads
 * each type: the same scoped loaders as the typed lookups, so an object outside the caller's jurisdiction
 * reads as null, like a missing one (DOMAIN §16, P6).
 */
registerNodeReaders({
  Region: (ctx, id) => ctx.loaders.regionById.load(id),
  Organization: (ctx, id) => ctx.loaders.organizationById.load(id),
  Fund: (ctx, id) => ctx.loaders.fundById.load(id),
  Allocation: (ctx, id) => ctx.loaders.allocationById.load(id),
  Project: (ctx, id) => ctx.loaders.projectById.load(id),
  ExAnteAssessment: (ctx, id) => ctx.loaders.assessmentById.load(id),
  PerformanceGoal: (ctx, id) => ctx.loaders.goalById.load(id),
  GoalIndicator: async (ctx, id) =>
    (await ctx.scope.goalIndicators()).andWhere('gi.id = :id', { id }).getOne(),
  MonitoringReport: (ctx, id) => monitoringLoaders(ctx).reportById.load(id),
  Evaluation: (ctx, id) => evaluationLoadersOf(ctx).evaluationById.load(id),
  SpotCheckSample: (ctx, id) => spotCheckLoadersOf(ctx).sampleById.load(id),
  SpotCheckItem: (ctx, id) => spotCheckLoadersOf(ctx).itemById.load(id),
  Finding: (ctx, id) => findingById(ctx).load(id),
  BudgetRecommendation: async (ctx, id) => {
    const [recommendation] = await listRecommendations(ctx, null, [id]);
    return recommendation
      ? { ...recommendationView(recommendation), __typename: 'BudgetRecommendation' }
      : null;
  },
  // The same readers as `auditEvents` (P6, 003 第七条): anyone else reads it as missing.
  AuditEvent: async (ctx, id) =>
    canReadAuditTrail(ctx.caller)
      ? (await ctx.scope.auditEvents()).andWhere('a.id = :id', { id }).getOne()
      : null,
  ServiceAccount: (ctx, id) => serviceAccountNode(ctx, id),
  ServiceAccountToken: (ctx, id) => serviceAccountTokenNode(ctx, id),
  ReportingLogin: (ctx, id) => reportingLoginNode(ctx, id),
  User: async (ctx, id) => (await ctx.scope.users()).andWhere('u.id = :id', { id }).getOne(),
});

/**
 * `node(id)` (DOMAIN §16): the same authorization as the typed lookups (the readers registered above).
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: '节点 — any object by global id; null when missing or out of jurisdiction',
  })
  node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ): Promise<object | null> {
    return readNode(ctx, id);
  }
}
