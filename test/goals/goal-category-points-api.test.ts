/**
 * Issue 9 item 3 — a goal sets its own category points (一级指标分值; DOMAIN §10.1, 002 第二十一条(一)
 * 一级指标权重可做适当调整: they total 100), e.g. 共性 10 / 产出 30 / 效益 40 / 满意度 20. Stored on the goal,
 * validated (nothing written when wrong), and used by the completeness check (DOMAIN §10.2: indicator
 * points within them), the self-evaluation scorer and the roll-up (test/rollup/category-points-rollup-api).
 * On the old code `categoryPoints` was not an input field at all: every request here was refused.
 */
import { TestApp } from '../harness/app';
import { arrangeProject, projectGoalInput, ROAD_INDICATORS } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations } from '../harness/mutations';

let app: TestApp;
interface Goal {
  id: string;
  rowVersion: number;
  status: string;
  categoryPoints: { common: string; output: string; benefit: string; satisfaction: string; custom: boolean };
  indicators: { id: string; name: string }[];
}
const { ok, refused } = mutations<Goal>(() => app, 'goal');
const ERR = 'userErrors { code field message messageEn principle }';
const G =
  'goal { id rowVersion status categoryPoints { common output benefit satisfaction custom } indicators { id name } }';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${G} ${ERR} } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { ${G} ${ERR} } }`;
const act = (m: string) =>
  `mutation($input: ${m[0].toUpperCase() + m.slice(1)}Input!) { ${m}(input: $input) { ${G} ${ERR} } }`;

const LAYOUT = { common: '10', output: '30', benefit: '40', satisfaction: '20' };
/** Indicator points inside LAYOUT: OUTPUT 18 + 12 = 30, BENEFIT 40, SATISFACTION 20 (wrong under 10/50/30/10). */
const POINTS: Record<string, string> = {
  养护道路里程: '18',
  验收合格率: '12',
  道路通行条件: '40',
  沿线群众满意度: '20',
};
const INDICATORS = ROAD_INDICATORS.map((i) => ({ ...i, points: POINTS[i.name] }));

let unitId: string;
async function draft(categoryPoints: unknown, name: string): Promise<Goal> {
  const projectId = await arrangeProject(
    app,
    { name, implementingUnitId: unitId, otherAmount: '50000.00' },
    'transport.chezhan',
  );
  return ok(CREATE, goalInput(projectId, categoryPoints), 'unit.chezhan');
}
let lastProject = '';
function goalInput(projectId: string, categoryPoints: unknown) {
  lastProject = projectId;
  return projectGoalInput(projectId, '车站街道道路养护绩效目标（自定一级指标分值）', {
    implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
    annualAmount: '850000.00',
    otherAmount: '50000.00',
    indicators: INDICATORS,
    ...(categoryPoints === undefined ? {} : { categoryPoints }),
  });
}
const columns = async (goalId: string) =>
  (
    await app.sql<Record<string, string | null>>(
      `SELECT common_points::text AS common, output_points::text AS output, benefit_points::text AS benefit,
              satisfaction_points::text AS satisfaction FROM performance_goal WHERE id = $1`,
      [uuidOf(goalId)],
    )
  )[0];

beforeAll(async () => {
  app = await TestApp.start();
  unitId = await organizationGid(app, '车站街道市政道路养护站');
});
afterAll(async () => app.stop());

test('DOMAIN §10.1: created with 10/30/40/20 — stored, shown as custom, and it lets the goal submit (§10.2)', async () => {
  const g = await draft(LAYOUT, '道路养护（自定分值）');
  expect(g.categoryPoints).toEqual({
    common: '10.00',
    output: '30.00',
    benefit: '40.00',
    satisfaction: '20.00',
    custom: true,
  });
  expect(await columns(g.id)).toEqual({
    common: '10.00',
    output: '30.00',
    benefit: '40.00',
    satisfaction: '20.00',
  });
  // The completeness check measures the indicators' points against the goal's own category points.
  const submitted = await ok(act('submitGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
  expect(submitted.status).toBe('SUBMITTED');
});

test('DOMAIN §10.2: the same indicators under the defaults 10/50/30/10 cannot be submitted', async () => {
  const g = await draft(undefined, '道路养护（默认分值）');
  expect(g.categoryPoints).toMatchObject({ output: '50.00', custom: false });
  const errors = await refused(
    act('submitGoal'),
    { id: g.id, expectedVersion: g.rowVersion },
    'unit.chezhan',
  );
  expect(errors.some((e) => e.messageEn.includes("OUTPUT indicators' points total 30"))).toBe(true);
});

test('bad category points are refused with their field and nothing is written (BAD_USER_INPUT)', async () => {
  const project = (await draft(LAYOUT, '道路养护（校验）')) && lastProject;
  const cases: [Record<string, string>, string[], string][] = [
    [{ ...LAYOUT, satisfaction: '19.5' }, ['input', 'categoryPoints'], 'must total 100, not 99.5'],
    [{ ...LAYOUT, output: '-10', benefit: '80' }, ['input', 'categoryPoints', 'output'], 'OUTPUT'],
    [
      { ...LAYOUT, output: '29.995', benefit: '40.005' },
      ['input', 'categoryPoints', 'output'],
      'at most 2 decimals',
    ],
  ];
  for (const [points, field, en] of cases) {
    const errors = await refused(CREATE, goalInput(project, points), 'unit.chezhan');
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors[0].messageEn).toContain(en);
    expect(errors[0].message).toMatch(/[\u4e00-\u9fff]/); // bilingual: the Chinese message too
  }
});

test('update: omitted keeps the points, null returns to the defaults, a new set replaces them; bad sets refused', async () => {
  let g = await draft(LAYOUT, '道路养护（修改）');
  const content = goalInput(lastProject, undefined);
  const base = {
    name: content.name,
    implementationPeriodObjective: content.implementationPeriodObjective,
    annualObjective: content.annualObjective,
    annualAmount: content.annualAmount,
    fiscalAmount: content.fiscalAmount,
    otherAmount: content.otherAmount,
    indicators: INDICATORS,
  };
  g = await ok(UPDATE, { ...base, id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
  expect(await columns(g.id)).toMatchObject({ output: '30.00', benefit: '40.00' });
  const errors = await refused(
    UPDATE,
    { ...base, id: g.id, expectedVersion: g.rowVersion, categoryPoints: { ...LAYOUT, common: '11' } },
    'unit.chezhan',
  );
  expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'categoryPoints'] });
  g = await ok(
    UPDATE,
    {
      ...base,
      id: g.id,
      expectedVersion: g.rowVersion,
      categoryPoints: { ...LAYOUT, common: '0', satisfaction: '30' },
    },
    'unit.chezhan',
  );
  expect(await columns(g.id)).toMatchObject({ common: '0.00', satisfaction: '30.00' });
  g = await ok(
    UPDATE,
    { ...base, id: g.id, expectedVersion: g.rowVersion, categoryPoints: null },
    'unit.chezhan',
  );
  expect(await columns(g.id)).toEqual({ common: null, output: null, benefit: null, satisfaction: null });
  expect(g.categoryPoints).toMatchObject({ common: '10.00', output: '50.00', custom: false });
});

test('DOMAIN §10.1–2: the unit’s self-evaluation is scored with the goal’s own category points', async () => {
  let g = await draft(LAYOUT, '道路养护（自评）');
  g = await ok(act('submitGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
  g = await ok(act('approveGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
  g = await ok(act('approveGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
  g = await ok(act('issueGoal'), { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
  const E =
    'evaluation { id rowVersion total scoreLines { name points score } } userErrors { code field messageEn }';
  const created = await app.gql<{ createSelfEvaluation: { evaluation: { id: string; rowVersion: number } } }>(
    `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { ${E} } }`,
    { input: { goalId: g.id } },
    { as: 'unit.chezhan' },
  );
  const e = created.data!.createSelfEvaluation.evaluation;
  const id = (n: string) => g.indicators.find((i) => i.name === n)!.id;
  const saved = await app.gql<{
    saveEvaluationActuals: {
      evaluation: { total: string; scoreLines: { name: string; points: string; score: string }[] } | null;
      userErrors: unknown[];
    };
  }>(
    `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { ${E} } }`,
    {
      input: {
        id: e.id,
        expectedVersion: e.rowVersion,
        money: { budgeted: '850000.00', inPlace: '850000.00', spent: '850000.00' },
        actuals: [
          { indicatorId: id('养护道路里程'), actual: '12.5' },
          { indicatorId: id('验收合格率'), actual: '95' },
          { indicatorId: id('道路通行条件'), tier: 'PARTIAL', percentage: '75' },
          { indicatorId: id('沿线群众满意度'), actual: '90' },
        ],
      },
    },
    { as: 'unit.chezhan' },
  );
  expect(saved.data!.saveEvaluationActuals.userErrors).toEqual([]);
  const lines = saved.data!.saveEvaluationActuals.evaluation!.scoreLines;
  // COMMON 10 → 5 + 5; OUTPUT 18 + 12; BENEFIT 40 × 75% = 30; SATISFACTION 20 (under 10/50/30/10 the
  // BENEFIT line would carry 30 and score 22.50).
  expect(lines.map((l) => [l.name, l.points, l.score])).toEqual([
    ['资金到位率', '5', '5.00'],
    ['预算执行率', '5', '5.00'],
    ['养护道路里程', '18', '18.00'],
    ['验收合格率', '12', '12.00'],
    ['道路通行条件', '40', '30.00'],
    ['沿线群众满意度', '20', '20.00'],
  ]);
  const [row] = await app.sql<{ output: string; benefit: string }>(
    'SELECT output_points::text AS output, benefit_points::text AS benefit FROM evaluation WHERE id = $1',
    [uuidOf(e.id)],
  );
  expect(row).toEqual({ output: '30.00', benefit: '40.00' });
});
