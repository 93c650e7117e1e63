/**
 * Closing the loop through GraphQL on a real database (DOMAIN §9, §13; issue 13): findings from a
 * monitoring deviation, the factor-allocation simulation (003 转移支付 第三十二条), ranking and the notice
 * list by jurisdiction (001 三(四)3), and the people's congress package (002 第二十九条; 003 第二十八条) as a
 * query and as DOCX over HTTP. Bad input: a stable code, nothing written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { regionalResults } from './results-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const uuidOf = (gid: string) => Buffer.from(gid, 'base64url').toString('utf8').split(':')[1];

describe('a monitoring deviation opens a finding linked to its report (DOMAIN §9, §13; 003 第十八条)', () => {
  const fi = mutations<{ id: string; state: string; feedbackDueOn: string }>(() => app, 'finding');
  const OPEN = `mutation($input: OpenMonitoringFindingInput!) { openMonitoringFinding(input: $input) { finding { id state feedbackDueOn } ${ERRORS} } }`;

  test('the acknowledging finance opens it; others are refused; once per report', async () => {
    const [report] = await app.sql<{ id: string }>(
      `SELECT m.id FROM monitoring_report m WHERE m.status = 'ACKNOWLEDGED' AND m.likelihood = 'POSSIBLE'`,
    );
    const reportId = toGlobalId('MonitoringReport', report.id);
    // Another district's finance: the report reads as missing (P6), nothing written.
    expect((await fi.refused(OPEN, { reportId }, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'reportId'],
    });
    const opened = await fi.ok(OPEN, { reportId }, 'finance.zichuan');
    expect(opened.state).toBe('OPEN');
    const [row] = await app.sql<Record<string, string>>(
      `SELECT f.source_kind, f.source_id::text, f.description,
              to_char(f.feedback_due_on, 'YYYY-MM-DD') AS due,
              to_char((m.acknowledged_at AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month', 'YYYY-MM-DD') AS expected
         FROM result_finding f JOIN monitoring_report m ON m.id = f.source_id WHERE f.id = $1`,
      [uuidOf(opened.id)],
    );
    expect(row).toMatchObject({ source_kind: 'MONITORING_REPORT', source_id: report.id, due: row.expected });
    expect(row.description).toContain('有可能完成');
    expect((await fi.refused(OPEN, { reportId }, 'finance.zichuan'))[0].code).toBe('CONFLICT');
  });
});

describe('factor-allocation simulation (DOMAIN §13; 003 转移支付 第三十二条)', () => {
  const sim = mutations<{
    id: string;
    amount: string;
    shares: {
      regionId: string;
      share: string;
      current: string;
      change: string;
      performanceScore: string | null;
    }[];
  }>(() => app, 'simulation');
  const SIMULATE = `mutation($input: SimulateFactorAllocationInput!) { simulateFactorAllocation(input: $input) {
    simulation { id amount shares { regionId share current change performanceScore } } ${ERRORS} } }`;
  let fundId = '';
  let chezhan = '';
  let gongyuan = '';
  const input = (population: string, performance: string) => ({
    fundId,
    year: 2025,
    amount: '10000000.01',
    factors: [
      {
        name: '人口',
        weight: population,
        values: [
          { regionId: chezhan, value: '3' },
          { regionId: gongyuan, value: '2' },
        ],
      },
      { name: '绩效', weight: performance, performance: true },
    ],
  });

  beforeAll(async () => {
    const [fund] = await app.sql<{ id: string }>(
      `SELECT id FROM fund WHERE name = '农村公路提档升级专项资金'`,
    );
    fundId = toGlobalId('Fund', fund.id);
    const regions = await app.sql<{ id: string; name: string }>(
      `SELECT r.id, r.name FROM fund_allocation a JOIN region r ON r.id = a.region_id WHERE a.fund_id = $1`,
      [fund.id],
    );
    chezhan = toGlobalId('Region', regions.find((r) => r.name === '车站街道')!.id);
    gongyuan = toGlobalId('Region', regions.find((r) => r.name === '公园街道')!.id);
  });

  test('weights not totalling 100%, a performance weight below 10%: BAD_USER_INPUT, nothing written', async () => {
    const off = await sim.refused(SIMULATE, input('71', '30'), 'finance.zhangdian');
    expect(off.map((u) => [u.code, u.field.join('.')])).toContainEqual(['BAD_USER_INPUT', 'input.factors']);
    const low = await sim.refused(SIMULATE, input('90.01', '9.99'), 'finance.zhangdian');
    expect(low.map((u) => [u.code, u.field.join('.')])).toContainEqual([
      'BAD_USER_INPUT',
      'input.factors.1.weight',
    ]);
    expect(low.find((u) => u.field.join('.') === 'input.factors.1.weight')!.message).toContain('第三十二条');
    // No regional results yet: the performance factor cannot be divided.
    const none = await sim.refused(SIMULATE, input('70', '30'), 'finance.zhangdian');
    expect(none.map((u) => u.field.join('.'))).toContain('input.factors.1.values');
    // P6: another district's finance does not see the fund.
    expect((await sim.refused(SIMULATE, input('70', '30'), 'finance.zichuan'))[0].code).toBe('NOT_FOUND');
  });

  test('shares from the regions’ latest results add up to the amount; saved, allocations unchanged', async () => {
    // Arrange: reviewed self-evaluations of both regional goals (90.00 and 60.00), copied from the demo's.
    await regionalResults(app);
    const before = await app.sql<{ amount: string }>('SELECT amount::text FROM fund_allocation ORDER BY id');
    const s = await sim.ok(SIMULATE, input('70', '30'), 'finance.zhangdian');
    // 车站 exact 7,000,000.007 × 3/5 + 3,000,000.003 × 90/150 = 6,000,000.006, 公园 4,000,000.004: floors total
    // 10,000,000.00, the one fen left goes to the larger remainder (车站) — total exactly 10,000,000.01.
    const byRegion = Object.fromEntries(s.shares.map((x) => [x.regionId, x]));
    expect(byRegion[chezhan]).toMatchObject({
      share: '6000000.01',
      current: '6000000.00',
      change: '0.01',
      performanceScore: '90.00',
    });
    expect(byRegion[gongyuan]).toMatchObject({
      share: '4000000.00',
      current: '4000000.00',
      change: '0.00',
      performanceScore: '60.00',
    });
    const [saved] = await app.sql<{ amount: string; total: string }>(
      `SELECT amount::text, (SELECT sum((x->>'share')::numeric)::text FROM jsonb_array_elements(shares) x) AS total
         FROM result_allocation_simulation WHERE id = $1`,
      [uuidOf(s.id)],
    );
    expect(saved).toEqual({ amount: '10000000.01', total: '10000000.01' });
    expect(await app.sql('SELECT amount::text FROM fund_allocation ORDER BY id')).toEqual(before);
    // Issue 11 item 7: the saved simulations are a connection, newest first; out of view, an empty page (P6).
    const LIST = `query($fundId: ID!) { allocationSimulations(fundId: $fundId, first: 1) {
      totalCount nodes { id amount } pageInfo { hasNextPage } } }`;
    type List = { allocationSimulations: { totalCount: number; nodes: { id: string }[] } };
    const listed = await app.gql<List>(LIST, { fundId }, { as: 'finance.zhangdian' });
    const [stored] = await app.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM result_allocation_simulation WHERE fund_id = $1',
      [uuidOf(fundId)],
    );
    expect(listed.data!.allocationSimulations.totalCount).toBe(stored.n);
    expect(listed.data!.allocationSimulations.nodes.map((n) => n.id)).toEqual([s.id]);
    const sibling = await app.gql<List>(LIST, { fundId }, { as: 'finance.zichuan' });
    expect(sibling.data!.allocationSimulations).toMatchObject({ totalCount: 0, nodes: [] });
    // A unit may not simulate (P1); the township finance does not see the district fund (P6).
    const unit = await sim.call(SIMULATE, input('70', '30'), 'unit.zhangdian');
    expect(JSON.stringify(unit)).toMatch(/FORBIDDEN/);
  });
});

describe('ranking and the notice list follow jurisdiction (DOMAIN §13; 001 三(四)3; P6)', () => {
  const RANK = `query { resultRanking(year: 2025, scope: DEPARTMENT, first: 100) { totalCount nodes { rank name score grade subjectId } } }`;
  test('a district finance ranks its own departments only; a sibling district sees none of them', async () => {
    const rank = async (as: string) =>
      (
        await app.gql<{ resultRanking: { nodes: { rank: number; name: string; score: string }[] } }>(
          RANK,
          {},
          { as },
        )
      ).data!.resultRanking.nodes;
    const zichuan = await rank('finance.zichuan');
    expect(zichuan).toEqual([
      expect.objectContaining({ rank: 1, name: expect.stringContaining('淄川区农业农村局'), score: '97.00' }),
    ]);
    expect((await rank('finance.zhangdian')).map((r) => r.name).join()).not.toContain('淄川');
    expect(await rank('unit.zhangdian')).toEqual([]);
    expect((await rank('finance.zibo')).map((r) => r.name).join()).toContain('淄川区农业农村局');
  });

  test('the notice list holds overdue rectifications in the caller’s subtree only', async () => {
    await app.sql(`UPDATE result_finding SET feedback_due_on = '2000-01-31'`);
    const list = async (as: string) =>
      (
        await app.gql<{ noticeList: { nodes: { reason: string; regionName: string }[] } }>(
          `query { noticeList(year: 2025, first: 100) { nodes { reason regionName goalName detail rule } } }`,
          {},
          { as },
        )
      ).data!.noticeList.nodes;
    expect((await list('finance.zichuan')).map((n) => n.reason)).toContain('OVERDUE_RECTIFICATION');
    expect(await list('finance.zhangdian')).toEqual([]);
  });
});

describe('the people’s congress package (DOMAIN §13; 002 第二十九条; 003 第二十八条)', () => {
  const Q = `query($year: Int!, $regionId: ID!) { congressPackage(year: $year, regionId: $regionId) {
    regionName draftBudgetTotal finalAccountsTotal classifiedWithheld goals { name scope amount } results { goalName kind score grade } } }`;
  let zhangdian = '';
  beforeAll(async () => {
    const [r] = await app.sql<{ id: string }>(`SELECT id FROM region WHERE code = '370303'`);
    zhangdian = toGlobalId('Region', r.id);
  });

  test('finance at the level gets the goals with the draft budget; others are refused', async () => {
    const res = await app.gql<{
      congressPackage: { regionName: string; draftBudgetTotal: string; goals: { amount: string | null }[] };
    }>(Q, { year: 2025, regionId: zhangdian }, { as: 'finance.zhangdian' });
    const pkg = res.data!.congressPackage;
    expect(pkg.regionName).toBe('张店区');
    const [expected] = await app.sql<{ total: string }>(
      `SELECT coalesce(sum(annual_amount), 0)::numeric(14,2)::text AS total FROM performance_goal g JOIN region r ON r.id = g.region_id
        WHERE r.code = '370303' AND g.year = 2025 AND g.status = 'ISSUED' AND g.scope IN ('TRANSFER_OVERALL', 'DEPARTMENT', 'PROJECT')`,
    );
    expect(pkg.draftBudgetTotal).toBe(expected.total);
    expect(pkg.goals.length).toBeGreaterThan(0);
    for (const as of ['transport.zhangdian', 'finance.zichuan']) {
      const denied = await app.gql(Q, { year: 2025, regionId: zhangdian }, { as });
      expect(denied.data?.congressPackage ?? null).toBeNull(); // issue 11 item 4: the field, not the response
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(denied.errors?.[0].extensions?.code);
    }
  });

  test('GET /reports/congress-package.docx: a Word document in Chinese for finance; 401 without a token', async () => {
    // Served by the real server (src/app/server.ts), behind the same gate as /graphql.
    const url = new URL('/reports/congress-package.docx?year=2025&region=370303', app.server.url).toString();
    expect((await fetch(url)).status).toBe(401);
    const other = await fetch(url, {
      headers: { authorization: `Bearer ${await app.tokenFor('finance.zichuan')}` },
    });
    expect(other.status).toBe(404);
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await app.tokenFor('finance.zhangdian')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const file = join(mkdtempSync(join(tmpdir(), 'congress-')), 'package.docx');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    // A DOCX is a zip; its text is in word/document.xml (read with Python's zipfile, no extra package).
    const xml = execFileSync('python3', [
      '-c',
      'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())',
      file,
    ]).toString();
    expect(xml).toContain('张店区2025年度预算绩效信息报送人大材料');
    expect(xml).toContain('SimSun');
  });
});

describe('long-idle money is recovered (DOMAIN §13; 003 第二十六条 "长期沉淀资金一律收回")', () => {
  const rec = mutations<
    { action: string; minimumCut: string | null; recommendedChange: string; rule: string }[]
  >(() => app, 'recommendations');
  const PROPOSE = `mutation($input: ProposeRecommendationsInput!) { proposeRecommendations(input: $input) {
    recommendations { action minimumCut recommendedChange rule } ${ERRORS} } }`;

  test('money in place 6+ months by year end and unspent gets a recovery recommendation with its minimum', async () => {
    // Arrange: 淄川 department goal, 2,000,000 in place every month, 800,000 spent in months 1–6, nothing after:
    // in place by June 12,000,000 − spent 4,800,000 = 7,200,000 idle (first in, first spent).
    await app.sql(
      `UPDATE goal_execution SET spent = 0 WHERE month > 6 AND goal_id IN (SELECT id FROM performance_goal WHERE name LIKE '淄川区农业农村局2025%')`,
    );
    const proposed = await rec.ok(PROPOSE, { year: 2025 }, 'finance.zichuan');
    const idle = proposed.filter((r) => r.action === 'RECOVER_IDLE');
    expect(idle).toEqual([
      expect.objectContaining({ minimumCut: '7200000.00', recommendedChange: '-7200000.00' }),
    ]);
    expect(idle[0].rule).toContain('003 第二十六条');
    const [row] = await app.sql<{ basis_kind: string; n: string }>(
      `SELECT basis_kind, count(*) OVER ()::text AS n FROM result_recommendation WHERE action = 'RECOVER_IDLE'`,
    );
    expect(row).toEqual({ basis_kind: 'IDLE_MONEY', n: '1' });
  });
});
