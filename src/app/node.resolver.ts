import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { canReadAuditTrail } from '../audit/audit.permissions';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { fromGlobalId } from '../common/global-id';
import { Node, registerNodeType } from '../common/node';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { monitoringLoaders } from '../monitoring/monitoring.loaders';
import { MonitoringReportEntity } from '../monitoring/report.entity';
import { listFindings, listRecommendations } from '../results/results-lists';
import { findingView, recommendationView } from '../results/results.resolver';
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
 * `node(id)` (DOMAIN §16): the same authorization as the typed lookups — it goes through the same
 * scoped loaders, so an object outside the caller's jurisdiction reads as null, like a missing one.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: '节点 — any object by global id; null when missing or out of jurisdiction',
  })
  async node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ) {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    switch (parsed.type) {
      case 'Region':
        return ctx.loaders.regionById.load(parsed.id);
      case 'Organization':
        return ctx.loaders.organizationById.load(parsed.id);
      case 'Fund':
        return ctx.loaders.fundById.load(parsed.id);
      case 'Allocation':
        return ctx.loaders.allocationById.load(parsed.id);
      case 'Project':
        return ctx.loaders.projectById.load(parsed.id);
      case 'ExAnteAssessment':
        return ctx.loaders.assessmentById.load(parsed.id);
      case 'PerformanceGoal':
        return ctx.loaders.goalById.load(parsed.id);
      case 'GoalIndicator':
        return (await ctx.scope.goalIndicators()).andWhere('gi.id = :id', { id: parsed.id }).getOne();
      case 'MonitoringReport':
        return monitoringLoaders(ctx).reportById.load(parsed.id);
      case 'Evaluation':
        return evaluationLoadersOf(ctx).evaluationById.load(parsed.id);
      case 'SpotCheckSample':
        return spotCheckLoadersOf(ctx).sampleById.load(parsed.id);
      case 'SpotCheckItem':
        return spotCheckLoadersOf(ctx).itemById.load(parsed.id);
      case 'Finding': {
        const [finding] = await listFindings(ctx, { ids: [parsed.id] }, 1);
        return finding ? { ...findingView(finding, ctx.caller), __typename: 'Finding' } : null;
      }
      case 'BudgetRecommendation': {
        const [recommendation] = await listRecommendations(ctx, null, [parsed.id]);
        return recommendation
          ? { ...recommendationView(recommendation), __typename: 'BudgetRecommendation' }
          : null;
      }
      case 'AuditEvent':
        // The same readers as `auditEvents` (P6, 003 第七条): anyone else reads it as missing.
        if (!canReadAuditTrail(ctx.caller)) return null;
        return (await ctx.scope.auditEvents()).andWhere('a.id = :id', { id: parsed.id }).getOne();
      case 'ServiceAccount':
        return serviceAccountNode(ctx, parsed.id);
      case 'ServiceAccountToken':
        return serviceAccountTokenNode(ctx, parsed.id);
      case 'ReportingLogin':
        return reportingLoginNode(ctx, parsed.id);
      case 'User':
        return (await ctx.scope.users()).andWhere('u.id = :id', { id: parsed.id }).getOne();
      default:
        return null;
    }
  }
}
