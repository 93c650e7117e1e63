/**
 * 同比变化 — year-over-year (DOMAIN §16 "Cross-level reporting … year-over-year", issue 14): this year's
 * figures minus an earlier year's, each figure on its own. Exact: money and ratios are subtracted as
 * decimals (DOMAIN §4 "No floating-point arithmetic on money or scores anywhere"); a difference of a
 * ratio is in the ratio's own unit (a share 0–1 changes by a share, a score by points). A figure missing
 * in either year (no score, nothing in place) has no change: null, never a difference against 0 (§11).
 */
import { money, requireDecimal } from '../../../common/decimal';
import { Grade } from '../../../common/grade';
import {
  COUNT_KEYS,
  MONEY_KEYS,
  RATIO_KEYS,
  type CountKey,
  type GradeCounts,
  type MoneyKey,
  type RatioKey,
  type RegionFigures,
} from './figures';

export type FiguresChange = Record<CountKey, number> &
  Record<MoneyKey, string> &
  Record<RatioKey, string | null> & { gradeDistribution: GradeCounts };

/** The exact difference of two decimal texts, printed without exponent and without trailing noise. */
export function decimalDelta(later: string, earlier: string): string {
  return requireDecimal(later).minus(requireDecimal(earlier)).toFixed();
}

/** `later` − `earlier`, figure by figure. */
export function changeBetween(later: RegionFigures, earlier: RegionFigures): FiguresChange {
  const c = {} as FiguresChange;
  for (const k of COUNT_KEYS) c[k] = later[k] - earlier[k];
  for (const k of MONEY_KEYS) {
    c[k] = money(requireDecimal(later[k]).minus(requireDecimal(earlier[k])));
  }
  for (const k of RATIO_KEYS) {
    const a = later[k];
    const b = earlier[k];
    c[k] = a === null || b === null ? null : decimalDelta(a, b);
  }
  const grades = {} as GradeCounts;
  for (const g of Object.values(Grade)) {
    grades[g] = later.gradeDistribution[g] - earlier.gradeDistribution[g];
  }
  c.gradeDistribution = grades;
  return c;
}

/** The years a report covers: `previousYears` years before `year`, oldest first, then `year`. */
export function reportYears(year: number, previousYears: number): number[] {
  return Array.from({ length: previousYears + 1 }, (_, k) => year - previousYears + k);
}
