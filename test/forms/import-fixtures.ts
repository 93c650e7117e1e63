import ExcelJS from 'exceljs';
import {
  ANNEX1_LAYOUT,
  ANNEX3_LAYOUT,
  cellAt,
  formatYearLine,
  FILER_PREFIX,
  type FormLayout,
  type GoalIndicatorRole,
} from '../../src/forms/layouts';
import { XLSX_TYPE } from '../../src/forms/import/import-http';
import type { TestApp } from '../harness/app';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import { regionGid } from '../harness/ids';

/** One indicator row as a person fills it in: printed labels, the 年度指标值 text, 分值. */
export interface FormRow {
  category: string;
  subcategory: string;
  name: string;
  target: string;
  points?: number | string | null;
}

/** The road indicators of test/harness/goal-fixtures.ts as 附件 rows, points per DOMAIN §10.1 defaults. */
export const ROAD_ROWS: FormRow[] = [
  { category: '产出指标', subcategory: '数量指标', name: '养护道路里程', target: '≥12.5公里', points: 25 },
  { category: '产出指标', subcategory: '质量指标', name: '验收合格率', target: '≥95%', points: 25 },
  { category: '效益指标', subcategory: '社会效益指标', name: '道路通行条件', target: '明显改善', points: 30 },
  {
    category: '满意度指标',
    subcategory: '服务对象满意度指标',
    name: '沿线群众满意度',
    target: '≥90%',
    points: 10,
  },
];

/**
 * A workbook in the layout of 附件1 or 附件3 (src/forms/layouts), built with exceljs the way a person fills
 * the exported template: labels, title, year line, header values (万元 as numbers), the indicator table
 * with 一级/二级 merged over their rows, 分值 in the extra column. `edit` changes the sheet before saving.
 */
export async function formBook<F extends string>(
  layout: FormLayout<F, GoalIndicatorRole>,
  o: {
    year?: number;
    values: Partial<Record<F, string | number>>;
    rows: FormRow[];
    edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
  },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(layout.sheetName);
  ws.getCell('A1').value = layout.title;
  ws.getCell(cellAt(layout.periodRow, 1)).value = formatYearLine(o.year ?? 2025);
  ws.getCell(cellAt(layout.filerRow, 1)).value = `${FILER_PREFIX}车站街道市政道路养护站`;
  for (const l of layout.labels) {
    ws.getCell(l.cell).value = l.text;
    if (l.merge) ws.mergeCells(l.merge);
  }
  for (const c of Object.values(layout.extraColumns ?? {}))
    ws.getCell(layout.indicatorHeadingRow, c!.col).value = c!.heading;
  for (const f of layout.fields) {
    const v = o.values[f.field];
    if (v !== undefined) ws.getCell(f.cell).value = v;
    if (f.merge) ws.mergeCells(f.merge);
  }
  const cols = layout.indicatorColumns;
  const first = layout.firstIndicatorRow;
  o.rows.forEach((r, k) => {
    const row = first + k;
    ws.getCell(row, cols.category.col).value = r.category;
    ws.getCell(row, cols.subcategory.col).value = r.subcategory;
    ws.getCell(row, cols.name.col).value = r.name;
    if (cols.name.toCol) ws.mergeCells(row, cols.name.col, row, cols.name.toCol);
    ws.getCell(row, cols.target.col).value = r.target;
    if (r.points !== undefined && r.points !== null) ws.getCell(row, cols.points.col).value = r.points;
  });
  // 一级 and 二级 merged vertically over their runs, as the exported form draws them.
  for (const role of ['category', 'subcategory'] as const) {
    let start = 0;
    for (let k = 1; k <= o.rows.length; k++) {
      const same =
        k < o.rows.length &&
        o.rows[k][role] === o.rows[start][role] &&
        (role === 'category' || o.rows[k].category === o.rows[start].category);
      if (same) continue;
      if (k - 1 > start) ws.mergeCells(first + start, cols[role].col, first + k - 1, cols[role].col);
      start = k;
    }
  }
  o.edit?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 附件1 of a project of 车站街道市政道路养护站 (80 万元, all fiscal), 2025–2026, with the road rows. */
export const annex1Book = (
  projectName: string,
  over: {
    rows?: FormRow[];
    values?: Record<string, string | number>;
    edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;
  } = {},
) =>
  formBook(ANNEX1_LAYOUT, {
    values: {
      projectName,
      period: '2025-2026年',
      department: '车站街道建设办公室',
      implementingUnit: '车站街道市政道路养护站',
      projectAttribute: '延续',
      projectCategory: '道路养护',
      periodAmount: 160,
      periodFiscalAmount: 160,
      periodOtherAmount: 0,
      annualAmount: 80,
      fiscalAmount: 80,
      otherAmount: 0,
      implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
      annualObjective: '2025年养护道路12.5公里',
      ...over.values,
    },
    rows: over.rows ?? ROAD_ROWS,
    edit: over.edit,
  });

/** 附件3 of a transfer project (60 万元: 市级 60, 县级及以下 0). */
export const annex3Book = (
  names: { goalName: string; fundName: string; region: string },
  over: { rows?: FormRow[]; values?: Record<string, string | number> } = {},
) =>
  formBook(ANNEX3_LAYOUT, {
    values: {
      ...names,
      annualAmount: 60,
      allocatingLevelAmount: 60,
      lowerLevelAmount: 0,
      annualObjective: '养护道路10公里',
      ...over.values,
    },
    rows: over.rows ?? ROAD_ROWS,
  });

export interface ImportAnswer {
  status: number;
  body: {
    goals?: { id: string; name: string; scope: string; sheet: string }[];
    errors?: {
      code: string;
      sheet: string | null;
      cell: string | null;
      messageZh: string;
      message: string;
    }[];
  };
}

/** POST /forms/import with the file as the body, as `as` (or with no token). */
export async function upload(
  app: TestApp,
  body: Buffer,
  as: string | null,
  type = XLSX_TYPE,
): Promise<ImportAnswer> {
  const token = as ? await app.tokenFor(as) : null;
  const res = await fetch(app.server.url.replace(/\/graphql$/, '/forms/import'), {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as ImportAnswer['body'] };
}

/** The cells of the errors, as "sheet!cell code" for compact assertions. */
export const cellsOf = (a: ImportAnswer) =>
  (a.body.errors ?? []).map((e) => `${e.sheet}!${e.cell} ${e.code}`);

/**
 * A transfer fund of 张店区 (600,000.00 own level, all to 车站街道) and a project of `unitId` under it, created by
 * 张店区交通运输局 through the API (DOMAIN §4, §5 TRANSFER_PROJECT): the fund and project an 附件3 names.
 */
export async function transferProject(
  app: TestApp,
  unitId: string,
  fundName: string,
  projectName: string,
): Promise<{ fundId: string; projectId: string }> {
  const chezhan = await regionGid(app, '370303001');
  const fundId = await arrangeTransferFund(
    app,
    { name: fundName, ownLevel: '600000.00' },
    { [chezhan]: '600000.00' },
  );
  const created = await app.gql<{ createProject: { project: { id: string } | null } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`,
    {
      input: {
        name: projectName,
        implementingUnitId: unitId,
        fundId,
        year: 2025,
        fiscalAmount: '600000.00',
        otherAmount: '0.00',
        isNew: false,
      },
    },
    { as: 'transport.chezhan' },
  );
  const projectId = created.data?.createProject.project?.id;
  if (!projectId) throw new Error(`arranging project ${projectName} failed: ${JSON.stringify(created)}`);
  return { fundId, projectId };
}
