import { Decimal, parseDecimal } from '../../common/decimal';
import type { DeviationCauseEntry, MonitoringFlag, ProjectedTier } from '../monitoring.enums';
import { flagsOf, indicatorOffTrack, slowExecution, type IndicatorTarget } from './flags';
import { moneyFigures, type MoneyFigures, type MoneyToDate } from './money';

/** A report line as stored: the projection of one indicator. */
export interface LineFacts {
  indicatorId: string;
  projectedValue: string | null;
  projectedTier: ProjectedTier | null;
  causes: readonly DeviationCauseEntry[];
}

export interface FindingsInput<
  I extends IndicatorTarget & { id: string; name: string },
  L extends LineFacts,
> {
  annualBudget: string | null;
  month: number;
  toDate: MoneyToDate;
  projectedExecution: string | null;
  threshold: Decimal;
  /** The goal's indicators in form order; every one gets a line in the findings. */
  indicators: readonly I[];
  lines: readonly L[];
}

export interface Findings<I, L> {
  money: MoneyFigures;
  lines: { indicator: I; line: L | null; offTrack: boolean | null }[];
  flags: MonitoringFlag[];
}

const dec = (t: string | null) => (t === null ? null : parseDecimal(t));

/**
 * What a report shows and the submission check reads (DOMAIN §9): the money figures of 附件4–5, each
 * indicator's INDICATOR_OFF_TRACK from its projection, and the report's flags — INDICATOR_OFF_TRACK when
 * any indicator is off track, SLOW_EXECUTION by the tenant's threshold.
 */
export function reportFindings<I extends IndicatorTarget & { id: string; name: string }, L extends LineFacts>(
  f: FindingsInput<I, L>,
): Findings<I, L> {
  const byIndicator = new Map(f.lines.map((l) => [l.indicatorId, l]));
  const lines = f.indicators.map((indicator) => {
    const line = byIndicator.get(indicator.id) ?? null;
    const offTrack = line
      ? indicatorOffTrack(indicator, { value: dec(line.projectedValue), tier: line.projectedTier })
      : null;
    return { indicator, line, offTrack };
  });
  const annual = dec(f.annualBudget);
  const slow = slowExecution(f.toDate.executedToDate, annual, f.month, f.threshold);
  return {
    money: moneyFigures(annual, f.toDate, dec(f.projectedExecution)),
    lines,
    flags: flagsOf(
      lines.some((l) => l.offTrack === true),
      slow,
    ),
  };
}
