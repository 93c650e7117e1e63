/**
 * Pure completeness rules of a goal (DOMAIN §5, §10.1–2; 002 第十条(四); 附件1–3): objectives, amounts,
 * indicators and points by scope. Split from indicator-rules.test.ts.
 */
import { GoalScope } from '../../src/goals/goal.enums';
import { IndicatorCategory as Cat, IndicatorSubcategory as Sub } from '../../src/goals/indicator.enums';
import {
  checkGoalCompleteness,
  indicatorPoints,
  needsImplementationPeriodObjective,
  type GoalDraft,
} from '../../src/goals/rules/completeness';
import { codes, qualitative, quantitative } from './indicator-rules-fixtures';

// DOMAIN §5; 002 第十条(四); 附件1–3; DOMAIN §10.1–2.
describe('checkGoalCompleteness', () => {
  const goal = (over: Partial<GoalDraft> = {}): GoalDraft => ({
    scope: GoalScope.TRANSFER_OVERALL,
    implementationPeriodObjective: '三年完成全区农村公路提档升级',
    annualObjective: '新改建农村公路 50 公里',
    annualAmount: '10000000.00',
    indicators: [
      quantitative({ points: '20' }),
      quantitative({
        subcategory: Sub.QUALITY,
        name: '工程验收合格率',
        unit: '%',
        target: '95',
        points: '15',
      }),
      quantitative({
        subcategory: Sub.TIMELINESS,
        name: '当年完工率',
        unit: '%',
        target: '90',
        points: '15',
      }),
      quantitative({ category: Cat.BENEFIT, subcategory: Sub.SOCIAL, name: '受益群众人数', unit: '人' }),
      quantitative({
        category: Cat.SATISFACTION,
        subcategory: Sub.SERVICE_RECIPIENT,
        name: '群众满意度',
        unit: '%',
        target: '90',
      }),
    ],
    ...over,
  });

  test('the worked example of DOMAIN §11 is complete', () => {
    expect(checkGoalCompleteness(goal())).toEqual([]);
  });

  test('reports every problem at once, with field paths', () => {
    const draft = goal({
      implementationPeriodObjective: '',
      annualObjective: null,
      annualAmount: undefined,
      indicators: [qualitative({ target: '' })],
    });
    const problems = checkGoalCompleteness(draft);
    expect(problems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['OBJECTIVE_REQUIRED', 'input.implementationPeriodObjective'],
      ['OBJECTIVE_REQUIRED', 'input.annualObjective'],
      ['AMOUNT_REQUIRED', 'input.annualAmount'],
      ['OUTPUT_INDICATOR_REQUIRED', 'input.indicators'],
      ['TARGET_REQUIRED', 'input.indicators.0.target'],
    ]);
    for (const p of problems) expect(p.message.zh && p.message.en).toBeTruthy();
  });

  test('an indicator without a target is reported at its index', () => {
    const draft = goal();
    draft.indicators[3] = { ...draft.indicators[3], target: null };
    expect(checkGoalCompleteness(draft).map((p) => p.field)).toEqual([
      ['input', 'indicators', '3', 'target'],
    ]);
  });

  // 附件3 (分区域/分项目) has only 年度目标; 附件1, 附件2 also 实施期目标.
  test.each([
    [GoalScope.PROJECT, true],
    [GoalScope.DEPARTMENT, true],
    [GoalScope.TRANSFER_OVERALL, true],
    [GoalScope.TRANSFER_REGIONAL, false],
    [GoalScope.TRANSFER_PROJECT, false],
  ])('%s needs an implementation-period objective: %s', (scope, needed) => {
    expect(needsImplementationPeriodObjective(scope)).toBe(needed);
    const problems = checkGoalCompleteness(goal({ scope, implementationPeriodObjective: null }));
    expect(problems.length > 0).toBe(needed);
  });

  test.each([
    ['0', 'AMOUNT_INVALID'],
    ['-5.00', 'AMOUNT_INVALID'],
    ['10.001', 'AMOUNT_INVALID'],
    ['1e7', 'AMOUNT_INVALID'],
  ])('annual amount %j is refused', (annualAmount, code) => {
    expect(codes(checkGoalCompleteness(goal({ annualAmount })))).toEqual([code]);
  });

  test('fiscal and other money add up to the annual amount (附件1)', () => {
    expect(checkGoalCompleteness(goal({ fiscalAmount: '8000000.00', otherAmount: '2000000' }))).toEqual([]);
    expect(
      codes(checkGoalCompleteness(goal({ fiscalAmount: '8000000.00', otherAmount: '1000000' }))),
    ).toEqual(['AMOUNT_PARTS']);
  });

  test('COMMON indicators are refused on a transfer goal, allowed on a department goal', () => {
    const common = quantitative({
      category: Cat.COMMON,
      subcategory: Sub.BUDGET_MANAGEMENT,
      name: '预算执行率',
    });
    const draft = (scope: GoalScope) => goal({ scope, indicators: [...goal().indicators, common] });
    expect(codes(checkGoalCompleteness(draft(GoalScope.TRANSFER_OVERALL)))).toEqual(['COMMON_IN_GOAL']);
    expect(checkGoalCompleteness(draft(GoalScope.DEPARTMENT))).toEqual([]);
  });

  test('category points, when set, total 100 (002 第二十一条(一) 一级指标权重可做适当调整)', () => {
    const ok = { COMMON: '10', OUTPUT: '50', BENEFIT: '25', SATISFACTION: '15' };
    expect(checkGoalCompleteness(goal({ categoryPoints: ok }))).toEqual([]);
    const bad = checkGoalCompleteness(goal({ categoryPoints: { ...ok, BENEFIT: '30' } }));
    expect(bad.map((p) => [p.reason, p.message.zh])).toEqual([
      ['CATEGORY_POINTS_TOTAL', '一级指标分值合计应为 100，现为 105'],
    ]);
    expect(codes(checkGoalCompleteness(goal({ categoryPoints: { ...ok, BENEFIT: '-5' } })))).toEqual([
      'POINTS_INVALID',
    ]);
  });

  test('indicator points within a category: all given must sum exactly; some given must leave a remainder', () => {
    const outputs = goal().indicators.slice(0, 3);
    const rest = goal().indicators.slice(3);
    const withPoints = (p: (string | null)[]) => [
      ...outputs.map((i, k) => ({ ...i, points: p[k] })),
      ...rest,
    ];
    expect(checkGoalCompleteness(goal({ indicators: withPoints(['20', '15', '15']) }))).toEqual([]);
    expect(checkGoalCompleteness(goal({ indicators: withPoints(['20', '15', null]) }))).toEqual([]);
    expect(checkGoalCompleteness(goal({ indicators: withPoints([null, null, null]) }))).toEqual([]);
    const over = checkGoalCompleteness(goal({ indicators: withPoints(['20', '15', '16']) }));
    expect(over.map((p) => p.message.zh)).toEqual(['产出指标各指标分值合计 51，应等于该类分值 50']);
    expect(codes(checkGoalCompleteness(goal({ indicators: withPoints(['30', '20', null]) })))).toEqual([
      'INDICATOR_POINTS_TOTAL',
    ]);
  });

  test('duplicate indicators are refused', () => {
    const indicators = [...goal().indicators, quantitative()];
    const problems = checkGoalCompleteness(goal({ indicators }));
    expect(problems.map((p) => [p.reason, p.field.join('.')])).toContainEqual([
      'DUPLICATE_INDICATOR',
      'input.indicators.5.name',
    ]);
  });

  // DOMAIN §10.2: where none are given, the category's points are split equally.
  test('indicatorPoints splits the remainder equally, exactly', () => {
    const points = indicatorPoints(goal().indicators).map((p) => p.toFixed());
    expect(points).toEqual(['20', '15', '15', '30', '10']);
    const thirds = indicatorPoints([
      { category: Cat.OUTPUT },
      { category: Cat.OUTPUT },
      { category: Cat.OUTPUT },
    ]);
    expect(thirds[0].times(3).toDecimalPlaces(30).eq(50)).toBe(true);
    const mixed = indicatorPoints(
      [{ category: Cat.OUTPUT, points: '20' }, { category: Cat.OUTPUT }, { category: Cat.OUTPUT }],
      { COMMON: '0', OUTPUT: '60', BENEFIT: '30', SATISFACTION: '10' },
    );
    expect(mixed.map((p) => p.toFixed())).toEqual(['20', '20', '20']);
  });
});
