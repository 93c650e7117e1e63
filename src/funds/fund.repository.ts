import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { auditedWriter, recordAudit } from '../audit/audit.service';
import { money, type Decimal } from '../common/decimal';
import { guardedUpdate } from '../common/guarded-update';
import { AllocationEntity } from './allocation.entity';
import { FundEntity } from './fund.entity';

/**
 * The one writer of funds and their allocations (issue 10 item 2; DOMAIN §4, §15): the row, the
 * allocation set, the audit event and the request's loader caches change together, in the caller's
 * transaction (`em`). No other code inserts or updates `fund` or `fund_allocation`.
 */
function forget(ctx: RequestContext, fundId: string) {
  ctx.loaders.fundById.clear(fundId);
  ctx.loaders.allocationsByFundId.clear(fundId);
}

const funds = auditedWriter<FundEntity>({
  entity: FundEntity,
  type: 'Fund',
  pathOf: (f) => f.regionPath,
  forget: (ctx, f) => forget(ctx, f.id),
});

/** 新建: audited as CREATE. */
export const insertFund = (
  ctx: RequestContext,
  em: EntityManager,
  row: QueryDeepPartialEntity<FundEntity> & { tenantId: string; id: string },
): Promise<FundEntity> => funds.insert(ctx, em, row);

/** Changes a fund under its version (stale → CONFLICT); audited as UPDATE with before and after. */
export const updateFundRow = (
  ctx: RequestContext,
  em: EntityManager,
  current: FundEntity,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<FundEntity>,
): Promise<FundEntity> => funds.update(ctx, em, current, expectedVersion, changes);

export interface AllocationRow {
  regionId: string | null;
  projectId: string | null;
  amount: Decimal | string;
}

/**
 * Replaces the fund's whole allocation set atomically (DOMAIN §4): the fund's version is bumped under the
 * guard first, so two racing sets cannot both apply; audited as SET_ALLOCATIONS with both sets.
 */
export async function replaceAllocations(
  ctx: RequestContext,
  em: EntityManager,
  fund: FundEntity,
  expectedVersion: number,
  rows: readonly AllocationRow[],
): Promise<FundEntity> {
  await guardedUpdate(em, FundEntity, fund, expectedVersion, {});
  const key = { tenantId: fund.tenantId, fundId: fund.id };
  const before = await em.findBy(AllocationEntity, key);
  await em.delete(AllocationEntity, key);
  if (rows.length > 0) {
    await em.insert(
      AllocationEntity,
      rows.map((r) => ({
        tenantId: fund.tenantId,
        id: randomUUID(),
        fundId: fund.id,
        fundRegionPath: '',
        regionId: r.regionId,
        projectId: r.projectId,
        regionPath: '',
        amount: money(r.amount),
      })),
    );
  }
  const after = await em.findBy(AllocationEntity, key);
  const summary = (list: AllocationEntity[]) => ({
    allocations: list.map((a) => ({ regionId: a.regionId, projectId: a.projectId, amount: a.amount })),
  });
  await recordAudit(em, ctx.caller, {
    entityType: 'Fund',
    entityId: fund.id,
    action: 'SET_ALLOCATIONS',
    regionPath: fund.regionPath,
    before: summary(before),
    after: summary(after),
  });
  forget(ctx, fund.id);
  return em.findOneByOrFail(FundEntity, { tenantId: fund.tenantId, id: fund.id });
}
