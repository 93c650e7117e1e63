/**
 * Issue 9 item 1 — RATIO_OF_SUMS in percent through three levels (project → region → overall), live and
 * compiled (DOMAIN §5 "the parent is Σnumerators ÷ Σdenominators, never an average of percentages",
 * §11 "It works at every level"). On the worked example fund, 工程验收合格率 (%) is made a ratio at every
 * level: each project plans 验收合格 of 验收总数 (35 of 37, 22 of 23), each region plans the same parts
 * towards the overall goal. The regions read their project's percentage; the overall reads
 * (91.89 × 37 + 86.96 × 23) ÷ 60 = 90.000166…% — not 9,000.02 (the ÷ 100 was missing when a child's
 * numerator was rebuilt from its percentage), so its line scores 15 × 90.000166… ÷ 95 = 14.21, not 15.
 */
import { Decimal, roundHalfUp } from '../../src/common/decimal';
import { TestApp } from '../harness/app';
import { gid, REGION } from './fixtures';

let app: TestApp;
const NAME = '工程验收合格率';
const ERR = 'userErrors { code field messageEn }';
const EVAL = 'evaluation { id status total rowVersion }';
const M = {
  create: `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  save: `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { ${EVAL} ${ERR} } }`,
  submit: `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  review: `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  financeReview: `mutation($input: ReviewCompiledResultAsFinanceInput!) { reviewCompiledResultAsFinance(input: $input) { ${EVAL} ${ERR} } }`,
  compile: `mutation($input: CompileRollUpInput!) { compileRollUp(input: $input) { ${EVAL} ${ERR} } }`,
};
const ROLLUP = `query($id: ID!) { goal(id: $id) { rollUp(basis: SUBMITTED) {
  actuals { indicator { name } value } lines { name score } } } }`;

interface Evaluation {
  id: string;
  status: string;
  total: string | null;
  rowVersion: number;
}
async function ok(query: string, input: Record<string, unknown>, as: string): Promise<Evaluation> {
  const res = await app.gql<Record<string, { evaluation: Evaluation | null; userErrors: unknown[] }>>(
    query,
    { input },
    { as },
  );
  expect(res.errors).toBeUndefined();
  const p = Object.values(res.data!)[0];
  if (!p.evaluation) throw new Error(`expected success as ${as}: ${JSON.stringify(p.userErrors)}`);
  return p.evaluation;
}

/** The plan: each child's 验收合格 of 验收总数; the projects' actual percentages (not round). */
const PLAN = { A: { numerator: '35', denominator: '37' }, B: { numerator: '22', denominator: '23' } };
const ACTUAL = { A: '91.89', B: '86.96' };
const TARGET = new Decimal(95); // the overall goal's 工程验收合格率 ≥ 95, 15 points
/** Σ(percentage × denominator) ÷ Σdenominators, computed here independently. */
const OVERALL = new Decimal(ACTUAL.A)
  .times(PLAN.A.denominator)
  .plus(new Decimal(ACTUAL.B).times(PLAN.B.denominator))
  .div(new Decimal(PLAN.A.denominator).plus(PLAN.B.denominator));

const tree = {
  overall: '',
  region: { A: '', B: '' },
  project: { A: '', B: '' },
};

async function goalBelow(parent: string, scope: string, regionCode?: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g JOIN region r ON r.id = g.region_id
      WHERE g.parent_goal_id = $1 AND g.scope = $2 AND ($3::text IS NULL OR r.code = $3) AND g.status IN ('ISSUED', 'IN_REVIEW')`,
    [parent, scope, regionCode ?? null],
  );
  return row.id;
}

/** Makes 工程验收合格率 a RATIO_OF_SUMS in % at every level (as the owner; in-force indicators are frozen). */
async function arrangeRatioTree() {
  const [o] = await app.sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g JOIN fund f ON f.id = g.fund_id
      WHERE f.name = '农村公路提档升级专项资金' AND g.scope = 'TRANSFER_OVERALL' AND g.status = 'ISSUED'`,
  );
  tree.overall = o.id;
  for (const k of ['A', 'B'] as const) {
    tree.region[k] = await goalBelow(o.id, 'TRANSFER_REGIONAL', REGION[k]);
    tree.project[k] = await goalBelow(tree.region[k], 'TRANSFER_PROJECT');
  }
  await app.sql('ALTER TABLE goal_indicator DISABLE TRIGGER trg_goal_indicator_before_write');
  const set = (
    goalId: string,
    aggregation: string | null,
    parts: { numerator: string; denominator: string } | null,
  ) =>
    app.sql(
      `UPDATE goal_indicator SET aggregation = $3, ratio_numerator = $4::text, ratio_denominator = $5::text,
              target = COALESCE(round($4::text::numeric * 100 / $5::text::numeric, 2)::text, target)
        WHERE goal_id = $1 AND name = $2`,
      [goalId, NAME, aggregation, parts?.numerator ?? null, parts?.denominator ?? null],
    );
  await set(tree.overall, 'RATIO_OF_SUMS', null);
  for (const k of ['A', 'B'] as const) {
    await set(tree.region[k], 'RATIO_OF_SUMS', PLAN[k]);
    await set(tree.project[k], null, PLAN[k]);
  }
  await app.sql('ALTER TABLE goal_indicator ENABLE TRIGGER trg_goal_indicator_before_write');
}

/** The demo leaves 公园街道's project goal in review: the fund's department and finance finish it. */
async function issueParkProjectGoal() {
  for (const [mutation, as] of [
    ['approveGoal', 'transport.zhangdian'],
    ['approveGoal', 'finance.zhangdian'],
    ['issueGoal', 'finance.zhangdian'],
  ] as const) {
    const [{ row_version: v, status }] = await app.sql<{ row_version: number; status: string }>(
      'SELECT row_version, status FROM performance_goal WHERE id = $1',
      [tree.project.B],
    );
    if (status === 'ISSUED') return;
    const res = await app.gql<Record<string, { userErrors: unknown[] }>>(
      `mutation($input: ${mutation[0].toUpperCase() + mutation.slice(1)}Input!) { ${mutation}(input: $input) { userErrors { code messageEn } } }`,
      { input: { id: gid('PerformanceGoal', tree.project.B), expectedVersion: v } },
      { as },
    );
    expect(Object.values(res.data!)[0].userErrors).toEqual([]);
  }
}

const explainAll = async (goalId: string) =>
  (
    await app.sql<{ id: string; name: string }>('SELECT id, name FROM goal_indicator WHERE goal_id = $1', [
      goalId,
    ])
  ).map((i) => ({ id: gid('GoalIndicator', i.id), name: i.name }));

/** A unit self-evaluates its project: the worked example's actuals, 工程验收合格率 as a non-round percentage. */
async function selfEvaluate(k: 'A' | 'B', as: string, money: Record<string, string>) {
  const values: Record<string, string> =
    k === 'A'
      ? {
          新改建农村公路里程: '27',
          [NAME]: ACTUAL.A,
          当年完工率: '80',
          受益群众人数: '12500',
          群众满意度: '92',
        }
      : {
          新改建农村公路里程: '20',
          [NAME]: ACTUAL.B,
          当年完工率: '100',
          受益群众人数: '8000',
          群众满意度: '85',
        };
  const indicators = await explainAll(tree.project[k]);
  let e = await ok(M.create, { goalId: gid('PerformanceGoal', tree.project[k]) }, as);
  e = await ok(
    M.save,
    {
      id: e.id,
      expectedVersion: e.rowVersion,
      money,
      fundArrivalExplanation: '上级资金部分未到位',
      budgetExecutionExplanation: '部分工程款待结算',
      actuals: indicators.map((i) => ({ indicatorId: i.id, actual: values[i.name], explanation: '见说明' })),
    },
    as,
  );
  return ok(M.submit, { id: e.id, expectedVersion: e.rowVersion }, as);
}

async function rollUpOf(goalId: string) {
  const res = await app.gql<{
    goal: {
      rollUp: {
        actuals: { indicator: { name: string }; value: string | null }[];
        lines: { name: string; score: string }[];
      };
    };
  }>(ROLLUP, { id: gid('PerformanceGoal', goalId) }, { as: 'finance.zhangdian' });
  expect(res.errors).toBeUndefined();
  const r = res.data!.goal.rollUp;
  return {
    value: r.actuals.find((a) => a.indicator.name === NAME)!.value,
    score: r.lines.find((l) => l.name === NAME)!.score,
  };
}

const six = (d: Decimal) => roundHalfUp(d, 6).toFixed();
const score = (actual: Decimal, target: Decimal) =>
  roundHalfUp(new Decimal(15).times(actual).div(target), 2).toFixed(2);

let projects: Record<'A' | 'B', Evaluation>;
beforeAll(async () => {
  app = await TestApp.start();
  await arrangeRatioTree();
  await issueParkProjectGoal();
  projects = {
    A: await selfEvaluate('A', 'unit.chezhan', {
      budgeted: '6000000.00',
      inPlace: '6000000.00',
      spent: '5700000.00',
    }),
    B: await selfEvaluate('B', 'unit.gongyuan', {
      budgeted: '4000000.00',
      inPlace: '3800000.00',
      spent: '3800000.00',
    }),
  };
});
afterAll(async () => app.stop());

test('DOMAIN §5, §11: live — each region reads its project’s percentage, the overall Σ(p × d) ÷ Σd in %, not × 100', async () => {
  // Level 2 (region over its project, from the maintained statistics): 91.89 and 86.96.
  expect((await rollUpOf(tree.region.A)).value).toBe('91.89');
  expect((await rollUpOf(tree.region.B)).value).toBe('86.96');
  // Level 3 (overall over the regions' live roll-ups): 90.000167 (6 places), scored 15 × a ÷ 95 = 14.21.
  const overall = await rollUpOf(tree.overall);
  expect(overall.value).toBe(six(OVERALL));
  expect(new Decimal(overall.value!).lt(100)).toBe(true);
  expect(overall.score).toBe(score(OVERALL, TARGET));
  expect(overall.score).toBe('14.21');
});

test('DOMAIN §11: compiled — regions compiled by their departments, then the overall compiled: the same percentage, stored', async () => {
  for (const [k, as] of [
    ['A', 'transport.chezhan'],
    ['B', 'transport.gongyuan'],
  ] as const) {
    await ok(
      M.review,
      { id: projects[k].id, expectedVersion: projects[k].rowVersion, decision: 'APPROVE' },
      as,
    );
  }
  const regional: Evaluation[] = [];
  for (const [k, as] of [
    ['A', 'transport.chezhan'],
    ['B', 'transport.gongyuan'],
  ] as const) {
    const entries = (await explainAll(tree.region[k])).map((i) => ({
      indicatorId: i.id,
      explanation: '见项目自评说明',
    }));
    regional.push(
      await ok(
        M.compile,
        {
          goalId: gid('PerformanceGoal', tree.region[k]),
          entries,
          fundArrivalExplanation: '上级资金部分未到位',
          budgetExecutionExplanation: '部分工程款待结算',
        },
        as,
      ),
    );
  }
  // The overall now reads the regions' compiled results (source EVALUATION): still in percent.
  const live = await rollUpOf(tree.overall);
  expect(live.value).toBe(six(OVERALL));
  expect(live.score).toBe('14.21');
  // DOMAIN §11, 003 转移支付 第二十三条: each compiled region passes its township finance office first.
  for (const [e, finance] of [
    [regional[0], 'finance.chezhan'],
    [regional[1], 'finance.gongyuan'],
  ] as const)
    await ok(M.financeReview, { id: e.id, expectedVersion: e.rowVersion, decision: 'APPROVE' }, finance);
  for (const e of regional)
    await ok(
      M.review,
      { id: e.id, expectedVersion: e.rowVersion, decision: 'APPROVE' },
      'transport.zhangdian',
    );
  const entries = (await explainAll(tree.overall)).map((i) => ({
    indicatorId: i.id,
    explanation: '见分区域汇总',
  }));
  await ok(
    M.compile,
    {
      goalId: gid('PerformanceGoal', tree.overall),
      entries,
      fundArrivalExplanation: '公园街道资金部分未到位',
      budgetExecutionExplanation: '车站街道工程款待结算',
    },
    'transport.zhangdian',
  );
  // In the database: each level's stored actual and score for 工程验收合格率.
  const stored = await app.sql<{ goal_id: string; actual: string; score: string }>(
    `SELECT e.goal_id, ea.actual::text, ea.score::text FROM evaluation_actual ea
       JOIN evaluation e ON e.id = ea.evaluation_id JOIN goal_indicator gi ON gi.id = ea.indicator_id
      WHERE gi.name = $1 AND e.goal_id = ANY($2::uuid[])`,
    [NAME, [tree.region.A, tree.region.B, tree.overall]],
  );
  const of = (goalId: string) => stored.find((s) => s.goal_id === goalId)!;
  expect(new Decimal(of(tree.region.A).actual).eq(ACTUAL.A)).toBe(true);
  expect(new Decimal(of(tree.region.B).actual).eq(ACTUAL.B)).toBe(true);
  expect(six(new Decimal(of(tree.overall).actual))).toBe(six(OVERALL));
  expect(of(tree.overall).score).toBe('14.21');
});
