import { Decimal } from '../../common/decimal';
import { meetsTarget, type Combined } from '../../goals/rules/aggregation-combine';
import { Comparator, IndicatorKind } from '../../goals/indicator.enums';
import { parseDecimal } from '../../common/decimal';
import { MonitoringFlag, ProjectedTier } from '../monitoring.enums';

/**
 * Computed monitoring flags (DOMAIN §9), as pure functions. Every comparison is exact: values are
 * fractions compared by cross-multiplying, nothing is rounded before a decision (DOMAIN §10.6).
 */

/** The DOMAIN §9 policy choice: SLOW_EXECUTION when more than 10 percentage points behind M ÷ 12. */
export const DEFAULT_SLOW_EXECUTION_THRESHOLD = '10';

/** What an indicator asks for: its kind, comparator and target (quantitative target as decimal text). */
export interface IndicatorTarget {
  kind: IndicatorKind;
  comparator: Comparator | null;
  target: string | null;
}

/** A projected full-year completion: a value (quantitative) or a tier (qualitative). */
export interface Projection {
  value?: Decimal | null;
  tier?: ProjectedTier | null;
}

/**
 * INDICATOR_OFF_TRACK for one indicator (DOMAIN §9): a quantitative indicator is off track when its
 * projected full-year value fails the target under its comparator; a qualitative one (policy choice:
 * DOMAIN leaves it open) when its projected tier is not ACHIEVED 达成. Null when nothing is projected yet
 * or the target cannot be read.
 */
export function indicatorOffTrack(indicator: IndicatorTarget, projection: Projection): boolean | null {
  if (indicator.kind === IndicatorKind.QUALITATIVE) {
    return projection.tier ? projection.tier !== ProjectedTier.ACHIEVED : null;
  }
  const target = indicator.target === null ? null : parseDecimal(indicator.target);
  if (!projection.value || !target || !indicator.comparator) return null;
  const one = new Decimal(1);
  return !meetsTarget(
    { numerator: projection.value, denominator: one, value: projection.value },
    indicator.comparator,
    target,
  );
}

/** INDICATOR_OFF_TRACK of a combined (rolled-up) value against the parent's own target (DOMAIN §11). */
export function combinedOffTrack(combined: Combined, indicator: IndicatorTarget): boolean | null {
  const target = indicator.target === null ? null : parseDecimal(indicator.target);
  if (indicator.kind !== IndicatorKind.QUANTITATIVE || !target || !indicator.comparator) return null;
  return !meetsTarget(combined, indicator.comparator, target);
}

/**
 * SLOW_EXECUTION (DOMAIN §9, policy choice): executed to date ÷ annual budget is more than `threshold`
 * percentage points behind the time elapsed M ÷ 12. Exactly: M/12 − E/B > t/100, multiplied by 1200·B
 * (B > 0): 100·M·B − 1200·E > 12·t·B. Null when there is no positive annual budget to compare with.
 */
export function slowExecution(
  executedToDate: Decimal,
  annualBudget: Decimal | null,
  month: number,
  threshold: Decimal,
): boolean | null {
  if (!annualBudget || annualBudget.lte(0)) return null;
  const lag = new Decimal(100).times(month).times(annualBudget).minus(executedToDate.times(1200));
  return lag.gt(threshold.times(12).times(annualBudget));
}

/** The flags of a report or roll-up, in a stable order. */
export function flagsOf(anyOffTrack: boolean, slow: boolean | null): MonitoringFlag[] {
  return [
    ...(anyOffTrack ? [MonitoringFlag.INDICATOR_OFF_TRACK] : []),
    ...(slow ? [MonitoringFlag.SLOW_EXECUTION] : []),
  ];
}

/**
 * A rate as a percentage for people (附件4 执行率): 100 × numerator ÷ denominator, rounded half-up to 2
 * places only for display; null when the denominator is not positive. Decisions never use this value.
 */
export function percentage(numerator: Decimal | null, denominator: Decimal | null): string | null {
  if (!numerator || !denominator || denominator.lte(0)) return null;
  return numerator.times(100).div(denominator).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
