import type ExcelJS from 'exceljs';
import { cellAt, parseYearLine, type FormLayout, type GoalIndicatorRole } from '../layouts';
import { cellText, masterAddress } from './cell-text';
import { CellErrors, ImportErrorCode as C } from './import-errors';

/** A form's text as the template prints it, compared without spaces and with either width of brackets and colons. */
export const normalised = (s: string | null): string =>
  (s ?? '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');

/** One indicator row as written: each role's text and the cell it came from. */
export interface IndicatorRow {
  row: number;
  text: Record<GoalIndicatorRole, string | null>;
  cell: Record<GoalIndicatorRole, string>;
}

/** A goal sheet read against its layout (issue 15): the year, the header values, the indicator rows. */
export interface GoalSheet<F extends string> {
  sheet: string;
  layout: FormLayout<F, GoalIndicatorRole>;
  year: number | null;
  value: Record<F, string | null>;
  cell: Record<F, string>;
  rows: IndicatorRow[];
}

/** Whether a worksheet's title (A1) is this layout's: how a sheet is recognised, whatever its name. */
export const titleIs = (ws: ExcelJS.Worksheet, layout: FormLayout): boolean =>
  normalised(cellText(ws.getCell('A1')).text) === normalised(layout.title);

/** The template's printed labels and headings, each checked in its cell (NOT_TEMPLATE otherwise). */
function checkLabels(ws: ExcelJS.Worksheet, layout: FormLayout, errors: CellErrors): void {
  const extra = Object.values(layout.extraColumns ?? {}).map((c) => ({
    cell: cellAt(layout.indicatorHeadingRow, c!.col),
    text: c!.heading,
  }));
  for (const label of [...layout.labels, ...extra]) {
    const found = cellText(ws.getCell(label.cell)).text;
    if (normalised(found) !== normalised(label.text))
      errors.add(
        C.NOT_TEMPLATE,
        ws.name,
        label.cell,
        `应为模板标题「${label.text}」，实为「${found ?? ''}」：请使用导出的${layout.sheetName}模板`,
        `Expected the template heading "${label.text}", found "${found ?? ''}": use the exported ${layout.sheetName} template`,
      );
  }
}

const ROLES: GoalIndicatorRole[] = ['category', 'subcategory', 'name', 'target', 'points'];

/**
 * Reads one worksheet in the layout of 附件1 or 附件3 (src/forms/layouts): labels, the year line, every header
 * value, and the indicator rows from `firstIndicatorRow` to the last used row; rows with neither name,
 * target nor points are the template's blank placeholders and are skipped.
 */
export function readGoalSheet<F extends string>(
  ws: ExcelJS.Worksheet,
  layout: FormLayout<F, GoalIndicatorRole>,
  errors: CellErrors,
): GoalSheet<F> {
  checkLabels(ws, layout, errors);
  const text = (address: string): string | null => {
    const read = cellText(ws.getCell(address));
    if (read.odd)
      errors.add(
        C.BAD_VALUE,
        ws.name,
        address,
        '单元格的值无法识别（日期、逻辑值或错误值），请填写文字或数字',
        'The cell holds a value that cannot be read (a date, boolean or error value); enter text or a number',
      );
    return read.text;
  };
  const yearCell = cellAt(layout.periodRow, 1);
  const year = parseYearLine(text(yearCell) ?? '');
  if (year === null)
    errors.add(
      C.REQUIRED_CELL,
      ws.name,
      yearCell,
      '须填写预算年度，如「（2025 年度）」',
      'The budget year is required, e.g. "（2025 年度）"',
    );
  const value = {} as Record<F, string | null>;
  const cell = {} as Record<F, string>;
  for (const f of layout.fields) {
    value[f.field] = text(f.cell);
    cell[f.field] = f.cell;
  }
  const rows: IndicatorRow[] = [];
  // Only the rows the file has (a lone row 1048576 is one row, not a million).
  const numbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (_row, r) => {
    if (r >= layout.firstIndicatorRow) numbers.push(r);
  });
  for (const r of numbers) {
    const row = { row: r, text: {}, cell: {} } as IndicatorRow;
    for (const role of ROLES) {
      const col = layout.indicatorColumns[role].col;
      const c = ws.getCell(r, col);
      row.text[role] = text(c.address);
      row.cell[role] = role === 'category' || role === 'subcategory' ? masterAddress(c) : c.address;
    }
    if (row.text.name === null && row.text.target === null && row.text.points === null) continue;
    rows.push(row);
  }
  return { sheet: ws.name, layout, year, value, cell, rows };
}
