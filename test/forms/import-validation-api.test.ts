/**
 * POST /forms/import (issue 15): a file that is not the template or holds a wrong value is refused with 422
 * and every error names its sheet and cell, in Chinese and English, with a stable code; nothing is written
 * (every table's digest unchanged). DOMAIN §5 (fixed 一级/二级, quantitative targets are numbers), DOMAIN
 * §10.1–2 and 002 第二十一条(一) (分值 total their category's points), 附件1 (header and 万元 money).
 */
import type ExcelJS from 'exceljs';
import { TestApp } from '../harness/app';
import { arrangeProject } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { annex1Book, cellsOf, ROAD_ROWS, upload, type FormRow } from './import-fixtures';

let app: TestApp;
const NAME = '车站街道道路养护（校验）';

beforeAll(async () => {
  app = await TestApp.start();
  const implementingUnitId = await organizationGid(app, '车站街道市政道路养护站');
  await arrangeProject(app, { name: NAME, implementingUnitId }, 'transport.chezhan');
});
afterAll(async () => app.stop());

const rows = (k: number, over: Partial<FormRow>): FormRow[] =>
  ROAD_ROWS.map((r, i) => (i === k ? { ...r, ...over } : r));
const set = (cell: string, value: string | null) => (ws: ExcelJS.Worksheet) => {
  ws.getCell(cell).value = value;
};

const CASES: [string, Parameters<typeof annex1Book>[1], string[]][] = [
  ['not the template: another title', { edit: set('A1', '绩效目标申报表') }, ['附件1!A1 FORM_NOT_TEMPLATE']],
  ['not the template: a heading changed', { edit: set('E11', '指标值') }, ['附件1!E11 FORM_NOT_TEMPLATE']],
  [
    'DOMAIN §5: unknown 一级',
    { rows: rows(2, { category: '效果指标' }) },
    ['附件1!A14 FORM_UNKNOWN_CATEGORY'],
  ],
  [
    'DOMAIN §5: unknown 二级',
    { rows: rows(1, { subcategory: '品质指标' }) },
    ['附件1!B13 FORM_UNKNOWN_SUBCATEGORY'],
  ],
  [
    'DOMAIN §5: a 二级 of another 一级',
    { rows: rows(2, { subcategory: '数量指标' }) },
    ['附件1!B14 FORM_UNKNOWN_SUBCATEGORY'],
  ],
  [
    'DOMAIN §5: a quantitative target that is not a number',
    { rows: rows(0, { target: '≥十二公里' }) },
    ['附件1!E12 FORM_TARGET_NOT_NUMBER'],
  ],
  [
    'DOMAIN §10.1–2: 产出 points total 45, not 50',
    { rows: rows(0, { points: 20 }) },
    ['附件1!G13 FORM_POINTS_TOTAL'],
  ],
  [
    'missing: the project name',
    { values: { projectName: '' }, edit: set('B4', null) },
    ['附件1!B4 FORM_REQUIRED_CELL'],
  ],
  ['missing: the year line', { edit: set('A2', '（ 年度）') }, ['附件1!A2 FORM_REQUIRED_CELL']],
  ['附件1: an amount that is not money', { values: { annualAmount: '八十' } }, ['附件1!E7 FORM_BAD_VALUE']],
  ['附件1: a period that is not years', { values: { period: '两年' } }, ['附件1!E4 FORM_BAD_VALUE']],
  [
    'the goal service: 实施期金额 ≠ 财政拨款 + 其他资金 (goal-header.ts) on C7',
    { values: { periodAmount: 170 } },
    ['附件1!C7 FORM_GOAL_REFUSED'],
  ],
];

test.each(CASES)('%s: 422 with the cell, nothing written', async (_name, over, cells) => {
  const before = await app.tableDigests();
  const answer = await upload(app, await annex1Book(NAME, over), 'unit.chezhan');
  expect(answer.status).toBe(422);
  expect(cellsOf(answer)).toEqual(cells);
  for (const e of answer.body.errors!) {
    expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).toMatch(/[A-Za-z]{3}/);
  }
  expect(await app.tableDigests()).toEqual(before);
});

test('every error of a file at once, and one bad sheet of two refuses both (nothing written)', async () => {
  const before = await app.tableDigests();
  const book = await annex1Book(NAME, {
    rows: rows(0, { target: '≥十二公里', points: 20 }),
    values: { annualAmount: '八十' },
    edit: (_ws, wb) => {
      const good = wb.addWorksheet('第二张');
      good.getCell('A1').value = '其他表格';
    },
  });
  const answer = await upload(app, book, 'unit.chezhan');
  expect(answer.status).toBe(422);
  expect(cellsOf(answer).sort()).toEqual(
    [
      '附件1!E12 FORM_TARGET_NOT_NUMBER',
      '附件1!G13 FORM_POINTS_TOTAL',
      '附件1!E7 FORM_BAD_VALUE',
      '第二张!A1 FORM_NOT_TEMPLATE',
    ].sort(),
  );
  expect(await app.tableDigests()).toEqual(before);
});
