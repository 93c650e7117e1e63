/**
 * Department and finance evaluations as 002 附件7 describes them (DOMAIN §10 "Department and finance
 * evaluation"), through GraphQL on a real database: the rates computed from entered figures (exact; a zero
 * base refused), custom indicators beside the 17 reference ones, and OUTPUT + BENEFIT under 60 allowed only
 * with a justification (原则上).
 */
import { uuidOf } from '../harness/ids';
import {
  useFrameworkFidelityApi,
  app,
  ok,
  refused,
  SAVE,
  SUBMIT,
  SECTIONS,
  FRAMEWORK,
  FIGURES,
  draft,
  save,
  act,
} from './framework-fidelity-fixtures';

useFrameworkFidelityApi();

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
