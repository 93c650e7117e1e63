import { Decimal } from '../../common/decimal';
import {
  Comparator,
  IndicatorCategory,
  IndicatorSubcategory,
  categoryNames,
  comparatorSymbols,
  subcategoryNames,
} from '../../goals/indicator.enums';

/**
 * The official forms of 002 (附件1–6) as data: where every label and every value sits, so the exporter
 * draws them and the importer (src/forms/import/) reads them from the same map. Rows and columns are
 * 1-based like Excel; cells are A1 addresses, merged ranges "B4:C4".
 */

/** The six forms, by URL slug (GET /forms/<slug>.xlsx). */
export enum FormSlug {
  ANNEX1 = 'annex1',
  ANNEX2 = 'annex2',
  ANNEX3 = 'annex3',
  ANNEX4 = 'annex4',
  ANNEX5 = 'annex5',
  ANNEX6 = 'annex6',
}

/** How a value cell is written and read back. */
export type ValueKind =
  /** plain text */
  | 'text'
  /** money: stored in yuan, shown in 万元 (yuan ÷ 10000, the exact value in the cell, 4 decimals shown) */
  | 'wan'
  /** a rate as a fraction, shown as a percentage with 2 decimals */
  | 'rate'
  /** points or a score, 2 decimals */
  | 'score';

/** A static label cell (the form's printed text). */
export interface LabelCell {
  cell: string;
  text: string;
  /** the merged range the label covers, when wider/taller than its cell */
  merge?: string;
  /** bold heading cells (indicator table headings) */
  heading?: boolean;
}

/** A value cell the form fills (header data). `field` names the view-model field it shows. */
export interface ValueCell<F extends string = string> {
  field: F;
  cell: string;
  kind: ValueKind;
  /** the printed label of this value (for messages such as "附件1!C7 实施期金额") */
  label: string;
  merge?: string;
}

/** One column of the indicator table: its 1-based column, last column when merged, and its heading. */
export interface IndicatorColumn {
  col: number;
  /** the last column when the cells of this column are merged across (e.g. 三级指标 C:D in 附件1) */
  toCol?: number;
  heading: string;
  kind: ValueKind;
}

/** The layout of one form. */
export interface FormLayout<F extends string = string, C extends string = string> {
  form: FormSlug;
  /** 附件 number in 002 */
  annex: number;
  /** the worksheet name (also the prefix of cell references in import errors, e.g. 附件1!D12) */
  sheetName: string;
  title: string;
  /** columns of the printed form (A..lastColumn) */
  lastColumn: number;
  /** width of each printed column, in Excel character units */
  widths: number[];
  orientation: 'portrait' | 'landscape';
  /** row 2: the year/period line, e.g. "(2025 年度)" */
  periodRow: number;
  /** row 3: 填报单位（盖章） */
  filerRow: number;
  labels: LabelCell[];
  fields: ValueCell<F>[];
  /** the row holding the indicator table headings (frozen with everything above it) */
  indicatorHeadingRow: number;
  /** the first indicator row */
  firstIndicatorRow: number;
  /** the indicator table's columns by role */
  indicatorColumns: Record<C, IndicatorColumn>;
  /**
   * Columns right of the printed form (outside the print area) carrying values the official form has no
   * column for, so that an exported file imports back to the same goal (e.g. 分值, DOMAIN §10.1).
   */
  extraColumns?: Partial<Record<C, IndicatorColumn>>;
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Letters → column number (A → 1). */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** "C12" → { row: 12, col: 3 }. */
export function parseCell(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/i.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export const cellAt = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** Excel number formats of the forms. */
export const NUMBER_FORMATS: Record<Exclude<ValueKind, 'text'>, string> = {
  /** 万元, 4 decimals (exact to the yuan; the cell keeps the exact value to the fen, 6 decimals) */
  wan: '#,##0.0000',
  rate: '0.00%',
  score: '0.00',
};

const TEN_THOUSAND = new Decimal(10000);

/** Yuan (the stored NUMERIC text, DOMAIN §4) → 万元, exact. */
export function yuanToWan(yuan: string | Decimal): Decimal {
  return new Decimal(yuan).div(TEN_THOUSAND);
}

/** 万元 (a cell's number or text) → yuan with two decimals, or null when it has more than the fen. */
export function wanToYuan(wan: string | number | Decimal): string | null {
  const yuan = new Decimal(typeof wan === 'number' ? String(wan) : wan).times(TEN_THOUSAND);
  return yuan.decimalPlaces() <= 2 ? yuan.toFixed(2) : null;
}

/** The fixed 一级/二级 sections of the indicator tables, in the forms' order (附件1–6; DOMAIN §5). */
export interface IndicatorSection {
  category: IndicatorCategory;
  subcategory: IndicatorSubcategory;
  /** printed on every form even when the goal has no indicator in it (the seed lists it) */
  printed: boolean;
}

export const INDICATOR_SECTIONS: readonly IndicatorSection[] = [
  { category: IndicatorCategory.COMMON, subcategory: IndicatorSubcategory.BUDGET_MANAGEMENT, printed: false },
  { category: IndicatorCategory.OUTPUT, subcategory: IndicatorSubcategory.QUANTITY, printed: true },
  { category: IndicatorCategory.OUTPUT, subcategory: IndicatorSubcategory.QUALITY, printed: true },
  { category: IndicatorCategory.OUTPUT, subcategory: IndicatorSubcategory.TIMELINESS, printed: true },
  { category: IndicatorCategory.OUTPUT, subcategory: IndicatorSubcategory.COST, printed: true },
  { category: IndicatorCategory.BENEFIT, subcategory: IndicatorSubcategory.ECONOMIC, printed: true },
  { category: IndicatorCategory.BENEFIT, subcategory: IndicatorSubcategory.SOCIAL, printed: true },
  { category: IndicatorCategory.BENEFIT, subcategory: IndicatorSubcategory.ECOLOGICAL, printed: true },
  { category: IndicatorCategory.BENEFIT, subcategory: IndicatorSubcategory.SUSTAINABILITY, printed: true },
  {
    category: IndicatorCategory.SATISFACTION,
    subcategory: IndicatorSubcategory.SERVICE_RECIPIENT,
    printed: true,
  },
  { category: IndicatorCategory.SATISFACTION, subcategory: IndicatorSubcategory.PUBLIC, printed: false },
];

/** A printed 一级 or 二级 label back to its enum (spaces ignored; the 附件6 "(10 分)" suffix too). */
export function categoryOfLabel(label: string): IndicatorCategory | null {
  const t = label.replace(/\s+/g, '').replace(/[（(][\d.]+分[)）]$/, '');
  const hit = Object.entries(categoryNames).find(([, v]) => v === t);
  return hit ? (hit[0] as IndicatorCategory) : null;
}

export function subcategoryOfLabel(label: string): IndicatorSubcategory | null {
  const t = label.replace(/\s+/g, '');
  const hit = Object.entries(subcategoryNames).find(([, v]) => v === t);
  return hit ? (hit[0] as IndicatorSubcategory) : null;
}

/** The target of an indicator as one cell (年度指标值): "≥100公里", "≤5%", "=1项", or the described target. */
export interface TargetParts {
  comparator: Comparator | null;
  /** the number, exactly as written (a decimal text), for quantitative targets */
  target: string | null;
  unit: string | null;
  /** the described target of a qualitative indicator */
  text: string | null;
}

export function formatTarget(i: {
  kind: string;
  comparator: Comparator | null;
  target: string | null;
  unit: string | null;
}): string {
  if (i.kind === 'QUANTITATIVE' && i.comparator && i.target !== null)
    return `${comparatorSymbols[i.comparator]}${i.target}${i.unit ?? ''}`;
  return i.target ?? '';
}

const SYMBOLS: Record<string, Comparator> = {
  '≥': Comparator.GTE,
  '>=': Comparator.GTE,
  '≤': Comparator.LTE,
  '<=': Comparator.LTE,
  '=': Comparator.EQ,
  '＝': Comparator.EQ,
};

/**
 * A 年度指标值 cell read back: a comparator, a plain decimal and an optional unit make a quantitative
 * target; anything else is a qualitative (described) target.
 */
export function parseTarget(cell: string): TargetParts {
  const m = /^\s*(≥|>=|≤|<=|=|＝)\s*(-?(?:0|[1-9]\d*)(?:\.\d+)?)\s*(.*?)\s*$/.exec(cell);
  if (m) return { comparator: SYMBOLS[m[1]], target: m[2], unit: m[3] === '' ? null : m[3], text: null };
  const text = cell.trim();
  return { comparator: null, target: null, unit: null, text: text === '' ? null : text };
}
