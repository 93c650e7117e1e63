import { Decimal } from '../../src/common/decimal';
import { Grade } from '../../src/common/grade';
import { rollUp, type RollupChild, type RollupIndicator } from '../../src/rollup/rules/rollup';
import {
  scoreSelfEvaluation,
  type IndicatorActual,
  type MoneyFigures,
} from '../../src/evaluation/rules/scoring';
import { Aggregation } from '../../src/goals/indicator.enums';

const d = (s: string | number): Decimal => new Decimal(s);
type Five = [string, string, string, string, string];

/**
 * DOMAIN §11 worked example: 农村公路提档升级专项资金, 张店区 2025, factor method, 1,000万元 allocated 600 to
 * township A and 400 to township B (003 转移支付 第二十三条: 逐级汇总). Amounts in 万元 as in the example.
 */
const IDS = ['km', 'quality', 'timely', 'people', 'satisfaction'] as const;
function road(targets: Five): RollupIndicator[] {
  const row = (
    k: number,
    name: string,
    category: RollupIndicator['category'],
    points: number,
    aggregation: Aggregation,
  ): RollupIndicator => ({
    id: IDS[k]!,
    name,
    category,
    kind: 'QUANTITATIVE',
    comparator: 'GTE',
    target: d(targets[k]!),
    points: d(points),
    aggregation,
  });
  return [
    row(0, '新改建农村公路里程', 'OUTPUT', 20, Aggregation.SUM),
    row(1, '工程验收合格率', 'OUTPUT', 15, Aggregation.FUND_WEIGHTED_AVERAGE),
    row(2, '当年完工率', 'OUTPUT', 15, Aggregation.FUND_WEIGHTED_AVERAGE),
    row(3, '受益群众人数', 'BENEFIT', 30, Aggregation.SUM),
    row(4, '群众满意度', 'SATISFACTION', 10, Aggregation.FUND_WEIGHTED_AVERAGE),
  ];
}
const OVERALL = road(['50', '95', '90', '20000', '90']);
const A_GOAL = road(['30', '95', '90', '12000', '90']);
const B_GOAL = road(['20', '95', '90', '8000', '90']);
const A_VALUES: Five = ['27', '100', '80', '12500', '92'];
const B_VALUES: Five = ['20', '90', '100', '8000', '85'];
const A_MONEY: MoneyFigures = { budgeted: d(600), inPlace: d(600), spent: d(570) };
const B_MONEY: MoneyFigures = { budgeted: d(400), inPlace: d(380), spent: d(380) };

const selfActuals = (values: Five): IndicatorActual[] =>
  IDS.map((indicatorId, k) => ({ indicatorId, actual: d(values[k]!), explanation: '说明' }));

function child(
  id: string,
  values: Five,
  money: MoneyFigures,
  goal: RollupIndicator[],
  over: Partial<RollupChild> = {},
): RollupChild {
  const self = scoreSelfEvaluation({ indicators: goal, actuals: selfActuals(values), money });
  return {
    id,
    name: `镇${id}`,
    weight: money.budgeted,
    money,
    actuals: IDS.map((indicatorId, k) => ({ indicatorId, value: d(values[k]!) })),
    total: self.total,
    grade: self.grade,
    included: true,
    submitted: true,
    reviewed: true,
    ...over,
  };
}

const scores = (lines: { score: Decimal }[]) => lines.map((l) => l.score.toFixed(2));

describe('roll-up (DOMAIN §11; 003 转移支付 第二十三条)', () => {
  test('the children are scored by their own targets: A 96.08, B 98.40 (DOMAIN §11 worked example)', () => {
    const a = scoreSelfEvaluation({ indicators: A_GOAL, actuals: selfActuals(A_VALUES), money: A_MONEY });
    expect(scores(a.lines)).toEqual(['5.00', '4.75', '18.00', '15.00', '13.33', '30.00', '10.00']);
    expect(a.total.toFixed(2)).toBe('96.08');
    expect(a.grade).toBe(Grade.EXCELLENT);
    const b = scoreSelfEvaluation({ indicators: B_GOAL, actuals: selfActuals(B_VALUES), money: B_MONEY });
    expect(scores(b.lines)).toEqual(['4.75', '5.00', '20.00', '14.21', '15.00', '30.00', '9.44']);
    expect(b.total.toFixed(2)).toBe('98.40');
    expect(b.grade).toBe(Grade.EXCELLENT);
  });

  test('overall: combined actuals scored with the overall targets → 98.13, mean 97.01, coverage 2/2 (DOMAIN §11 worked example)', () => {
    const result = rollUp({
      indicators: OVERALL,
      basis: 'SUBMITTED',
      children: [child('A', A_VALUES, A_MONEY, A_GOAL), child('B', B_VALUES, B_MONEY, B_GOAL)],
    });
    // 47 km; quality (100×600+90×400)/1000 = 96; timeliness 88; 20500 people; satisfaction 89.2.
    expect(result.actuals.map((a) => a.combined!.value.toFixed())).toEqual([
      '47',
      '96',
      '88',
      '20500',
      '89.2',
    ]);
    expect([result.money.budgeted, result.money.inPlace, result.money.spent].map((m) => m.toFixed())).toEqual(
      ['1000', '980', '950'],
    );
    expect(scores(result.score.lines)).toEqual(['4.90', '4.85', '18.80', '15.00', '14.67', '30.00', '9.91']);
    expect(result.score.total.toFixed(2)).toBe('98.13');
    expect(result.score.grade).toBe(Grade.EXCELLENT);
    expect(result.children.map((c) => [c.id, c.total!.toFixed(2), c.grade])).toEqual([
      ['A', '96.08', Grade.EXCELLENT],
      ['B', '98.40', Grade.EXCELLENT],
    ]);
    expect(result.fundWeightedMean!.toFixed(2)).toBe('97.01'); // (96.08×600 + 98.40×400) ÷ 1000 = 97.008
    expect(result.gradeDistribution).toEqual({ EXCELLENT: 2, GOOD: 0, FAIR: 0, POOR: 0 });
    expect(result.coverage).toMatchObject({ counted: 2, total: 2 });
    expect(result.coverage.moneyShare.toFixed()).toBe('1');
    expect(result.provisional).toBe(false);
    expect(result.basis).toBe('SUBMITTED');
  });

  test('provisional: B not submitted — never counted as 0, coverage 1/2 and 60% of money (DOMAIN §11)', () => {
    const result = rollUp({
      indicators: OVERALL,
      basis: 'SUBMITTED',
      children: [
        child('A', A_VALUES, A_MONEY, A_GOAL),
        child('B', B_VALUES, B_MONEY, B_GOAL, {
          submitted: false,
          reviewed: false,
          total: null,
          grade: null,
        }),
      ],
    });
    expect(result.provisional).toBe(true);
    expect(result.coverage).toMatchObject({ counted: 1, total: 2 });
    expect(result.coverage.moneyShare.toFixed()).toBe('0.6');
    // Only A's figures: 27 km, 100, 80, 12500, 92; money 600/600/570 — B is absent, not zero.
    expect(result.actuals.map((a) => a.combined!.value.toFixed())).toEqual([
      '27',
      '100',
      '80',
      '12500',
      '92',
    ]);
    expect(result.money.budgeted.toFixed()).toBe('600');
    expect(result.fundWeightedMean!.toFixed(2)).toBe('96.08');
    expect(result.gradeDistribution.EXCELLENT).toBe(1);
    expect(result.children.map((c) => c.counted)).toEqual([true, false]);
  });

  test('审核后汇总: over reviewed children only, and the answer says which basis (DOMAIN §11)', () => {
    const children = [
      child('A', A_VALUES, A_MONEY, A_GOAL),
      child('B', B_VALUES, B_MONEY, B_GOAL, { reviewed: false }),
    ];
    const reviewed = rollUp({ indicators: OVERALL, basis: 'REVIEWED', children });
    expect(reviewed.basis).toBe('REVIEWED');
    expect(reviewed.coverage.counted).toBe(1);
    expect(reviewed.provisional).toBe(true);
    const submitted = rollUp({ indicators: OVERALL, basis: 'SUBMITTED', children });
    expect(submitted.coverage.counted).toBe(2);
    expect(submitted.provisional).toBe(false);
  });

  test('a child outside the population (included false) is neither counted nor missing', () => {
    const result = rollUp({
      indicators: OVERALL,
      basis: 'SUBMITTED',
      children: [
        child('A', A_VALUES, A_MONEY, A_GOAL),
        child('B', B_VALUES, B_MONEY, B_GOAL, { included: false, submitted: false }),
      ],
    });
    expect(result.coverage).toMatchObject({ counted: 1, total: 1 });
    expect(result.provisional).toBe(false);
  });

  test('a counted child that did not report an indicator makes the roll-up provisional', () => {
    const b = child('B', B_VALUES, B_MONEY, B_GOAL);
    const result = rollUp({
      indicators: OVERALL,
      basis: 'SUBMITTED',
      children: [
        child('A', A_VALUES, A_MONEY, A_GOAL),
        { ...b, actuals: b.actuals.filter((a) => a.indicatorId !== 'km') },
      ],
    });
    expect(result.actuals[0]).toMatchObject({ contributors: 1, counted: 2 });
    expect(result.provisional).toBe(true);
  });

  test('RATIO_OF_SUMS: Σ合格 ÷ Σ总数, never an average of percentages (DOMAIN §5)', () => {
    const indicator: RollupIndicator = { ...OVERALL[1]!, aggregation: Aggregation.RATIO_OF_SUMS, unit: '%' };
    const mk = (id: string, n: string, den: string): RollupChild => ({
      ...child(id, A_VALUES, A_MONEY, A_GOAL),
      actuals: [{ indicatorId: 'quality', value: d(0), numerator: d(n), denominator: d(den) }],
    });
    const result = rollUp({
      indicators: [indicator],
      basis: 'SUBMITTED',
      children: [mk('A', '19', '20'), mk('B', '1', '5')],
    });
    expect(result.actuals[0]!.combined!.value.toFixed()).toBe('80'); // 20 ÷ 25, not (95 + 20) ÷ 2
  });

  test('no counted child: nothing combined, score lines wait for actuals, mean null', () => {
    const result = rollUp({
      indicators: OVERALL,
      basis: 'SUBMITTED',
      children: [child('A', A_VALUES, A_MONEY, A_GOAL, { submitted: false })],
    });
    expect(result.actuals.every((a) => a.combined === null && a.failure === 'NO_CONTRIBUTIONS')).toBe(true);
    expect(result.fundWeightedMean).toBeNull();
    expect(result.provisional).toBe(true);
    expect(result.score.submissionProblems.filter((p) => p.reason === 'ACTUAL_REQUIRED')).toHaveLength(5);
  });
});
