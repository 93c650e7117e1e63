import { toGlobalId } from '../../src/common/global-id';
import { ANNEX1_LAYOUT } from '../../src/forms/layouts/annex1';
import { ANNEX2_LAYOUT } from '../../src/forms/layouts/annex2';
import { ANNEX3_LAYOUT } from '../../src/forms/layouts/annex3';
import { demoTenants } from '../../seeds';
import { demoGoalId, WORKED_EXAMPLE, WORKFLOW_DEMO } from '../../seeds/demo-goals';
import { TestApp } from '../harness/app';
import { expectPrintSetup, getForm, keepForRender, problemOf, sheetOf, text } from './export-helpers';

/*
 * 附件1 and 附件3 (002 附件1, 附件3; DOMAIN §5) exported from the demo goals: title, headings and labels as
 * in the seed, merged category cells, money in 万元 (DOMAIN §4: stored in yuan, shown in 万元), A4 print
 * setup and the frozen header — and jurisdiction both ways (P6: what a caller may not see reads as missing).
 */
let app: TestApp;
const key = demoTenants.zibo.cityCode;
const gid = (k: string) => toGlobalId('PerformanceGoal', demoGoalId(key, k));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

describe('附件1 本级预算项目绩效目标表 (002 附件1)', () => {
  const path = `/forms/annex1.xlsx?id=${gid(WORKFLOW_DEMO.inReview)}`;

  it('draws the seed layout with the goal in 万元 and indicators grouped by 一级/二级', async () => {
    const r = await getForm(app, path, 'transport.zhangdian');
    expect(r.status).toBe(200);
    expect(r.type).toContain(XLSX);
    expect(r.disposition).toContain(encodeURIComponent('附件1'));
    keepForRender('annex1', r.body);
    const { ws, merges } = await sheetOf(r.body);
    expect(ws.name).toBe('附件1');
    expect(text(ws, 'A1')).toBe('本级预算项目绩效目标表');
    expect(text(ws, 'A2')).toBe('（2025 年度）');
    expect(text(ws, 'A3')).toMatch(/^填报单位（盖章）：\S+/);
    for (const l of ANNEX1_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text);
    expect(text(ws, 'B4')).toBe('张店区公路养护机械购置项目');
    // DOMAIN §4: 3,200,000.00 yuan = 320 万元; of which 3,000,000.00 fiscal, 200,000.00 other.
    expect(ws.getCell('E7').value).toBe(320);
    expect(ws.getCell('E8').value).toBe(300);
    expect(ws.getCell('E9').value).toBe(20);
    expect(ws.getCell('E7').numFmt).toBe('#,##0.0000');
    expect(text(ws, 'E10')).toBe('2025年购置公路养护机械设备，提高机械化养护水平。');
    // Indicators: 产出 (数量, 质量, 时效 blank, 成本), 效益 (经济, 社会/生态/可持续 blank), 满意度.
    expect(text(ws, 'A12')).toBe('产出指标');
    expect(text(ws, 'B12')).toBe('数量指标');
    expect(text(ws, 'C12')).toBe('购置养护机械数量');
    expect(text(ws, 'E12')).toBe('≥12台（套）');
    expect(ws.getCell('G12').value).toBe(20);
    expect(ws.getCell('G12').numFmt).toBe('0.00');
    expect(text(ws, 'B14')).toBe('时效指标');
    expect(text(ws, 'C14')).toBe('');
    expect(text(ws, 'A16')).toBe('效益指标');
    expect(text(ws, 'C16')).toBe('机械化养护率提高');
    expect(text(ws, 'A20')).toBe('满意度指标');
    expect(text(ws, 'B20')).toBe('服务对象满意度指标');
    expect(text(ws, 'E20')).toBe('≥90%');
    expect(merges).toEqual(
      expect.arrayContaining(['A1:E1', 'B4:C4', 'A7:A9', 'C11:D11', 'A12:A15', 'A16:A19', 'C12:D12']),
    );
    expectPrintSetup(ws, 'A1:E20', 11, 'portrait');
  });

  it('answers 404 to a sibling district and another tenant, 401 without a token, 400 for another scope', async () => {
    for (const as of ['finance.zichuan', 'finance.rizhao', 'unit.chezhan']) {
      const r = await getForm(app, path, as);
      expect(r.status).toBe(404);
      expect(problemOf(r)).toMatchObject({
        code: 'NOT_FOUND',
        messageZh: expect.stringContaining('绩效目标'),
      });
    }
    expect((await getForm(app, path)).status).toBe(401);
    const missing = await getForm(app, `/forms/annex1.xlsx?id=${gid('no-such-goal')}`, 'finance.zhangdian');
    expect(missing.status).toBe(404);
    const overall = await getForm(
      app,
      `/forms/annex1.xlsx?id=${gid(WORKED_EXAMPLE.overallGoal)}`,
      'transport.zhangdian',
    );
    expect(overall.status).toBe(400);
    expect(problemOf(overall)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_FORM' });
    const unknown = await getForm(
      app,
      `/forms/annex9.xlsx?id=${gid(WORKFLOW_DEMO.inReview)}`,
      'transport.zhangdian',
    );
    expect(unknown.status).toBe(400);
    expect(problemOf(unknown).reason).toBe('UNKNOWN_FORM');
  });
});

describe('附件3 对下转移支付预算分区域/分项目绩效目标表 (002 附件3)', () => {
  const path = `/forms/annex3.xlsx?id=${gid(WORKED_EXAMPLE.townshipA.goal)}`;

  it('draws the regional goal of 车站街道 with the fund, the region and the money split in 万元', async () => {
    const r = await getForm(app, path, 'finance.chezhan');
    expect(r.status).toBe(200);
    keepForRender('annex3', r.body);
    const { ws, merges } = await sheetOf(r.body);
    expect(ws.name).toBe('附件3');
    expect(text(ws, 'A1')).toBe('对下转移支付预算分区域/分项目绩效目标表');
    for (const l of ANNEX3_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text);
    expect(text(ws, 'B6')).toBe(WORKED_EXAMPLE.townshipA.name);
    expect(text(ws, 'B5')).not.toBe('');
    // DOMAIN §11 worked example: 6,000,000.00 yuan to 车站街道 = 600 万元.
    expect(ws.getCell('C7').value).toBe(600);
    expect(text(ws, 'A12')).toBe('产出指标');
    expect(text(ws, 'C12')).toBe('新改建农村公路里程');
    expect(text(ws, 'D12')).toBe('≥30km');
    expect(merges).toEqual(expect.arrayContaining(['A1:D1', 'B4:D4', 'A7:A9', 'C7:D7']));
    expectPrintSetup(ws, `A1:D${ws.rowCount}`, 11, 'portrait');
  });

  it('answers 404 to the sibling township 公园街道 and 200 to the district above', async () => {
    expect((await getForm(app, path, 'finance.gongyuan')).status).toBe(404);
    expect((await getForm(app, path, 'finance.zhangdian')).status).toBe(200);
  });
});

describe('附件2 对下转移支付预算项目整体绩效目标表 (002 附件2)', () => {
  const id = gid(WORKED_EXAMPLE.overallGoal);

  it('draws the overall goal: fund, 资金分配方式, the money split in 万元, the 备注 inside the print area', async () => {
    const r = await getForm(app, `/forms/annex2.xlsx?id=${id}`, 'transport.zhangdian');
    expect(r.status).toBe(200);
    keepForRender('annex2', r.body);
    const { ws, merges } = await sheetOf(r.body);
    expect(ws.name).toBe('附件2');
    expect(text(ws, 'A1')).toBe('对下转移支付预算项目整体绩效目标表');
    for (const l of ANNEX2_LAYOUT.labels) expect(text(ws, l.cell)).toBe(l.text);
    expect(text(ws, 'E5')).toBe('因素法'); // 备注：资金分配方式包括因素法、项目法等
    // DOMAIN §11 worked example: 10,000,000.00 yuan to the two townships = 1000 万元.
    expect(ws.getCell('C6').value).toBe(1000);
    expect(text(ws, 'C11')).toBe('新改建农村公路里程');
    expect(text(ws, 'E11')).toBe('≥50km');
    const last = ws.rowCount;
    expect(text(ws, `A${last}`)).toBe('备注：资金分配方式包括因素法、项目法等。');
    expect(merges).toEqual(expect.arrayContaining(['A6:A8', 'C6:E6', 'C10:D10', `A${last}:E${last}`]));
    expectPrintSetup(ws, `A1:E${last}`, 10, 'portrait');
  });

  it("Goal.formUrl names each scope's form; a sibling district reads 404", async () => {
    const res = await app.gql<{ a: { formUrl: string }; b: { formUrl: string }; c: { formUrl: string } }>(
      `query($a: ID!, $b: ID!, $c: ID!) { a: goal(id: $a) { formUrl } b: goal(id: $b) { formUrl } c: goal(id: $c) { formUrl } }`,
      { a: id, b: gid(WORKED_EXAMPLE.townshipA.goal), c: gid(WORKFLOW_DEMO.inReview) },
      { as: 'transport.zhangdian' },
    );
    expect(res.data).toEqual({
      a: { formUrl: `/forms/annex2.xlsx?id=${encodeURIComponent(id)}` },
      b: { formUrl: `/forms/annex3.xlsx?id=${encodeURIComponent(gid(WORKED_EXAMPLE.townshipA.goal))}` },
      c: { formUrl: `/forms/annex1.xlsx?id=${encodeURIComponent(gid(WORKFLOW_DEMO.inReview))}` },
    });
    expect((await getForm(app, `/forms/annex2.xlsx?id=${id}`, 'finance.zichuan')).status).toBe(404);
  });
});
