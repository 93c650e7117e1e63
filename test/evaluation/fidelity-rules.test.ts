/**
 * The pure rules behind issue 9 items 17–18 (DOMAIN §10.8 and "Department and finance evaluation"; 002
 * 附件6, 附件7, 第二十一条(二), 第二十八条(一)): the 附件6 execution rate on the full-year budget and the
 * 整改措施 decision; the 附件7 rates from figures (exact, a zero base refused) and the rate indicators'
 * scores; custom indicators; OUTPUT + BENEFIT under 60 only with a justification.
 */
import { Decimal } from '../../src/common/decimal';
import { Grade } from '../../src/common/grade';
import {
  checkFramework,
  resultWeightWarning,
  type FrameworkLineInput,
} from '../../src/evaluation/rules/framework';
import {
  computedScore,
  frameworkRates,
  type FrameworkFigures,
} from '../../src/evaluation/rules/framework-figures';
import {
  DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD,
  formExecutionRate,
  rectificationProblem,
  rectificationThresholdFrom,
} from '../../src/evaluation/rules/self-evaluation-form';

const d = (v: string | number) => new Decimal(v);
const none: FrameworkFigures = {
  plannedOutput: null,
  actualOutput: null,
  standardOutput: null,
  plannedCost: null,
  actualCost: null,
  budgeted: null,
  inPlace: null,
  spent: null,
};

describe('附件6: execution rate on the full-year budget and 整改措施 (DOMAIN §10.8, 002 第二十八条(一))', () => {
  test('the rate is 执行数 ÷ 全年预算数, exact; unknown without a full-year budget', () => {
    expect(formExecutionRate(d(800000), d(850000))!.toFixed(10)).toBe('0.9411764706');
    expect(formExecutionRate(d(1), d(0))).toBeNull();
    expect(formExecutionRate(null, d(10))).toBeNull();
  });

  test('below the threshold or POOR needs measures; exactly at the threshold does not; measures lift it', () => {
    const base = { fullYearBudget: d(1000000), grade: Grade.GOOD, measures: null };
    expect(DEFAULT_RECTIFICATION_EXECUTION_RATE_THRESHOLD.toFixed()).toBe('0.9');
    expect(rectificationProblem({ ...base, spent: d(900000) })).toBeNull();
    const low = rectificationProblem({ ...base, spent: d('899999.99') });
    expect(low).toMatchObject({ reason: 'RECTIFICATION_REQUIRED', field: ['rectificationMeasures'] });
    expect(low!.message.zh).toContain('89.99%');
    const poor = rectificationProblem({ ...base, spent: d(1000000), grade: Grade.POOR });
    expect(poor!.message.zh).toContain('自评等级为差');
    expect(rectificationProblem({ ...base, spent: d(1), grade: Grade.POOR, measures: '整改' })).toBeNull();
    expect(rectificationProblem({ ...base, spent: d(1), measures: '  ' })).not.toBeNull();
  });

  test('the threshold follows the tenant’s SLOW_EXECUTION points at year end (DOMAIN §9, §10.7)', () => {
    expect(rectificationThresholdFrom(d(10)).toFixed()).toBe('0.9');
    expect(rectificationThresholdFrom(d(15)).toFixed()).toBe('0.85');
    const spent = { spent: d(870000), fullYearBudget: d(1000000), grade: Grade.GOOD, measures: null };
    expect(rectificationProblem(spent)).not.toBeNull();
    expect(rectificationProblem({ ...spent, threshold: rectificationThresholdFrom(d(15)) })).toBeNull();
  });
});

describe('附件7 rates from figures (DOMAIN §10, §4)', () => {
  test('each rate from its two figures, exact; missing figures give no rate', () => {
    const { rates, problems } = frameworkRates({
      ...none,
      plannedOutput: d(3),
      actualOutput: d(2),
      standardOutput: d(2),
      plannedCost: d(100),
      actualCost: d(90),
    });
    expect(problems).toEqual([]);
    expect(rates.completionRate!.times(3).toFixed()).toBe('2');
    expect(rates.qualityRate!.toFixed()).toBe('1');
    expect(rates.costSavingRate!.toFixed()).toBe('0.1');
    expect(rates.fundArrivalRate).toBeNull();
  });

  test('a zero base is refused with the figure’s path, never divided by', () => {
    const { rates, problems } = frameworkRates({ ...none, budgeted: d(0), inPlace: d(5), spent: d(5) });
    expect(problems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['RATE_DIVISION_BY_ZERO', 'figures.budgeted'],
    ]);
    expect(rates.fundArrivalRate).toBeNull();
    expect(rates.budgetExecutionRate!.toFixed()).toBe('1');
  });

  test('negative figures, money with 3 decimals and more standard than actual output are refused', () => {
    const { problems } = frameworkRates({
      ...none,
      plannedOutput: d(-1),
      plannedCost: d('1.001'),
      actualOutput: d(5),
      standardOutput: d(6),
    });
    expect(problems.map((p) => [p.reason, p.field[1]])).toEqual([
      ['FIGURE_INVALID', 'plannedOutput'],
      ['FIGURE_INVALID', 'plannedCost'],
      ['STANDARD_OVER_ACTUAL', 'standardOutput'],
    ]);
  });

  test('rate indicators score points × min(rate, 1); cost is LTE: an overrun scores points × planned ÷ actual', () => {
    const f = {
      ...none,
      plannedOutput: d(50),
      actualOutput: d(55),
      plannedCost: d(1000),
      actualCost: d(1250),
    };
    const { rates } = frameworkRates(f);
    expect(computedScore('COMPLETION_RATE', d(20), f, rates)!.score.toFixed(2)).toBe('20.00'); // 110% → capped
    expect(computedScore('COST_SAVING_RATE', d(10), f, rates)!.score.toFixed(2)).toBe('8.00');
    const saved = { ...f, actualCost: d(800) };
    expect(
      computedScore('COST_SAVING_RATE', d(10), saved, frameworkRates(saved).rates)!.score.toFixed(2),
    ).toBe('10.00');
    expect(computedScore('QUALITY_RATE', d(10), f, rates)).toBeNull(); // no 质量达标产出数 entered
    expect(computedScore('PROJECT_BASIS', d(10), f, rates)).toBeNull(); // not a rate indicator
  });
});

describe('framework sets: custom indicators, weight under 60 with a justification (002 第二十一条(二))', () => {
  const set: FrameworkLineInput[] = [
    { code: 'PROJECT_BASIS', points: d(25) },
    { code: 'FUND_USE_COMPLIANCE', points: d(20) },
    { code: 'COMPLETION_RATE', points: d(30) },
    { code: null, custom: { category: 'BENEFIT', name: '带动就业' }, points: d(25) },
  ];

  test('a custom BENEFIT indicator counts toward OUTPUT + BENEFIT; under 60 needs a justification', () => {
    expect(resultWeightWarning(set)!.message.zh).toContain('55');
    expect(checkFramework(set).map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['RESULT_WEIGHT_TOO_LOW', 'weightJustification'],
    ]);
    expect(checkFramework(set, '实施期评价侧重过程')).toEqual([]);
    const enough = set.map((l, k) =>
      k === 0 ? { ...l, points: d(20) } : k === 3 ? { ...l, points: d(30) } : l,
    );
    expect(resultWeightWarning(enough)).toBeNull();
  });

  test('a custom indicator needs a name not repeating another one', () => {
    const repeated: FrameworkLineInput[] = [
      ...set.slice(0, 3),
      { code: null, custom: { category: 'BENEFIT', name: '立项依据充分性' }, points: d(25) },
    ];
    expect(checkFramework(repeated, 'x').map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['DUPLICATE_INDICATOR', 'indicators.3.name'],
    ]);
    const nameless: FrameworkLineInput[] = [
      ...set.slice(0, 3),
      { code: null, custom: { category: 'BENEFIT', name: '' }, points: d(25) },
    ];
    expect(checkFramework(nameless, 'x').map((p) => p.reason)).toEqual(['CUSTOM_INDICATOR_INVALID']);
  });
});
