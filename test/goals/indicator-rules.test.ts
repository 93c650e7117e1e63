import { GoalScope } from '../../src/goals/goal.enums';
import {
  Aggregation,
  Comparator,
  IndicatorCategory as Cat,
  IndicatorKind,
  IndicatorSubcategory as Sub,
} from '../../src/goals/indicator.enums';
import {
  checkGoalCompleteness,
  indicatorPoints,
  needsImplementationPeriodObjective,
  type GoalDraft,
} from '../../src/goals/rules/completeness';
import {
  categoryOf,
  checkIndicator,
  SUBCATEGORIES,
  type IndicatorInput,
} from '../../src/goals/rules/indicator-rules';

const quantitative = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  category: Cat.OUTPUT,
  subcategory: Sub.QUANTITY,
  name: '新改建农村公路里程',
  kind: IndicatorKind.QUANTITATIVE,
  unit: 'km',
  comparator: Comparator.GTE,
  target: '50',
  ...over,
});

const qualitative = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  category: Cat.BENEFIT,
  subcategory: Sub.SUSTAINABILITY,
  name: '长效管护机制',
  kind: IndicatorKind.QUALITATIVE,
  target: '建立县乡村三级管护制度',
  ...over,
});

const codes = (problems: { reason?: string }[]) => problems.map((p) => p.reason).sort();

// DOMAIN §5 table; 002 第八条, 附件1–3, 附件6.
describe('category → subcategory pairs', () => {
  const pairs = Object.values(Cat).flatMap((c) => Object.values(Sub).map((s) => [c, s] as const));
  test.each(pairs)('%s / %s', (category, subcategory) => {
    const fits = SUBCATEGORIES[category].includes(subcategory);
    const problems = checkIndicator(quantitative({ category, subcategory }), { use: 'SELF_EVALUATION' });
    expect(problems.some((p) => p.reason === 'WRONG_SUBCATEGORY')).toBe(!fits);
    expect(categoryOf(subcategory) === category).toBe(fits);
  });

  test('every subcategory belongs to exactly one category', () => {
    const all = Object.values(SUBCATEGORIES).flat();
    expect(all.sort()).toEqual(Object.values(Sub).sort());
  });

  test('a wrong pair names both levels in Chinese and English', () => {
    const [problem] = checkIndicator(quantitative({ subcategory: Sub.SOCIAL }));
    expect(problem.field).toEqual(['subcategory']);
    expect(problem.message.zh).toBe('社会效益指标不属于产出指标（应属于效益指标）');
    expect(problem.message.en).toMatch(/SOCIAL does not belong to category OUTPUT/);
  });
});

describe('checkIndicator', () => {
  test('a complete quantitative and a complete qualitative indicator pass', () => {
    expect(checkIndicator(quantitative({ points: '20' }))).toEqual([]);
    expect(checkIndicator(qualitative())).toEqual([]);
  });

  // DOMAIN §5: COMMON 共性指标 (self-evaluation only); 003 第十二条(二): department goals have 共性指标.
  test.each([
    ['GOAL', false],
    ['DEPARTMENT_GOAL', true],
    ['SELF_EVALUATION', true],
  ] as const)('COMMON indicator used in %s is allowed: %s', (use, allowed) => {
    const rate = quantitative({
      category: Cat.COMMON,
      subcategory: Sub.BUDGET_MANAGEMENT,
      name: '预算执行率',
      unit: '%',
      target: '100',
    });
    expect(checkIndicator(rate, { use }).length === 0).toBe(allowed);
  });

  // 002 第十条(四)2: 细化量化 — a number with unit and comparator.
  test('quantitative needs unit, comparator and a numeric target', () => {
    const problems = checkIndicator(quantitative({ unit: ' ', comparator: null, target: '约50' }), {
      path: ['input', 'indicators', '3'],
    });
    expect(codes(problems)).toEqual(['COMPARATOR_REQUIRED', 'TARGET_NOT_NUMERIC', 'UNIT_REQUIRED']);
    expect(problems.find((p) => p.reason === 'TARGET_NOT_NUMERIC')?.field).toEqual([
      'input',
      'indicators',
      '3',
      'target',
    ]);
  });

  test.each(['1e2', '50km', '0.1+0.2', ''])('quantitative target %j is refused', (target) => {
    expect(checkIndicator(quantitative({ target })).length).toBe(1);
  });

  test('qualitative needs a described target and takes no comparator or aggregation', () => {
    expect(codes(checkIndicator(qualitative({ target: '  ' })))).toEqual(['TARGET_REQUIRED']);
    expect(
      codes(checkIndicator(qualitative({ comparator: Comparator.GTE, aggregation: Aggregation.SUM }))),
    ).toEqual(['AGGREGATION_NOT_ALLOWED', 'COMPARATOR_NOT_ALLOWED']);
  });

  test('the name is required', () => {
    expect(codes(checkIndicator(quantitative({ name: ' ' })))).toEqual(['INDICATOR_NAME']);
  });

  test.each([
    ['0', true],
    ['12.5', true],
    ['33.33', true],
    ['100', true],
    ['33.333', false],
    ['-1', false],
    ['100.01', false],
    ['1e1', false],
  ])('points %j are valid: %s', (points, valid) => {
    expect(checkIndicator(quantitative({ points })).length === 0).toBe(valid);
  });

  // DOMAIN §5: RATIO_OF_SUMS — children record numerator and denominator.
  const accepted = (over: Partial<IndicatorInput> = {}) =>
    quantitative({ subcategory: Sub.QUALITY, name: '工程验收合格率', unit: '%', target: '95', ...over });
  const ratioParent = { kind: IndicatorKind.QUANTITATIVE, unit: '%', aggregation: Aggregation.RATIO_OF_SUMS };

  test('a child of a RATIO_OF_SUMS parent must record numerator and denominator', () => {
    expect(codes(checkIndicator(accepted(), { linkedParent: ratioParent }))).toEqual([
      'RATIO_PARTS_REQUIRED',
    ]);
    const withParts = accepted({ ratio: { numerator: '19', denominator: '20' } });
    expect(checkIndicator(withParts, { linkedParent: ratioParent })).toEqual([]);
    expect(
      checkIndicator(accepted(), { linkedParent: { ...ratioParent, aggregation: Aggregation.SUM } }),
    ).toEqual([]);
  });

  test.each([
    ['19', '20', '95', []],
    ['2', '3', '66.67', []],
    ['2', '3', '66.7', []],
    ['2', '3', '66.66', ['RATIO_TARGET_MISMATCH']],
    ['18', '20', '95', ['RATIO_TARGET_MISMATCH']],
    ['1', '0', '95', ['RATIO_DENOMINATOR']],
    ['-1', '20', '95', ['RATIO_NUMERATOR']],
  ])('ratio %s ÷ %s against target %s%%', (numerator, denominator, target, expected) => {
    expect(codes(checkIndicator(accepted({ target, ratio: { numerator, denominator } })))).toEqual(expected);
  });

  test('a ratio in ‰ and in a plain unit scales accordingly', () => {
    const ratio = { numerator: '3', denominator: '1000' };
    expect(checkIndicator(accepted({ unit: '‰', target: '3', ratio }))).toEqual([]);
    expect(checkIndicator(accepted({ unit: '比率', target: '0.003', ratio }))).toEqual([]);
  });
});

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
