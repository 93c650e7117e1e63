import ExcelJS from 'exceljs';
import type { TestApp } from '../harness/app';

/** The forms-export test helpers: HTTP GET/POST of /forms/… and the workbook read back with exceljs. */

export interface FormResponse {
  status: number;
  type: string;
  disposition: string;
  body: Buffer;
}

export const baseUrl = (app: TestApp) => app.server.url.replace(/\/graphql$/, '');

export async function getForm(app: TestApp, path: string, as?: string): Promise<FormResponse> {
  const token = as ? await app.tokenFor(as) : undefined;
  const res = await fetch(`${baseUrl(app)}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export async function postForm(app: TestApp, path: string, json: unknown, as: string): Promise<FormResponse> {
  const res = await fetch(`${baseUrl(app)}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await app.tokenFor(as)}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export const problemOf = (r: FormResponse) =>
  JSON.parse(r.body.toString('utf8')) as {
    code: string;
    messageZh: string;
    messageEn: string;
    reason?: string;
  };

/** The only worksheet of an exported form, with its merged ranges. */
export async function sheetOf(body: Buffer): Promise<{ ws: ExcelJS.Worksheet; merges: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0];
  return { ws, merges: (ws.model as unknown as { merges: string[] }).merges };
}

/** A cell's text (merged slaves read their master's value). */
export const text = (ws: ExcelJS.Worksheet, cell: string) => {
  const v = ws.getCell(cell).value;
  return v === null || v === undefined ? '' : String(v);
};

/** The print setup every form shares: A4, fitted to one page wide, frozen header (issue 15). */
export function expectPrintSetup(
  ws: ExcelJS.Worksheet,
  printArea: string,
  frozenRows: number,
  orientation: string,
) {
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.orientation).toBe(orientation);
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printArea).toBe(printArea);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: frozenRows });
}

/**
 * docs/forms/render.sh: with FORMS_RENDER_DIR set, the exported workbooks are kept there to be rendered
 * (LibreOffice → PDF → PNG) and compared with the seed's layout.
 */
export function keepForRender(name: string, body: Buffer): void {
  const dir = process.env.FORMS_RENDER_DIR;
  if (!dir) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when rendering
  const fs = require('node:fs') as typeof import('node:fs');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/${name}.xlsx`, body);
}
