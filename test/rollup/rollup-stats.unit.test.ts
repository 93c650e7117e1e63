/**
 * The leaf-level roll-up combines children from the database's sufficient statistics (Σv, Σw·v, Σw, n,
 * min, max, ratio parts) instead of one row per child. DOMAIN §5/§11: it must give exactly what the
 * per-child combination gives, under every aggregation — checked here on random children.
 */
import fc from 'fast-check';
import { Decimal } from '../../src/common/decimal';
import { combine, type Contribution } from '../../src/goals/rules/aggregation-combine';
import { Aggregation } from '../../src/goals/indicator.enums';
import type { IndicatorStatsRow } from '../../src/rollup/rollup-data';
import { combineStats, rollUpFromStats } from '../../src/rollup/rollup-stats';

const decimalText = (max: number) =>
  fc.integer({ min: 0, max: max * 100 }).map((cents) => new Decimal(cents).div(100).toFixed(2));

const child = fc.record({
  value: decimalText(100000),
  weight: decimalText(10000000).filter((w) => w !== '0.00'),
  denominator: fc.integer({ min: 1, max: 5000 }).map(String),
});

/** What the database computes for these children (exact NUMERIC sums and products). */
function statsOf(children: { value: string; weight: string; denominator: string }[]): IndicatorStatsRow {
  const d = (t: string) => new Decimal(t);
  const sum = (f: (c: (typeof children)[number]) => Decimal) =>
    children.reduce((s, c) => s.plus(f(c)), d('0'));
  return {
    parent_goal_id: 'p',
    indicator_id: 'i',
    n: children.length,
    sum: sum((c) => d(c.value)).toFixed(),
    weighted_sum: sum((c) => d(c.weight).times(c.value)).toFixed(),
    weight: sum((c) => d(c.weight)).toFixed(),
    min: Decimal.min(...children.map((c) => d(c.value))).toFixed(),
    max: Decimal.max(...children.map((c) => d(c.value))).toFixed(),
    numerator: sum((c) => d(c.value).times(c.denominator)).toFixed(),
    denominator: sum((c) => d(c.denominator)).toFixed(),
    parts: children.length,
  };
}

test.each(Object.values(Aggregation))(
  'DOMAIN §5, §11: %s from statistics equals the per-child combination',
  (aggregation) => {
    fc.assert(
      fc.property(fc.array(child, { minLength: 1, maxLength: 30 }), (children) => {
        const contributions: Contribution[] = children.map((c) => ({
          value: new Decimal(c.value),
          weight: new Decimal(c.weight),
          // A child records its ratio; its numerator is rebuilt from its planned denominator.
          numerator: new Decimal(c.value).times(c.denominator).div(100),
          denominator: new Decimal(c.denominator),
        }));
        const expected = combine(aggregation, contributions, new Decimal(100));
        const actual = combineStats(aggregation, statsOf(children));
        expect(expected.ok).toBe(true);
        expect(actual.failure).toBeNull();
        if (expected.ok) expect(actual.combined!.value.eq(expected.combined.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  },
);

test('no contributions → NO_CONTRIBUTIONS; zero weights → ZERO_WEIGHT; missing ratio parts → MISSING_PARTS', () => {
  const empty = { ...statsOf([{ value: '1', weight: '1', denominator: '1' }]), n: 0 };
  expect(combineStats(Aggregation.SUM, empty).failure).toBe('NO_CONTRIBUTIONS');
  const zero = { ...statsOf([{ value: '1', weight: '1', denominator: '1' }]), weight: '0' };
  expect(combineStats(Aggregation.FUND_WEIGHTED_AVERAGE, zero).failure).toBe('ZERO_WEIGHT');
  const parts = { ...statsOf([{ value: '1', weight: '1', denominator: '1' }]), parts: 0 };
  expect(combineStats(Aggregation.RATIO_OF_SUMS, parts).failure).toBe('MISSING_PARTS');
});

test('DOMAIN §11: coverage below 100% is provisional and a missing child is never a 0', () => {
  const indicator = {
    id: 'i',
    name: '里程',
    category: 'OUTPUT' as const,
    kind: 'QUANTITATIVE' as const,
    comparator: 'GTE' as const,
    target: new Decimal(50),
    points: new Decimal(50),
    aggregation: Aggregation.AVERAGE,
    unit: 'km',
  };
  const stats = statsOf([{ value: '60', weight: '1', denominator: '1' }]);
  const coverage = {
    parent_goal_id: 'p',
    total: 2,
    total_weight: '10',
    counted: 1,
    counted_weight: '4',
    reviewed: 0,
    budgeted: '4',
    in_place: '4',
    spent: '4',
    scored_weight: '4',
    weighted_total: '360',
    excellent: 1,
    good: 0,
    fair: 0,
    poor: 0,
  };
  const r = rollUpFromStats([indicator], [stats], coverage, 'SUBMITTED');
  expect(r.provisional).toBe(true);
  expect(r.coverage.moneyShare.toFixed()).toBe('0.4');
  // The average is over the one counted child (60), not (60 + 0) ÷ 2.
  expect(r.actuals[0].combined!.value.toFixed()).toBe('60');
  expect(r.fundWeightedMean!.toFixed(2)).toBe('90.00');
});
