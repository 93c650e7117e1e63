import { Decimal } from '../../common/decimal';

const CENT = new Decimal('0.01');

/**
 * Splits `whole` (a decimal with at most 2 places) into shares proportional to `weights`, each rounded
 * to the cent so that they add up to `whole` exactly (largest-remainder method; ties go to the earlier
 * share). All weights zero (or none positive) → equal shares.
 *
 * Used for points (DOMAIN §10.1–2): an equal split of 50 among 3 indicators carries 16.67, 16.67 and
 * 16.66, so a fully achieved evaluation totals exactly 100 and, with half-up rounding of each line
 * (DOMAIN §10.6), no total can exceed 100.
 */
export function apportion(whole: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) => (w.isFinite() && w.gt(0) ? w : new Decimal(0)));
  const sum = positive.reduce((s, w) => s.plus(w), new Decimal(0));
  const effective = sum.isZero() ? positive.map(() => new Decimal(1)) : positive;
  const total = sum.isZero() ? new Decimal(weights.length) : sum;
  const cents = whole.div(CENT); // an integer number of cents
  // Exact quotas in cents, kept as numerator ÷ total so no division is rounded before a decision.
  const quotas = effective.map((w) => cents.times(w));
  const floors = quotas.map((q) => q.divToInt(total));
  const remainders = quotas.map((q, k) => q.minus(floors[k]!.times(total)));
  let left = cents.minus(floors.reduce((s, f) => s.plus(f), new Decimal(0))).toNumber();
  const order = remainders
    .map((r, k) => ({ r, k }))
    .sort((x, y) => (y.r.cmp(x.r) !== 0 ? y.r.cmp(x.r) : x.k - y.k));
  const extra = new Array<number>(weights.length).fill(0);
  for (const { k } of order) {
    if (left <= 0) break;
    extra[k] = 1;
    left -= 1;
  }
  return floors.map((f, k) => f.plus(extra[k]!).times(CENT));
}
