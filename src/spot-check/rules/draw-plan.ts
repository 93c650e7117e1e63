import { randomInt } from 'node:crypto';
import { Decimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';
import { checkSampling, drawSample } from './flags';

/**
 * The parameters of a spot-check draw around the engine's sampling (src/spot-check/rules/flags.ts):
 * the engine gives ⌈ratio × n⌉ (at least 1) drawn from a seed; DOMAIN §12 "a ratio (10%, at least 1)"
 * makes the minimum a parameter too, and the year must be one whose self-evaluations can exist.
 */

/** DOMAIN §12 policy choice: at least 1 item. */
export const DEFAULT_MINIMUM = 1;
/** The earliest budget year the tables accept (ck_*_year). */
export const FIRST_YEAR = 2000;
/** Generated seeds fit a GraphQL Int (the engine accepts up to 2³² − 1). */
export const GENERATED_SEED_LIMIT = 2 ** 31;

export interface DrawPlan {
  year: number;
  ratio: Decimal;
  minimum: number;
  seed: number;
  /** The current calendar year (passed in so the rule stays pure). */
  currentYear: number;
}

/**
 * Bad parameters (DOMAIN §12), each with its field: ratio outside (0, 1] or with more than 4 decimals
 * (stored as NUMERIC(5,4)), seed outside the engine's range, minimum below 1, year outside
 * 2000..current year (a year's self-evaluations are made once it is under way or over).
 */
export function drawPlanProblems(plan: DrawPlan): Problem[] {
  const problems = checkSampling(plan.ratio, plan.seed);
  if (problems.length === 0 && plan.ratio.decimalPlaces() > 4) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'RATIO_INVALID',
      field: ['ratio'],
      message: msg('抽查比例最多保留4位小数', 'The sample ratio has at most 4 decimal places'),
    });
  }
  if (!Number.isSafeInteger(plan.minimum) || plan.minimum < 1) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'MINIMUM_INVALID',
      field: ['minimum'],
      message: msg(
        `最少抽查数须为不小于 1 的整数，收到 ${plan.minimum}`,
        `The minimum is an integer of at least 1; got ${plan.minimum}`,
      ),
    });
  }
  if (!Number.isSafeInteger(plan.year) || plan.year < FIRST_YEAR || plan.year > plan.currentYear) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'YEAR_INVALID',
      field: ['year'],
      message: msg(
        `年度须在 ${FIRST_YEAR} 至 ${plan.currentYear} 之间，收到 ${plan.year}`,
        `The year lies between ${FIRST_YEAR} and ${plan.currentYear}; got ${plan.year}`,
      ),
    });
  }
  return problems;
}

/** How many are drawn of n candidates: ⌈ratio × n⌉, at least `minimum`, at most n (exact decimals). */
export function sampleSizeOf(ratio: Decimal, minimum: number, n: number): number {
  if (n <= 0) return 0;
  return Math.min(n, Math.max(minimum, ratio.times(n).ceil().toNumber()));
}

/** Rounds down, so m ÷ n never exceeds the true quotient and ⌈(m ÷ n) × n⌉ = m. */
const Down = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });

/**
 * Draws `sampleSizeOf(ratio, minimum, n)` candidates with the engine's reproducible draw. When the minimum
 * lifts the size above ⌈ratio × n⌉ the engine is asked for exactly that size (ratio m ÷ n); its partial
 * shuffle picks a prefix, so the larger sample still contains what the ratio alone would have drawn.
 * Same seed + same candidates → same sample, in id order.
 */
export function drawWithMinimum<T extends { id: string }>(
  candidates: readonly T[],
  seed: number,
  ratio: Decimal,
  minimum: number,
): T[] {
  const n = candidates.length;
  const size = sampleSizeOf(ratio, minimum, n);
  if (size === 0) return [];
  const effective =
    size === Math.max(1, Math.min(n, ratio.times(n).ceil().toNumber()))
      ? ratio
      : new Decimal(new Down(size).div(n).toString());
  return drawSample(candidates, seed, effective);
}

/** A fresh seed to record when the caller gives none. */
export function newSeed(): number {
  return randomInt(0, GENERATED_SEED_LIMIT);
}
