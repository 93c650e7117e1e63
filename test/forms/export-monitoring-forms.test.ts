import { toGlobalId } from '../../src/common/global-id';
import { ANNEX4_LAYOUT } from '../../src/forms/layouts/annex4';
import { ANNEX5_LAYOUT } from '../../src/forms/layouts/annex5';
import { demoTenants } from '../../seeds';
import { DEPARTMENT_DEMO } from '../../seeds/demo-department';
import { demoGoalId, WORKED_EXAMPLE } from '../../seeds/demo-goals';
import { seedId } from '../../seeds/ids';
import { TestApp } from '../harness/app';
import { expectPrintSetup, getForm, keepForRender, problemOf, sheetOf, text } from './export-helpers';

/*
 * 附件4 and 附件5 (002 附件4–5; DOMAIN §9) exported from monitoring reports: the demo June check of
 * 淄川区农业农村局 (附件4, a DEPARTMENT goal) and a report on 车站街道's regional goal of the worked example
 * (附件5, arranged through the API): money in 万元, rates in %, completion and projection per indicator,
 * classified deviation causes, the ticked likelihood and the corrective measures; jurisdiction both ways.
 */
let app: TestApp;
const key = demoTenants.zibo.cityCode;
const juneCheck = toGlobalId('MonitoringReport', seedId(key, 'monitoring-report', DEPARTMENT_DEMO.juneCheck));
const regionalGoal = toGlobalId('PerformanceGoal', demoGoalId(key, WORKED_EXAMPLE.townshipA.goal));
let regionalReport: string;

const CREATE = `mutation($input: CreateMonitoringReportInput!) {
  createMonitoringReport(input: $input) { report { id formUrl } userErrors { code messageEn } } }`;

beforeAll(async () => {
  app = await TestApp.start();
  const goal = await app.gql<{ goal: { indicators: { id: string; name: string }[] } }>(
    `query($id: ID!) { goal(id: $id) { indicators { id name } } }`,
    { id: regionalGoal },
    { as: 'transport.zhangdian' },
  );
  const [length, ...rest] = goal.data!.goal.indicators;
  const res = await app.gql<{ createMonitoringReport: { report: { id: string; formUrl: string } | null } }>(
    CREATE,
    {
      input: {
        goalId: regionalGoal,
        year: 2025,
        month: 6,
        likelihood: 'POSSIBLE',
        correctiveMeasures: '督促施工单位加快进度，按月通报。',
        completionSummary: '上半年完成新改建农村公路12公里。',
        projectedExecution: '5400000.00',
        indicators: [
          {
            indicatorId: length.id,
            completionToDate: '12km',
            projectedValue: '26',
            causes: [{ cause: 'CONDITIONS', text: '雨季施工受限' }],
          },
          ...rest.map((i) => ({ indicatorId: i.id, completionToDate: '按计划推进' })),
        ],
      },
    },
    { as: 'transport.zhangdian' },
  );
  const report = res.data?.createMonitoringReport.report;
  if (!report) throw new Error(`arranging the report failed: ${JSON.stringify(res)}`);
  regionalReport = report.id;
  // GraphQL gives the download path of the report's form (附件5 for a transfer goal).
  expect(report.formUrl).toBe(`/forms/annex5.xlsx?id=${encodeURIComponent(report.id)}`);
});
afterAll(async () => {
  await app.stop();
});

describe('附件4 本级预算项目绩效运行监控表 (002 附件4)', () => {
  const path = `/forms/annex4.xlsx?id=${juneCheck}`;

  it('draws the June check: 1-6月 money in 万元, rates in %, indicator lines, ticked likelihood', async () => {
    const r = await getForm(app, path, 'finance.zichuan');
    expect(r.status).toBe(200);
    keepForRender('annex4', r.body);
    const { ws, merges } = await sheetOf(r.body);
    expect(ws.name).toBe('附件4');
    expect(text(ws, 'A1')).toBe('本级预算项目绩效运行监控表');
    expect(text(ws, 'A2')).toBe('（2025年1月-2025年6月）');
    for (const l of ANNEX4_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text.replace('1-*月', '1-6月'));
    // DOMAIN §4, §9: 24,000,000 budget, 12,000,000 to date, 4,800,000 executed (40%), 22,800,000 projected (95%).
    expect(ws.getCell('C7').value).toBe(2400);
    expect(ws.getCell('D7').value).toBe(1200);
    expect(ws.getCell('E7').value).toBe(480);
    expect(ws.getCell('F7').value).toBe(0.4);
    expect(ws.getCell('F7').numFmt).toBe('0.00%');
    expect(ws.getCell('G7').value).toBe(2280);
    expect(ws.getCell('H7').value).toBe(0.95);
    expect(text(ws, 'G10')).toBe('上半年完成高标准农田3,600亩，农户满意度抽样91%。');
    expect(text(ws, 'A12')).toBe('绩效指标');
    const rows = ws.getColumn(4).values.map(String);
    const farmland = rows.indexOf('新建高标准农田面积');
    expect(farmland).toBeGreaterThan(11);
    expect(text(ws, `F${farmland}`)).toBe('3600');
    expect(text(ws, `G${farmland}`)).toMatch(/^8000/);
    expect(merges).toEqual(expect.arrayContaining(['A1:I1', 'B4:I4', 'A6:A9', 'H11:I11']));
    // 绩效指标 merged down the whole indicator table; 总体结论 right below it.
    const table = merges.find((m) => m.startsWith('A11:A'))!;
    const likely = Number(table.slice(5)) + 1;
    expect(text(ws, `A${likely}`)).toBe('总体结论');
    expect(merges).toContain(`A${likely}:A${likely + 1}`);
    expect(text(ws, `B${likely}`)).toBe('完成年度绩效目标可能性');
    expect(text(ws, `C${likely}`)).toBe('确定能完成 □');
    expect(text(ws, `D${likely}`)).toBe('有可能完成 ☑');
    expect(text(ws, `C${likely + 1}`)).toBe('高标准农田项目集中在下半年支付，已督促施工单位按进度报账。');
    expect(text(ws, `A${likely + 2}`)).toMatch(/^备注：1\. 偏差原因分析/);
    expectPrintSetup(ws, `A1:I${likely + 3}`, 11, 'landscape');
  });

  it('answers 404 to another district and another tenant, 401 without a token', async () => {
    for (const as of ['finance.zhangdian', 'finance.rizhao']) {
      const r = await getForm(app, path, as);
      expect(r.status).toBe(404);
      expect(problemOf(r)).toMatchObject({ code: 'NOT_FOUND', messageZh: expect.stringContaining('监控') });
    }
    expect((await getForm(app, path)).status).toBe(401);
    // 附件5 is the form of transfer goals' reports: a department goal's report is refused (400).
    const wrong = await getForm(app, `/forms/annex5.xlsx?id=${juneCheck}`, 'finance.zichuan');
    expect(wrong.status).toBe(400);
    expect(problemOf(wrong).reason).toBe('WRONG_FORM');
  });
});

describe('附件5 对下转移支付预算分区域/分项目绩效运行监控表 (002 附件5)', () => {
  it('draws the regional report: fund, 年度预算数 with its split, the deviation cause of the off-track line', async () => {
    const r = await getForm(app, `/forms/annex5.xlsx?id=${regionalReport}`, 'transport.zhangdian');
    expect(r.status).toBe(200);
    keepForRender('annex5', r.body);
    const { ws } = await sheetOf(r.body);
    expect(ws.name).toBe('附件5');
    expect(text(ws, 'A1')).toBe('对下转移支付预算分区域/分项目绩效运行监控表');
    for (const l of ANNEX5_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text.replace('1-*月', '1-6月'));
    expect(ws.getCell('C7').value).toBe(600); // DOMAIN §11: 6,000,000.00 to 车站街道
    expect(ws.getCell('F7').value).toBe(540);
    expect(ws.getCell('G7').value).toBe(0.9);
    expect(text(ws, 'H4')).not.toBe('');
    expect(text(ws, 'D12')).toBe('新改建农村公路里程');
    expect(text(ws, 'F12')).toBe('12km');
    expect(text(ws, 'G12')).toBe('26km');
    expect(text(ws, 'H12')).toBe('硬件条件保障：雨季施工受限');
  });

  it('answers 404 to the sibling district 淄川区 (P6)', async () => {
    const r = await getForm(app, `/forms/annex5.xlsx?id=${regionalReport}`, 'finance.zichuan');
    expect(r.status).toBe(404);
  });
});
