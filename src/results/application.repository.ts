import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { insertAudited, recordAudit } from '../audit/audit.service';
import { AllocationSimulationEntity, RecommendationEntity } from './results.entities';

/**
 * The one writer of the application of results (issue 10 item 2; DOMAIN §13, §15): budget recommendations
 * and factor-allocation simulations are written here only, in the caller's transaction (`em`), each with
 * its audit event. Neither keeps a history table or a loader cache.
 */

/** 提出预算建议: a PROPOSED recommendation, audited as PROPOSE. */
export async function addRecommendation(
  ctx: RequestContext,
  em: EntityManager,
  row: RecommendationEntity,
): Promise<void> {
  await insertAudited(em, ctx.caller, RecommendationEntity, row, {
    entityType: 'BudgetRecommendation',
    action: 'PROPOSE',
    regionPath: row.regionPath,
  });
}

/** 采纳 / 调整: the decision on a proposal, audited with before and after under the new status. */
export async function decideRecommendationRow(
  ctx: RequestContext,
  em: EntityManager,
  before: RecommendationEntity,
  change: Pick<
    RecommendationEntity,
    'status' | 'decidedChange' | 'decisionReason' | 'decidedByOrganizationId'
  >,
): Promise<RecommendationEntity> {
  const key = { tenantId: before.tenantId, id: before.id };
  await em.update(RecommendationEntity, key, { ...change, rowVersion: before.rowVersion + 1 });
  const after = await em.findOneByOrFail(RecommendationEntity, key);
  await recordAudit(em, ctx.caller, {
    entityType: 'BudgetRecommendation',
    entityId: before.id,
    action: change.status,
    regionPath: before.regionPath,
    before,
    after,
  });
  return after;
}

/** 因素法分配模拟: a saved simulation, audited as SIMULATE; answered as stored. */
export async function addSimulation(
  ctx: RequestContext,
  em: EntityManager,
  row: AllocationSimulationEntity,
): Promise<AllocationSimulationEntity> {
  await insertAudited(em, ctx.caller, AllocationSimulationEntity, row, {
    entityType: 'AllocationSimulation',
    action: 'SIMULATE',
    regionPath: row.regionPath,
  });
  return em.findOneByOrFail(AllocationSimulationEntity, { tenantId: row.tenantId, id: row.id });
}
