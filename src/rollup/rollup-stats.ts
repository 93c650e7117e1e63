import { Decimal } from '../common/decimal';
import { Grade } from '../common/grade';
import {
  finishRollUp,
  type CombinedActual,
  type RollupBasis,
  type RollupIndicator,
  type RollupResult,
} from './rules/rollup';
import type { ScoringCategory, ScoringPolicy } from '../evaluation/rules/scoring-types';
import { Aggregation } from '../goals/indicator.enums';
import type { CombineFailure, Combined } from '../goals/rules/aggregation-combine';
import type { CoverageStatsRow, IndicatorStatsRow } from './rollup-data';

/**
 * The roll-up of a parent whose children are leaves (project goals), from the sufficient statistics
 * the database computed over the children's self-evaluations (DOMAIN §11). It answers exactly what the
 * per-child `rollUp` (src/rollup/rules/rollup.ts) answers for the same children — the equivalence is
 * tested — without reading one row per child actual.
 */

const ONE = new Decimal(1);
const dec = (text: string | null | undefined) => new Decimal(text ?? 0);
const fraction = (numerator: Decimal, denominator: Decimal): Combined => ({
  numerator,
  denominator,
  value: numerator.div(denominator),
});

type Combination = { combined: Combined; failure: null } | { combined: null; failure: CombineFailure };

/** DOMAIN §5 aggregations from Σv, Σw·v, Σw, n, min, max and the ratio parts. */
export function combineStats(aggregation: Aggregation, s: IndicatorStatsRow): Combination {
  const ok = (combined: Combined): Combination => ({ combined, failure: null });
  const fail = (failure: CombineFailure): Combination => ({ combined: null, failure });
  if (s.n === 0) return fail('NO_CONTRIBUTIONS');
  switch (aggregation) {
    case Aggregation.SUM:
      return ok(fraction(dec(s.sum), ONE));
    case Aggregation.FUND_WEIGHTED_AVERAGE:
      return dec(s.weight).isZero() ? fail('ZERO_WEIGHT') : ok(fraction(dec(s.weighted_sum), dec(s.weight)));
    case Aggregation.RATIO_OF_SUMS:
      if (s.parts < s.n) return fail('MISSING_PARTS');
      return dec(s.denominator).isZero()
        ? fail('ZERO_DENOMINATOR')
        : ok(fraction(dec(s.numerator), dec(s.denominator)));
    case Aggregation.AVERAGE:
      return ok(fraction(dec(s.sum), new Decimal(s.n)));
    case Aggregation.MIN:
      return ok(fraction(dec(s.min), ONE));
    case Aggregation.MAX:
      return ok(fraction(dec(s.max), ONE));
  }
}

const EMPTY_COVERAGE: CoverageStatsRow = {
  parent_goal_id: '',
  total: 0,
  total_weight: '0',
  counted: 0,
  counted_weight: '0',
  reviewed: 0,
  budgeted: '0',
  in_place: '0',
  spent: '0',
  scored_weight: '0',
  weighted_total: '0',
  excellent: 0,
  good: 0,
  fair: 0,
  poor: 0,
};

export function rollUpFromStats(
  indicators: readonly RollupIndicator[],
  stats: readonly IndicatorStatsRow[],
  coverageRow: CoverageStatsRow | undefined,
  basis: RollupBasis,
  /** The parent goal's own category points (DOMAIN §10.1); null: the defaults. */
  categoryPoints: Partial<Record<ScoringCategory, Decimal>> | null = null,
  /** The tenant policy of the parent goal's year (DOMAIN §10.7); null: the defaults. */
  policy: ScoringPolicy | null = null,
): RollupResult {
  const c = coverageRow ?? EMPTY_COVERAGE;
  const byIndicator = new Map(stats.map((s) => [s.indicator_id, s]));
  const actuals = indicators.map((indicator): CombinedActual => {
    const s = byIndicator.get(indicator.id);
    const base = {
      indicatorId: indicator.id,
      aggregation: indicator.aggregation,
      contributors: s?.n ?? 0,
      counted: c.counted,
    };
    if (!indicator.aggregation) return { ...base, combined: null, failure: null };
    if (!s) return { ...base, combined: null, failure: 'NO_CONTRIBUTIONS' };
    return { ...base, ...combineStats(indicator.aggregation, s) };
  });
  return finishRollUp({
    basis,
    indicators,
    categoryPoints,
    policy,
    actuals,
    money: { budgeted: dec(c.budgeted), inPlace: dec(c.in_place), spent: dec(c.spent) },
    counted: c.counted,
    total: c.total,
    countedMoney: dec(c.counted_weight),
    totalMoney: dec(c.total_weight),
    scoredWeight: dec(c.scored_weight),
    weightedTotal: dec(c.weighted_total),
    gradeDistribution: {
      [Grade.EXCELLENT]: c.excellent,
      [Grade.GOOD]: c.good,
      [Grade.FAIR]: c.fair,
      [Grade.POOR]: c.poor,
    },
    children: [],
  });
}
