import type { Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { Decimal } from '../../common/decimal';
import type { GoalEntity } from '../../goals/goal.entity';
import { GoalScope } from '../../goals/goal.enums';
import { DeviationCause, Likelihood, ProjectedTier } from '../../monitoring/monitoring.enums';
import type { MonitoringFormData } from '../data/monitoring-form.data';
import { cellAt, formatTarget } from '../layouts/layout';
import {
  LIKELIHOOD_LABELS,
  monthLabel,
  type MonitoringIndicatorRole,
  type MonitoringLayout,
} from '../layouts/monitoring-layout';
import {
  VALUE_STYLE,
  finishSheet,
  newFormSheet,
  writeHeader,
  writeIndicatorTable,
  writeLabel,
  writeNotes,
  type CellInput,
  type IndicatorRowInput,
} from '../render/sheet';
import { wrongForm } from './goal-rows';

const CAUSE_LABELS: Record<DeviationCause, string> = {
  FUNDING: '经费保障',
  INSTITUTIONAL: '制度保障',
  STAFFING: '人员保障',
  CONDITIONS: '硬件条件保障',
  OTHER: '其他',
};

const TIER_LABELS: Record<ProjectedTier, string> = {
  ACHIEVED: '达成',
  PARTIAL: '部分达成',
  NOT_ACHIEVED: '未达成',
};

/** 附件4 is the form of an own-level goal's report (PROJECT, DEPARTMENT); 附件5 of a transfer goal's. */
export function checkMonitoringForm(annex: 4 | 5, g: Pick<GoalEntity, 'scope'>): void {
  const own = g.scope === GoalScope.PROJECT || g.scope === GoalScope.DEPARTMENT;
  if (annex === 4 && !own) throw wrongForm(4, g.scope, [GoalScope.PROJECT, GoalScope.DEPARTMENT]);
  if (annex === 5 && own)
    throw wrongForm(5, g.scope, [
      GoalScope.TRANSFER_OVERALL,
      GoalScope.TRANSFER_REGIONAL,
      GoalScope.TRANSFER_PROJECT,
    ]);
}

/** A rate as MoneyFigures shows it (percent text, "85.23") → the fraction the cell holds. */
export const fraction = (percent: string | null): Decimal | null =>
  percent === null ? null : new Decimal(percent).div(100);

/** The indicator rows of 附件4–5 (DOMAIN §9): completion to date, projection, classified deviation causes. */
function indicatorRows(d: MonitoringFormData): IndicatorRowInput<MonitoringIndicatorRole>[] {
  return d.view.lines.map(({ indicator: i, line }) => {
    const projected =
      line?.projectedValue != null
        ? `${line.projectedValue}${i.unit ?? ''}`
        : line?.projectedTier
          ? TIER_LABELS[line.projectedTier]
          : null;
    return {
      category: i.category,
      subcategory: i.subcategory,
      cells: {
        name: i.name,
        target: formatTarget(i),
        completion: line?.completionToDate ?? null,
        projected,
        deviation: (line?.causes ?? []).map((c) => `${CAUSE_LABELS[c.cause]}：${c.text}`).join('；'),
      },
    };
  });
}

/**
 * Draws 附件4 or 附件5 of a report: header values by the layout's fields, the indicator table under the
 * merged 绩效指标 column, the 总体结论 block (the chosen likelihood ticked ☑, the others □; 纠偏措施) and the
 * 备注. Amounts in 万元, rates as percentages with 2 decimals.
 */
export function monitoringWorkbook<F extends string>(
  layout: MonitoringLayout<F>,
  d: MonitoringFormData,
  values: Record<F, CellInput>,
  wb = new ExcelJS.Workbook(),
): ExcelJS.Workbook {
  const r = d.report;
  const ws = newFormSheet(wb, layout, {
    period: `（${r.year}年1月-${r.year}年${r.month}月）`,
    filer: d.drafterName,
  });
  const label = (t: string) => monthLabel(t, r.month);
  writeHeader(ws, layout, values, label);
  const last = writeIndicatorTable(ws, layout, indicatorRows(d), {
    leading: { col: layout.leadingColumn, text: '绩效指标', fromRow: layout.indicatorHeadingRow },
  });
  const end = writeConclusion(ws, layout, last + 1, r.likelihood, r.correctiveMeasures);
  const notesEnd = writeNotes(ws, layout, end + 1, layout.notes);
  finishSheet(ws, layout, end, layout.indicatorHeadingRow, notesEnd);
  return wb;
}

/** 总体结论: 完成年度绩效目标可能性 (DOMAIN §9 CERTAIN / POSSIBLE / IMPOSSIBLE) and 纠偏措施. */
function writeConclusion<F extends string>(
  ws: Worksheet,
  layout: MonitoringLayout<F>,
  row: number,
  likelihood: Likelihood | null,
  measures: string | null,
): number {
  writeLabel(ws, cellAt(row, 1), '总体结论', false, `A${row}:A${row + 1}`);
  writeLabel(ws, cellAt(row, 2), '完成年度绩效目标可能性');
  for (const l of Object.values(Likelihood)) {
    const [from, to] = layout.likelihoodColumns[l];
    writeLabel(ws, cellAt(row, from), `${LIKELIHOOD_LABELS[l]} ${likelihood === l ? '☑' : '□'}`);
    if (to > from) ws.mergeCells(row, from, row, to);
  }
  writeLabel(ws, cellAt(row + 1, 2), '纠偏措施');
  const [from, to] = layout.measuresColumns;
  const c = ws.getCell(row + 1, from);
  c.style = { ...VALUE_STYLE };
  c.value = measures ?? '';
  ws.mergeCells(row + 1, from, row + 1, to);
  return row + 1;
}
