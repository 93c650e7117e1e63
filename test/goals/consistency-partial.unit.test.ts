/**
 * Consistency over an incomplete decomposition (DOMAIN §5: the check runs whenever any goal of the tree is
 * approved — bottom-up, late and project children arrive one by one): shortfalls later children can make up
 * are warnings; definite misses and overshoots stay errors.
 */
import { checkConsistency, type ConsistencyInput } from '../../src/goals/rules/consistency';
import { Aggregation, Comparator, IndicatorKind } from '../../src/goals/indicator.enums';

const input = (
  comparator: Comparator,
  aggregation: Aggregation,
  targets: string[],
  amounts: string[],
  over: Partial<ConsistencyInput> = {},
): ConsistencyInput => ({
  parent: {
    allocatedAmount: '800000.00',
    indicators: [
      {
        id: 'p1',
        name: '里程',
        kind: IndicatorKind.QUANTITATIVE,
        unit: '公里',
        comparator,
        target: '20',
        aggregation,
      },
    ],
  },
  children: targets.map((t, k) => ({
    goalId: `c${k}`,
    label: `区域${k}`,
    annualAmount: amounts[k],
    indicators: [
      {
        name: '里程',
        kind: IndicatorKind.QUANTITATIVE,
        unit: '公里',
        comparator,
        target: t,
        parentIndicatorId: 'p1',
      },
    ],
  })),
  ...over,
});
const reasons = (i: ConsistencyInput) => {
  const r = checkConsistency(i);
  return { errors: r.errors.map((p) => p.reason), warnings: r.warnings.map((p) => p.reason) };
};

test('incomplete: a SUM ≥ shortfall and money below the allocation are warnings', () => {
  expect(reasons(input(Comparator.GTE, Aggregation.SUM, ['12'], ['500000.00'], { complete: false }))).toEqual(
    {
      errors: [],
      warnings: ['TARGET_PENDING'],
    },
  );
});

test('complete (the default): the same shortfall and the money gap are errors', () => {
  expect(reasons(input(Comparator.GTE, Aggregation.SUM, ['12'], ['500000.00'])).errors).toEqual([
    'MONEY_MISMATCH',
    'TARGET_NOT_MET',
  ]);
});

test('incomplete: an LTE SUM already above its target, and money above the allocation, are errors at once', () => {
  expect(
    reasons(input(Comparator.LTE, Aggregation.SUM, ['25'], ['900000.00'], { complete: false })).errors,
  ).toEqual(['MONEY_MISMATCH', 'TARGET_NOT_MET']);
});

test('under a regional goal (moneyBlocks false) a money mismatch is a warning', () => {
  expect(
    reasons(input(Comparator.GTE, Aggregation.SUM, ['20'], ['900000.00'], { moneyBlocks: false })),
  ).toEqual({
    errors: [],
    warnings: ['MONEY_MISMATCH'],
  });
});
