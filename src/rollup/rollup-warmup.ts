import { groupBy } from '../common/collections';
import { RequestContext, type AppServices } from '../common/request-context';
import type { Principal } from '../auth/principal';
import { RequestDb } from '../db/request-db';
import { OrganizationKind, RegionLevel } from '../hierarchy/hierarchy.enums';
import { rollUpLoadersOf } from './rollup.loaders';

/** What the warm-up at start did (logged by the server). */
export interface RollUpWarmup {
  tenants: number;
  fundTrees: number;
  ms: number;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The warm-up's stand-in caller of one tenant: it reaches the tenant's rows only through row-level
 * security and the roll-up loaders, which read by goal id. It has no jurisdiction of its own — an
 * implementing unit of no organization in a region no row has — so any scoped read would find nothing.
 */
function warmupPrincipal(tenantId: string): Principal {
  return {
    userId: NOBODY,
    login: 'rollup-warmup',
    displayName: '汇总预热 — roll-up warm-up',
    tenantId,
    organizationId: NOBODY,
    organizationKind: OrganizationKind.IMPLEMENTING_UNIT,
    supervisingDepartmentId: null,
    regionId: NOBODY,
    regionLevel: RegionLevel.TOWNSHIP,
    regionPath: `/${NOBODY}/`,
    isTenantAdmin: false,
  };
}

/**
 * Issue 18 (the first request after start within 3× of a warm one): computes, before the server listens,
 * the submitted-basis roll-up (DOMAIN §11; 003 转移支付 第二十三条) of the largest fund trees in force —
 * at most `limit` overall goals over regional goals, newest year first (`rollup_warm_parents`, which
 * answers ids only). Each tenant's are computed in one read-only transaction of that tenant under
 * row-level security, by the same loaders a request uses, into the same process-wide results
 * (rollup.loaders.ts): keyed by the statistics versions they read, so a later write makes them stale
 * exactly as it would a result a request computed. The transaction is rolled back and its connection
 * released on every path. Without it the first reader of a city's largest fund tree waited ~300 ms for
 * what later readers get in ~10 ms.
 */
export async function warmRollUps(services: AppServices, limit: number): Promise<RollUpWarmup> {
  const started = performance.now();
  if (limit <= 0) return { tenants: 0, fundTrees: 0, ms: 0 };
  const rows = (await services.dataSource.query(
    'SELECT tenant_id, parent_goal_id FROM rollup_warm_parents($1)',
    [limit],
  )) as { tenant_id: string; parent_goal_id: string }[];
  const byTenant = groupBy(rows, (r) => r.tenant_id);
  for (const [tenantId, parents] of byTenant) {
    const db = new RequestDb(services.dataSource);
    try {
      await db.setTenant(tenantId);
      const ctx = new RequestContext(services, 'rollup-warmup', 'local', warmupPrincipal(tenantId), db);
      const loaders = rollUpLoadersOf(ctx);
      // One batch: the loaders read each level of all the tenant's trees in the same statements.
      const nodes = await loaders.rollUpNode.loadMany(
        parents.map((p) => loaders.key('SUBMITTED', p.parent_goal_id)),
      );
      const failed = nodes.find((n): n is Error => n instanceof Error);
      if (failed) throw failed;
    } finally {
      await db.finish(false);
    }
  }
  return { tenants: byTenant.size, fundTrees: rows.length, ms: Math.round(performance.now() - started) };
}
