import type { Workbook } from 'exceljs';
import { Decimal } from '../../common/decimal';
import type { GoalIndicatorEntity } from '../../goals/goal-indicator.entity';
import { ErrorCode, msg } from '../../common/errors';
import { refusal } from '../../common/refusal';
import type { GoalScope } from '../../goals/goal.enums';
import { nameIn, type GoalFormData } from '../data/goal-form.data';
import type { GoalIndicatorRole } from '../layouts/annex1';
import { formatYearLine } from '../layouts/goal-header-text';
import { formatTarget, type FormLayout } from '../layouts/layout';
import {
  finishSheet,
  newFormSheet,
  writeHeader,
  writeIndicatorTable,
  writeNotes,
  type CellInput,
  type IndicatorRowInput,
} from '../render/sheet';

/** The indicator rows of 附件1–3: 三级指标, 年度指标值 ("≥100公里" or the described target), 分值. */
export function goalIndicatorRows(
  indicators: readonly GoalIndicatorEntity[],
): IndicatorRowInput<GoalIndicatorRole>[] {
  return indicators.map((i) => ({
    category: i.category,
    subcategory: i.subcategory,
    cells: {
      name: i.name,
      target: formatTarget(i),
      points: i.points === null ? null : new Decimal(i.points),
    },
  }));
}

/**
 * A goal's form (附件1–3) as a sheet of `wb`: the budget year and the drafter as 填报单位, the header
 * `values`, the goal's indicators and, under them, the form's `notes` (附件2); then borders, print area
 * and the frozen headings.
 */
export function writeGoalSheet<F extends string>(
  wb: Workbook,
  layout: FormLayout<F, GoalIndicatorRole>,
  d: GoalFormData,
  values: Record<F, CellInput>,
  notes: readonly string[] = [],
): void {
  const ws = newFormSheet(wb, layout, {
    period: formatYearLine(d.goal.year),
    filer: nameIn(d, d.goal.drafterOrganizationId),
  });
  writeHeader(ws, layout, values);
  const last = writeIndicatorTable(ws, layout, goalIndicatorRows(d.indicators));
  const printTo = notes.length ? writeNotes(ws, layout, last + 1, notes) : last;
  finishSheet(ws, layout, last, layout.indicatorHeadingRow, printTo);
}

/** A goal of another scope than the form's (e.g. 附件1 of a transfer goal): BAD_USER_INPUT. */
export function wrongForm(annex: number, scope: GoalScope, wanted: readonly string[]) {
  return refusal(
    ErrorCode.BAD_USER_INPUT,
    ['form'],
    msg(
      `附件${annex}不适用于${scope}目标（适用：${wanted.join('、')}）`,
      `附件${annex} does not apply to ${scope} goals (it applies to ${wanted.join(', ')})`,
    ),
    { reason: 'WRONG_FORM' },
  );
}
