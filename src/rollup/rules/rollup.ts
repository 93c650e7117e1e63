import { Decimal, roundHalfUp } from '../../common/decimal';
import { Grade } from '../../common/grade';
import type { Aggregation } from '../../goals/indicator.enums';
import { combine, type CombineFailure, type Combined } from '../../goals/rules/aggregation-combine';
import { ratioScale } from '../../goals/rules/indicator-rules';
import { scoreSelfEvaluation } from '../../evaluation/rules/scoring';
import type {
  IndicatorActual,
  MoneyFigures,
  ScoringCategory,
  ScoringIndicator,
  ScoringPolicy,
  SelfScore,
} from '../../evaluation/rules/scoring-types';

/**
 * 逐级汇总 — roll-up of children's self-evaluations into their parent goal's result (DOMAIN §11; 003 转移支付
 * 第二十三条). Pure: the caller loads the tree; this combines actuals by each parent indicator's
 * aggregation (DOMAIN §5, via the goal module's `combine`), adds up money, scores the parent with ITS OWN
 * targets and points (§10 — never an average of the children's scores) and reports, alongside, the
 * children's scores, their fund-weighted mean, the grade distribution and coverage.
 */

/** A parent goal indicator with how its children's actuals combine (null: not linked; own actual used). */
export interface RollupIndicator extends ScoringIndicator {
  aggregation: Aggregation | null;
  /** The unit, for RATIO_OF_SUMS in % (× 100) or ‰ (× 1000). */
  unit?: string | null;
}

/** One child's actual for a parent indicator, in the parent's unit. */
export interface ChildActual {
  indicatorId: string;
  value: Decimal;
  /** RATIO_OF_SUMS: e.g. 验收合格数 and 验收总数. */
  numerator?: Decimal | null;
  denominator?: Decimal | null;
}

/**
 * RATIO_OF_SUMS (DOMAIN §5, §11): a child's self-evaluation records its ratio in its unit (e.g. 91.5 for
 * 91.5 %), not the parts; its numerator is rebuilt from its planned denominator as a count, ratio ÷ scale
 * × denominator (scale 100 for %, 1000 for ‰, else 1; 19 of 20 for 95 %), because `combine` applies the
 * parent's scale once to Σnumerators ÷ Σdenominators. Issue 9: multiplying the percentage by the
 * denominator without ÷ 100 made every level above the first read 100 times too high (9,150 for 91.5 %).
 */
export function ratioParts(
  value: Decimal,
  plannedDenominator: Decimal | null,
  unit: string | null | undefined,
): Pick<ChildActual, 'numerator' | 'denominator'> {
  if (!plannedDenominator) return { numerator: null, denominator: null };
  return {
    numerator: value.times(plannedDenominator).div(ratioScale(unit)),
    denominator: plannedDenominator,
  };
}

export interface RollupChild {
  id: string;
  name: string;
  /** The money allocated to the child (its goal's annual amount): the FUND_WEIGHTED_AVERAGE weight and coverage share. */
  weight: Decimal;
  /** The child's money figures; added up for the parent. */
  money: MoneyFigures | null;
  actuals: readonly ChildActual[];
  /** The child's own self-evaluation total and grade (null until it has one). */
  total: Decimal | null;
  grade: Grade | null;
  /** Part of the roll-up population (false: e.g. a withdrawn goal — neither counted nor missing). */
  included: boolean;
  submitted: boolean;
  /** Reviewed by the level above (审核后汇总). */
  reviewed: boolean;
}

/** Which children count: every submitted one, or only those reviewed by the level above (DOMAIN §11). */
export type RollupBasis = 'SUBMITTED' | 'REVIEWED';

export interface RollupInput {
  indicators: readonly RollupIndicator[];
  categoryPoints?: Partial<Record<ScoringCategory, Decimal>> | null;
  children: readonly RollupChild[];
  basis: RollupBasis;
  /** What the parent's evaluator enters: qualitative tiers, explanations, targetSetTooLow; actuals of unlinked indicators. */
  ownActuals?: readonly IndicatorActual[];
  /** The tenant policy of the parent goal's year (DOMAIN §10.7): grade bands, over-target; null: the defaults. */
  policy?: ScoringPolicy | null;
}

export interface CombinedActual {
  indicatorId: string;
  aggregation: Aggregation | null;
  /** The exact combined value (numerator ÷ denominator), or null when nothing could be combined. */
  combined: Combined | null;
  failure: CombineFailure | null;
  /** Counted children that reported this indicator, and how many are counted. */
  contributors: number;
  counted: number;
}

export interface ChildSummary {
  id: string;
  name: string;
  weight: Decimal;
  counted: boolean;
  submitted: boolean;
  reviewed: boolean;
  total: Decimal | null;
  grade: Grade | null;
}

export interface Coverage {
  counted: number;
  total: number;
  countedMoney: Decimal;
  totalMoney: Decimal;
  /** countedMoney ÷ totalMoney, exact (1 when there is no money at all and every child counts). */
  moneyShare: Decimal;
}

export interface RollupResult {
  basis: RollupBasis;
  /** Coverage below 100% (by count or money), or an indicator some counted child did not report. */
  provisional: boolean;
  actuals: CombinedActual[];
  money: MoneyFigures;
  /** The parent scored by §10 with its own targets and points. */
  score: SelfScore;
  children: ChildSummary[];
  /** Σ(weight × total) ÷ Σweight over counted children with a total, half-up 2 dp (null: none). */
  fundWeightedMean: Decimal | null;
  gradeDistribution: Record<Grade, number>;
  coverage: Coverage;
}

const ZERO = new Decimal(0);

export function rollUp(input: RollupInput): RollupResult {
  const population = input.children.filter((c) => c.included);
  const counts = (c: RollupChild) => (input.basis === 'REVIEWED' ? c.submitted && c.reviewed : c.submitted);
  const counted = population.filter(counts);

  const actuals = input.indicators.map((indicator): CombinedActual => {
    const contributions = counted.flatMap((child) => {
      const a = child.actuals.find((x) => x.indicatorId === indicator.id);
      return a
        ? [
            {
              value: a.value,
              weight: child.weight,
              numerator: a.numerator ?? undefined,
              denominator: a.denominator ?? undefined,
            },
          ]
        : [];
    });
    const base = {
      indicatorId: indicator.id,
      aggregation: indicator.aggregation,
      contributors: contributions.length,
      counted: counted.length,
    };
    if (!indicator.aggregation) return { ...base, combined: null, failure: null };
    const result = combine(indicator.aggregation, contributions, ratioScale(indicator.unit));
    return result.ok
      ? { ...base, combined: result.combined, failure: null }
      : { ...base, combined: null, failure: result.failure };
  });

  const scored = counted.filter((c) => c.total !== null);
  const gradeDistribution: Record<Grade, number> = { EXCELLENT: 0, GOOD: 0, FAIR: 0, POOR: 0 };
  for (const c of counted) if (c.grade) gradeDistribution[c.grade] += 1;
  const sum = (items: readonly RollupChild[], f: (c: RollupChild) => Decimal) =>
    items.reduce((t, c) => t.plus(f(c)), ZERO);
  return finishRollUp({
    basis: input.basis,
    indicators: input.indicators,
    categoryPoints: input.categoryPoints,
    ownActuals: input.ownActuals,
    policy: input.policy,
    actuals,
    money: {
      budgeted: sum(counted, (c) => c.money?.budgeted ?? ZERO),
      inPlace: sum(counted, (c) => c.money?.inPlace ?? ZERO),
      spent: sum(counted, (c) => c.money?.spent ?? ZERO),
    },
    counted: counted.length,
    total: population.length,
    countedMoney: sum(counted, (c) => c.weight),
    totalMoney: sum(population, (c) => c.weight),
    scoredWeight: sum(scored, (c) => c.weight),
    weightedTotal: sum(scored, (c) => c.weight.times(c.total!)),
    gradeDistribution,
    children: input.children.map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      counted: c.included && counts(c),
      submitted: c.submitted,
      reviewed: c.reviewed,
      total: c.total,
      grade: c.grade,
    })),
  });
}

/**
 * What a roll-up has once its children are combined — per child (`rollUp`) or from the database's
 * statistics (src/rollup/rollup-stats.ts): the combined actuals, money, counts, weights and grades.
 */
export interface RollupTotals {
  basis: RollupBasis;
  indicators: readonly RollupIndicator[];
  categoryPoints?: Partial<Record<ScoringCategory, Decimal>> | null;
  ownActuals?: readonly IndicatorActual[];
  /** DOMAIN §10.7: the parent is graded with the tenant policy of its year (null: the defaults). */
  policy?: ScoringPolicy | null;
  actuals: CombinedActual[];
  money: MoneyFigures;
  counted: number;
  total: number;
  countedMoney: Decimal;
  totalMoney: Decimal;
  /** Σ weight and Σ weight × total over counted children that have a total. */
  scoredWeight: Decimal;
  weightedTotal: Decimal;
  gradeDistribution: Record<Grade, number>;
  children: ChildSummary[];
}

/**
 * The shared end of every roll-up (DOMAIN §11): the parent scored with its own targets and points —
 * its own entries, every linked indicator's actual replaced by the combined value — the fund-weighted
 * mean of the children's totals, coverage, and provisional when anything is missing.
 */
export function finishRollUp(t: RollupTotals): RollupResult {
  const own = new Map((t.ownActuals ?? []).map((a) => [a.indicatorId, a]));
  const scoringActuals: IndicatorActual[] = [...own.values()].filter((a) => {
    const ind = t.indicators.find((i) => i.id === a.indicatorId);
    return !ind?.aggregation;
  });
  for (const a of t.actuals) {
    if (!a.aggregation || !a.combined) continue;
    scoringActuals.push({ ...own.get(a.indicatorId), indicatorId: a.indicatorId, actual: a.combined.value });
  }
  const score = scoreSelfEvaluation({
    indicators: t.indicators,
    actuals: scoringActuals,
    money: t.money,
    categoryPoints: t.categoryPoints ?? null,
    policy: t.policy,
  });
  const complete = t.counted === t.total;
  const coverage: Coverage = {
    counted: t.counted,
    total: t.total,
    countedMoney: t.countedMoney,
    totalMoney: t.totalMoney,
    moneyShare: t.totalMoney.isZero() ? new Decimal(complete ? 1 : 0) : t.countedMoney.div(t.totalMoney),
  };
  const incomplete = t.actuals.some((a) => a.aggregation && (a.contributors < a.counted || !a.combined));
  return {
    basis: t.basis,
    provisional: !complete || !coverage.moneyShare.eq(1) || incomplete,
    actuals: t.actuals,
    money: t.money,
    score,
    children: t.children,
    fundWeightedMean: t.scoredWeight.isZero() ? null : roundHalfUp(t.weightedTotal.div(t.scoredWeight), 2),
    gradeDistribution: t.gradeDistribution,
    coverage,
  };
}
