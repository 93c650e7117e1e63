import type ExcelJS from 'exceljs';

/**
 * A cell's content as text, whatever exceljs made of it: strings trimmed, numbers in JavaScript's shortest
 * round-trip form (a 万元 cell 12.345678 reads "12.345678"), rich text and hyperlinks by their text. A
 * merged cell reads its master's value (exceljs). Dates, booleans and error values give null with `odd`.
 */
export function cellText(cell: ExcelJS.Cell): { text: string | null; odd: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: null, odd: false };
  if (typeof v === 'string') return blankIsNull(v);
  if (typeof v === 'number') return Number.isFinite(v) ? { text: String(v), odd: false } : odd();
  if (typeof v === 'object' && 'richText' in v) return blankIsNull(v.richText.map((r) => r.text).join(''));
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return blankIsNull(v.text);
  return odd();
}

const odd = () => ({ text: null, odd: true });

function blankIsNull(s: string): { text: string | null; odd: boolean } {
  const t = s.replace(/\r\n?/g, '\n').trim();
  return { text: t === '' ? null : t, odd: false };
}

/** The address of the merge a cell belongs to (its master), for error messages. */
export const masterAddress = (cell: ExcelJS.Cell): string =>
  cell.isMerged ? cell.master.address : cell.address;
