/**
 * Objects, not bare ids (issue 11 item 7) on results application (DOMAIN §13) through GraphQL on a real
 * database: a finding's source (a monitoring report, 003 第十八条; a funding hold, DOMAIN §9), the notice
 * list's subject, goal and region (通报), a ranking's subject (001 三(四)3), the congress package's region,
 * goals and evaluations (002 第二十九条), and the BI aggregate's fund and department. Each object matches
 * its id, an object out of the caller's view reads null without an error (P6), and a page of N items
 * resolves its objects in a constant number of SQL statements (no N+1).
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { arrange, USER_ERRORS as ERRORS } from '../harness/mutations';
import { regionGid, uuidOf } from '../harness/ids';

let app: TestApp;
let reportFinding = ''; // opened by finance.zichuan from a monitoring report (003 第十八条)
let holdFinding = ''; // opened by finance.zhangdian from a funding hold (DOMAIN §9)

beforeAll(async () => {
  app = await TestApp.start();
  const [report] = await app.sql<{ id: string }>(
    `SELECT id FROM monitoring_report WHERE status = 'ACKNOWLEDGED' AND likelihood = 'POSSIBLE'`,
  );
  reportFinding = (
    await arrange<{ id: string }>(
      app,
      `mutation($input: OpenMonitoringFindingInput!) { openMonitoringFinding(input: $input) { finding { id } ${ERRORS} } }`,
      { reportId: toGlobalId('MonitoringReport', report!.id) },
      'finance.zichuan',
      'finding',
    )
  ).id;
  const [goal] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE name = '农村公路提档升级专项资金车站街道区域绩效目标' AND status = 'ISSUED'`,
  );
  const goalId = toGlobalId('PerformanceGoal', goal!.id);
  await arrange(
    app,
    `mutation($input: SetFundingHoldInput!) { setFundingHold(input: $input) { hold { status } ${ERRORS} } }`,
    { goalId, kind: 'SUSPENDED', reason: '执行进度滞后' },
    'finance.zhangdian',
    'hold',
  );
  holdFinding = (
    await arrange<{ id: string }>(
      app,
      `mutation($input: OpenFundingHoldFindingInput!) { openFundingHoldFinding(input: $input) { finding { id } ${ERRORS} } }`,
      { goalId, description: '资金使用进度严重滞后，已暂缓拨款' },
      'finance.zhangdian',
      'finding',
    )
  ).id;
});
afterAll(async () => app.stop());

interface FindingRow {
  id: string;
  sourceId: string;
  source: { __typename: string; id?: string; status?: string; reason?: string } | null;
}
const FINDINGS = (withSource: boolean) =>
  `{ findings(first: 50) { nodes { id sourceId ${
    withSource
      ? 'source { __typename ... on MonitoringReport { id } ... on Evaluation { id } ... on FundingHold { status reason } }'
      : ''
  } } } }`;
const findings = async (as: string, withSource = true) => {
  const r = await app.gql<{ findings: { nodes: FindingRow[] } }>(FINDINGS(withSource), {}, { as });
  expect(r.errors).toBeUndefined();
  return { nodes: r.data!.findings.nodes, statements: r.extensions!.sqlStatements! };
};

describe('Finding.source (DOMAIN §13 问题来源)', () => {
  test('the monitoring report and the funding hold a finding was opened from, in two statements for the page', async () => {
    const { nodes, statements } = await findings('finance.zibo');
    const byReport = nodes.find((f) => f.id === reportFinding)!;
    expect(byReport.source).toEqual({ __typename: 'MonitoringReport', id: byReport.sourceId });
    const byHold = nodes.find((f) => f.id === holdFinding)!;
    const [hold] = await app.sql<{ status: string; reason: string }>(
      'SELECT status, reason FROM funding_hold WHERE id = $1',
      [uuidOf(byHold.sourceId)],
    );
    expect(byHold.source).toEqual({ __typename: 'FundingHold', ...hold });
    // No N+1: one batch of reports and one of the goals' holds, whatever the page holds.
    expect(statements).toBeLessThanOrEqual((await findings('finance.zibo', false)).statements + 2);
  });

  test('a source out of the caller’s view reads null, with no error naming it (P6)', async () => {
    // Arranged through the owner connection: another district's department is made the finding's
    // responsible body, so it reads the finding (the parties do, DOMAIN §13) but not the 淄川 monitoring
    // report it came from, which node(id) answers null for too — the link must not reveal it.
    const [{ original, org }] = (await app.sql<{ original: string; org: string }>(
      `SELECT f.responsible_organization_id AS original, u.organization_id AS org
         FROM result_finding f, app_user u WHERE f.id = $1 AND u.login = 'transport.zhangdian'`,
      [uuidOf(reportFinding)],
    )) as [{ original: string; org: string }];
    const set = (id: string) =>
      app.sql('UPDATE result_finding SET responsible_organization_id = $2 WHERE id = $1', [
        uuidOf(reportFinding),
        id,
      ]);
    await set(org);
    try {
      const { nodes } = await findings('transport.zhangdian');
      const seen = nodes.find((f) => f.id === reportFinding)!;
      expect(seen).toEqual({ id: reportFinding, sourceId: seen.sourceId, source: null });
      const direct = await app.gql<{ node: unknown }>(
        'query($id: ID!) { node(id: $id) { id } }',
        { id: seen.sourceId },
        { as: 'transport.zhangdian' },
      );
      expect(direct.data!.node).toBeNull();
      expect(direct.errors).toBeUndefined();
    } finally {
      await set(original);
    }
  });
});

interface Notice {
  reason: string;
  subjectId: string;
  goalId: string;
  regionId: string;
  subject: { __typename: string; id: string } | null;
  goal: { id: string } | null;
  region: { id: string } | null;
}
const NOTICES =
  '{ noticeList(year: 2025, first: 100) { nodes { reason subjectId goalId regionId subject { __typename id } goal { id } region { id } } } }';

describe('NoticeItem.subject, goal and region (DOMAIN §13 通报)', () => {
  test('each notice item returns its finding, goal and region; another district lists none', async () => {
    const r = await app.gql<{ noticeList: { nodes: Notice[] } }>(NOTICES, {}, { as: 'finance.zichuan' });
    expect(r.errors).toBeUndefined();
    const overdue = r.data!.noticeList.nodes.find((n) => n.reason === 'OVERDUE_RECTIFICATION')!;
    expect(overdue.subject).toEqual({ __typename: 'Finding', id: overdue.subjectId });
    // The kept ids are global ids, as the schema says: equal to the objects' ids.
    expect(overdue.goal!.id).toBe(overdue.goalId);
    expect(overdue.region!.id).toBe(overdue.regionId);
    expect(overdue.region!.id).toBe(await regionGid(app, '370302')); // 淄川区
    const sibling = await app.gql<{ noticeList: { nodes: Notice[] } }>(
      NOTICES,
      {},
      { as: 'finance.zhangdian' },
    );
    expect(sibling.data!.noticeList.nodes).toEqual([]);
  });
});

describe('ResultRanking.subject (001 三(四)3)', () => {
  test('a ranked department is returned as the Organization named by subjectId', async () => {
    const r = await app.gql<{
      resultRanking: { nodes: { subjectId: string; subject: { __typename: string; id: string } }[] };
    }>(
      '{ resultRanking(year: 2025, scope: DEPARTMENT, first: 100) { nodes { subjectId subject { __typename id } } } }',
      {},
      { as: 'finance.zichuan' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.resultRanking.nodes.length).toBeGreaterThan(0);
    for (const n of r.data!.resultRanking.nodes)
      expect(n.subject).toEqual({ __typename: 'Organization', id: n.subjectId });
  });
});

describe('CongressPackage.region, CongressGoal.goal (002 第二十九条)', () => {
  const Q = (links: boolean) => `query($regionId: ID!) { congressPackage(year: 2025, regionId: $regionId) {
    regionId ${links ? 'region { id }' : ''} goals { goalId ${links ? 'goal { id }' : ''} }
    results { evaluationId ${links ? 'evaluation { id }' : ''} } } }`;
  interface Pkg {
    congressPackage: {
      regionId: string;
      region?: { id: string };
      goals: { goalId: string; goal?: { id: string } }[];
      results: { evaluationId: string; evaluation?: { id: string } }[];
    };
  }

  test('the region, every goal and every evaluation match their ids, one batch per kind', async () => {
    const regionId = await regionGid(app, '370303');
    const bare = await app.gql<Pkg>(Q(false), { regionId }, { as: 'finance.zhangdian' });
    const linked = await app.gql<Pkg>(Q(true), { regionId }, { as: 'finance.zhangdian' });
    expect(linked.errors).toBeUndefined();
    const pkg = linked.data!.congressPackage;
    expect(pkg.region).toEqual({ id: regionId });
    expect(pkg.goals.length).toBeGreaterThan(1);
    for (const g of pkg.goals) expect(g.goal).toEqual({ id: g.goalId });
    for (const e of pkg.results) expect(e.evaluation).toEqual({ id: e.evaluationId });
    const kinds = 2 + (pkg.results.length > 0 ? 1 : 0); // region, goals, evaluations
    expect(linked.extensions!.sqlStatements).toBeLessThanOrEqual(bare.extensions!.sqlStatements! + kinds);
  });
});

describe('AggregateRow.fund and department (DOMAIN §13 汇总)', () => {
  const Q = (links: boolean) =>
    `{ aggregate(dimensions: [FUND, DEPARTMENT], measures: [GOAL_COUNT]) { rows { fundId departmentId ${
      links ? 'fund { id } department { id }' : ''
    } } } }`;
  interface Rows {
    aggregate: {
      rows: { fundId: string; departmentId: string; fund?: { id: string }; department?: { id: string } }[];
    };
  }

  test('every row’s fund and department match its ids, in two statements for all rows', async () => {
    const bare = await app.gql<Rows>(Q(false), {}, { as: 'finance.zibo' });
    const linked = await app.gql<Rows>(Q(true), {}, { as: 'finance.zibo' });
    expect(linked.errors).toBeUndefined();
    const rows = linked.data!.aggregate.rows;
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row.fund?.id ?? null).toBe(row.fundId);
      expect(row.department?.id ?? null).toBe(row.departmentId);
    }
    expect(linked.extensions!.sqlStatements).toBe(bare.extensions!.sqlStatements! + 2);
  });
});
