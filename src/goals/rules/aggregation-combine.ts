import { Decimal, formatDecimal } from '../../common/decimal';
import { Aggregation, Comparator } from '../indicator.enums';

/**
 * How child values combine into their parent indicator (DOMAIN §5 for targets, §11 for actuals).
 * Everything stays exact: a combined value is kept as a fraction numerator ÷ denominator and compared
 * with a target by cross-multiplying (N ≥ t × D), so no division is rounded before a decision
 * (DOMAIN §10.6: rates are never rounded before use).
 */

/** One child's value: a target or an actual. */
export interface Contribution {
  /** The child's value in the parent's unit. */
  value: Decimal;
  /** FUND_WEIGHTED_AVERAGE: the child goal's annual amount. */
  weight?: Decimal;
  /** RATIO_OF_SUMS: the child's numerator and denominator (e.g. 验收合格数, 验收总数). */
  numerator?: Decimal;
  denominator?: Decimal;
}

/** An exact combined value: `numerator ÷ denominator`; `value` is that quotient at 40 digits. */
export interface Combined {
  numerator: Decimal;
  denominator: Decimal;
  value: Decimal;
}

export type CombineFailure = 'NO_CONTRIBUTIONS' | 'ZERO_WEIGHT' | 'ZERO_DENOMINATOR' | 'MISSING_PARTS';

export type CombineResult = { ok: true; combined: Combined } | { ok: false; failure: CombineFailure };

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const sum = (values: Decimal[]): Decimal => values.reduce((s, v) => s.plus(v), ZERO);
const fraction = (numerator: Decimal, denominator: Decimal): Combined => ({
  numerator,
  denominator,
  value: numerator.div(denominator),
});

/**
 * Combines contributions by an aggregation (DOMAIN §5):
 * SUM Σv; FUND_WEIGHTED_AVERAGE Σ(w·v) ÷ Σw; RATIO_OF_SUMS scale × Σnumerators ÷ Σdenominators (never an
 * average of percentages); AVERAGE Σv ÷ n; MIN; MAX. `ratioScale` is 100 when the parent is in %.
 */
export function combine(
  aggregation: Aggregation,
  contributions: readonly Contribution[],
  ratioScale: Decimal = ONE,
): CombineResult {
  if (contributions.length === 0) return { ok: false, failure: 'NO_CONTRIBUTIONS' };
  const values = contributions.map((c) => c.value);
  switch (aggregation) {
    case Aggregation.SUM:
      return { ok: true, combined: fraction(sum(values), ONE) };
    case Aggregation.FUND_WEIGHTED_AVERAGE: {
      if (contributions.some((c) => !c.weight)) return { ok: false, failure: 'MISSING_PARTS' };
      const weights = sum(contributions.map((c) => c.weight!));
      if (weights.isZero()) return { ok: false, failure: 'ZERO_WEIGHT' };
      return {
        ok: true,
        combined: fraction(sum(contributions.map((c) => c.weight!.times(c.value))), weights),
      };
    }
    case Aggregation.RATIO_OF_SUMS: {
      if (contributions.some((c) => !c.numerator || !c.denominator))
        return { ok: false, failure: 'MISSING_PARTS' };
      const denominators = sum(contributions.map((c) => c.denominator!));
      if (denominators.isZero()) return { ok: false, failure: 'ZERO_DENOMINATOR' };
      const numerators = sum(contributions.map((c) => c.numerator!));
      return { ok: true, combined: fraction(numerators.times(ratioScale), denominators) };
    }
    case Aggregation.AVERAGE:
      return { ok: true, combined: fraction(sum(values), new Decimal(values.length)) };
    case Aggregation.MIN:
      return { ok: true, combined: fraction(Decimal.min(...values), ONE) };
    case Aggregation.MAX:
      return { ok: true, combined: fraction(Decimal.max(...values), ONE) };
  }
}

/** Whether a combined value meets a target under a comparator, exactly (N ⋚ t × D, D > 0). */
export function meetsTarget(combined: Combined, comparator: Comparator, target: Decimal): boolean {
  const bound = target.times(combined.denominator);
  switch (comparator) {
    case Comparator.GTE:
      return combined.numerator.gte(bound);
    case Comparator.LTE:
      return combined.numerator.lte(bound);
    case Comparator.EQ:
      return combined.numerator.eq(bound);
  }
}

/** The combined value for people: at most 4 decimals, marked ≈ when the fraction does not end there. */
export function formatCombined(combined: Combined): string {
  const shown = formatDecimal(combined.value, 4);
  const exact = new Decimal(shown).times(combined.denominator).eq(combined.numerator);
  return exact ? shown : `≈${shown}`;
}
