/**
 * Who sees which figures of a roll-up (DOMAIN §11 "Who sees what", P6 — "jurisdiction covers derived
 * figures … a sibling's figures by subtraction included"), on the demo's worked example fund
 * 农村公路提档升级专项资金: overall goal of 张店区 → 车站街道 (A, 600万, 96.08) and 公园街道 (B, 400万, 98.40).
 * The giving side (张店区 department, finance, audit; 淄博市 above) sees every child and every aggregate;
 * a receiving township sees its own child row and the parent's own targets only — by `goal(id)`,
 * `node(id)` and the path through its own goal's `parent` alike — and nothing from which A's figures
 * follow, also once the overall result is compiled.
 */
import { TestApp } from '../harness/app';
import { A_RESULT, B_RESULT, gid, leaves, REGION, submitRegional, workedExampleGoal } from './fixtures';

let app: TestApp;
let overall: string;
let goalA: string;
let goalB: string;

const FIELDS = `basis visibility provisional total grade fundWeightedMean
  lines { name score }
  actuals { indicator { name target points } aggregation value failure contributors counted }
  money { budgeted inPlace spent }
  coverage { counted total countedMoney totalMoney moneyShare }
  gradeDistribution { excellent good fair poor }
  children { goal { id name } source weight counted reviewed total grade }`;

interface Child {
  goal: { id: string } | null;
  source: string;
  weight: string;
  total: string | null;
}
interface RollUp {
  visibility: string;
  provisional: boolean | null;
  total: string | null;
  grade: string | null;
  fundWeightedMean: string | null;
  lines: unknown[] | null;
  actuals: {
    indicator: { name: string; target: string };
    value: string | null;
    failure: string | null;
    contributors: number | null;
    counted: number | null;
  }[];
  money: unknown;
  coverage: unknown;
  gradeDistribution: unknown;
  children: Child[];
}

const PATHS = {
  goal: `query($id: ID!, $basis: RollUpBasis) { goal(id: $id) { rollUp(basis: $basis) { ${FIELDS} } } }`,
  node: `query($id: ID!, $basis: RollUpBasis) { node(id: $id) { ... on PerformanceGoal { rollUp(basis: $basis) { ${FIELDS} } } } }`,
};

async function rollUp(as: string, path: keyof typeof PATHS = 'goal', basis = 'SUBMITTED'): Promise<RollUp> {
  const res = await app.gql<Record<string, { rollUp: RollUp } | null>>(
    PATHS[path],
    { id: gid('PerformanceGoal', overall), basis },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!.rollUp;
}

/** Through the caller's own regional goal: `goal(own) { parent { rollUp } }`. */
async function rollUpViaOwnGoal(as: string, own: string): Promise<RollUp> {
  const res = await app.gql<{ goal: { parent: { rollUp: RollUp } } }>(
    `query($id: ID!) { goal(id: $id) { parent { rollUp { ${FIELDS} } } } }`,
    { id: gid('PerformanceGoal', own) },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.goal.parent.rollUp;
}

/**
 * Figures from which A's (the sibling's) result follows for 公园街道: A's own row, and the parent totals
 * that give A by subtraction of B (total, mean, money sums, combined actuals 47 km, 96%, 88%, 20500 人, 89.2%).
 */
const A_FIGURES = ['96.08', '6000000.00', '5700000.00'];
const PARENT_TOTALS = [
  '98.13',
  '97.01',
  '10000000.00',
  '9800000.00',
  '9500000.00',
  '47',
  '96',
  '88',
  '20500',
  '89.2',
];

/** A receiving township's view: its own row, the parent's targets, nothing combined over the children. */
function expectOwnRowsOnly(r: RollUp, own: { id: string; total: string; weight: string }, sibling: string) {
  expect(r.visibility).toBe('OWN_CHILDREN');
  expect(r.children).toEqual([
    expect.objectContaining({
      goal: expect.objectContaining({ id: gid('PerformanceGoal', own.id) }),
      total: own.total,
      weight: own.weight,
    }),
  ]);
  const hidden = {
    provisional: r.provisional,
    total: r.total,
    grade: r.grade,
    fundWeightedMean: r.fundWeightedMean,
    lines: r.lines,
    money: r.money,
    coverage: r.coverage,
    gradeDistribution: r.gradeDistribution,
  };
  expect(Object.values(hidden)).toEqual(Object.values(hidden).map(() => null));
  // The parent's own targets stay readable; the combined actuals and their counts do not.
  expect(r.actuals.map((a) => [a.indicator.name, a.indicator.target])).toEqual([
    ['新改建农村公路里程', '50'],
    ['工程验收合格率', '95'],
    ['当年完工率', '90'],
    ['受益群众人数', '20000'],
    ['群众满意度', '90'],
  ]);
  expect(
    r.actuals.every((a) => [a.value, a.failure, a.contributors, a.counted].every((x) => x === null)),
  ).toBe(true);
  expect(JSON.stringify(r)).not.toContain(gid('PerformanceGoal', sibling));
}

beforeAll(async () => {
  app = await TestApp.start();
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  goalA = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  goalB = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B);
  // Both regional results in and reviewed (审核), as the township departments compile them.
  expect((await submitRegional(app, goalA, A_RESULT, 'REVIEWED')).total).toBe('96.08');
  expect((await submitRegional(app, goalB, B_RESULT, 'REVIEWED')).total).toBe('98.40');
});
afterAll(async () => app.stop());

test('DOMAIN §11 "Who sees what": the giving side (district department, finance, audit; the city above) sees both children and every total', async () => {
  for (const as of ['transport.zhangdian', 'finance.zhangdian', 'audit.zhangdian', 'finance.zibo']) {
    const r = await rollUp(as);
    expect(r).toMatchObject({
      visibility: 'FULL',
      provisional: false,
      total: '98.13',
      fundWeightedMean: '97.01',
    });
    expect(r.money).toEqual({ budgeted: '10000000.00', inPlace: '9800000.00', spent: '9500000.00' });
    expect(r.coverage).toMatchObject({ counted: 2, total: 2 });
    expect(r.actuals.map((a) => a.value)).toEqual(['47', '96', '88', '20500', '89.2']);
    const totals = Object.fromEntries(r.children.map((c) => [c.goal?.id, [c.total, c.weight]]));
    expect(totals).toEqual({
      [gid('PerformanceGoal', goalA)]: ['96.08', '6000000.00'],
      [gid('PerformanceGoal', goalB)]: ['98.40', '4000000.00'],
    });
  }
});

test('P6: a 公园街道 caller sees only its own row — no 车站街道 row, not even with goal: null — and no totals from which 车站街道’s figures follow', async () => {
  // The database holds both children and A's result: what 公园街道 does not see is withheld, not absent.
  const [db] = await app.sql<{ children: number; a_total: string }>(
    `SELECT (SELECT count(*)::int FROM performance_goal WHERE parent_goal_id = $1 AND status = 'ISSUED') AS children,
            (SELECT total::text FROM evaluation WHERE goal_id = $2 AND kind = 'SELF') AS a_total`,
    [overall, goalA],
  );
  expect(db).toEqual({ children: 2, a_total: '96.08' });
  for (const as of ['finance.gongyuan', 'transport.gongyuan']) {
    for (const path of ['goal', 'node'] as const) {
      for (const basis of ['SUBMITTED', 'REVIEWED']) {
        const r = await rollUp(as, path, basis);
        expectOwnRowsOnly(r, { id: goalB, total: '98.40', weight: '4000000.00' }, goalA);
        const shown = new Set(leaves(r));
        for (const figure of [...A_FIGURES, ...PARENT_TOTALS])
          expect([as, path, figure, shown.has(figure)]).toEqual([as, path, figure, false]);
      }
    }
    expectOwnRowsOnly(
      await rollUpViaOwnGoal(as, goalB),
      { id: goalB, total: '98.40', weight: '4000000.00' },
      goalA,
    );
  }
});

test('P6 the other way round: a 车站街道 caller sees its own row only, nothing of 公园街道', async () => {
  const r = await rollUp('finance.chezhan');
  expectOwnRowsOnly(r, { id: goalA, total: '96.08', weight: '6000000.00' }, goalB);
  const shown = new Set(leaves(r));
  for (const figure of ['98.40', '4000000.00', '3800000.00', ...PARENT_TOTALS])
    expect([figure, shown.has(figure)]).toEqual([figure, false]);
});

test('compiled results: after the district compiles the overall result, 公园街道 still reads neither the overall figures nor 车站街道’s', async () => {
  const [{ id: km }, { id: done }, { id: satisfaction }] = await app.sql<{ id: string }>(
    `SELECT id FROM goal_indicator WHERE goal_id = $1 AND name = ANY($2) ORDER BY position`,
    [overall, ['新改建农村公路里程', '当年完工率', '群众满意度']],
  );
  const compiled = await app.gql<{
    compileRollUp: { evaluation: { id: string; total: string } | null; userErrors: unknown[] };
  }>(
    `mutation($input: CompileRollUpInput!) { compileRollUp(input: $input) { evaluation { id total } userErrors { code message } } }`,
    {
      input: {
        goalId: gid('PerformanceGoal', overall),
        entries: [km, done, satisfaction].map((id) => ({
          indicatorId: gid('GoalIndicator', id),
          explanation: '见分区域汇总',
        })),
        fundArrivalExplanation: '公园街道资金部分未到位',
        budgetExecutionExplanation: '车站街道工程款待结算',
      },
    },
    { as: 'transport.zhangdian' },
  );
  expect(compiled.data!.compileRollUp.userErrors).toEqual([]);
  const evaluationId = compiled.data!.compileRollUp.evaluation!.id;
  const [row] = await app.sql<{ total: string; spent: string }>(
    `SELECT total::text, spent::text FROM evaluation WHERE goal_id = $1 AND kind = 'SELF'`,
    [overall],
  );
  expect(row).toEqual({ total: '98.13', spent: '9500000.00' });

  for (const as of ['finance.gongyuan', 'transport.gongyuan']) {
    const res = await app.gql<{ goal: { evaluations: { nodes: unknown[] }; rollUp: RollUp }; node: unknown }>(
      `query($goal: ID!, $evaluation: ID!) { goal(id: $goal) { evaluations { nodes { id total } } rollUp { ${FIELDS} } }
         node(id: $evaluation) { id } }`,
      { goal: gid('PerformanceGoal', overall), evaluation: evaluationId },
      { as },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.goal.evaluations.nodes).toEqual([]);
    expect(res.data!.node).toBeNull();
    expectOwnRowsOnly(res.data!.goal.rollUp, { id: goalB, total: '98.40', weight: '4000000.00' }, goalA);
  }
  // The giving side reads the compiled result and the children's rows.
  const full = await rollUp('finance.zhangdian');
  expect([full.visibility, full.total, full.children.length]).toEqual(['FULL', '98.13', 2]);
});
