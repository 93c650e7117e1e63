/**
 * 逐级汇总 at scale (DOMAIN §11; 003 转移支付 第二十三条; issue #4): the synthetic city's big transfer fund
 * (overall → one regional goal per township → transfer project goals) with the seeded self-evaluations.
 * The API's live roll-up must equal an independent computation — the benchmark's hand-written SQL
 * aggregate (bench/rollup-queries.ts), run here as the owner — and a whole fund tree must cost a
 * constant number of SQL statements, whatever the size of the tree.
 */
import { Decimal } from '../../src/common/decimal';
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import {
  FUND_TREE,
  RAW_FUND_TREE_SQL,
  type FundTreeData,
  type RawFundTree,
} from '../../bench/rollup-queries';
import { TestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

interface Tree {
  city: SyntheticCity;
  overall: string;
  evaluated: number;
}
let big: Tree;
let smaller: Tree;

async function arrange(options: Parameters<typeof generateSyntheticCity>[1], share?: number): Promise<Tree> {
  const city = await generateSyntheticCity(app.owner, { scale: 'small', ...options });
  const evaluations = await generateSyntheticEvaluations(app.owner, {
    tenantId: city.tenantId,
    seed: options.seed,
    share,
  });
  const [{ id }] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE tenant_id = $1 AND fund_id = $2 AND scope = 'TRANSFER_OVERALL'`,
    [city.tenantId, city.workload!.bigFundId],
  );
  return { city, overall: id, evaluated: evaluations.evaluations.length };
}

async function fundTree(t: Tree) {
  const res = await app.gql<FundTreeData>(
    FUND_TREE,
    { id: gid('PerformanceGoal', t.overall) },
    { as: t.city.sampleLogins.cityFinance },
  );
  expect(res.errors).toBeUndefined();
  const goal = res.data!.goal!;
  return {
    goal: { ...goal, children: goal.children.nodes },
    statements: res.extensions?.sqlStatements as number,
  };
}

async function raw(t: Tree): Promise<RawFundTree> {
  const [row] = await app.sql<{ tree: RawFundTree }>(RAW_FUND_TREE_SQL, [t.city.tenantId, t.overall]);
  return row.tree;
}

beforeAll(async () => {
  app = await TestApp.start();
  big = await arrange({ seed: 4242 }, 0.8);
  smaller = await arrange({ seed: 4343, cityCode: '379800', districts: 1, townshipsPerDistrict: 1 }, 0.5);
}, 120_000);
afterAll(async () => app.stop());

test('DOMAIN §11: the overall goal’s combined actuals, money and coverage equal the hand-written aggregate', async () => {
  const { goal } = await fundTree(big);
  const r = goal.rollUp!;
  const expected = await raw(big);
  expect(r.actuals).toHaveLength(expected.actuals.length);
  expect(expected.actuals.filter((v) => v !== null).length).toBeGreaterThan(0);
  r.actuals.forEach((a, k) => {
    const want = expected.actuals[k];
    if (want === null) expect(a.value).toBeNull();
    // Both exact to 6 decimals; PostgreSQL's NUMERIC quotient is rounded at 16+ digits, hence the tolerance.
    else expect(new Decimal(a.value!).minus(want).abs().lte('0.000001')).toBe(true);
  });
  expect(r.money).toEqual({
    budgeted: new Decimal(expected.money.budgeted).toFixed(2),
    inPlace: new Decimal(expected.money.inPlace).toFixed(2),
    spent: new Decimal(expected.money.spent).toFixed(2),
  });
  expect(r.coverage).toMatchObject({
    counted: expected.coverage.counted,
    total: expected.coverage.total,
    countedMoney: new Decimal(expected.coverage.countedMoney).toFixed(2),
    totalMoney: new Decimal(expected.coverage.totalMoney).toFixed(2),
  });
});

test('DOMAIN §11: each regional goal counts exactly its projects’ submitted self-evaluations; missing ones are not 0', async () => {
  const { goal } = await fundTree(big);
  const expected = new Map((await raw(big)).children.map((c) => [c.id, c]));
  expect(goal.children.length).toBe(expected.size);
  for (const child of goal.children) {
    const want = expected.get(uuidOf(child.id))!;
    expect(child.rollUp!.coverage).toEqual({ counted: want.counted, total: want.total });
  }
  const [db] = await app.sql<{ counted: number; total: number }>(
    `SELECT count(e.id)::int AS counted, count(*)::int AS total
       FROM performance_goal r JOIN performance_goal p ON p.tenant_id = r.tenant_id AND p.parent_goal_id = r.id AND p.status = 'ISSUED'
       LEFT JOIN evaluation e ON e.tenant_id = p.tenant_id AND e.goal_id = p.id AND e.kind = 'SELF' AND e.status = 'SUBMITTED'
      WHERE r.tenant_id = $1 AND r.parent_goal_id = $2`,
    [big.city.tenantId, big.overall],
  );
  const sum = (k: 'counted' | 'total') => goal.children.reduce((s, c) => s + c.rollUp!.coverage[k], 0);
  expect({ counted: sum('counted'), total: sum('total') }).toEqual(db);
  expect(db.counted).toBeLessThan(db.total); // some left missing: coverage < 100%, provisional
  expect(goal.rollUp!.provisional).toBe(true);
});

test('the statement count of a whole fund tree is a constant: the same for 4 regions and for 1', async () => {
  // Fresh statistics versions for both trees: nothing computed before may be reused.
  for (const t of [big, smaller]) {
    await app.sql(
      `SELECT rollup_refresh(tenant_id, parent_goal_id) FROM rollup_population WHERE tenant_id = $1`,
      [t.city.tenantId],
    );
  }
  const a = await fundTree(big);
  const b = await fundTree(smaller);
  expect(a.goal.children.length).toBe(4);
  expect(b.goal.children.length).toBe(1);
  expect(b.goal.rollUp!.coverage.counted).toBeLessThanOrEqual(1);
  expect(a.statements).toBeGreaterThan(0);
  expect(b.statements).toBe(a.statements);
  // Read again with nothing changed: the regions' results are reused — fewer statements, the same answer.
  const a2 = await fundTree(big);
  const b2 = await fundTree(smaller);
  expect(a2.statements).toBe(b2.statements);
  expect(a2.statements).toBeLessThan(a.statements);
  expect(a2.goal).toEqual(a.goal);
  // …and the smaller tree's aggregate is right too (half its projects evaluated).
  const expected = await raw(smaller);
  expect(b.goal.children[0].rollUp!.coverage).toEqual({
    counted: expected.children[0].counted,
    total: expected.children[0].total,
  });
});

test('always current: a change under a region whose result was reused shows in the very next read', async () => {
  const before = await fundTree(big);
  const region = before.goal.children.find((c) => c.rollUp!.coverage.counted > 0)!;
  const [e] = await app.sql<{ id: string }>(
    `SELECT e.id FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
      WHERE g.parent_goal_id = $1 AND e.kind = 'SELF' AND e.status = 'SUBMITTED' LIMIT 1`,
    [uuidOf(region.id)],
  );
  await app.sql(`UPDATE evaluation SET status = 'RETURNED' WHERE id = $1`, [e.id]);
  const after = await fundTree(big);
  const again = after.goal.children.find((c) => c.id === region.id)!;
  expect(again.rollUp!.coverage.counted).toBe(region.rollUp!.coverage.counted - 1);
  // The region still counts (it has other results), but its money and actuals changed, and so did the whole.
  expect(after.goal.rollUp!.money).not.toEqual(before.goal.rollUp!.money);
});
