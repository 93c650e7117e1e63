import type { Borders, Cell, Style, Workbook, Worksheet } from 'exceljs';
import { Decimal } from '../../common/decimal';
import {
  categoryNames,
  subcategoryNames,
  type IndicatorCategory,
  type IndicatorSubcategory,
} from '../../goals/indicator.enums';
import {
  INDICATOR_SECTIONS,
  NUMBER_FORMATS,
  cellAt,
  columnLetter,
  parseCell,
  yuanToWan,
  type FormLayout,
  type IndicatorColumn,
  type ValueKind,
} from '../layouts/layout';

/**
 * Draws a form of 002 附件1–6 from its layout (src/forms/layouts): title, period and filer lines, the
 * header's labels and values, the indicator table grouped by 一级/二级 with merged category cells, then
 * borders, print area, A4 page setup fitted to the width and the frozen header.
 */

/** A cell's content: text, or a decimal for money (yuan, shown in 万元), rates (fractions) and scores. */
export type CellInput = string | Decimal | null | undefined;

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function writeValue(cell: Cell, kind: ValueKind, value: CellInput): void {
  if (value === null || value === undefined || value === '') return;
  if (kind === 'text' || typeof value === 'string') {
    if (kind !== 'text' && typeof value === 'string' && value !== '-') {
      writeValue(cell, kind, new Decimal(value));
      return;
    }
    cell.value = String(value);
    // The seed's "-" (not applicable) stands centred.
    if (value === '-') cell.alignment = { ...cell.alignment, horizontal: 'center' };
    return;
  }
  // The exact decimal as the cell's number (≤ 15 significant digits print back exactly: any amount below
  // 10^13 yuan in 万元); the format shows 万元 with 4 decimals, rates in %, scores with 2 decimals.
  const number = kind === 'wan' ? yuanToWan(value) : value;
  // Beyond 15 significant digits a spreadsheet number is no longer exact: the decimal is kept as text.
  cell.value = number.sd() > 15 ? number.toFixed() : number.toNumber();
  cell.numFmt = NUMBER_FORMATS[kind];
  cell.alignment = { ...cell.alignment, horizontal: 'right' };
}

function merge(ws: Worksheet, range: string | undefined): void {
  if (range) ws.mergeCells(range);
}

/** A new worksheet with the title (row 1), the period line (row 2) and the filer line (row 3). */
export function newFormSheet(
  wb: Workbook,
  layout: FormLayout,
  /** `filer: false`: the form has no 填报单位 line (附件6); row 3 stays empty */
  lines: { period: string; filer: string | null | false },
): Worksheet {
  const last = columnLetter(layout.lastColumn);
  const ws = wb.addWorksheet(layout.sheetName, {
    properties: { defaultRowHeight: 20 },
    pageSetup: {
      paperSize: 9, // A4
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const title = ws.getCell('A1');
  title.value = layout.title;
  title.font = { name: FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells(`A1:${last}1`);
  const period = ws.getCell(`A${layout.periodRow}`);
  period.value = lines.period;
  period.font = { name: FONT, size: 12 };
  period.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(`A${layout.periodRow}:${last}${layout.periodRow}`);
  const filer = ws.getCell(`A${layout.filerRow}`);
  if (lines.filer === false) ws.getRow(layout.filerRow).height = 8;
  else filer.value = `填报单位（盖章）：${lines.filer ?? ''}`;
  filer.font = { name: FONT, size: 11 };
  filer.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.mergeCells(`A${layout.filerRow}:${last}${layout.filerRow}`);
  return ws;
}

const LABEL_STYLE: Partial<Style> = {
  font: { name: FONT, size: 11 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const HEADING_STYLE: Partial<Style> = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const VALUE_STYLE: Partial<Style> = {
  font: { name: FONT, size: 11 },
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
};

/** A static label (the form's printed text). */
export function writeLabel(ws: Worksheet, cell: string, text: string, heading = false, range?: string) {
  const c = ws.getCell(cell);
  c.value = text;
  c.style = { ...(heading ? HEADING_STYLE : LABEL_STYLE) };
  merge(ws, range);
}

/** The header: every label of the layout and every value field. */
export function writeHeader<F extends string>(
  ws: Worksheet,
  layout: FormLayout<F>,
  values: Partial<Record<F, CellInput>>,
  labelText: (text: string) => string = (t) => t,
): void {
  for (const l of layout.labels) writeLabel(ws, l.cell, labelText(l.text), l.heading, l.merge);
  for (const f of layout.fields) {
    const c = ws.getCell(f.cell);
    c.style = { ...VALUE_STYLE };
    writeValue(c, f.kind, values[f.field]);
    merge(ws, f.merge);
  }
}

/** One indicator row of the table: its section and its cells by column role. */
export interface IndicatorRowInput<C extends string> {
  category: IndicatorCategory;
  subcategory: IndicatorSubcategory;
  cells: Partial<Record<C, CellInput>>;
}

export interface TableOptions {
  /** the 一级 label printed (附件6 adds the category's points: "产出指标（50 分）") */
  categoryLabel?: (c: IndicatorCategory) => string;
  /** 附件4–5: a leading column label merged down the whole table ("绩效指标") */
  leading?: { col: number; text: string; fromRow: number };
}

/**
 * The indicator table from `firstIndicatorRow`: sections in the forms' order (INDICATOR_SECTIONS), a
 * printed section with no indicator keeps one blank row as in the seed, the 一级 and 二级 cells merged down
 * their rows. Returns the last row written.
 */
export function writeIndicatorTable<F extends string, C extends string>(
  ws: Worksheet,
  layout: FormLayout<F, C>,
  rows: readonly IndicatorRowInput<C>[],
  options: TableOptions = {},
): number {
  const cols = layout.indicatorColumns;
  const roles = Object.keys(cols) as C[];
  for (const [role, col] of Object.entries(layout.extraColumns ?? {}) as [C, IndicatorColumn][]) {
    writeLabel(ws, cellAt(layout.indicatorHeadingRow, col.col), col.heading, true);
    void role;
  }
  let row = layout.firstIndicatorRow;
  let categoryStart = row;
  let currentCategory: IndicatorCategory | null = null;
  const closeCategory = (end: number) => {
    if (currentCategory === null) return;
    const catCol = (cols as Record<string, IndicatorColumn>).category.col;
    const label = options.categoryLabel?.(currentCategory) ?? categoryNames[currentCategory];
    writeLabel(ws, cellAt(categoryStart, catCol), label);
    if (end > categoryStart) ws.mergeCells(categoryStart, catCol, end, catCol);
  };
  for (const section of INDICATOR_SECTIONS) {
    const mine = rows.filter((r) => r.subcategory === section.subcategory);
    if (mine.length === 0 && !section.printed) continue;
    if (section.category !== currentCategory) {
      closeCategory(row - 1);
      currentCategory = section.category;
      categoryStart = row;
    }
    const sectionRows = mine.length > 0 ? mine : [null];
    const subCol = (cols as Record<string, IndicatorColumn>).subcategory.col;
    writeLabel(ws, cellAt(row, subCol), subcategoryNames[section.subcategory]);
    if (sectionRows.length > 1) ws.mergeCells(row, subCol, row + sectionRows.length - 1, subCol);
    for (const r of sectionRows) {
      for (const role of roles) {
        if (role === 'category' || role === 'subcategory') continue;
        const col = cols[role];
        const c = ws.getCell(row, col.col);
        c.style = { ...VALUE_STYLE };
        writeValue(c, col.kind, r?.cells[role]);
        if (col.toCol) ws.mergeCells(row, col.col, row, col.toCol);
      }
      row += 1;
    }
  }
  closeCategory(row - 1);
  if (options.leading) {
    const { col, text, fromRow } = options.leading;
    writeLabel(ws, cellAt(fromRow, col), text);
    ws.mergeCells(fromRow, col, row - 1, col);
  }
  return row - 1;
}

/**
 * Borders over the printed form (to `lastRow`), the print area (to `printTo`, e.g. with the 备注 below the
 * form), the heading row repeated on every page, the header frozen (rows to `frozenRow`).
 */
export function finishSheet(
  ws: Worksheet,
  layout: FormLayout,
  lastRow: number,
  frozenRow: number,
  printTo = lastRow,
): void {
  const firstBordered = layout.filerRow + 1;
  for (let r = firstBordered; r <= lastRow; r += 1)
    for (let c = 1; c <= layout.lastColumn; c += 1) ws.getCell(r, c).border = BORDER;
  for (const col of Object.values(layout.extraColumns ?? {}) as IndicatorColumn[])
    for (let r = layout.indicatorHeadingRow; r <= lastRow; r += 1) ws.getCell(r, col.col).border = BORDER;
  // exceljs writes "$" + each end: "A$1:E$20" becomes the absolute $A$1:$E$20 LibreOffice and Excel read.
  ws.pageSetup.printArea = `A$1:${columnLetter(layout.lastColumn)}$${printTo}`;
  ws.pageSetup.printTitlesRow = `${layout.indicatorHeadingRow}:${layout.indicatorHeadingRow}`;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: frozenRow, topLeftCell: `A${frozenRow + 1}` }];
  fitRowHeights(ws, firstBordered, printTo);
}

/** Display width of text in column-width units (a CJK or full-width character is about two). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2.1 : 1.05;
  return w;
}

/**
 * Row heights for wrapped text, set explicitly (Excel does not fit rows on opening a file, LibreOffice
 * does not always): each cell's text over the width of its columns (merged ones summed), 15 points a line.
 * Cells merged down several rows (the 一级/二级 labels) are left out: their text has the rows' height.
 */
function fitRowHeights(ws: Worksheet, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r += 1) {
    let lines = 1;
    ws.getRow(r).eachCell((cell) => {
      if (cell.value === null || cell.value === undefined || typeof cell.value !== 'string') return;
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const col = Number(cell.col);
      if (r < ws.rowCount && ws.getCell(r + 1, col).master.address === cell.address) return;
      let width = ws.getColumn(col).width ?? 9;
      for (
        let c = col + 1;
        ws.getCell(r, c).isMerged && ws.getCell(r, c).master.address === cell.address;
        c += 1
      )
        width += ws.getColumn(c).width ?? 9;
      const usable = Math.max(4, width - 1.5);
      const needed = cell.value
        .split('\n')
        .reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
      lines = Math.max(lines, needed);
    });
    const height = Math.max(20, lines * 15 + 5);
    if ((ws.getRow(r).height ?? 0) < height) ws.getRow(r).height = height;
  }
}

/** Free text lines below the form (备注), merged across the printed width. */
export function writeNotes(ws: Worksheet, layout: FormLayout, fromRow: number, notes: readonly string[]) {
  notes.forEach((text, i) => {
    const row = fromRow + i;
    const c = ws.getCell(row, 1);
    c.value = text;
    c.style = { font: { name: FONT, size: 10 }, alignment: { wrapText: true, vertical: 'top' } };
    ws.mergeCells(row, 1, row, layout.lastColumn);
    ws.getRow(row).height = Math.max(20, Math.ceil(text.length / (layout.lastColumn * 9)) * 16);
  });
  return fromRow + notes.length - 1;
}

export { parseCell, VALUE_STYLE };
