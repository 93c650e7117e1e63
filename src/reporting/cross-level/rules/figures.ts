/**
 * 区域报告指标 — the figures of one region and year in a cross-level report (DOMAIN §16 "Cross-level
 * reporting", issue 14): goals, money (预算数 / 到位数 / 执行数 and the rates of 附件7), monitoring
 * (双监控, §9), self-evaluation and evaluation results (§10), grade distribution (§10.7) and coverage
 * (全覆盖, §16). Every value is copied as it comes from the BI aggregate (`runAggregate`), so the report
 * equals `Query.aggregate` for the same question by construction; decimals stay exact text.
 */
import { Grade } from '../../../common/grade';
import { AggregateMeasure } from '../../aggregate.model';

/**
 * The measures the report asks the aggregate for: all of them (one question per level answers every
 * figure of §16 at once).
 */
export const REPORT_MEASURES: readonly AggregateMeasure[] = Object.values(AggregateMeasure);

/** Count figures (integers). */
export const COUNT_KEYS = [
  'goalCount',
  'indicatorCount',
  'monitoredCount',
  'flaggedCount',
  'selfEvaluatedCount',
  'evaluatedCount',
] as const;
/** Money figures (元, exact decimal text, 2 places). */
export const MONEY_KEYS = ['budgeted', 'inPlace', 'spent'] as const;
/** Rates, scores and coverage shares (exact decimal text; null when undefined, e.g. nothing in place). */
export const RATIO_KEYS = [
  'inPlaceRate',
  'executionRate',
  'meanScore',
  'fundWeightedScore',
  'coverageGoal',
  'coverageMonitoring',
  'coverageSelfEvaluation',
  'coverageEvaluation',
] as const;

export type CountKey = (typeof COUNT_KEYS)[number];
export type MoneyKey = (typeof MONEY_KEYS)[number];
export type RatioKey = (typeof RATIO_KEYS)[number];

export type GradeCounts = Record<Grade, number>;

export type RegionFigures = Record<CountKey, number> &
  Record<MoneyKey, string> &
  Record<RatioKey, string | null> & { gradeDistribution: GradeCounts };

/** An aggregate row as far as the report reads it (keys of `AggregateRow`). */
export type FigureSource = Partial<Record<CountKey | MoneyKey | RatioKey, string | number | null>>;

export const noGrades = (): GradeCounts => ({
  [Grade.EXCELLENT]: 0,
  [Grade.GOOD]: 0,
  [Grade.FAIR]: 0,
  [Grade.POOR]: 0,
});

const countOf = (v: string | number | null | undefined): number => (v == null ? 0 : Number(v));
const textOf = (v: string | number | null | undefined): string | null => (v == null ? null : String(v));

/**
 * The figures of an aggregate row, or of a region without any fact that year (no aggregate row): counts
 * 0, money 0.00, and every rate, score and share null — undefined over nothing, never 0 (DOMAIN §11).
 */
export function figuresOf(row: FigureSource | undefined, grades: GradeCounts = noGrades()): RegionFigures {
  const f = {} as RegionFigures;
  for (const k of COUNT_KEYS) f[k] = countOf(row?.[k]);
  for (const k of MONEY_KEYS) f[k] = textOf(row?.[k]) ?? '0.00';
  for (const k of RATIO_KEYS) f[k] = textOf(row?.[k]);
  f.gradeDistribution = grades;
  return f;
}
