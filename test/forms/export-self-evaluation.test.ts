import { toGlobalId } from '../../src/common/global-id';
import { ANNEX6_LAYOUT } from '../../src/forms/layouts/annex6';
import { demoTenants } from '../../seeds';
import { DEPARTMENT_DEMO } from '../../seeds/demo-department';
import { DEMO_SELF_EVALUATION } from '../../seeds/demo-self-evaluation';
import { seedId } from '../../seeds/ids';
import { TestApp } from '../harness/app';
import { expectPrintSetup, getForm, keepForRender, problemOf, sheetOf, text } from './export-helpers';

/*
 * 附件6 本级预算项目绩效自评表 (002 附件6; DOMAIN §10) of the demo self-evaluation of 张店区农村公路安全生命
 * 防护工程: money rows in 万元 (DOMAIN §10.8), 共性指标 (10 分) first with 资金到位率 100% and 预算执行率 85%,
 * each category's points in its label, 权重 and 得分 with two decimals (DOMAIN §10.6), 总计 = 92.75.
 */
let app: TestApp;
const key = demoTenants.zibo.cityCode;
const evaluation = toGlobalId('Evaluation', seedId(key, 'evaluation', DEMO_SELF_EVALUATION.evaluation));
const path = `/forms/annex6.xlsx?id=${evaluation}`;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

it('draws the submitted self-evaluation with its score lines and total', async () => {
  const r = await getForm(app, path, 'unit.zhangdian');
  expect(r.status).toBe(200);
  keepForRender('annex6', r.body);
  const { ws, merges } = await sheetOf(r.body);
  expect(ws.name).toBe('附件6');
  expect(text(ws, 'A1')).toBe('本级预算项目绩效自评表');
  expect(text(ws, 'A2')).toBe('（2025 年）');
  expect(text(ws, 'A3')).toBe(''); // the seed has no 填报单位 line on 附件6
  for (const l of ANNEX6_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text);
  expect(text(ws, 'B4')).toBe('张店区农村公路安全生命防护工程');
  expect(text(ws, 'E4')).toBe('2025年');
  // DOMAIN §10.8: 年初预算数 2,800,000 / 全年预算数 3,000,000 / 执行数 2,550,000 yuan in 万元.
  expect([ws.getCell('C6').value, ws.getCell('C7').value, ws.getCell('C8').value]).toEqual([280, 300, 255]);
  // DOMAIN §10.1–2: 共性指标 10 = 资金到位率 5 + 预算执行率 5 (× min(rate, 1)).
  expect(text(ws, 'A11')).toBe('共性指标（10分）');
  expect(text(ws, 'B11')).toBe('预算管理');
  expect([text(ws, 'C11'), text(ws, 'D11'), text(ws, 'E11')]).toEqual(['资金到位率', '-', '100.00%']);
  expect([ws.getCell('F11').value, ws.getCell('G11').value]).toEqual([5, 5]);
  expect([text(ws, 'C12'), text(ws, 'E12'), ws.getCell('G12').value]).toEqual(['预算执行率', '85.00%', 4.25]);
  expect(ws.getCell('G12').numFmt).toBe('0.00');
  // 产出指标 (50 分): 36 km of 40 → 20 × 0.9 = 18 (DOMAIN §10.3 GTE below target).
  expect(text(ws, 'A13')).toBe('产出指标（50分）');
  expect([text(ws, 'C13'), text(ws, 'D13'), text(ws, 'E13')]).toEqual(['安装波形护栏长度', '≥40km', '36km']);
  expect(ws.getCell('G13').value).toBe(18);
  expect(merges).toEqual(
    expect.arrayContaining(['A1:G1', 'B4:C4', 'A6:A8', 'A11:A12', 'B11:B12', 'A13:A16']),
  );
  const total = ws.rowCount;
  expect(text(ws, `A${total}`)).toBe('总计');
  expect(ws.getCell(`F${total}`).value).toBe(100);
  expect(ws.getCell(`G${total}`).value).toBe(92.75);
  const [stored] = await app.sql<{ total: string }>('SELECT total FROM evaluation WHERE id = $1', [
    seedId(key, 'evaluation', DEMO_SELF_EVALUATION.evaluation),
  ]);
  expect(stored.total).toBe('92.75');
  expectPrintSetup(ws, `A1:G${total}`, 10, 'portrait');
});

it('answers 404 to another district and another tenant, 401 without a token; Evaluation.formUrl links it', async () => {
  for (const as of ['finance.zichuan', 'finance.rizhao', 'unit.chezhan']) {
    const r = await getForm(app, path, as);
    expect(r.status).toBe(404);
    expect(problemOf(r)).toMatchObject({
      code: 'NOT_FOUND',
      messageEn: expect.stringContaining('evaluation'),
    });
  }
  expect((await getForm(app, path)).status).toBe(401);
  const res = await app.gql<{ node: { formUrl: string | null } }>(
    `query($id: ID!) { node(id: $id) { ... on Evaluation { formUrl } } }`,
    { id: evaluation },
    { as: 'finance.zhangdian' },
  );
  expect(res.data?.node.formUrl).toBe(`/forms/annex6.xlsx?id=${encodeURIComponent(evaluation)}`);
});

it('exports any SELF evaluation (a department goal too, DOMAIN §10.8) and refuses other kinds (400)', async () => {
  const dept = toGlobalId('Evaluation', seedId(key, 'evaluation', DEPARTMENT_DEMO.selfEvaluation));
  expect((await getForm(app, `/forms/annex6.xlsx?id=${dept}`, 'finance.zichuan')).status).toBe(200);
  const [finance] = await app.sql<{ id: string }>(
    `SELECT id FROM evaluation WHERE kind = 'FINANCE' AND region_path LIKE (SELECT path FROM region WHERE code = '370303') || '%' LIMIT 1`,
  );
  const r = await getForm(
    app,
    `/forms/annex6.xlsx?id=${toGlobalId('Evaluation', finance.id)}`,
    'finance.zhangdian',
  );
  expect(r.status).toBe(400);
  expect(problemOf(r).reason).toBe('WRONG_FORM');
});
