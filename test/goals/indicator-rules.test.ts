/**
 * Pure indicator rules (DOMAIN §5 table; 002 第八条, 附件1–3, 附件6): category → subcategory pairs and the
 * check of one indicator (the completeness of a goal: goal-completeness-rules.test.ts).
 */
import {
  Aggregation,
  Comparator,
  IndicatorCategory as Cat,
  IndicatorKind,
  IndicatorSubcategory as Sub,
} from '../../src/goals/indicator.enums';
import {
  categoryOf,
  checkIndicator,
  SUBCATEGORIES,
  type IndicatorInput,
} from '../../src/goals/rules/indicator-rules';
import { codes, qualitative, quantitative } from './indicator-rules-fixtures';

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
