/**
 * The self-evaluation as the 附件6 form (DOMAIN §10.8; 002 附件6, 第二十八条(一)) through GraphQL on a real
 * database: the money rows 年初预算数 / 全年预算数 / 执行数 with the execution rate on the full-year budget,
 * the annual objective (copied from the goal) and what was achieved as text, 整改措施 required to submit
 * when the execution rate is below the threshold (policy default 90%) or the grade POOR — refused with
 * nothing written, and `availableActions` saying so by the same decision — and the 自评报告 as sections of
 * the 002 outline.
 */
import { TestApp } from '../harness/app';
import { projectGoal as arrangeProjectGoal, ROAD_INDICATORS } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';

let app: TestApp;
const { ok, refused } = mutations<EvaluationRow>(() => app, 'evaluation');

interface EvaluationRow {
  id: string;
  rowVersion: number;
  status: string;
  grade: string | null;
  initialBudget: string | null;
  budgeted: string | null;
  spent: string | null;
  formExecutionRate: string | null;
  annualObjective: string | null;
  achievement: string | null;
  rectificationMeasures: string | null;
  reportSections: { key: string; title: string; body: string }[];
  availableActions: { action: string; allowed: boolean; code: string | null; requires: string | null }[];
}

const E_FIELDS =
  'id rowVersion status grade initialBudget budgeted spent formExecutionRate annualObjective achievement rectificationMeasures reportSections { key title body } availableActions { action allowed code requires }';
const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SAVE = `mutation($input: SaveEvaluationActualsInput!) { saveEvaluationActuals(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;

let unitGid = '';

const projectGoal = (name: string) =>
  arrangeProjectGoal(app, { name, unitId: unitGid, indicators: ROAD_INDICATORS, otherAmount: '50000.00' });
type Goal = Awaited<ReturnType<typeof projectGoal>>;

/** Complete actuals, every indicator met but the qualitative one (explained). */
function actuals(goal: Goal) {
  const [km, quality, traffic, satisfaction] = goal.indicators.map((i) => i.id);
  return [
    { indicatorId: km, actual: '12.5' },
    { indicatorId: quality, actual: '96' },
    { indicatorId: traffic, tier: 'ACHIEVED', percentage: '90', explanation: '个别路段仍有坑槽' },
    { indicatorId: satisfaction, actual: '92' },
  ];
}

const money = (initialBudget: string | null, budgeted: string, spent: string) => ({
  initialBudget,
  budgeted,
  inPlace: budgeted,
  spent,
});

async function draft(name: string) {
  const goal = await projectGoal(name);
  const evaluation = await ok(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
  return { goal, evaluation };
}

const actionOf = (e: EvaluationRow, action: string) => e.availableActions.find((a) => a.action === action)!;

beforeAll(async () => {
  app = await TestApp.start();
  unitGid = await organizationGid(app, '车站街道市政道路养护站');
});
afterAll(async () => app.stop());

describe('附件6 money rows, texts and report (DOMAIN §10.8)', () => {
  test('年初预算数 / 全年预算数 / 执行数, 年度总体目标 copied from the goal, 实际完成情况 and 自评报告 are stored', async () => {
    // DOMAIN §10.8, 002 附件6: the form's rows; the rate uses the full-year budget.
    const { goal, evaluation } = await draft('附件6 自评表');
    expect(evaluation.annualObjective).toBe('2025年养护道路12.5公里'); // the goal's 年度目标
    const saved = await ok(
      SAVE,
      {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        money: money('800000.00', '850000.00', '800000.00'),
        budgetExecutionExplanation: '部分工程款次年结算',
        actuals: actuals(goal),
        achievement: '全年养护道路12.5公里，验收合格率96%',
        reportSections: [
          { key: 'BASIC_INFORMATION', body: '项目概况：辖区道路日常养护' },
          { key: 'EXPERIENCE_AND_PROBLEMS', body: '个别路段坑槽未及时修补' },
        ],
      },
      'unit.chezhan',
    );
    expect(saved).toMatchObject({
      initialBudget: '800000.00',
      budgeted: '850000.00',
      spent: '800000.00',
      annualObjective: '2025年养护道路12.5公里', // null in the input keeps it
      achievement: '全年养护道路12.5公里，验收合格率96%',
    });
    // 执行数 ÷ 全年预算数 = 800000 ÷ 850000, exact (not ÷ the 年初预算数, which would give 100%).
    expect(saved.formExecutionRate!.startsWith('0.94117647')).toBe(true);
    expect(saved.reportSections.map((s) => [s.key, s.title])).toEqual([
      ['BASIC_INFORMATION', '一、基本情况'],
      ['EXPERIENCE_AND_PROBLEMS', '五、主要经验及做法、存在的问题及原因分析'],
    ]);
    const [row] = await app.sql<Record<string, string | null>>(
      `SELECT initial_budget, budgeted, annual_objective, achievement FROM evaluation WHERE id = $1`,
      [uuidOf(evaluation.id)],
    );
    expect(row).toEqual({
      initial_budget: '800000.00',
      budgeted: '850000.00',
      annual_objective: '2025年养护道路12.5公里',
      achievement: '全年养护道路12.5公里，验收合格率96%',
    });
    const sections = await app.sql<{ section_key: string }>(
      `SELECT section_key FROM evaluation_report_section WHERE evaluation_id = $1 ORDER BY section_key`,
      [uuidOf(evaluation.id)],
    );
    expect(sections.map((s) => s.section_key)).toEqual(['BASIC_INFORMATION', 'EXPERIENCE_AND_PROBLEMS']);
  });

  test('a repeated report section and a negative 年初预算数 are refused with their fields, nothing written', async () => {
    // DOMAIN §10.8 (the outline of 002), §4 money ≥ 0.
    const { goal, evaluation } = await draft('附件6 坏输入');
    const base = { id: evaluation.id, expectedVersion: evaluation.rowVersion, actuals: actuals(goal) };
    const repeated = await refused(
      SAVE,
      {
        ...base,
        reportSections: [
          { key: 'RECOMMENDATIONS', body: 'a' },
          { key: 'RECOMMENDATIONS', body: 'b' },
        ],
      },
      'unit.chezhan',
    );
    expect(repeated.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.reportSections.1.key'],
    ]);
    expect(repeated[0].message).toMatch(/重复/);
    const negative = await refused(
      SAVE,
      { ...base, money: money('-1.00', '850000.00', '800000.00') },
      'unit.chezhan',
    );
    expect(negative.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.money.initialBudget'],
    ]);
  });
});

describe('整改措施 when execution is low or the grade POOR (DOMAIN §10.8, 002 第二十八条(一))', () => {
  test('execution below 90% of the FULL-YEAR budget blocks SUBMIT until 整改措施 are given', async () => {
    // 4,800,000 spent: 96% of the 年初预算数 5,000,000 but 80% of the 全年预算数 6,000,000 — the rate that
    // counts is the full-year one (DOMAIN §10.8), below the policy threshold 90%.
    const { goal, evaluation } = await draft('执行率偏低');
    const saved = await ok(
      SAVE,
      {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        money: money('5000000.00', '6000000.00', '4800000.00'),
        budgetExecutionExplanation: '征地延误',
        actuals: actuals(goal),
      },
      'unit.chezhan',
    );
    expect(saved.formExecutionRate).toBe('0.8');
    // availableActions says why, by the same decision the submission uses.
    expect(actionOf(saved, 'SUBMIT')).toEqual({
      action: 'SUBMIT',
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
      requires: 'rectificationMeasures',
    });
    const errors = await refused(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // issue 11 item 4: submitEvaluation's input is { id, expectedVersion }: a problem of the stored content
    // is reported at input.id (availableActions' `requires` names the stored field to fill).
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([['WORKFLOW_VIOLATION', 'input.id']]);
    expect(errors[0].message).toContain('80%');
    expect(errors[0].message).toContain('002 第二十八条(一)');
    expect(errors[0].messageEn).toMatch(/rectification measures/);

    const measured = await ok(
      SAVE,
      {
        id: saved.id,
        expectedVersion: saved.rowVersion,
        money: money('5000000.00', '6000000.00', '4800000.00'),
        budgetExecutionExplanation: '征地延误',
        actuals: actuals(goal),
        rectificationMeasures: '加快征地协调，按月通报支出进度',
      },
      'unit.chezhan',
    );
    expect(actionOf(measured, 'SUBMIT').allowed).toBe(true);
    const done = await ok(SUBMIT, { id: measured.id, expectedVersion: measured.rowVersion }, 'unit.chezhan');
    expect(done.status).toBe('SUBMITTED');
    const [row] = await app.sql<{ status: string; rectification_measures: string }>(
      `SELECT status, rectification_measures FROM evaluation WHERE id = $1`,
      [uuidOf(done.id)],
    );
    expect(row).toEqual({ status: 'SUBMITTED', rectification_measures: '加快征地协调，按月通报支出进度' });
  });

  test('exactly 90% executed needs none; a POOR grade does', async () => {
    // DOMAIN §10.8: "below" the threshold; 002 第二十八条(一) 自评结果较差 → POOR (§10.7).
    const { goal, evaluation } = await draft('执行率恰好90');
    const saved = await ok(
      SAVE,
      {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        money: money(null, '1000000.00', '900000.00'),
        budgetExecutionExplanation: '尾款次年支付',
        actuals: actuals(goal),
      },
      'unit.chezhan',
    );
    expect(actionOf(saved, 'SUBMIT').allowed).toBe(true);

    const poor = await draft('自评结果较差');
    const [km, quality, traffic, satisfaction] = poor.goal.indicators.map((i) => i.id);
    const bad = await ok(
      SAVE,
      {
        id: poor.evaluation.id,
        expectedVersion: poor.evaluation.rowVersion,
        money: money(null, '1000000.00', '1000000.00'),
        actuals: [
          { indicatorId: km, actual: '1', explanation: '施工队伍撤场' },
          { indicatorId: quality, actual: '10', explanation: '质量不合格' },
          { indicatorId: traffic, tier: 'NOT_ACHIEVED', percentage: '10', explanation: '未改善' },
          { indicatorId: satisfaction, actual: '20', explanation: '群众不满意' },
        ],
      },
      'unit.chezhan',
    );
    expect(actionOf(bad, 'SUBMIT')).toMatchObject({ allowed: false, requires: 'rectificationMeasures' });
    const errors = await refused(SUBMIT, { id: bad.id, expectedVersion: bad.rowVersion }, 'unit.chezhan');
    expect(errors.map((e) => e.field.join('.'))).toEqual(['input.id']); // issue 11 item 4
    expect(errors[0].message).toContain('自评等级为差');
  });
});
