/**
 * Issue 18 (the first request after start within 3× of a warm one): the largest fund trees' roll-ups are
 * computed at start, before the server listens (src/rollup/rollup-warmup.ts), so the first reader gets
 * the reused answer — the same as one computed from scratch — and a write below a tree still shows at
 * once. The listing function answers ids only, to the API role only; the warm-up's connection goes back
 * to the pool; a failed warm-up never stops the start.
 */
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import { forgetRollUpResults } from '../../src/rollup/rollup.loaders';
import { warmRollUps } from '../../src/rollup/rollup-warmup';
import { TestApp } from '../harness/app';
import { poolOf, startAnotherServer } from '../harness/another-server';
import { countedBelow, draftsUnder, readFundTree } from '../rollup/fixtures';

let app: TestApp;
let city: SyntheticCity;
let overall: string;

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { seed: 91, scale: 'small' });
  await generateSyntheticEvaluations(app.owner, { tenantId: city.tenantId, seed: 91, share: 0.5 });
  const [top] = await app.sql<{ id: string }>(
    `SELECT o.id FROM performance_goal o JOIN rollup_population p ON p.tenant_id = o.tenant_id AND p.parent_goal_id = o.id
      WHERE o.tenant_id = $1 AND NOT p.leaves AND o.status = 'ISSUED' ORDER BY o.year DESC, p.total DESC, o.id LIMIT 1`,
    [city.tenantId],
  );
  overall = top.id;
}, 240_000);
afterAll(async () => app.stop());

const fundTree = () => readFundTree(app, overall, city.sampleLogins.cityFinance);

/** Statements of a read that computes the roll-up, and of one that reuses it. */
async function costs() {
  forgetRollUpResults();
  const computed = await fundTree();
  const reused = await fundTree();
  expect(reused.statements).toBeLessThan(computed.statements);
  return { computed, reused };
}

const startAnother = (env: Record<string, string>) => startAnotherServer(app, env);
const pool = () => poolOf(app);

test('the warm-up computes the largest trees; the first read then reuses them and equals a fresh answer', async () => {
  // DOMAIN §11, 003 转移支付 第二十三条: the reused roll-up is the one computed from scratch.
  const { computed, reused } = await costs();
  forgetRollUpResults();
  const warmed = await warmRollUps(app.services, 50);
  const [{ n, tenants }] = await app.sql<{ n: number; tenants: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT p.tenant_id)::int AS tenants
       FROM rollup_population p JOIN performance_goal g ON g.tenant_id = p.tenant_id AND g.id = p.parent_goal_id
      WHERE NOT p.leaves AND g.status IN ('ISSUED', 'FILED_FOR_RECORD')`,
  );
  expect(warmed.tenants).toBe(tenants);
  expect(warmed.fundTrees).toBe(n);
  const first = await fundTree();
  expect(first.statements).toBe(reused.statements);
  expect(first.data).toEqual(computed.data);
  // Its transaction was ended and its connection given back.
  expect(pool().idleCount).toBe(pool().totalCount);
});

test('at most the limit, none with 0', async () => {
  const { computed } = await costs();
  forgetRollUpResults();
  expect(await warmRollUps(app.services, 0)).toEqual({ tenants: 0, fundTrees: 0, ms: 0 });
  expect((await fundTree()).statements).toBe(computed.statements);
  // The largest tree in force of the newest year, of every tenant, is `overall`.
  expect(await app.sql('SELECT parent_goal_id FROM rollup_warm_parents(1)')).toEqual([
    { parent_goal_id: overall },
  ]);
  const one = await warmRollUps(app.services, 1);
  expect(one.fundTrees).toBe(1);
  expect((await fundTree()).statements).toBeLessThan(computed.statements); // the largest tree is `overall`
});

test('a submission after the warm-up is seen at once', async () => {
  // DOMAIN §11: a submission counts the moment it commits; the warmed result is keyed by the statistics versions.
  forgetRollUpResults();
  await warmRollUps(app.services, 50);
  const before = await fundTree();
  const [draft] = await draftsUnder(app, city.tenantId, overall, 1, 91);
  expect(draft).toBeDefined();
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 88, grade = 'GOOD', submitted_at = now() WHERE id = $1`,
    [draft],
  );
  const after = await fundTree();
  expect(countedBelow(after.data)).toBe(countedBelow(before.data) + 1);
  forgetRollUpResults();
  expect((await fundTree()).data).toEqual(after.data);
});

test('the server warms before it listens, and starts all the same when the warm-up fails', async () => {
  const { computed, reused } = await costs();
  forgetRollUpResults();
  const warm = await startAnother({ ROLLUP_WARMUP_LIMIT: '10' });
  try {
    const line = warm.lines.find((l) => l.msg === 'roll-ups computed at start');
    expect(line).toMatchObject({ fundTrees: expect.any(Number) as number });
    expect(line!.fundTrees).toBeGreaterThan(0);
    expect((await fundTree()).statements).toBe(reused.statements);
  } finally {
    await warm.server.stop();
  }
  forgetRollUpResults();
  await app.sql('REVOKE EXECUTE ON FUNCTION rollup_warm_parents(integer) FROM jixiao_app');
  try {
    const cold = await startAnother({});
    try {
      expect(
        cold.lines.some((l) => l.msg === 'roll-up warm-up failed; roll-ups are computed on first read'),
      ).toBe(true);
      expect((await fetch(cold.server.url.replace('/graphql', '/healthz'))).status).toBe(200);
      expect((await fundTree()).statements).toBe(computed.statements);
    } finally {
      await cold.server.stop();
    }
  } finally {
    await app.sql('GRANT EXECUTE ON FUNCTION rollup_warm_parents(integer) TO jixiao_app');
  }
  expect(pool().idleCount).toBe(pool().totalCount);
});

test('the listing answers ids only, and only the API role may call it', async () => {
  const columns = await app.sql<{ name: string }>(
    `SELECT unnest(proargnames) AS name FROM pg_proc WHERE proname = 'rollup_warm_parents'`,
  );
  expect(columns.map((c) => c.name)).toEqual(['p_limit', 'tenant_id', 'parent_goal_id']);
  const [acl] = await app.sql<{ app: boolean; public: boolean }>(
    `SELECT has_function_privilege('jixiao_app', 'rollup_warm_parents(integer)', 'EXECUTE') AS app,
            EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                     WHERE p.proname = 'rollup_warm_parents' AND a.grantee = 0) AS public`,
  );
  expect(acl).toEqual({ app: true, public: false });
});
