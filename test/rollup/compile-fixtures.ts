/**
 * Shared by the compilation API tests (DOMAIN §10, §11; P4; 003 转移支付 第二十三条): the evaluation
 * operations, and the worked example arranged through GraphQL — 公园街道's project goal issued, the units of
 * 车站街道 (A) and 公园街道 (B) self-evaluate their projects and submit them (96.08 and 98.40).
 */
import { useTestApp, type TestApp } from '../harness/app';
import { standIn } from '../harness/stand-in';
import { A_RESULT, B_RESULT, evaluationCalls, gid } from './fixtures';

export const ERR = 'userErrors { code field message messageEn principle reason }';
export const EVAL = 'evaluation { id status total grade rowVersion }';
export const M = {
  create: `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  save: `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { ${EVAL} ${ERR} } }`,
  submit: `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  review: `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { ${EVAL} ${ERR} } }`,
  compile: `mutation($input: CompileRollUpInput!) { compileRollUp(input: $input) { ${EVAL} ${ERR} } }`,
};

export interface Evaluation {
  id: string;
  status: string;
  total: string | null;
  grade: string | null;
  rowVersion: number;
}
export interface UserErrorRow {
  code: string;
  field: string[];
  messageEn: string;
  principle: string | null;
  reason?: string | null;
}

export interface Tree {
  overall: string;
  regions: Record<'A' | 'B', { goal: string; project: string; indicators: Record<string, string> }>;
}

async function loadTree(app: TestApp): Promise<Tree> {
  const tree: Tree = { overall: '', regions: {} as Tree['regions'] };
  const [o] = await app.sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g JOIN fund f ON f.id = g.fund_id
      WHERE f.name = '农村公路提档升级专项资金' AND g.scope = 'TRANSFER_OVERALL' AND g.status = 'ISSUED'`,
  );
  tree.overall = o.id;
  for (const [key, code] of [
    ['A', '370303001'],
    ['B', '370303002'],
  ] as const) {
    const [r] = await app.sql<{ id: string }>(
      `SELECT g.id FROM performance_goal g JOIN region r ON r.id = g.region_id WHERE g.parent_goal_id = $1 AND r.code = $2 AND g.status = 'ISSUED'`,
      [o.id, code],
    );
    const [p] = await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal WHERE parent_goal_id = $1 AND scope = 'TRANSFER_PROJECT' AND status = 'ISSUED'`,
      [r.id],
    );
    const rows = await app.sql<{ id: string; name: string }>(
      'SELECT id, name FROM goal_indicator WHERE goal_id = $1',
      [p.id],
    );
    tree.regions[key] = {
      goal: r.id,
      project: p.id,
      indicators: Object.fromEntries(rows.map((i) => [i.name, gid('GoalIndicator', i.id)])),
    };
  }
  return tree;
}

/** A unit's self-evaluation of its project goal, submitted (DOMAIN §10; P4). */
async function selfEvaluate(
  app: TestApp,
  tree: Tree,
  key: 'A' | 'B',
  as: string,
  actuals: Record<string, string>,
  money: Record<string, string>,
  explanations: Record<string, string>,
) {
  const { ok } = evaluationCalls<Evaluation, UserErrorRow>(() => app);
  const r = tree.regions[key];
  let e = await ok(M.create, { goalId: gid('PerformanceGoal', r.project) }, as);
  e = await ok(
    M.save,
    {
      id: e.id,
      expectedVersion: e.rowVersion,
      money,
      fundArrivalExplanation: explanations.fundArrivalExplanation ?? null,
      budgetExecutionExplanation: explanations.budgetExecutionExplanation ?? null,
      actuals: Object.entries(actuals).map(([name, actual]) => ({
        indicatorId: r.indicators[name],
        actual,
        explanation: explanations[name] ?? null,
      })),
    },
    as,
  );
  return ok(M.submit, { id: e.id, expectedVersion: e.rowVersion }, as);
}

// DOMAIN §11 worked example: what the units of A and B achieved (test/rollup/fixtures.ts).
const [A, B] = [A_RESULT.actuals, B_RESULT.actuals];
const explain = (names: string[]) => Object.fromEntries(names.map((n) => [n, `${n}未达目标：受汛期影响`]));

/** The demo leaves 公园街道's project goal in review at step 3 of 4: the fund's department and finance finish it. */
async function issueParkProjectGoal(app: TestApp) {
  const [g] = await app.sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g JOIN region r ON r.id = g.region_id JOIN fund f ON f.id = g.fund_id
      WHERE f.name = '农村公路提档升级专项资金' AND g.scope = 'TRANSFER_PROJECT' AND r.code = '370303002' AND g.status = 'IN_REVIEW'`,
  );
  const id = gid('PerformanceGoal', g.id);
  const act = async (mutation: string, as: string) => {
    const [{ row_version: v }] = await app.sql<{ row_version: number }>(
      'SELECT row_version FROM performance_goal WHERE id = $1',
      [g.id],
    );
    const res = await app.gql<Record<string, { userErrors: unknown[] }>>(
      `mutation($input: ${mutation[0].toUpperCase() + mutation.slice(1)}Input!) { ${mutation}(input: $input) { userErrors { code messageEn } } }`,
      { input: { id, expectedVersion: v } },
      { as },
    );
    expect(Object.values(res.data!)[0].userErrors).toEqual([]);
  };
  await act('approveGoal', 'transport.zhangdian');
  await act('approveGoal', 'finance.zhangdian');
  await act('issueGoal', 'finance.zhangdian');
}

/** The worked example after the units submitted; with `reviewed`, their departments have approved both. */
export async function arrangeCompileWorld(app: TestApp, reviewed = false) {
  const { ok } = evaluationCalls<Evaluation, UserErrorRow>(() => app);
  await issueParkProjectGoal(app);
  const tree = await loadTree(app);
  let aProject = await selfEvaluate(
    app,
    tree,
    'A',
    'unit.chezhan',
    A,
    { budgeted: '6000000.00', inPlace: '6000000.00', spent: '5700000.00' },
    { ...explain(['新改建农村公路里程', '当年完工率']), budgetExecutionExplanation: '部分工程款待结算' },
  );
  let bProject = await selfEvaluate(
    app,
    tree,
    'B',
    'unit.gongyuan',
    B,
    { budgeted: '4000000.00', inPlace: '3800000.00', spent: '3800000.00' },
    { ...explain(['工程验收合格率', '群众满意度']), fundArrivalExplanation: '上级资金部分未到位' },
  );
  if (reviewed) {
    const approve = (e: Evaluation, as: string) =>
      ok(M.review, { id: e.id, expectedVersion: e.rowVersion, decision: 'APPROVE' }, as);
    aProject = await approve(aProject, 'transport.chezhan');
    bProject = await approve(bProject, 'transport.gongyuan');
  }
  return { tree, aProject, bProject };
}

/**
 * The setup of a compilation test file: the app, its evaluation calls, and the worked example arranged once
 * before the tests (arrangeCompileWorld, `reviewed` as there); `world` stands for what it arranged and
 * `indicatorOfGoal(key, name)` looks up a regional goal's indicator by name.
 */
export function useCompileWorld(reviewed: boolean) {
  const app = useTestApp();
  let arranged: Awaited<ReturnType<typeof arrangeCompileWorld>> | undefined;
  beforeAll(async () => {
    arranged = await arrangeCompileWorld(app, reviewed);
  });
  const world = standIn(() => arranged, 'the compile world');
  return {
    app,
    ...evaluationCalls<Evaluation, UserErrorRow>(() => app),
    world,
    indicatorOfGoal: (key: 'A' | 'B', name: string) => indicatorOf(app, world.tree, key, name),
  };
}

/** The input compiling region A or B. */
export const compileInputOf = (tree: Tree, key: 'A' | 'B') => ({
  goalId: gid('PerformanceGoal', tree.regions[key].goal),
});

/** The global id of a regional goal's indicator, by name. */
export async function indicatorOf(app: TestApp, tree: Tree, key: 'A' | 'B', name: string) {
  const [i] = await app.sql<{ id: string }>(
    'SELECT id FROM goal_indicator WHERE goal_id = $1 AND name = $2',
    [tree.regions[key].goal, name],
  );
  return gid('GoalIndicator', i.id);
}
