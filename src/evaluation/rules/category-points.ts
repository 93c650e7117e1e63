import { Decimal, formatDecimal } from '../../common/decimal';
import { ErrorCode, msg } from '../../common/errors';
import { problem, type Problem } from '../../common/problem';
import { divBy, exact, isZero, plus, ratio, times, ZERO_EXACT, type Exact } from './exact';
import type { ScoringCategory } from './scoring-types';

/** 一级指标权重 by default (002 第二十一条(一); DOMAIN §10.1): 共性 10, 产出 50, 效益 30, 满意度 10. */
export const DEFAULT_SCORING_POINTS: Readonly<Record<ScoringCategory, Decimal>> = {
  COMMON: new Decimal(10),
  OUTPUT: new Decimal(50),
  BENEFIT: new Decimal(30),
  SATISFACTION: new Decimal(10),
};

export const SCORING_CATEGORIES: readonly ScoringCategory[] = ['COMMON', 'OUTPUT', 'BENEFIT', 'SATISFACTION'];

export const scoringCategoryNames: Record<ScoringCategory, string> = {
  COMMON: '共性指标',
  OUTPUT: '产出指标',
  BENEFIT: '效益指标',
  SATISFACTION: '满意度指标',
};

/** Points as entered: a finite decimal ≥ 0 with at most 2 places (as the goal module's `checkPoints`). */
export function validPoints(points: Decimal): boolean {
  return points.isFinite() && !points.isNegative() && points.decimalPlaces() <= 2 && points.lte(100);
}

export interface CategoryPointsResult {
  /** The category points as set (or the defaults when none or invalid ones were given). */
  nominal: Record<ScoringCategory, Decimal>;
  /** After handing the points of empty categories on (DOMAIN §10.1 policy choice); exact, totals 100. */
  effective: Record<ScoringCategory, Exact>;
  problems: Problem[];
}

/**
 * DOMAIN §10.1: category points default to 10/50/30/10; a goal's own set must total 100 (一级指标权重可做
 * 适当调整, 002 第二十一条(一)); a category left out of a given set has 0. Invalid sets are reported and
 * the defaults are used for the (unsaveable) score. Policy choice: a category with no lines gives its
 * points to the categories that have lines, in proportion to their points (equally if those all have
 * 0) — exactly (§10.2: points are never rounded), so the effective points total exactly 100.
 */
export function categoryPoints(
  given: Partial<Record<ScoringCategory, Decimal>> | null | undefined,
  hasLines: (category: ScoringCategory) => boolean,
): CategoryPointsResult {
  const problems: Problem[] = [];
  let nominal = { ...DEFAULT_SCORING_POINTS };
  if (given && Object.keys(given).length > 0) {
    let valid = true;
    for (const c of SCORING_CATEGORIES) {
      const p = given[c];
      if (p !== undefined && p !== null && !validPoints(p)) {
        valid = false;
        problems.push(
          problem(
            ErrorCode.BAD_USER_INPUT,
            ['categoryPoints', c],
            msg(
              `${scoringCategoryNames[c]}分值 ${p.toString()} 无效：应为 0 到 100 之间、最多两位小数的数`,
              `${c} points ${p.toString()} are invalid: expected 0 to 100 with at most 2 decimals`,
            ),
            { reason: 'CATEGORY_POINTS_INVALID' },
          ),
        );
      }
    }
    const set = Object.fromEntries(SCORING_CATEGORIES.map((c) => [c, given[c] ?? new Decimal(0)])) as Record<
      ScoringCategory,
      Decimal
    >;
    const total = SCORING_CATEGORIES.reduce((s, c) => s.plus(set[c].isFinite() ? set[c] : 0), new Decimal(0));
    if (valid && !total.eq(100)) {
      valid = false;
      problems.push(
        problem(
          ErrorCode.BAD_USER_INPUT,
          ['categoryPoints'],
          msg(
            `一级指标分值合计应为 100，现为 ${formatDecimal(total)}`,
            `Category points must total 100, not ${formatDecimal(total)}`,
          ),
          { reason: 'CATEGORY_POINTS_TOTAL' },
        ),
      );
    }
    if (valid) nominal = set;
  }
  const present = SCORING_CATEGORIES.filter(hasLines);
  const effective = Object.fromEntries(SCORING_CATEGORIES.map((c) => [c, ZERO_EXACT])) as Record<
    ScoringCategory,
    Exact
  >;
  const shares = share(
    exact(100),
    present.map((c) => exact(nominal[c])),
  );
  present.forEach((c, k) => (effective[c] = shares[k]!));
  return { nominal, effective, problems };
}

/**
 * `whole` shared in proportion to `weights`, exactly (whole × wᵢ ÷ Σw); all weights 0 → equal shares.
 * Equal weights always get equal shares (DOMAIN §10.2).
 */
export function share(whole: Exact, weights: readonly Exact[]): Exact[] {
  if (weights.length === 0) return [];
  const total = weights.reduce(plus, ZERO_EXACT);
  if (isZero(total)) return weights.map(() => divBy(whole, weights.length));
  return weights.map((w) => times(whole, ratio(w, total)));
}

/**
 * Each line's points inside its category (DOMAIN §10.2): its own when given; the category's remaining
 * points split equally among the lines without (policy choice, as the goal module's `indicatorPoints`,
 * which calls this); then scaled to the category's effective points (after §10.1 redistribution).
 * Exact: 50 split three ways is 50 ÷ 3 on each line, never 16.67/16.67/16.66. Lines whose points are all
 * 0 share equally.
 */
export function linePoints(
  nominalCategory: Decimal,
  effectiveCategory: Exact,
  given: readonly (Decimal | null)[],
): Exact[] {
  const fixed = given.reduce<Decimal>((s, p) => s.plus(p ?? 0), new Decimal(0));
  const open = given.filter((p) => p === null).length;
  const remainder = Decimal.max(nominalCategory.minus(fixed), 0);
  const nominal = given.map((p) => (p !== null ? exact(p) : exact(remainder, open)));
  return share(effectiveCategory, nominal);
}
