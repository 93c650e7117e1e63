/**
 * POST /forms/import treats the upload as data (issue 15): oversized bodies, zip bombs (declared and lying),
 * formulas, macros (xlsm / vbaProject.bin), external links, files that are not XLSX, too many rows or cells
 * and a wrong content type are refused with stable codes before anything is written; formulas are never
 * evaluated and their cached results never used.
 */
import { Readable } from 'node:stream';
import { readBody } from '../../src/forms/import/import-http';
import { IMPORT_LIMITS } from '../../src/forms/import/import-limits';
import { ImportRefusal } from '../../src/forms/import/import-errors';
import { guardZip } from '../../src/forms/import/zip-guard';
import { TestApp } from '../harness/app';
import { arrangeProject } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { annex1Book, cellsOf, upload } from './import-fixtures';
import { declareSize, XLSX_SKELETON, zipOf } from './import-hostile-fixtures';

let app: TestApp;
const NAME = '车站街道道路养护（恶意文件）';

beforeAll(async () => {
  app = await TestApp.start();
  const implementingUnitId = await organizationGid(app, '车站街道市政道路养护站');
  await arrangeProject(app, { name: NAME, implementingUnitId }, 'transport.chezhan');
});
afterAll(async () => app.stop());

/** Uploads as the project's unit and asserts the refusal and that no table changed. */
async function refused(body: Buffer, status: number, code: string, type?: string) {
  const before = await app.tableDigests();
  const answer = await upload(app, body, 'unit.chezhan', type);
  expect({ status: answer.status, codes: answer.body.errors?.map((e) => e.code) }).toEqual({
    status,
    codes: [code],
  });
  expect(await app.tableDigests()).toEqual(before);
  return answer;
}

test('a body over 2 MiB: 413 by its Content-Length, nothing read or written', async () => {
  await refused(Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1), 413, 'FORM_FILE_TOO_LARGE');
});

test('a streamed body without Content-Length stops being read at the chunk that crosses the limit', async () => {
  let pulled = 0;
  const chunks = Readable.from(
    (function* () {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024);
      }
    })(),
  );
  await expect(readBody(chunks, 1024 * 1024)).rejects.toBeInstanceOf(ImportRefusal);
  expect(pulled).toBeLessThanOrEqual(17 + 2); // 16 chunks fill 1 MiB, the 17th crosses (plus read-ahead)
});

test('not a zip, and a zip that is not an XLSX: 400 FORM_NOT_XLSX', async () => {
  await refused(Buffer.from('项目名称,年度金额\n道路养护,80\n'), 400, 'FORM_NOT_XLSX');
  await refused(zipOf({ 'notes.txt': 'hello' }), 400, 'FORM_NOT_XLSX');
});

test('a zip bomb (a small file whose part inflates to 64 MiB): refused from the central directory, unread', async () => {
  const bomb = zipOf({ ...XLSX_SKELETON, 'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024) });
  expect(bomb.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
  await refused(bomb, 400, 'FORM_ZIP_BOMB');
});

test('a central directory that lies about a size: inflation stops at the declared size', async () => {
  const zip = zipOf({ ...XLSX_SKELETON, 'xl/worksheets/sheet1.xml': Buffer.alloc(4 * 1024 * 1024) });
  await refused(declareSize(zip, 'xl/worksheets/sheet1.xml', 1000), 400, 'FORM_ZIP_BOMB');
});

test('macros (xlsm, vbaProject.bin), external links and data connections are refused whatever else the file holds', async () => {
  await refused(zipOf({ ...XLSX_SKELETON, 'xl/vbaProject.bin': Buffer.alloc(64, 1) }), 400, 'FORM_MACROS');
  const xlsm = {
    ...XLSX_SKELETON,
    '[Content_Types].xml':
      '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
  };
  await refused(zipOf(xlsm), 400, 'FORM_MACROS');
  await refused(
    zipOf({ ...XLSX_SKELETON, 'xl/externalLinks/externalLink1.xml': '<externalLink/>' }),
    400,
    'FORM_EXTERNAL_LINK',
  );
  await refused(
    zipOf({ ...XLSX_SKELETON, 'xl/connections.xml': '<connections/>' }),
    400,
    'FORM_EXTERNAL_LINK',
  );
});

test('a formula cell is a cell error (never evaluated, its cached result not used)', async () => {
  const book = await annex1Book(NAME, {
    edit: (ws) => {
      ws.getCell('E7').value = { formula: 'C7/2', result: 80 };
    },
  });
  const answer = await refused(book, 422, 'FORM_FORMULA');
  expect(cellsOf(answer)).toEqual(['附件1!E7 FORM_FORMULA']);
});

test('too many rows, too many cells: counted before the workbook is parsed', async () => {
  const rows = await annex1Book(NAME, {
    edit: (ws) => {
      for (let r = 20; r < 20 + IMPORT_LIMITS.maxRows; r++) ws.getCell(r, 9).value = 'x';
    },
  });
  await refused(rows, 400, 'FORM_TOO_MANY_ROWS');
  const cells = await annex1Book(NAME, {
    edit: (ws) => {
      for (let r = 20; r < 420; r++) for (let c = 9; c < 70; c++) ws.getCell(r, c).value = 1;
    },
  });
  await refused(cells, 400, 'FORM_TOO_MANY_CELLS');
});

test('a merged range covering millions of cells is refused before exceljs would build them; a lone far row costs nothing', async () => {
  const parts = guardZip(await annex1Book(NAME), IMPORT_LIMITS);
  const sheet = [...parts.keys()].find((n) => n.startsWith('xl/worksheets/sheet'))!;
  const xml = parts
    .get(sheet)!
    .toString('utf8')
    .replace('</mergeCells>', '<mergeCell ref="H20:Z1000000"/></mergeCells>');
  expect(xml).toContain('H20:Z1000000');
  await refused(zipOf(Object.fromEntries([...parts, [sheet, Buffer.from(xml)]])), 400, 'FORM_TOO_MANY_CELLS');
  const far = await annex1Book(NAME, {
    edit: (ws) => {
      ws.getCell(1048000, 9).value = '备注';
    },
  });
  const started = Date.now();
  expect((await upload(app, far, 'unit.chezhan')).status).toBe(201);
  expect(Date.now() - started).toBeLessThan(5000);
});

test('anything but the XLSX content type (e.g. multipart) is 415; the same file as XLSX is accepted', async () => {
  const book = await annex1Book(NAME);
  await refused(book, 415, 'FORM_UNSUPPORTED_MEDIA_TYPE', 'multipart/form-data; boundary=x');
  expect((await upload(app, book, 'unit.chezhan')).status).toBe(201);
});
