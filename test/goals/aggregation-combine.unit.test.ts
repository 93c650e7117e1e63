/**
 * The combination of child values by aggregation (DOMAIN §5, §11; src/goals/rules/aggregation-combine.ts),
 * property-style: SUM, averages and ratios over any number of equal or varied children, and the target
 * check. Split from consistency.unit.test.ts.
 */
import { Decimal } from '../../src/common/decimal';
import { Aggregation, Comparator } from '../../src/goals/indicator.enums';
import { combine, meetsTarget } from '../../src/goals/rules/aggregation-combine';

// DOMAIN §11 worked example: 农村公路提档升级专项资金, 张店区 2025, factor method, 1000万 → A 600万, B 400万.

describe('combine (property-style)', () => {
  const d = (v: string | number) => new Decimal(v);
  test.each([1, 2, 3, 7, 50])('SUM of %d equal children is n × child', (n) => {
    for (const v of ['0.01', '33.33', '12000', '0.1']) {
      const result = combine(
        Aggregation.SUM,
        Array.from({ length: n }, () => ({ value: d(v) })),
      );
      expect(result.ok && result.combined.value.eq(d(v).times(n))).toBe(true);
    }
  });

  test.each([Aggregation.AVERAGE, Aggregation.FUND_WEIGHTED_AVERAGE, Aggregation.MIN, Aggregation.MAX])(
    '%s of equal children is the child value, exactly, whatever the weights',
    (aggregation) => {
      const weights = ['0.01', '3', '1234567.89', '7'];
      const result = combine(
        aggregation,
        weights.map((w) => ({ value: d('33.3'), weight: d(w) })),
      );
      expect(result.ok && meetsTarget(result.combined, Comparator.EQ, d('33.3'))).toBe(true);
    },
  );

  test('averages of thirds stay exact: (1 + 1 + 2) / 3 × 3 = 4', () => {
    const result = combine(
      Aggregation.AVERAGE,
      ['1', '1', '2'].map((v) => ({ value: d(v) })),
    );
    expect(result.ok && meetsTarget(result.combined, Comparator.EQ, d(4).div(3))).toBe(false); // 4/3 is not a decimal
    expect(result.ok && result.combined.numerator.eq(4) && result.combined.denominator.eq(3)).toBe(true);
  });

  test('failures: no children, zero weights, zero denominators', () => {
    expect(combine(Aggregation.SUM, [])).toEqual({ ok: false, failure: 'NO_CONTRIBUTIONS' });
    expect(combine(Aggregation.FUND_WEIGHTED_AVERAGE, [{ value: d(1), weight: d(0) }])).toEqual({
      ok: false,
      failure: 'ZERO_WEIGHT',
    });
    expect(combine(Aggregation.RATIO_OF_SUMS, [{ value: d(1), numerator: d(0), denominator: d(0) }])).toEqual(
      { ok: false, failure: 'ZERO_DENOMINATOR' },
    );
  });
});
