import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal } from '../../common/decimal';

/**
 * Exact points and scores (DOMAIN §10.2, §10.6: points are exact and never rounded; only each
 * indicator's score is rounded half-up to 2 decimals). A value is kept as a fraction n ÷ d of finite
 * decimals (50 × 100/90 ÷ 3 stays 5000 ÷ 270), multiplied and divided as fractions, and divided only
 * once, when a score is rounded or a value is shown. Numerators and denominators are products of a few
 * entered decimals, held in a 1,000-digit decimal so they never lose a digit: a score that is exactly
 * k.xx5 is found to be exactly that (and rounds up), which a 40-digit 10/3 (3.33…3) would miss.
 */
const Wide = DecimalJs.clone({
  precision: 1000,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export interface Exact {
  /** numerator (finite) */
  readonly n: DecimalJs;
  /** denominator (finite, > 0) */
  readonly d: DecimalJs;
}

/** n ÷ d exactly (d defaults to 1). */
export function exact(n: DecimalJs | number | string, d: DecimalJs | number | string = 1): Exact {
  return { n: new Wide(n), d: new Wide(d) };
}

export const ZERO_EXACT = exact(0);

export const times = (a: Exact, b: Exact): Exact => ({ n: a.n.times(b.n), d: a.d.times(b.d) });
export const timesBy = (a: Exact, x: DecimalJs | number): Exact => ({ n: a.n.times(x), d: a.d });
export const divBy = (a: Exact, x: DecimalJs | number): Exact => ({ n: a.n, d: a.d.times(x) });
export const plus = (a: Exact, b: Exact): Exact =>
  a.d.eq(b.d) ? { n: a.n.plus(b.n), d: a.d } : { n: a.n.times(b.d).plus(b.n.times(a.d)), d: a.d.times(b.d) };
export const isZero = (a: Exact): boolean => a.n.isZero();
/** a ⋚ b by cross-multiplying (denominators are > 0). */
export const cmp = (a: Exact, b: Exact): number => a.n.times(b.d).cmp(b.n.times(a.d));
/** a ÷ b (b ≠ 0, b > 0). */
export const ratio = (a: Exact, b: Exact): Exact => ({ n: a.n.times(b.d), d: a.d.times(b.n) });

/** The value as an API decimal (40 significant digits; 50 ÷ 3 → 16.66…67): for display only. */
export function valueOf(a: Exact): Decimal {
  return new Decimal(a.n).div(new Decimal(a.d));
}

/** 10^places for the usual places (a score has 2). */
const SCALES = [0, 1, 2, 3, 4].map((p) => new Wide(10).pow(p));

/**
 * Rounded half-up (四舍五入, away from zero on a tie) to `places` decimals from the exact fraction: the only
 * rounding of a score. By integer division with remainder — q = trunc(n·10^places ÷ d), r = n·10^places −
 * q·d, one step away from zero when 2|r| ≥ d — so only the quotient's digits are computed, never the
 * 1,000-digit expansion of n ÷ d (issue 18: that expansion was most of a cold fund-tree roll-up's time).
 */
export function roundExact(a: Exact, places = 2): Decimal {
  const scale = SCALES[places] ?? new Wide(10).pow(places);
  const scaled = a.n.times(scale); // exact: n has finitely many digits
  const q = scaled.divToInt(a.d); // truncated towards zero
  const r = scaled.minus(q.times(a.d)); // exact, with the sign of `scaled` (or zero)
  const rounded = r.abs().times(2).gte(a.d) ? q.plus(scaled.isNeg() ? -1 : 1) : q;
  return new Decimal(rounded.div(scale).toFixed(places));
}
