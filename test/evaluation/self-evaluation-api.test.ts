/**
 * Self-evaluations through GraphQL on a real database (DOMAIN §10, §8 P4/P6/P8, §15): the spending unit
 * (车站街道市政道路养护站) evaluates its issued project goal, the engine scores it on submit, the project's
 * competent department (车站街道建设办公室) reviews or returns it; every other caller is refused; bad input
 * comes back as userErrors with nothing written; the database itself refuses edits after submission and
 * a stale edit; of two racing edits exactly one wins.
 */
import { Client } from 'pg';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { projectGoal as arrangeProjectGoal, goalStep, ROAD_INDICATORS } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import {
  mutations,
  type UserErrorRow,
  USER_ERRORS as ERRORS,
  forbidden,
  forbiddenFor,
} from '../harness/mutations';

let app: TestApp;
const { call, ok, refused, denied, expectRefusedFor } = mutations<EvaluationRow>(() => app, 'evaluation');

interface Line {
  key: string;
  name: string;
  category: string;
  points: string;
  rule: string;
  ruleText: string;
  score: string;
  inputs: { name: string; value: string }[];
}
interface EvaluationRow {
  id: string;
  rowVersion: number;
  status: string;
  total: string | null;
  grade: string | null;
  reviewer: { name: string } | null;
  scoreLines: Line[];
}
type Payload = { evaluation: EvaluationRow | null; userErrors: UserErrorRow[] };

const E_FIELDS =
  'id rowVersion status total grade reviewer { name } scoreLines { key name category points rule ruleText score inputs { name value } }';
const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SAVE = `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const REVIEW = `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;

let unitGid = '';

const INDICATORS = ROAD_INDICATORS;

/** A PROJECT goal of 车站街道市政道路养护站, taken through its review chain up to `until`. */
const projectGoal = (name: string, until: 'DRAFT' | 'ISSUED' = 'ISSUED') =>
  arrangeProjectGoal(app, { name, unitId: unitGid, indicators: INDICATORS, otherAmount: '50000.00', until });

type Goal = Awaited<ReturnType<typeof projectGoal>>;

/** The complete actuals of the happy path (DOMAIN §10 rules 3–5). */
function fullActuals(goal: Goal, overrides: Record<number, Record<string, unknown>> = {}) {
  const [km, quality, traffic, satisfaction] = goal.indicators.map((i) => i.id);
  const rows: Record<string, unknown>[] = [
    { indicatorId: km, actual: '12.5' },
    { indicatorId: quality, actual: '96' },
    {
      indicatorId: traffic,
      tier: 'ACHIEVED',
      percentage: '90',
      explanation: '个别路段仍有坑槽，明年继续整治',
    },
    { indicatorId: satisfaction, actual: '92' },
  ];
  return rows.map((r, k) => ({ ...r, ...(overrides[k] ?? {}) }));
}

function saveInput(e: EvaluationRow, goal: Goal, extra: Record<string, unknown> = {}) {
  return {
    id: e.id,
    expectedVersion: e.rowVersion,
    money: { budgeted: '850000.00', inPlace: '850000.00', spent: '800000.00' },
    budgetExecutionExplanation: '部分工程款按合同于次年初结算',
    actuals: fullActuals(goal),
    ...extra,
  };
}

/** An issued goal with a DRAFT self-evaluation by its unit. */
async function draftEvaluation(name: string) {
  const goal = await projectGoal(name);
  const evaluation = await ok(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
  return { goal, evaluation };
}

async function submitted(name: string) {
  const { goal, evaluation } = await draftEvaluation(name);
  const saved = await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
  const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
  return { goal, evaluation: done };
}

beforeAll(async () => {
  app = await TestApp.start();
  unitGid = await organizationGid(app, '车站街道市政道路养护站');
});
afterAll(async () => app.stop());

describe('happy path: the unit evaluates, the engine scores on submit, the department reviews', () => {
  test('create → save → submit → approve, with stored lines, history and audit (DOMAIN §10 rules 1–7, P4)', async () => {
    const { goal, evaluation } = await draftEvaluation('自评全流程');
    // 003 转移支付 第二十三条 / DOMAIN §10: the level above is the project's competent department.
    expect(evaluation).toMatchObject({
      status: 'DRAFT',
      rowVersion: 1,
      reviewer: { name: '车站街道建设办公室' },
    });

    const saved = await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(saved.rowVersion).toBe(2);
    // Live preview while editable: the same engine, every line explains itself.
    const preview = Object.fromEntries(saved.scoreLines.map((l) => [l.name, l.score]));
    expect(preview).toMatchObject({
      资金到位率: '5.00',
      预算执行率: '4.71',
      养护道路里程: '25.00',
      道路通行条件: '27.00',
    });

    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // 5 + 4.71 + 25 + 25 + 27 + 10 = 96.71 → 优 (002 第二十五条).
    expect(done).toMatchObject({ status: 'SUBMITTED', total: '96.71', grade: 'EXCELLENT' });
    const execution = done.scoreLines.find((l) => l.key === 'COMMON:BUDGET_EXECUTION')!;
    expect(execution).toMatchObject({ category: 'COMMON', points: '5', rule: 'RATE', score: '4.71' });
    expect(execution.ruleText).toContain('800000');
    const qualitative = done.scoreLines.find((l) => l.name === '道路通行条件')!;
    expect(qualitative).toMatchObject({ points: '30', rule: 'QUALITATIVE_TIER', score: '27.00' });
    expect(qualitative.inputs).toEqual(expect.arrayContaining([{ name: 'tier', value: 'ACHIEVED' }]));

    const id = uuidOf(done.id);
    const stored = await app.sql<{ score: string; rule: string }>(
      'SELECT score::text, rule FROM evaluation_actual WHERE evaluation_id = $1 ORDER BY score',
      [id],
    );
    expect(stored).toEqual([
      { score: '10.00', rule: 'GTE_MET' },
      { score: '25.00', rule: 'GTE_MET' },
      { score: '25.00', rule: 'GTE_MET' },
      { score: '27.00', rule: 'QUALITATIVE_TIER' },
    ]);
    const [row] = await app.sql<{
      total: string;
      grade: string;
      status: string;
      region_path: string;
      year: number;
    }>('SELECT total::text, grade, status, region_path, year FROM evaluation WHERE id = $1', [id]);
    expect(row).toMatchObject({ total: '96.71', grade: 'EXCELLENT', status: 'SUBMITTED', year: 2025 });
    const [goalRow] = await app.sql<{ region_path: string }>(
      'SELECT region_path FROM performance_goal WHERE id = $1',
      [uuidOf(goal.id)],
    );
    expect(row.region_path).toBe(goalRow.region_path);

    const reviewed = await ok(
      REVIEW,
      { id: done.id, expectedVersion: done.rowVersion, decision: 'APPROVE' },
      'transport.chezhan',
    );
    expect(reviewed.status).toBe('REVIEWED');
    const history = await app.sql<{ action: string; from_status: string; to_status: string }>(
      'SELECT action, from_status, to_status FROM evaluation_transition WHERE evaluation_id = $1 ORDER BY at',
      [id],
    );
    expect(history.map((h) => [h.action, h.from_status, h.to_status])).toEqual([
      ['CREATE', 'DRAFT', 'DRAFT'],
      ['SUBMIT', 'DRAFT', 'SUBMITTED'],
      ['APPROVE', 'SUBMITTED', 'REVIEWED'],
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'Evaluation' AND entity_id = $1 ORDER BY occurred_at`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'SAVE_ACTUALS', 'SUBMIT', 'APPROVE']);
  });

  test('a return needs a comment; a returned evaluation is editable and resubmitted (DOMAIN §10)', async () => {
    const { goal, evaluation } = await submitted('自评退回');
    const errors = await refused(
      REVIEW,
      { id: evaluation.id, expectedVersion: evaluation.rowVersion, decision: 'RETURN', comment: '  ' },
      'transport.chezhan',
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] });
    const returned = await ok(
      REVIEW,
      {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        decision: 'RETURN',
        comment: '满意度调查样本不足，请补充',
      },
      'transport.chezhan',
    );
    expect(returned.status).toBe('RETURNED');
    const saved = await ok(
      SAVE,
      saveInput(returned, goal, {
        actuals: fullActuals(goal, { 3: { actual: '88', explanation: '补充调查后满意度为88%' } }),
      }),
      'unit.chezhan',
    );
    const again = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // 10 × 88 ÷ 90 = 9.777… → 9.78; total 96.71 − 10 + 9.78 = 96.49.
    expect(again).toMatchObject({ status: 'SUBMITTED', total: '96.49' });
    const [t] = await app.sql<{ comment: string }>(
      `SELECT comment FROM evaluation_transition WHERE evaluation_id = $1 AND action = 'RETURN'`,
      [uuidOf(again.id)],
    );
    expect(t.comment).toBe('满意度调查样本不足，请补充');
  });
});

describe('a transfer project (DOMAIN §11 worked example, township A)', () => {
  test('the unit self-evaluates its TRANSFER_PROJECT goal: 96.08 优; the township department reviews it, not the fund’s department', async () => {
    // The demo fund 农村公路提档升级专项资金 (张店区) and its issued regional goal for 车站街道 (township A).
    const [fund] = await app.sql<{ id: string }>(
      `SELECT id FROM fund WHERE name = '农村公路提档升级专项资金'`,
    );
    const [regional] = await app.sql<{ id: string }>(
      `SELECT g.id FROM performance_goal g JOIN region r ON r.id = g.region_id
        WHERE g.fund_id = $1 AND g.scope = 'TRANSFER_REGIONAL' AND r.name = '车站街道' AND g.status = 'ISSUED'`,
      [fund.id],
    );
    const project = await call<{ createProject: { project: { id: string } | null } }>(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`,
      {
        name: '车站街道农村公路提档升级（自评测试）',
        implementingUnitId: unitGid,
        fundId: toGlobalId('Fund', fund.id),
        year: 2025,
        fiscalAmount: '6000000.00',
        otherAmount: '0.00',
        isNew: false,
        requiresAssessment: false,
      },
      'transport.chezhan',
    );
    const projectId = project.data?.createProject.project?.id;
    if (!projectId) throw new Error(`arranging failed: ${JSON.stringify(project)}`);
    const indicator = (
      category: string,
      subcategory: string,
      name: string,
      target: string,
      points: string,
    ) => ({
      category,
      subcategory,
      name,
      kind: 'QUANTITATIVE',
      unit: name.includes('率') || name.includes('度') ? '%' : '个',
      comparator: 'GTE',
      target,
      points,
    });
    let g = await goalStep(
      app,
      'createGoal',
      {
        scope: 'TRANSFER_PROJECT',
        year: 2025,
        name: '车站街道农村公路提档升级（自评测试）绩效目标',
        projectId,
        parentGoalId: toGlobalId('PerformanceGoal', regional.id),
        annualObjective: '新改建农村公路30公里',
        annualAmount: '6000000.00',
        fiscalAmount: '6000000.00',
        otherAmount: '0.00',
        indicators: [
          indicator('OUTPUT', 'QUANTITY', '新改建农村公路里程', '30', '20'),
          indicator('OUTPUT', 'QUALITY', '工程验收合格率', '95', '15'),
          indicator('OUTPUT', 'TIMELINESS', '当年完工率', '90', '15'),
          indicator('BENEFIT', 'SOCIAL', '受益群众人数', '12000', '30'),
          indicator('SATISFACTION', 'SERVICE_RECIPIENT', '群众满意度', '90', '10'),
        ],
      },
      'unit.chezhan',
    );
    // 003 转移支付 第十五条(三): the unit's department, its finance, the fund's department, finance at R.
    for (const [mutation, as] of [
      ['submitGoal', 'unit.chezhan'],
      ['approveGoal', 'transport.chezhan'],
      ['approveGoal', 'finance.chezhan'],
      ['approveGoal', 'transport.zhangdian'],
      ['approveGoal', 'finance.zhangdian'],
      ['issueGoal', 'finance.zhangdian'],
    ]) {
      g = await goalStep(app, mutation, { id: g.id, expectedVersion: g.rowVersion }, as);
    }
    const created = await ok(CREATE_SELF, { goalId: g.id }, 'unit.chezhan');
    expect(created.reviewer).toEqual({ name: '车站街道建设办公室' });
    const [km, quality, timeliness, people, satisfaction] = g.indicators.map((i) => i.id);
    const saved = await ok(
      SAVE,
      {
        id: created.id,
        expectedVersion: created.rowVersion,
        money: { budgeted: '6000000.00', inPlace: '6000000.00', spent: '5700000.00' },
        budgetExecutionExplanation: '尾款待竣工审计后支付',
        actuals: [
          { indicatorId: km, actual: '27', explanation: '3公里因征地延期' },
          { indicatorId: quality, actual: '100' },
          { indicatorId: timeliness, actual: '80', explanation: '雨季影响工期' },
          { indicatorId: people, actual: '12500' },
          { indicatorId: satisfaction, actual: '92' },
        ],
      },
      'unit.chezhan',
    );
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // DOMAIN §11 table, row A: 5.00 4.75 18.00 15.00 13.33 30.00 10.00 → 96.08 EXCELLENT.
    expect(done.scoreLines.map((l) => l.score)).toEqual([
      '5.00',
      '4.75',
      '18.00',
      '15.00',
      '13.33',
      '30.00',
      '10.00',
    ]);
    expect(done).toMatchObject({ total: '96.08', grade: 'EXCELLENT' });
    const review = { id: done.id, expectedVersion: done.rowVersion, decision: 'APPROVE' };
    // The fund's department compiles the overall result later (P4); it does not review the unit's evaluation.
    expect((await refused(REVIEW, review, 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await ok(REVIEW, review, 'transport.chezhan')).status).toBe('REVIEWED');
  });
});

describe('P4 谁支出、谁自评 and P6: only the spending unit evaluates, only the level above reviews', () => {
  test('createSelfEvaluation: the unit succeeds (above); sibling unit, other tenant, department, finance, audit, third party are refused', async () => {
    const goal = await projectGoal('自评权限');
    for (const as of ['unit.gongyuan', 'unit.rizhao']) {
      expect((await refused(CREATE_SELF, { goalId: goal.id }, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    }
    await expectRefusedFor(
      CREATE_SELF,
      { goalId: goal.id },
      {
        ...forbiddenFor('P4', 'transport.chezhan', 'finance.chezhan', 'thirdparty.zibo'),
        'audit.zhangdian': forbidden('P6'),
      },
    );
    await ok(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
    // One self-evaluation per goal (unique partial index).
    expect((await refused(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan'))[0]).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'goalId'],
    });
  });

  test('saveEvaluationActuals and submitEvaluation: only the evaluating unit', async () => {
    const { goal, evaluation } = await draftEvaluation('填报权限');
    const input = saveInput(evaluation, goal);
    for (const as of ['unit.gongyuan', 'unit.rizhao']) {
      expect((await refused(SAVE, input, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    }
    await expectRefusedFor(SAVE, input, {
      ...forbiddenFor('P4', 'transport.chezhan', 'thirdparty.zibo'),
      'audit.zhangdian': forbidden('P6'),
    });
    const saved = await ok(SAVE, input, 'unit.chezhan');
    const submit = { id: saved.id, expectedVersion: saved.rowVersion };
    // The supervising department sees the evaluation but may not submit it for the unit (P4).
    expect((await refused(SUBMIT, submit, 'transport.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await refused(SUBMIT, submit, 'unit.gongyuan'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(SUBMIT, submit, 'thirdparty.zibo'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(await denied(SUBMIT, submit, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    await ok(SUBMIT, submit, 'unit.chezhan');
  });

  test('reviewEvaluation: only the project’s competent department', async () => {
    const { evaluation } = await submitted('审核权限');
    const input = { id: evaluation.id, expectedVersion: evaluation.rowVersion, decision: 'APPROVE' };
    expect(await denied(REVIEW, input, 'unit.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P4' });
    // Finance reviews compiled overall results only (DOMAIN §11): not a project's self-evaluation.
    expect((await refused(REVIEW, input, 'finance.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect(await denied(REVIEW, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect((await refused(REVIEW, input, 'transport.gongyuan'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(REVIEW, input, 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await ok(REVIEW, input, 'transport.chezhan')).status).toBe('REVIEWED');
  });

  test('reads: the unit, its department and the district audit office see it; siblings and other tenants do not (P6)', async () => {
    const { goal, evaluation } = await submitted('查阅权限');
    const read = `query($id: ID!) { evaluation(id: $id) { id status } }`;
    for (const as of ['unit.chezhan', 'transport.chezhan', 'finance.zhangdian', 'audit.zhangdian']) {
      const res = await app.gql<{ evaluation: { id: string } | null }>(read, { id: evaluation.id }, { as });
      expect(res.data?.evaluation?.id).toBe(evaluation.id);
    }
    for (const as of ['unit.gongyuan', 'finance.gongyuan', 'thirdparty.zibo', 'finance.rizhao']) {
      const res = await app.gql<{ evaluation: { id: string } | null }>(read, { id: evaluation.id }, { as });
      expect(res.data?.evaluation).toBeNull();
    }
    const list = await app.gql<{ evaluations: { totalCount: number; nodes: { id: string }[] } }>(
      `query($goalId: ID!) { evaluations(filter: { goalId: $goalId, kind: SELF, year: 2025 }) { totalCount nodes { id } } }`,
      { goalId: goal.id },
      { as: 'audit.zhangdian' },
    );
    expect(list.data?.evaluations).toEqual({ totalCount: 1, nodes: [{ id: evaluation.id }] });
    const goalRead = await app.gql<{
      goal: { evaluations: { totalCount: number; nodes: { id: string; kind: string }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { evaluations { totalCount nodes { id kind } } } }`,
      { id: goal.id },
      { as: 'transport.chezhan' },
    );
    expect(goalRead.data?.goal.evaluations).toEqual({
      totalCount: 1,
      nodes: [{ id: evaluation.id, kind: 'SELF' }],
    });
    const actions = await app.gql<{
      evaluation: { availableActions: { action: string; allowed: boolean; requires: string | null }[] };
    }>(
      `query($id: ID!) { evaluation(id: $id) { availableActions { action allowed requires } } }`,
      { id: evaluation.id },
      { as: 'transport.chezhan' },
    );
    const allowed = actions.data!.evaluation.availableActions.filter((a) => a.allowed);
    expect(allowed).toEqual([
      { action: 'APPROVE', allowed: true, requires: null },
      { action: 'RETURN', allowed: true, requires: 'comment' },
    ]);
  });
});

describe('reads in one request (DOMAIN §16, STYLE "Performance shape")', () => {
  test('PerformanceGoal.evaluations with their score lines: the number of SQL statements does not grow with the goals', async () => {
    const query = `{ goals(first: 100, filter: { year: 2025, scope: PROJECT }) { nodes { evaluations { nodes { id total scoreLines { key score } availableActions { action allowed } actuals { indicatorId score } transitions { action actorOrganization { name } } } } } } }`;
    await submitted('语句数一');
    await draftEvaluation('语句数草稿'); // a draft previews its lines: one more kind of statement
    const before = await app.gql<{ goals: { nodes: { evaluations: { nodes: unknown[] } }[] } }>(
      query,
      {},
      { as: 'transport.chezhan' },
    );
    const evaluatedBefore = before.data!.goals.nodes.filter((g) => g.evaluations.nodes.length > 0).length;
    await submitted('语句数二');
    await draftEvaluation('语句数三');
    const after = await app.gql<{ goals: { nodes: { evaluations: { nodes: unknown[] } }[] } }>(
      query,
      {},
      { as: 'transport.chezhan' },
    );
    expect(after.data!.goals.nodes.filter((g) => g.evaluations.nodes.length > 0).length).toBe(
      evaluatedBefore + 2,
    ); // 语句数二, 语句数三
    expect(after.extensions?.sqlStatements).toBe(before.extensions?.sqlStatements);
  });
});

describe('bad input (issue #4): a clear userErrors entry with code and field, nothing written', () => {
  test('actuals for a goal not issued → WORKFLOW_VIOLATION', async () => {
    const goal = await projectGoal('未下达目标', 'DRAFT');
    const [e] = await refused(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    expect(e.messageEn).toContain('goal not issued');
  });

  test('a percentage outside its tier → BAD_USER_INPUT at the actual (DOMAIN §10.4, 002 第二十四条)', async () => {
    const { goal, evaluation } = await draftEvaluation('档次比例');
    const input = saveInput(evaluation, goal, {
      actuals: fullActuals(goal, { 2: { tier: 'ACHIEVED', percentage: '70' } }),
    });
    const [e] = await refused(SAVE, input, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'actuals', '2', 'percentage'] });
  });

  test('category points not totalling 100 → BAD_USER_INPUT at categoryPoints (002 第二十一条(一))', async () => {
    const { goal, evaluation } = await draftEvaluation('权重合计');
    const input = saveInput(evaluation, goal, {
      categoryPoints: { common: '10', output: '50', benefit: '30', satisfaction: '20' },
    });
    const [e] = await refused(SAVE, input, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'categoryPoints'] });
  });

  test('a missing explanation or actual blocks submission → WORKFLOW_VIOLATION per problem (DOMAIN §10.5)', async () => {
    const { goal, evaluation } = await draftEvaluation('缺少说明');
    const saved = await ok(
      SAVE,
      saveInput(evaluation, goal, { actuals: fullActuals(goal, { 2: { explanation: null } }).slice(0, 3) }),
      'unit.chezhan',
    );
    const errors = await refused(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // issue 11 item 4: submitEvaluation's input is { id, expectedVersion }, so each problem of the stored
    // actuals is reported at input.id, one per indicator, naming the indicator.
    expect(errors.every((x) => x.code === 'WORKFLOW_VIOLATION' && x.field.join('.') === 'input.id')).toBe(
      true,
    );
    expect(errors).toHaveLength(2);
    expect(errors.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('沿线群众满意度'),
        expect.stringContaining('须说明理由'),
      ]),
    );
  });

  test('a stale rowVersion → CONFLICT', async () => {
    const { goal, evaluation } = await draftEvaluation('版本冲突');
    await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    const [e] = await refused(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(e).toMatchObject({ code: 'CONFLICT', field: ['input', 'expectedVersion'] });
  });
});

describe('P8: a submitted evaluation is frozen, in the API and in the database', () => {
  test('the API refuses edits and resubmission after submit', async () => {
    const { goal, evaluation } = await submitted('提交后冻结');
    const [e] = await refused(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(e).toMatchObject({ code: 'WORKFLOW_VIOLATION', principle: 'P8' });
    expect(
      (
        await refused(SUBMIT, { id: evaluation.id, expectedVersion: evaluation.rowVersion }, 'unit.chezhan')
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('the trigger refuses a direct UPDATE as the API role, a status skip, and history changes', async () => {
    const { evaluation } = await submitted('触发器冻结');
    const id = uuidOf(evaluation.id);
    const [{ tenant_id: tenant }] = await app.sql<{ tenant_id: string }>(
      'SELECT tenant_id FROM evaluation WHERE id = $1',
      [id],
    );
    const api = new Client({ connectionString: app.db.appUrl });
    await api.connect();
    try {
      const asApi = async (sql: string) => {
        await api.query('BEGIN');
        await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenant]);
        try {
          await api.query(sql, [id]);
          return null;
        } catch (error) {
          return (error as { constraint?: string }).constraint ?? String(error);
        } finally {
          await api.query('ROLLBACK');
        }
      };
      expect(await asApi(`UPDATE evaluation SET total = 100 WHERE id = $1`)).toBe('ck_evaluation_frozen');
      expect(await asApi(`UPDATE evaluation_actual SET score = 0 WHERE evaluation_id = $1`)).toBe(
        'ck_evaluation_content_frozen',
      );
      expect(await asApi(`DELETE FROM evaluation_actual WHERE evaluation_id = $1`)).toBe(
        'ck_evaluation_content_frozen',
      );
      expect(await asApi(`UPDATE evaluation SET status = 'DRAFT' WHERE id = $1`)).toBe(
        'ck_evaluation_transition',
      );
    } finally {
      await api.end();
    }
    // A fresh draft cannot skip to REVIEWED, and the history is append-only even for the owner.
    const { evaluation: draft } = await draftEvaluation('状态跳跃');
    await expect(
      app.sql(`UPDATE evaluation SET status = 'REVIEWED' WHERE id = $1`, [uuidOf(draft.id)]),
    ).rejects.toMatchObject({
      constraint: 'ck_evaluation_transition',
    });
    await expect(
      app.sql(`DELETE FROM evaluation_transition WHERE evaluation_id = $1`, [id]),
    ).rejects.toMatchObject({
      constraint: 'ck_evaluation_transition_append_only',
    });
  });
});

describe('concurrency (DOMAIN §15): two racing edits of the same version', () => {
  test('exactly one wins, the other gets CONFLICT', async () => {
    const { goal, evaluation } = await draftEvaluation('并发编辑');
    const a = saveInput(evaluation, goal, { budgetExecutionExplanation: '甲' });
    const b = saveInput(evaluation, goal, { budgetExecutionExplanation: '乙' });
    const results = await Promise.all([
      call<{ saveEvaluationActuals: Payload }>(SAVE, a, 'unit.chezhan'),
      call<{ saveEvaluationActuals: Payload }>(SAVE, b, 'unit.chezhan'),
    ]);
    const payloads = results.map((r) => r.data!.saveEvaluationActuals);
    expect(payloads.filter((p) => p.evaluation !== null)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['CONFLICT']);
    const [row] = await app.sql<{ row_version: number; budget_execution_explanation: string }>(
      'SELECT row_version, budget_execution_explanation FROM evaluation WHERE id = $1',
      [uuidOf(evaluation.id)],
    );
    expect(row.row_version).toBe(2);
    const winner = payloads.findIndex((p) => p.evaluation !== null);
    expect(row.budget_execution_explanation).toBe(winner === 0 ? '甲' : '乙');
  });
});
