import { Decimal } from '../../common/decimal';
import { combine, formatCombined, type Contribution } from '../../goals/rules/aggregation-combine';
import { ratioScale } from '../../goals/rules/indicator-rules';
import { IndicatorKind, type Aggregation, type Comparator } from '../../goals/indicator.enums';
import { ProjectedTier, type MonitoringFlag } from '../monitoring.enums';
import { combinedOffTrack, flagsOf, percentage, slowExecution } from './flags';

/** One projected line of a child's report, keyed by the child's indicator. */
export interface ChildLine {
  value: Decimal | null;
  numerator: Decimal | null;
  denominator: Decimal | null;
  tier: ProjectedTier | null;
}

/** A child's submitted report, as the roll-up reads it (money frozen on submission). */
export interface ChildReport {
  annualBudget: Decimal;
  budgetToDate: Decimal;
  inPlaceToDate: Decimal;
  executedToDate: Decimal;
  projectedExecution: Decimal;
  lines: ReadonlyMap<string, ChildLine>;
}

export interface RollupChild {
  goalId: string;
  /** The child goal's annual amount: FUND_WEIGHTED_AVERAGE weight and coverage share (DOMAIN §5, §11). */
  weight: Decimal | null;
  /** The child's indicators and the parent indicator each contributes to. */
  links: readonly { indicatorId: string; parentIndicatorId: string | null }[];
  report: ChildReport | null;
}

export interface ParentIndicator {
  id: string;
  kind: IndicatorKind;
  unit: string | null;
  comparator: Comparator | null;
  target: string | null;
  aggregation: Aggregation | null;
}

export interface RolledIndicator {
  indicatorId: string;
  contributions: number;
  /** The children's projections combined by the parent's aggregation (≈ when rounded for display). */
  combined: string | null;
  /** Why nothing could be combined: NO_AGGREGATION, NO_CONTRIBUTIONS, MISSING_PARTS, ZERO_WEIGHT … */
  failure: string | null;
  offTrack: boolean | null;
}

export interface Rollup {
  childCount: number;
  reportedCount: number;
  totalWeight: Decimal;
  reportedWeight: Decimal;
  moneyShare: string | null;
  provisional: boolean;
  annualBudget: Decimal;
  budgetToDate: Decimal;
  inPlaceToDate: Decimal;
  executedToDate: Decimal;
  projectedExecution: Decimal;
  indicators: RolledIndicator[];
  flags: MonitoringFlag[];
}

const ZERO = new Decimal(0);
const add = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), ZERO);

function rollIndicator(p: ParentIndicator, reporting: RollupChild[]): RolledIndicator {
  const lines = reporting.flatMap((c) =>
    c.links
      .filter((l) => l.parentIndicatorId === p.id)
      .map((l) => ({ line: c.report!.lines.get(l.indicatorId), weight: c.weight }))
      .filter((x): x is { line: ChildLine; weight: Decimal | null } => x.line !== undefined),
  );
  const base = { indicatorId: p.id, contributions: lines.length };
  if (p.kind === IndicatorKind.QUALITATIVE) {
    // Policy choice: a qualitative parent is off track when any child projects less than ACHIEVED.
    const tiers = lines.map((l) => l.line.tier).filter((t): t is ProjectedTier => t !== null);
    const offTrack = tiers.length === 0 ? null : tiers.some((t) => t !== ProjectedTier.ACHIEVED);
    return { ...base, combined: null, failure: tiers.length ? null : 'NO_CONTRIBUTIONS', offTrack };
  }
  if (!p.aggregation) return { ...base, combined: null, failure: 'NO_AGGREGATION', offTrack: null };
  const contributions: Contribution[] = lines
    .filter((l) => l.line.value !== null || l.line.numerator !== null)
    .map((l) => ({
      value: l.line.value ?? ZERO,
      ...(l.weight ? { weight: l.weight } : {}),
      ...(l.line.numerator && l.line.denominator
        ? { numerator: l.line.numerator, denominator: l.line.denominator }
        : {}),
    }));
  const result = combine(p.aggregation, contributions, ratioScale(p.unit));
  if (!result.ok) return { ...base, combined: null, failure: result.failure, offTrack: null };
  return {
    ...base,
    combined: formatCombined(result.combined),
    failure: null,
    offTrack: combinedOffTrack(result.combined, p),
  };
}

/**
 * Monitoring roll-up (DOMAIN §9 last bullet, §11): a parent goal sees its children's reports for a period
 * combined — money summed over the children that reported, each parent indicator's projection combined
 * from its linked child indicators by the parent's aggregation (never an average of percentages for
 * RATIO_OF_SUMS) and judged against the parent's own target, the flags of §9 on the combined values, and
 * the coverage (reports / children, share of money); provisional below 100% — a missing child is never
 * counted as 0.
 */
export function rollUp(
  parentIndicators: readonly ParentIndicator[],
  children: readonly RollupChild[],
  month: number,
  threshold: Decimal,
): Rollup {
  const reporting = children.filter((c) => c.report !== null);
  const reports = reporting.map((c) => c.report!);
  const totalWeight = add(children.map((c) => c.weight ?? ZERO));
  const reportedWeight = add(reporting.map((c) => c.weight ?? ZERO));
  const annualBudget = add(reports.map((r) => r.annualBudget));
  const executedToDate = add(reports.map((r) => r.executedToDate));
  const indicators = parentIndicators.map((p) => rollIndicator(p, reporting));
  const anyOffTrack = indicators.some((i) => i.offTrack === true);
  const slow = reporting.length ? slowExecution(executedToDate, annualBudget, month, threshold) : null;
  return {
    childCount: children.length,
    reportedCount: reporting.length,
    totalWeight,
    reportedWeight,
    moneyShare: percentage(reportedWeight, totalWeight),
    provisional: children.length === 0 || reporting.length < children.length,
    annualBudget,
    budgetToDate: add(reports.map((r) => r.budgetToDate)),
    inPlaceToDate: add(reports.map((r) => r.inPlaceToDate)),
    executedToDate,
    projectedExecution: add(reports.map((r) => r.projectedExecution)),
    indicators,
    flags: flagsOf(anyOffTrack, slow),
  };
}
