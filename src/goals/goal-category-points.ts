import { Decimal } from '../common/decimal';
import type { ScoringCategory } from '../evaluation/rules/scoring-types';
import type { GoalCategoryPointsInput } from './dto/goal.inputs';
import type { GoalCategoryPointsType } from './dto/goal.types';
import type { GoalEntity } from './goal.entity';
import { IndicatorCategory } from './indicator.enums';
import { checkCategoryPoints, DEFAULT_CATEGORY_POINTS, type CategoryPoints } from './rules/completeness';
import type { Problem } from './rules/indicator-rules';

/**
 * A goal's own category points (一级指标分值, DOMAIN §10.1; 002 第二十一条(一) 一级指标权重可做适当调整): stored
 * as four NUMERIC(5,2) columns (all null = the defaults), and read by the completeness check, the
 * self-evaluation scorer and the roll-ups.
 */
type Columns = Pick<GoalEntity, 'commonPoints' | 'outputPoints' | 'benefitPoints' | 'satisfactionPoints'>;

/** The input keyed by category, as text (the goal module's rules take decimal text). */
function asCategoryPoints(input: GoalCategoryPointsInput): CategoryPoints {
  return {
    COMMON: input.common.toFixed(),
    OUTPUT: input.output.toFixed(),
    BENEFIT: input.benefit.toFixed(),
    SATISFACTION: input.satisfaction.toFixed(),
  };
}

/** Problems of a given set under `input.categoryPoints` (each ≥ 0, at most 2 decimals, total 100). */
export function categoryPointsProblems(input: GoalCategoryPointsInput | null | undefined): Problem[] {
  if (!input) return [];
  return checkCategoryPoints(asCategoryPoints(input), ['input']);
}

/** The columns to write: null = back to the defaults. Call after `categoryPointsProblems`. */
export function categoryPointsColumns(input: GoalCategoryPointsInput | null): Columns {
  if (!input)
    return { commonPoints: null, outputPoints: null, benefitPoints: null, satisfactionPoints: null };
  return {
    commonPoints: input.common.toFixed(2),
    outputPoints: input.output.toFixed(2),
    benefitPoints: input.benefit.toFixed(2),
    satisfactionPoints: input.satisfaction.toFixed(2),
  };
}

/** The goal's own points keyed by category, or null for the defaults. */
export function storedCategoryPoints(g: Columns): CategoryPoints | null {
  if (
    g.commonPoints == null ||
    g.outputPoints == null ||
    g.benefitPoints == null ||
    g.satisfactionPoints == null
  )
    return null;
  return {
    [IndicatorCategory.COMMON]: g.commonPoints,
    [IndicatorCategory.OUTPUT]: g.outputPoints,
    [IndicatorCategory.BENEFIT]: g.benefitPoints,
    [IndicatorCategory.SATISFACTION]: g.satisfactionPoints,
  };
}

/** As the scorer takes them (DOMAIN §10.1), or null for the defaults. */
export function scoringCategoryPoints(g: Columns): Record<ScoringCategory, Decimal> | null {
  const own = storedCategoryPoints(g);
  if (!own) return null;
  return {
    COMMON: new Decimal(own.COMMON!),
    OUTPUT: new Decimal(own.OUTPUT!),
    BENEFIT: new Decimal(own.BENEFIT!),
    SATISFACTION: new Decimal(own.SATISFACTION!),
  };
}

/** The points in force for the API (own or default). */
export function categoryPointsView(g: Columns): GoalCategoryPointsType {
  const own = storedCategoryPoints(g);
  const p = own ?? DEFAULT_CATEGORY_POINTS;
  const two = (t: string | undefined) => new Decimal(t ?? '0').toFixed(2);
  return {
    common: two(p.COMMON),
    output: two(p.OUTPUT),
    benefit: two(p.BENEFIT),
    satisfaction: two(p.SATISFACTION),
    custom: own !== null,
  };
}
