import type { GradeBands } from '../../common/grade';
import type { OverTargetPolicy } from './scoring-quantitative';
import type { Decimal } from '../../common/decimal';
import type { Grade } from '../../common/grade';
import type { Problem } from '../../common/problem';

/**
 * The contract of the self-evaluation scoring engine (DOMAIN §10), fixed by the lead
 * (/work/briefs/scoring-interface.md). The engine is `scoreSelfEvaluation` in ./scoring.ts.
 */

/** 一级指标 — the four first-level categories of 002 第二十一条(一) (DOMAIN §10.1). */
export type ScoringCategory = 'COMMON' | 'OUTPUT' | 'BENEFIT' | 'SATISFACTION';

/** 定性指标档次 — 达成 [80,100], 部分达成 [60,80), 未达成 [0,60) (DOMAIN §10.4). */
export type QualitativeTier = 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED';

export interface ScoringIndicator {
  id: string;
  name: string;
  category: ScoringCategory;
  kind: 'QUANTITATIVE' | 'QUALITATIVE';
  /** quantitative only */
  comparator: 'GTE' | 'LTE' | 'EQ' | null;
  /** quantitative only */
  target: Decimal | null;
  /** null → equal split of the category's points */
  points: Decimal | null;
}

export interface IndicatorActual {
  indicatorId: string;
  /** quantitative */
  actual?: Decimal | null;
  /** qualitative */
  tier?: QualitativeTier | null;
  /** qualitative, 0..100 inside the tier */
  percentage?: Decimal | null;
  explanation?: string | null;
  /** over-target confirmed as 原指标值设定明显偏低 → deduction */
  targetSetTooLow?: boolean | null;
}

export interface MoneyFigures {
  budgeted: Decimal;
  inPlace: Decimal;
  spent: Decimal;
}

export interface SelfScoringInput {
  indicators: readonly ScoringIndicator[];
  actuals: readonly IndicatorActual[];
  /** COMMON: fund arrival = inPlace ÷ budgeted, execution = spent ÷ inPlace (matches §11 worked example) */
  money: MoneyFigures;
  /** default COMMON 10, OUTPUT 50, BENEFIT 30, SATISFACTION 10 */
  categoryPoints?: Partial<Record<ScoringCategory, Decimal>> | null;
  /** The tenant policy's grade bands and over-target threshold/floor (DOMAIN §10.7); defaults when absent. */
  policy?: ScoringPolicy | null;
}

/** What of the tenant policy the engine uses (DOMAIN §10.3, §10.7). */
export interface ScoringPolicy {
  gradeBands?: GradeBands;
  overTarget?: OverTargetPolicy;
}

/**
 * Stable rule code, e.g. GTE_MET, GTE_PROPORTIONAL, LTE_MET, LTE_PROPORTIONAL, EQ_MET, EQ_DEVIATION,
 * TARGET_ZERO_MET, TARGET_ZERO_MISSED, OVER_TARGET_DEDUCTION, QUALITATIVE_TIER, RATE
 */
export type ScoreRule = string;

export interface ScoreLine {
  /** indicator id, or 'COMMON:FUND_ARRIVAL' / 'COMMON:BUDGET_EXECUTION' */
  key: string;
  name: string;
  category: ScoringCategory;
  /** points the line carries after redistribution / equal split (exact, unrounded) */
  points: Decimal;
  /** inputs used, as exact decimal strings (target, actual, rate, tier, percentage, …) */
  inputs: Record<string, string>;
  rule: ScoreRule;
  /** '规则 … / rule …' sentence with the formula and the numbers */
  ruleText: string;
  /** rounded half-up to 2 dp (DOMAIN §10.6) */
  score: Decimal;
  flags: 'OVER_TARGET'[];
  /** score < points, or OVER_TARGET (DOMAIN §10.3, §10.5) */
  needsExplanation: boolean;
}

export interface SelfScore {
  lines: ScoreLine[];
  /** sum of rounded line scores */
  total: Decimal;
  grade: Grade;
  /** refuse to SAVE: percentage outside its tier, non-numeric/negative values, tier missing, category points not totalling 100, unknown indicator id */
  inputProblems: Problem[];
  /** refuse to SUBMIT: an indicator without an actual, a needed explanation missing */
  submissionProblems: Problem[];
}

/** The line keys of the two money-based COMMON lines (DOMAIN §10.2). */
export const FUND_ARRIVAL_KEY = 'COMMON:FUND_ARRIVAL';
export const BUDGET_EXECUTION_KEY = 'COMMON:BUDGET_EXECUTION';
