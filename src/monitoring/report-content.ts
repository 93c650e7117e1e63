import { randomUUID } from 'node:crypto';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { Validation } from '../common/mutation';
import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { IndicatorKind } from '../goals/indicator.enums';
import type { MonitoringReportContentInput } from './dto/monitoring.inputs';
import { checkMoney } from './rules/report-input';
import type { MonitoringReportIndicatorEntity } from './report.entity';

type LineRow = Omit<MonitoringReportIndicatorEntity, 'report' | 'indicator'>;

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/**
 * Checks a report's content against its goal (DOMAIN §9; 附件4–5) and returns the indicator lines to
 * store: each line names an indicator of the goal once; quantitative lines carry values (numerator and
 * denominator together, denominator > 0), qualitative lines a tier; every cause has its text.
 */
export function checkContent(
  v: Validation,
  input: MonitoringReportContentInput,
  indicators: readonly GoalIndicatorEntity[],
  tenantId: string,
  reportId: string,
): LineRow[] | null {
  checkMoney(v, input.projectedExecution, ['input', 'projectedExecution'], '全年预计执行数');
  // issue 11 item 1: omitted lines are kept (null here); an explicit null clears them (no lines).
  if (input.indicators === undefined) return null;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  return (input.indicators ?? []).map((line, i) => {
    const path = ['input', 'indicators', String(i)];
    const id = idOfType(line.indicatorId, 'GoalIndicator');
    const indicator = id ? byId.get(id) : undefined;
    if (!indicator || seen.has(indicator.id)) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        [...path, 'indicatorId'],
        indicator
          ? msg('同一指标只能填报一次', 'Each indicator is reported once')
          : msg('该指标不属于本绩效目标', 'The indicator is not one of this goal’s'),
      );
    }
    if (indicator) seen.add(indicator.id);
    const quantitative = indicator?.kind === IndicatorKind.QUANTITATIVE;
    if (indicator && quantitative && line.projectedTier) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        [...path, 'projectedTier'],
        msg('定量指标应填写预计完成值', 'A quantitative indicator takes a projected value, not a tier'),
      );
    }
    if (
      indicator &&
      !quantitative &&
      (line.projectedValue || line.projectedNumerator || line.projectedDenominator)
    ) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        [...path, 'projectedValue'],
        msg('定性指标应选择预计完成档次', 'A qualitative indicator takes a projected tier, not a value'),
      );
    }
    const n = line.projectedNumerator;
    const d = line.projectedDenominator;
    if ((n == null) !== (d == null) || (d && d.lte(0)) || (n && n.isNegative())) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        [...path, 'projectedDenominator'],
        msg(
          '预计分子和分母须同时填写，分子不小于 0，分母大于 0',
          'Give numerator ≥ 0 and denominator > 0 together',
        ),
      );
    }
    (line.causes ?? []).forEach((c, k) => {
      if (blank(c.text))
        v.add(
          ErrorCode.BAD_USER_INPUT,
          [...path, 'causes', String(k), 'text'],
          msg('偏差原因须有分析说明', 'Each deviation cause needs its analysis text'),
        );
    });
    return {
      tenantId,
      id: randomUUID(),
      reportId,
      indicatorId: indicator?.id ?? '',
      completionToDate: blank(line.completionToDate) ? null : line.completionToDate!.trim(),
      projectedValue: line.projectedValue ? line.projectedValue.toFixed() : null,
      projectedNumerator: n ? n.toFixed() : null,
      projectedDenominator: d ? d.toFixed() : null,
      projectedTier: line.projectedTier ?? null,
      causes: (line.causes ?? []).map((c) => ({ cause: c.cause, text: c.text.trim() })),
    };
  });
}

/** The report's own content columns, as stored (blank text → null). */
export function contentColumns(input: MonitoringReportContentInput) {
  return {
    likelihood: input.likelihood ?? null,
    correctiveMeasures: blank(input.correctiveMeasures) ? null : input.correctiveMeasures!.trim(),
    completionSummary: blank(input.completionSummary) ? null : input.completionSummary!.trim(),
    projectedExecution: input.projectedExecution ? input.projectedExecution.toFixed(2) : null,
  };
}

/**
 * A partial update's content columns (issue 11 item 1): an omitted field (undefined) is unchanged, an
 * explicit null — or blank text — clears it; every content column of a DRAFT may be cleared.
 */
export function contentChanges(input: MonitoringReportContentInput) {
  const all = contentColumns(input);
  const given = {
    likelihood: input.likelihood !== undefined,
    correctiveMeasures: input.correctiveMeasures !== undefined,
    completionSummary: input.completionSummary !== undefined,
    projectedExecution: input.projectedExecution !== undefined,
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => given[k as keyof typeof given])) as Partial<
    typeof all
  >;
}
