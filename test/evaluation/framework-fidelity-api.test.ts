/**
 * Department and finance evaluations as 002 附件7 and 第二十六条(二), 第二十八条(二) describe them (DOMAIN §10
 * "Department and finance evaluation"), through GraphQL on a real database: the rates computed from entered
 * figures (exact; a zero base refused), custom indicators beside the 17 reference ones, OUTPUT + BENEFIT
 * under 60 allowed only with a justification (原则上), the evaluated body's response (交换意见) before the
 * result is final, and the report to finance — each step allowed and refused both ways.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { projectGoal, roadIndicatorsWithout } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { rateFramework, reportSections } from '../harness/evaluation-fixtures';

let app: TestApp;
const { ok, refused, denied } = mutations<EvaluationRow>(() => app, 'evaluation');

interface EvaluationRow {
  id: string;
  kind: string;
  rowVersion: number;
  status: string;
  total: string | null;
  grade: string | null;
  weightJustification: string | null;
  frameworkScores: {
    code: string | null;
    custom: boolean;
    category: string;
    name: string;
    points: string;
    score: string | null;
    ruleText: string | null;
  }[];
  figures: Record<string, string | null> | null;
  warnings: { code: string; message: string; justification: string | null }[];
  response: { decision: string; text: string | null; organization: { name: string } | null } | null;
  availableActions: { action: string; allowed: boolean; code: string | null }[];
}

const E_FIELDS = `id kind rowVersion status total grade weightJustification
  frameworkScores { code custom category name points score ruleText }
  figures { plannedOutput actualOutput standardOutput plannedCost actualCost budgeted inPlace spent completionRate qualityRate costSavingRate fundArrivalRate budgetExecutionRate }
  warnings { code message justification } response { decision text organization { name } }
  availableActions { action allowed code }`;
const payload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const CREATE_DEPT = payload('createDepartmentEvaluation', 'CreateDepartmentEvaluationInput');
const CREATE_FIN = payload('createFinanceEvaluation', 'CreateFinanceEvaluationInput');
const SAVE = payload('saveFrameworkEvaluation', 'SaveFrameworkEvaluationInput');
const SUBMIT = payload('submitEvaluation', 'SubmitEvaluationInput');
const RESPOND = payload('respondToEvaluation', 'RespondToEvaluationInput');
const FINALIZE = payload('finalizeEvaluation', 'FinalizeEvaluationInput');
const REPORT = payload('reportEvaluationToFinance', 'ReportEvaluationToFinanceInput');
const ACKNOWLEDGE = payload('acknowledgeEvaluationReport', 'AcknowledgeEvaluationReportInput');

let unitGid = '';

const SECTIONS = reportSections();

/** 100 points, OUTPUT + BENEFIT = 65; the four rate indicators get no typed score. */
const FRAMEWORK = rateFramework({
  basis: '8',
  reasonableness: '6',
  compliance: '9',
  benefit: '14',
  satisfaction: '8',
});
const FIGURES = {
  plannedOutput: '50',
  actualOutput: '47',
  standardOutput: '45',
  plannedCost: '1000000.00',
  actualCost: '1100000.00',
  budgeted: '1000000.00',
  inPlace: '950000.00',
  spent: '900000.00',
};

async function draft(name: string, as = 'transport.chezhan', create = CREATE_DEPT) {
  const goal = await projectGoal(app, {
    name,
    unitId: unitGid,
    indicators: roadIndicatorsWithout('验收合格率'),
  });
  return ok(create, { goalId: goal.id }, as);
}
const save = (e: EvaluationRow, extra: Record<string, unknown> = {}, as = 'transport.chezhan') =>
  ok(
    SAVE,
    {
      id: e.id,
      expectedVersion: e.rowVersion,
      indicators: FRAMEWORK,
      sections: SECTIONS,
      figures: FIGURES,
      ...extra,
    },
    as,
  );
const act = (e: EvaluationRow) => ({ id: e.id, expectedVersion: e.rowVersion });
const allowed = (e: EvaluationRow) => e.availableActions.filter((a) => a.allowed).map((a) => a.action);
const read = async (id: string, as: string) =>
  (
    await app.gql<{ evaluation: EvaluationRow }>(
      `query($id: ID!) { evaluation(id: $id) { ${E_FIELDS} } }`,
      { id },
      { as },
    )
  ).data!.evaluation;

beforeAll(async () => {
  app = await TestApp.start();
  unitGid = await organizationGid(app, '车站街道市政道路养护站');
});
afterAll(async () => app.stop());

describe('附件7 rates computed from entered figures (DOMAIN §10, §4)', () => {
  test('实际完成率, 质量达标率, 成本节约率, 资金到位率, 预算执行率 and the rate indicators’ scores are computed, exactly', async () => {
    const saved = await save(await draft('附件7 计算'));
    // 47 ÷ 50, 45 ÷ 47, (1,000,000 − 1,100,000) ÷ 1,000,000, 950,000 ÷ 1,000,000, 900,000 ÷ 950,000.
    expect(saved.figures).toMatchObject({
      completionRate: '0.94',
      costSavingRate: '-0.1',
      fundArrivalRate: '0.95',
    });
    expect(saved.figures!.qualityRate!.startsWith('0.957446808')).toBe(true);
    expect(saved.figures!.budgetExecutionRate!.startsWith('0.947368421')).toBe(true);
    const score = (code: string | null) => saved.frameworkScores.find((l) => l.code === code)!;
    expect(score('COMPLETION_RATE').score).toBe('18.80'); // 20 × 0.94
    expect(score('QUALITY_RATE').score).toBe('14.36'); // 15 × 45/47 = 14.3617…
    expect(score('COST_SAVING_RATE').score).toBe('4.55'); // overrun: 5 × 1,000,000 ÷ 1,100,000 (LTE, §10.3)
    expect(score('FUND_ARRIVAL_RATE').score).toBe('4.75');
    expect(score('BUDGET_EXECUTION_RATE').score).toBe('4.74'); // 5 × 0.947368… = 4.7368…
    expect(score('COMPLETION_RATE').ruleText).toContain('实际完成率');
    expect(score('PROJECT_BASIS').ruleText).toBeNull(); // scored by hand
    const [row] = await app.sql<Record<string, string>>(
      `SELECT planned_output::text, actual_output::text, standard_output::text, planned_cost::text, actual_cost::text,
              (SELECT score::text FROM evaluation_framework_score s WHERE s.evaluation_id = e.id AND s.code = 'COMPLETION_RATE') AS completion
         FROM evaluation e WHERE id = $1`,
      [uuidOf(saved.id)],
    );
    expect(row).toEqual({
      planned_output: '50',
      actual_output: '47',
      standard_output: '45',
      planned_cost: '1000000.00',
      actual_cost: '1100000.00',
      completion: '18.80',
    });
  });

  test('a zero base, a typed score contradicting the figures, more standard than actual output: refused, nothing written', async () => {
    const e = await draft('附件7 坏数据');
    const base = { id: e.id, expectedVersion: e.rowVersion, indicators: FRAMEWORK, sections: SECTIONS };
    const zero = await refused(
      SAVE,
      { ...base, figures: { ...FIGURES, plannedOutput: '0' } },
      'transport.chezhan',
    );
    expect(zero.map((u) => [u.code, u.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.figures.plannedOutput'],
    ]);
    expect(zero[0].message).toContain('实际完成率');
    const typed = FRAMEWORK.map((l) => (l.code === 'COMPLETION_RATE' ? { ...l, score: '20' } : l));
    const contradicted = await refused(
      SAVE,
      { ...base, indicators: typed, figures: FIGURES },
      'transport.chezhan',
    );
    expect(contradicted.map((u) => [u.code, u.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.indicators.5.score'],
    ]);
    const over = await refused(
      SAVE,
      { ...base, figures: { ...FIGURES, standardOutput: '48' } },
      'transport.chezhan',
    );
    expect(over.map((u) => u.field.join('.'))).toEqual(['input.figures.standardOutput']);
  });

  test('custom indicators stand beside the reference ones; a nameless one is refused', async () => {
    const saved = await save(await draft('自定义指标'));
    expect(saved.frameworkScores[8]).toMatchObject({
      code: null,
      custom: true,
      category: 'BENEFIT',
      name: '道路通行效率提升',
      score: '14.00',
    });
    const e = await draft('自定义指标无名');
    const nameless = FRAMEWORK.map((l) => (l.code === null ? { ...l, name: ' ' } : l));
    const errors = await refused(
      SAVE,
      { id: e.id, expectedVersion: e.rowVersion, indicators: nameless, sections: [] },
      'transport.chezhan',
    );
    expect(errors.map((u) => u.field.join('.'))).toEqual(['input.indicators.8.name']);
  });
});

describe('OUTPUT + BENEFIT under 60: a warning with a justification (002 第二十一条(二) 原则上)', () => {
  const LOW = [
    { code: 'PROJECT_BASIS', points: '25', score: '20' },
    { code: 'FUND_USE_COMPLIANCE', points: '20', score: '18' },
    { code: 'COMPLETION_RATE', points: '30', score: '27' },
    { code: 'SATISFACTION', points: '25', score: '20' },
  ];
  test('refused without a justification; saved, stored and warned with one; then submittable', async () => {
    const e = await draft('效益权重偏低');
    const base = { id: e.id, expectedVersion: e.rowVersion, indicators: LOW, sections: SECTIONS };
    const errors = await refused(SAVE, base, 'transport.chezhan');
    expect(errors.map((u) => [u.code, u.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.weightJustification'],
    ]);
    expect(errors[0].message).toContain('55');
    const saved = await ok(
      SAVE,
      { ...base, weightJustification: '项目处于实施期，侧重过程评价' },
      'transport.chezhan',
    );
    expect(saved.warnings).toEqual([
      expect.objectContaining({
        code: 'RESULT_WEIGHT_BELOW_60',
        justification: '项目处于实施期，侧重过程评价',
      }),
    ]);
    const [row] = await app.sql<{ weight_justification: string }>(
      'SELECT weight_justification FROM evaluation WHERE id = $1',
      [uuidOf(e.id)],
    );
    expect(row.weight_justification).toBe('项目处于实施期，侧重过程评价');
    expect((await ok(SUBMIT, act(saved), 'transport.chezhan')).status).toBe('SUBMITTED');
  });
});

describe('交换意见 and the report to finance (002 第二十六条(二)6–8, 第二十八条(二))', () => {
  test('the evaluated body responds before the evaluator finalizes; the department reports; finance at its level acknowledges', async () => {
    const saved = await save(await draft('交换意见'));
    const submitted = await ok(SUBMIT, act(saved), 'transport.chezhan');
    expect(submitted.status).toBe('SUBMITTED');
    // Not final yet: the evaluator cannot finalize before the response.
    const early = await refused(FINALIZE, act(submitted), 'transport.chezhan');
    expect(early[0].code).toBe('WORKFLOW_VIOLATION');
    // Only the evaluated body (the implementing unit) responds: not the evaluator (P7), not a sibling unit (P6).
    expect(
      (await refused(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'transport.chezhan'))[0],
    ).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' });
    expect((await refused(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'unit.gongyuan'))[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await denied(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'audit.zhangdian')).code).toBe(
      'FORBIDDEN',
    );
    const unitView = await read(submitted.id, 'unit.chezhan');
    expect(allowed(unitView)).toEqual(['RESPOND']);
    // A disagreement needs its reason.
    const noReason = await refused(RESPOND, { ...act(submitted), decision: 'DISAGREE' }, 'unit.chezhan');
    expect(noReason.map((u) => [u.code, u.field.join('.')])).toEqual([['BAD_USER_INPUT', 'input.text']]);
    const responded = await ok(
      RESPOND,
      { ...act(submitted), decision: 'DISAGREE', text: '成本超支系材料涨价所致' },
      'unit.chezhan',
    );
    expect(responded).toMatchObject({
      status: 'RESPONDED',
      response: {
        decision: 'DISAGREE',
        text: '成本超支系材料涨价所致',
        organization: { name: '车站街道市政道路养护站' },
      },
    });
    // The unit cannot finalize (P7); the evaluator can.
    expect((await denied(FINALIZE, act(responded), 'unit.chezhan')).principle).toBe('P7');
    expect(allowed(await read(responded.id, 'transport.chezhan'))).toEqual(['FINALIZE']);
    const final = await ok(FINALIZE, act(responded), 'transport.chezhan');
    expect(final.status).toBe('FINALIZED');
    // The department reports to finance at its level (车站街道财政所); finance cannot report for it.
    expect((await denied(REPORT, act(final), 'finance.chezhan')).code).toBe('FORBIDDEN');
    const reported = await ok(REPORT, act(final), 'transport.chezhan');
    expect(reported.status).toBe('REPORTED');
    // District finance is not the department's level (P6); the township finance office acknowledges.
    expect((await refused(ACKNOWLEDGE, act(reported), 'finance.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
    });
    const acknowledged = await ok(ACKNOWLEDGE, act(reported), 'finance.chezhan');
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    const rows = await app.sql<{ action: string; from_status: string; to_status: string }>(
      `SELECT action, from_status, to_status FROM evaluation_transition WHERE evaluation_id = $1 ORDER BY at, id`,
      [uuidOf(saved.id)],
    );
    expect(rows.map((r) => `${r.action}:${r.from_status}>${r.to_status}`)).toEqual([
      'CREATE:DRAFT>DRAFT',
      'SUBMIT:DRAFT>SUBMITTED',
      'RESPOND:SUBMITTED>RESPONDED',
      'FINALIZE:RESPONDED>FINALIZED',
      'REPORT:FINALIZED>REPORTED',
      'ACKNOWLEDGE:REPORTED>ACKNOWLEDGED',
    ]);
    const [row] = await app.sql<Record<string, unknown>>(
      `SELECT status, response_decision, response_text, finalized_at IS NOT NULL AS f, reported_at IS NOT NULL AS r, acknowledged_at IS NOT NULL AS a FROM evaluation WHERE id = $1`,
      [uuidOf(saved.id)],
    );
    expect(row).toEqual({
      status: 'ACKNOWLEDGED',
      response_decision: 'DISAGREE',
      response_text: '成本超支系材料涨价所致',
      f: true,
      r: true,
      a: true,
    });
  });

  test('a finance evaluation is final after the response and is not reported to itself; the database refuses a skip', async () => {
    const saved = await save(
      await draft('财政评价交换意见', 'finance.zhangdian', CREATE_FIN),
      {},
      'finance.zhangdian',
    );
    const submitted = await ok(SUBMIT, act(saved), 'finance.zhangdian');
    const responded = await ok(RESPOND, { ...act(submitted), decision: 'AGREE' }, 'unit.chezhan');
    const final = await ok(FINALIZE, act(responded), 'finance.zhangdian');
    expect(final.status).toBe('FINALIZED');
    // Only a department reports (002 第二十八条(二)); finance is refused at the door.
    expect((await denied(REPORT, act(final), 'finance.zhangdian')).code).toBe('FORBIDDEN');
    // DOMAIN §10, P8: no skipping the exchange of views, even directly in the database.
    const other = await ok(SUBMIT, act(await save(await draft('跳过交换意见'))), 'transport.chezhan');
    await expect(
      app.sql(`UPDATE evaluation SET status = 'FINALIZED', finalized_at = now() WHERE id = $1`, [
        uuidOf(other.id),
      ]),
    ).rejects.toThrow(/cannot become|ck_evaluation/);
    // issue 11 item 4: the shield's refusal comes back in the payload's userErrors.
    expect((await denied(RESPOND, { ...act(other), decision: 'AGREE' }, 'thirdparty.zibo')).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the demo (docs/demo.md): a finance evaluation with computed rates awaiting 交换意见', () => {
  test('张店区财政局’s evaluation of 张店区交通运输局’s department goal shows its figures, rates and next action', async () => {
    const [row] = await app.sql<{ id: string }>(
      `SELECT e.id FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
        WHERE e.kind = 'FINANCE' AND g.name = '张店区交通运输局2025年度部门整体绩效目标' AND g.status = 'ISSUED'`,
    );
    const gid = toGlobalId('Evaluation', row.id);
    const seen = await read(gid, 'transport.zhangdian');
    expect(seen.status).toBe('SUBMITTED');
    expect(seen.figures).toMatchObject({
      completionRate: '0.95',
      costSavingRate: '0.04',
      budgetExecutionRate: '0.96',
    });
    expect(seen.frameworkScores.find((l) => l.code === 'COMPLETION_RATE')!.score).toBe('19.00');
    expect(seen.frameworkScores.some((l) => l.custom)).toBe(true);
    expect(allowed(seen)).toEqual(['RESPOND']);
  });
});
