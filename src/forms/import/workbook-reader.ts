import ExcelJS from 'exceljs';
import { parseCell } from '../layouts';
import { fileError, ImportErrorCode as C, ImportRefusal, type ImportError } from './import-errors';
import type { ImportLimits } from './import-limits';
import { guardZip } from './zip-guard';

const count = (xml: string, re: RegExp): number => xml.match(re)?.length ?? 0;
const ROW = /<(?:\w+:)?row[\s>/]/g;
const CELL = /<(?:\w+:)?c[\s>/]/g;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g;
const RANGE = /^([A-Za-z]{1,3}\d{1,7})(?::([A-Za-z]{1,3}\d{1,7}))?$/;

/**
 * Rows, cells and merged ranges (with the cells they cover) of every worksheet, counted in the raw XML
 * before exceljs builds anything.
 */
function checkSize(parts: Map<string, Buffer>, limits: ImportLimits): void {
  let rows = 0;
  let cells = 0;
  let sheets = 0;
  let merges = 0;
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = data.toString('utf8');
    sheets++;
    rows += count(xml, ROW);
    cells += count(xml, CELL);
    for (const m of xml.matchAll(MERGE)) {
      merges++;
      const range = RANGE.exec(m[1]);
      // A range exceljs could not bound is counted as too large.
      if (!range) cells = Infinity;
      const [a, b] = range ? [range[1], range[2] ?? range[1]].map(parseCell) : [];
      if (a && b) cells += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
    }
  }
  const over = (code: C, zh: string, en: string) => {
    throw new ImportRefusal(400, [fileError(code, zh, en)]);
  };
  if (sheets > limits.maxSheets)
    over(
      C.TOO_MANY_CELLS,
      `工作表 ${sheets} 张，超过上限 ${limits.maxSheets}`,
      `${sheets} worksheets, more than the limit of ${limits.maxSheets}`,
    );
  if (merges > limits.maxMerges)
    over(
      C.TOO_MANY_CELLS,
      `合并单元格 ${merges} 处，超过上限 ${limits.maxMerges}`,
      `${merges} merged ranges, more than the limit of ${limits.maxMerges}`,
    );
  if (rows > limits.maxRows)
    over(
      C.TOO_MANY_ROWS,
      `文件共 ${rows} 行，超过上限 ${limits.maxRows} 行`,
      `The file has ${rows} rows, more than the limit of ${limits.maxRows}`,
    );
  if (cells > limits.maxCells)
    over(
      C.TOO_MANY_CELLS,
      `文件共 ${cells} 个单元格，超过上限 ${limits.maxCells}`,
      `The file has ${cells} cells, more than the limit of ${limits.maxCells}`,
    );
}

const isFormula = (cell: ExcelJS.Cell): boolean => {
  const v = cell.value as unknown;
  const shaped = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
  return cell.type === ExcelJS.ValueType.Formula || shaped;
};

/** Cells holding a formula (own or shared): refused, never evaluated nor their cached result used. */
export function formulaErrors(ws: ExcelJS.Worksheet): ImportError[] {
  const out: ImportError[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (isFormula(cell))
        out.push({
          code: C.FORMULA,
          sheet: ws.name,
          cell: cell.address,
          messageZh: `单元格含公式，导入只接受数值或文字（公式不计算、其缓存结果不采用）`,
          message: `The cell holds a formula; import takes values only (formulas are neither evaluated nor their cached results used)`,
        });
    });
  });
  return out;
}

/**
 * An uploaded XLSX, read as data (issue 15): the zip checked first (zip-guard.ts), rows and cells counted
 * in the raw sheet XML, then parsed by exceljs, which evaluates nothing; formula cells are refused with
 * their address. A file exceljs cannot read is not an XLSX (400).
 */
export async function readWorkbook(buf: Buffer, limits: ImportLimits): Promise<ExcelJS.Workbook> {
  const parts = guardZip(buf, limits);
  checkSize(parts, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportRefusal(400, [
      fileError(
        C.NOT_XLSX,
        '无法读取该 XLSX 工作簿，请使用导出的附件1或附件3模板',
        'The XLSX workbook cannot be read; use the exported 附件1 or 附件3 template',
      ),
    ]);
  }
  const formulas = wb.worksheets.flatMap(formulaErrors);
  // A formula element exceljs did not surface (e.g. on an otherwise empty cell) still refuses the file.
  const raw = [...parts].some(
    ([name, data]) => /^xl\/worksheets\//.test(name) && /<(?:\w+:)?f[\s>/]/.test(data.toString('utf8')),
  );
  if (formulas.length > 0) throw new ImportRefusal(422, formulas);
  if (raw)
    throw new ImportRefusal(422, [
      fileError(
        C.FORMULA,
        '工作表含公式，导入只接受数值或文字',
        'A worksheet holds formulas; import takes values only',
      ),
    ]);
  return wb;
}
