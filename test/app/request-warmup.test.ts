/**
 * Issue 18 (the first request after start within 3× of a warm one): before it listens the server runs the
 * roll-up screen of the largest fund tree in force a few times as a stand-in for the department that set
 * its overall goal (DOMAIN §8 P1, 002 第十条(二)), each round a READ ONLY transaction that is released;
 * once listening it sends itself anonymous requests that read nothing and are not logged
 * (src/app/request-warmup.ts). A failed warm-up never stops the start.
 */
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import { warmHttp, warmupTarget } from '../../src/app/request-warmup';
import { STARTUP_SCREENS } from '../../src/app/startup-screens';
import { aggregateCacheStats } from '../../src/common/cache-stats';
import { RequestDb } from '../../src/db/request-db';
import { TestApp } from '../harness/app';
import { freePort } from '../startup/api-process';
import { poolOf, startAnotherServer } from '../harness/another-server';

let app: TestApp;
let city: SyntheticCity;

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { seed: 92, scale: 'small' });
  await generateSyntheticEvaluations(app.owner, { tenantId: city.tenantId, seed: 92, share: 0.5 });
}, 240_000);
afterAll(async () => app.stop());

const startAnother = (env: Record<string, string>) => startAnotherServer(app, env);
const pool = () => poolOf(app);

/** Transactions of the API role still open (none may outlive the warm-up). */
const openTransactions = async () =>
  (
    await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND usename = 'jixiao_app' AND state LIKE 'idle in transaction%'`,
    )
  )[0].n;

test('the stand-in is the department that set the largest tree in force, with no user and no admin right', async () => {
  // DOMAIN §8 P1, 002 第十条(二): the department that allocates the fund sets its overall goal.
  const target = await warmupTarget(app.services);
  expect(target).not.toBeNull();
  const [largest] = await app.sql<{ parent_goal_id: string }>(
    'SELECT parent_goal_id FROM rollup_warm_parents(1)',
  );
  expect(target!.goalId).toBe(largest.parent_goal_id);
  const [goal] = await app.sql<{ tenant_id: string; drafter_organization_id: string; region_id: string }>(
    `SELECT g.tenant_id, g.drafter_organization_id, o.region_id
       FROM performance_goal g JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.drafter_organization_id
      WHERE g.id = $1`,
    [target!.goalId],
  );
  expect(target!.tenantId).toBe(goal.tenant_id);
  expect(target!.principal).toMatchObject({
    tenantId: goal.tenant_id,
    organizationId: goal.drafter_organization_id,
    regionId: goal.region_id,
    isTenantAdmin: false,
  });
  const users = await app.sql('SELECT 1 FROM app_user WHERE id = $1', [target!.principal.userId]);
  expect(users).toHaveLength(0);
  expect(pool().idleCount).toBe(pool().totalCount);
});

test('a warm-up transaction is READ ONLY: PostgreSQL refuses a write, and the connection goes back', async () => {
  const db = new RequestDb(app.services.dataSource, { readOnly: true });
  await db.setTenant(city.tenantId);
  await expect(
    db.query(`UPDATE performance_goal SET name = name || '!' WHERE tenant_id = $1`, [city.tenantId]),
  ).rejects.toMatchObject({ driverError: { code: '25006' } }); // read_only_sql_transaction
  await db.finish(true).catch(() => undefined);
  expect(pool().idleCount).toBe(pool().totalCount);
  expect(await openTransactions()).toBe(0);
});

test('the server warms before it answers, changes nothing, releases every connection and logs no warm-up request', async () => {
  const before = await app.tableDigests();
  const lookups = { ...aggregateCacheStats };
  const warm = await startAnother({ REQUEST_WARMUP_ROUNDS: '4' });
  try {
    // Every round answered without an error (a refused round is logged as a failed warm-up instead).
    expect(warm.lines.find((l) => l.msg === 'request path warmed at start')).toMatchObject({ rounds: 4 });
    // The start-up screens parsed, validated and compiled as new texts, once per round (compile-warmup.ts).
    expect(warm.lines.find((l) => l.msg === 'query compiler warmed at start')).toMatchObject({
      documents: 4 * STARTUP_SCREENS.length,
    });
    // Its BI overview is computed in every round, not reused from the first (src/reporting/aggregate-cache.ts).
    expect({
      hits: aggregateCacheStats.hits - lookups.hits,
      misses: aggregateCacheStats.misses - lookups.misses,
    }).toEqual({ hits: 0, misses: 4 });
    expect(warm.lines.some((l) => String(l.msg).includes('warm-up failed'))).toBe(false);
    expect(pool().idleCount).toBe(pool().totalCount);
    expect(await openTransactions()).toBe(0);
    // The start-up's own anonymous requests are not in the request log; a caller's are.
    expect(warm.lines.filter((l) => l.msg === 'request completed')).toHaveLength(0);
    expect(warm.lines.find((l) => l.msg === 'HTTP path warmed at start')).toMatchObject({
      anonymous: 4,
      refused: 4,
    });
    expect(await warmHttp(app.services, warm.server.url, 3)).toEqual({ anonymous: 3, refused: 3 });
    expect(warm.lines.filter((l) => l.msg === 'request completed')).toHaveLength(0);
    const res = await fetch(warm.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    await res.text();
    expect(warm.lines.filter((l) => l.msg === 'request completed')).toHaveLength(1);
  } finally {
    await warm.server.stop();
  }
  expect(await app.tableDigests()).toEqual(before);
});

test('/readyz answers 503 "starting" while the server warms itself after listening, and 200 after', async () => {
  const port = await freePort();
  const readyz = `http://127.0.0.1:${port}/readyz`;
  let started = false;
  const starting = startAnotherServer(app, { REQUEST_WARMUP_ROUNDS: '40' }, port).finally(() => {
    started = true;
  });
  const early: { status: number; body: unknown }[] = [];
  while (!started) {
    const res = await fetch(readyz).catch(() => null); // refused until it listens
    if (res && !started) early.push({ status: res.status, body: await res.json() });
    else await res?.text();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { server } = await starting;
  try {
    expect(early.length).toBeGreaterThan(0);
    expect(early).toEqual(early.map(() => ({ status: 503, body: { status: 'starting' } })));
    const after = await fetch(readyz);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready' });
  } finally {
    await server.stop();
  }
});

test('with 0 rounds nothing runs; a failed warm-up is logged and the server starts all the same', async () => {
  const none = await startAnother({ REQUEST_WARMUP_ROUNDS: '0' });
  try {
    expect(none.lines.some((l) => l.msg === 'request path warmed at start')).toBe(false);
  } finally {
    await none.server.stop();
  }
  await app.sql('REVOKE EXECUTE ON FUNCTION rollup_warm_parents(integer) FROM jixiao_app');
  try {
    const cold = await startAnother({ REQUEST_WARMUP_ROUNDS: '2' });
    try {
      expect(cold.lines.some((l) => l.msg === 'request warm-up failed; the first requests run cold')).toBe(
        true,
      );
      expect((await fetch(cold.server.url.replace('/graphql', '/healthz'))).status).toBe(200);
      expect(pool().idleCount).toBe(pool().totalCount);
    } finally {
      await cold.server.stop();
    }
  } finally {
    await app.sql('GRANT EXECUTE ON FUNCTION rollup_warm_parents(integer) TO jixiao_app');
  }
});
