/**
 * 逐级汇总 through GraphQL on a real database (DOMAIN §11; 003 转移支付 第二十三条): the demo's worked
 * example fund 农村公路提档升级专项资金 (overall goal → 车站街道 A, 公园街道 B). The regional results are
 * submitted self-evaluations (arranged as the owner, scored by the engine exactly as a submission is);
 * the overall result is computed live by the API: actuals combined by each indicator's aggregation, the
 * overall goal scored with its own targets and points, coverage, provisional, the basis, jurisdiction.
 */
import { TestApp } from '../harness/app';
import { A_RESULT, B_RESULT, submitRegional as submitRegionalAs, workedExampleGoal } from './fixtures';

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

let overall: string;
let goalA: string;
let goalB: string;

function goalOf(scope: string, regionCode: string): Promise<string> {
  return workedExampleGoal(app, scope, regionCode);
}

/** A submitted SELF evaluation of a regional goal, scored by the engine (test/rollup/fixtures.ts). */
function submitRegional(
  goalId: string,
  actuals: Record<string, string>,
  money: [string, string, string],
  status: 'SUBMITTED' | 'REVIEWED' = 'SUBMITTED',
) {
  return submitRegionalAs(app, goalId, { actuals, money }, status);
}

const [A_ACTUALS, B_ACTUALS] = [A_RESULT.actuals, B_RESULT.actuals];

const ROLLUP = `query($id: ID!, $basis: RollUpBasis) { goal(id: $id) { rollUp(basis: $basis) {
  basis provisional total grade fundWeightedMean
  lines { name score }
  actuals { indicator { name } aggregation value contributors counted }
  money { budgeted inPlace spent }
  coverage { counted total countedMoney totalMoney moneyShare }
  gradeDistribution { excellent good fair poor }
  children { goal { id } source weight counted reviewed total grade }
} } }`;

interface RollUp {
  basis: string;
  provisional: boolean;
  total: string;
  grade: string;
  fundWeightedMean: string | null;
  lines: { name: string; score: string }[];
  actuals: { indicator: { name: string }; aggregation: string; value: string | null }[];
  money: { budgeted: string; inPlace: string; spent: string };
  coverage: { counted: number; total: number; moneyShare: string };
  gradeDistribution: Record<string, number>;
  children: { goal: { id: string } | null; source: string; counted: boolean; total: string | null }[];
}

async function rollUpOf(id: string, as = 'finance.zhangdian', basis = 'SUBMITTED') {
  const res = await app.gql<{ goal: { rollUp: RollUp | null } | null }>(
    ROLLUP,
    { id: gid('PerformanceGoal', id), basis },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.goal;
}

beforeAll(async () => {
  app = await TestApp.start();
  overall = await goalOf('TRANSFER_OVERALL', '370303');
  goalA = await goalOf('TRANSFER_REGIONAL', '370303001');
  goalB = await goalOf('TRANSFER_REGIONAL', '370303002');
});
afterAll(async () => app.stop());

test('DOMAIN §11: before any regional result the roll-up counts nobody — nothing is treated as 0', async () => {
  const r = (await rollUpOf(overall))!.rollUp!;
  expect(r.coverage).toMatchObject({ counted: 0, total: 2, moneyShare: '0' });
  expect(r.provisional).toBe(true);
  expect(r.children.map((c) => c.source).sort()).toEqual(['MISSING', 'MISSING']);
  expect(r.fundWeightedMean).toBeNull();
  expect([r.total, r.grade, r.lines]).toEqual([null, null, []]);
});

test('DOMAIN §11: with only A submitted the result is provisional, 1 of 2, 60% of the money', async () => {
  const a = await submitRegional(goalA, A_ACTUALS, ['6000000.00', '6000000.00', '5700000.00'], 'REVIEWED');
  expect(a.total).toBe('96.08');
  const r = (await rollUpOf(overall))!.rollUp!;
  expect(r).toMatchObject({ provisional: true, fundWeightedMean: '96.08' });
  expect(r.coverage).toMatchObject({ counted: 1, total: 2, moneyShare: '0.6' });
  expect(r.money).toEqual({ budgeted: '6000000.00', inPlace: '6000000.00', spent: '5700000.00' });
});

test('DOMAIN §11 worked example: overall 98.13 from its own targets; mean 97.01; coverage 2/2 (always current)', async () => {
  const b = await submitRegional(goalB, B_ACTUALS, ['4000000.00', '3800000.00', '3800000.00']);
  expect(b.total).toBe('98.40');
  const r = (await rollUpOf(overall))!.rollUp!;
  expect(r).toMatchObject({ basis: 'SUBMITTED', provisional: false, total: '98.13', grade: 'EXCELLENT' });
  expect(r.lines.map((l) => l.score)).toEqual(['4.90', '4.85', '18.80', '15.00', '14.67', '30.00', '9.91']);
  expect(r.actuals.map((a) => [a.indicator.name, a.value])).toEqual([
    ['新改建农村公路里程', '47'],
    ['工程验收合格率', '96'],
    ['当年完工率', '88'],
    ['受益群众人数', '20500'],
    ['群众满意度', '89.2'],
  ]);
  expect(r.money).toEqual({ budgeted: '10000000.00', inPlace: '9800000.00', spent: '9500000.00' });
  expect(r.fundWeightedMean).toBe('97.01');
  expect(r.coverage).toMatchObject({ counted: 2, total: 2, moneyShare: '1' });
  expect(r.gradeDistribution).toEqual({ excellent: 2, good: 0, fair: 0, poor: 0 });
  const byGoal = Object.fromEntries(r.children.map((c) => [c.goal?.id, c]));
  expect(byGoal[gid('PerformanceGoal', goalA)]).toMatchObject({ source: 'EVALUATION', total: '96.08' });
  expect(byGoal[gid('PerformanceGoal', goalB)]).toMatchObject({ source: 'EVALUATION', total: '98.40' });
});

test('审核后汇总: basis REVIEWED counts only A (reviewed), and says so', async () => {
  const r = (await rollUpOf(overall, 'finance.zhangdian', 'REVIEWED'))!.rollUp!;
  expect(r).toMatchObject({ basis: 'REVIEWED', provisional: true });
  expect(r.coverage).toMatchObject({ counted: 1, total: 2 });
  expect(r.children.filter((c) => c.counted)).toHaveLength(1);
});

test('P6: visible to the bodies whose jurisdiction holds the goal; for others the goal reads as missing', async () => {
  for (const as of ['transport.zhangdian', 'audit.zhangdian', 'finance.zibo']) {
    expect((await rollUpOf(overall, as))!.rollUp!.total).toBe('98.13');
  }
  for (const as of ['finance.zichuan', 'admin.rizhao']) expect(await rollUpOf(overall, as)).toBeNull();
});

test('a regional goal rolls up its project goals live (leaf level); a project goal has no roll-up', async () => {
  const projects = await app.sql<{ id: string; annual_amount: string }>(
    `SELECT id, annual_amount::text FROM performance_goal WHERE parent_goal_id = $1 AND status = 'ISSUED'`,
    [goalA],
  );
  expect(projects.length).toBeGreaterThan(0);
  const regional = (await rollUpOf(goalA))!.rollUp!;
  // No project has a self-evaluation yet: counted 0 of n, provisional, nothing combined.
  expect(regional.coverage).toMatchObject({ counted: 0, total: projects.length });
  expect(regional.provisional).toBe(true);
  expect(regional.actuals.every((a) => a.value === null)).toBe(true);
  expect(regional.children.map((c) => c.source)).toEqual(projects.map(() => 'MISSING'));
  expect((await rollUpOf(projects[0].id))!.rollUp).toBeNull();
});

test('the whole tree in one request costs the same statements as the root alone plus one level', async () => {
  const tree = `query($id: ID!) { goal(id: $id) { rollUp { total } children { nodes { rollUp { total coverage { counted } } } } } }`;
  const res = await app.gql<unknown>(
    tree,
    { id: gid('PerformanceGoal', overall) },
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  expect(res.extensions?.sqlStatements).toBeLessThanOrEqual(16);
});
