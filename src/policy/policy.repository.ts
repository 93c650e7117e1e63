import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { insertAudited } from '../audit/audit.service';
import { TenantPolicyEntity } from './policy.entity';
import type { ResolvedPolicy } from './rules/policy';

/**
 * The one writer of the tenant policy (issue 10 item 2; DOMAIN §10.7, §15): a change is a new version
 * row (versions are never edited, results name the version they used), written with its audit event in
 * the caller's transaction, and this request's cached policies are dropped.
 */

interface PolicyCache {
  byYear: Map<number, Promise<ResolvedPolicy>>;
  byId: Map<string, Promise<TenantPolicyEntity | null>>;
}

const perRequest = new WeakMap<RequestContext, PolicyCache>();

/** This request's policies read so far, by year and by version id (policy.service.ts reads through it). */
export function cacheOf(ctx: RequestContext): PolicyCache {
  let cache = perRequest.get(ctx);
  if (!cache) {
    cache = { byYear: new Map(), byId: new Map() };
    perRequest.set(ctx, cache);
  }
  return cache;
}

/** The next version of the tenant's policy (versions count every change of the tenant, all years). */
async function nextVersion(em: EntityManager, tenantId: string): Promise<number> {
  const rows = (await em.query(
    `SELECT coalesce(max(version), 0) + 1 AS v FROM tenant_policy WHERE tenant_id = $1`,
    [tenantId],
  )) as { v: number }[];
  return Number(rows[0]?.v ?? 1);
}

/** 修改参数: the next version of the tenant's policy, audited as UPDATE with the version it replaces. */
export async function addPolicyVersion(
  ctx: RequestContext,
  em: EntityManager,
  current: ResolvedPolicy,
  row: Omit<TenantPolicyEntity, 'version' | 'createdAt'>,
): Promise<void> {
  const version = await nextVersion(em, row.tenantId);
  const versioned = { ...row, version } as TenantPolicyEntity;
  await insertAudited(em, ctx.caller, TenantPolicyEntity, versioned, {
    entityType: 'TenantPolicy',
    action: 'UPDATE',
    regionPath: ctx.caller.regionPath,
    before: current,
  });
  cacheOf(ctx).byYear.clear();
}
