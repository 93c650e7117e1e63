/**
 * Dual monitoring under the tenant policy (issue 9 items 12, 14, 15; DOMAIN §9, §10 rule 7):
 * - a township's reports are acknowledged by the township finance office (003 转移支付 第二十条
 *   "绩效运行监控结果提交同级财政部门"), no longer by its department;
 * - SLOW_EXECUTION takes the tenant's threshold, and a submitted report keeps the policy version it was
 *   flagged with (a later change never rewrites it), while a draft follows the version in force;
 * - the lists of missing reports: goals with no report at all this year (002 第十四条) and the
 *   department-goal check of the policy's month (June by default; 004 二(三)1).
 */
import { TestApp } from '../harness/app';
import { ERRORS, issuedProjectGoal, submittedReport, type IssuedGoal } from './fixtures';

let app: TestApp;
let goal: IssuedGoal;
let twin: IssuedGoal;
let quiet: IssuedGoal;

const REPORT = `id status rowVersion flags acknowledger { name } policy { version slowExecutionThreshold }`;
const CREATE = `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitMonitoringReportInput!) { submitMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
const ACK = `mutation($input: AcknowledgeMonitoringReportInput!) { acknowledgeMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
const RECORD = `mutation($input: RecordExecutionInput!) { recordExecution(input: $input) { execution { month } ${ERRORS} } }`;
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { version } ${ERRORS} } }`;
const READ = `query($id: ID!) { monitoringReport(id: $id) { ${REPORT} } }`;
const WITHOUT = `query { goalsWithoutMonitoringReport(year: 2025, first: 100) { nodes { id name } } }`;
const MIDYEAR = `query { departmentGoalsMissingMidYearCheck(year: 2025, first: 100) { nodes { id name } } }`;

interface Report {
  id: string;
  status: string;
  rowVersion: number;
  flags: string[];
  acknowledger: { name: string } | null;
  policy: { version: number; slowExecutionThreshold: string };
}
type Payload = { report: Report | null; userErrors: { code: string; principle: string | null }[] };

async function call(query: string, input: Record<string, unknown>, as: string): Promise<Payload> {
  const res = await app.gql<Record<string, Payload>>(query, { input }, { as });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!;
}
async function ok(query: string, input: Record<string, unknown>, as: string): Promise<Report> {
  const p = await call(query, input, as);
  if (!p.report) throw new Error(`expected success as ${as}: ${JSON.stringify(p.userErrors)}`);
  return p.report;
}
const uuid = (gid: string) => Buffer.from(gid, 'base64url').toString('utf8').split(':')[1]!;

/** 150,000 spent of a 1,200,000 budget by March: 12.5% against 25% elapsed — 12.5 points behind. */
async function record(g: IssuedGoal) {
  for (const m of [1, 2, 3]) {
    const res = await app.gql<{ recordExecution: { userErrors: unknown[] } }>(
      RECORD,
      {
        input: {
          goalId: g.id,
          year: 2025,
          month: m,
          budgeted: '100000.00',
          inPlace: '100000.00',
          spent: '50000.00',
        },
      },
      { as: 'unit.chezhan' },
    );
    expect(res.data!.recordExecution.userErrors).toEqual([]);
  }
}
const march = (g: IssuedGoal) => ({
  goalId: g.id,
  year: 2025,
  month: 3,
  projectedExecution: '1100000.00',
  likelihood: 'CERTAIN',
  correctiveMeasures: '加快支付进度',
  indicators: [
    { indicatorId: g.indicators[0]!.id, projectedValue: '13' },
    { indicatorId: g.indicators[1]!.id, projectedValue: '96' },
    { indicatorId: g.indicators[2]!.id, projectedTier: 'ACHIEVED' },
  ],
});

beforeAll(async () => {
  app = await TestApp.start();
  goal = await issuedProjectGoal(app, '参数监控');
  twin = await issuedProjectGoal(app, '参数监控对照');
  quiet = await issuedProjectGoal(app, '全年未报送');
  await record(goal);
  await record(twin);
});
afterAll(async () => app.stop());

describe('item 12: a township report goes to the township finance office (DOMAIN §9; 003 转移支付 第二十条)', () => {
  let report: Report;
  test('the unit’s report names 车站街道财政所 as acknowledger and is flagged with the default policy (version 0)', async () => {
    report = await ok(CREATE, march(goal), 'unit.chezhan');
    expect(report.acknowledger?.name).toBe('车站街道财政所');
    report = await ok(SUBMIT, { id: report.id, expectedVersion: report.rowVersion }, 'unit.chezhan');
    // DOMAIN §9: 12.5 points behind > 10 → SLOW_EXECUTION
    expect(report.flags).toEqual(['SLOW_EXECUTION']);
    expect(report.policy).toEqual({ version: 0, slowExecutionThreshold: '10' });
    const [row] = await app.sql<{ policy_id: string | null; ack: string }>(
      `SELECT r.policy_id, o.name AS ack FROM monitoring_report r JOIN organization o ON o.id = r.acknowledger_organization_id WHERE r.id = $1`,
      [uuid(report.id)],
    );
    expect(row).toEqual({ policy_id: null, ack: '车站街道财政所' });
  });

  test('the township department is refused (P3), nothing written; the township finance office acknowledges', async () => {
    const input = { id: report.id, expectedVersion: report.rowVersion, comment: '已阅' };
    const before = await app.tableDigests();
    const refused = await call(ACK, input, 'transport.chezhan');
    expect(refused.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
    expect(await app.tableDigests()).toEqual(before);
    const acked = await ok(ACK, input, 'finance.chezhan');
    expect(acked.status).toBe('ACKNOWLEDGED');
    const [row] = await app.sql<{ status: string; by: string }>(
      `SELECT r.status, u.login AS by FROM monitoring_report r JOIN app_user u ON u.id = r.acknowledged_by_user_id WHERE r.id = $1`,
      [uuid(report.id)],
    );
    expect(row).toEqual({ status: 'ACKNOWLEDGED', by: 'finance.chezhan' });
  });

  test('item 15: a new threshold (15) flags drafts by the new version; the submitted report keeps version 0 and its flag', async () => {
    const set = await app.gql<{ updatePolicy: { policy: { version: number } | null } }>(
      POLICY,
      { input: { year: 2025, expectedVersion: 0, slowExecutionThreshold: '15' } },
      { as: 'finance.zibo' },
    );
    expect(set.data!.updatePolicy.policy).toEqual({ version: 1 });
    const draft = await ok(CREATE, march(twin), 'unit.chezhan');
    // DOMAIN §9, §10.7: the same 12.5 points behind, now within the tenant's 15 → no flag
    expect(draft.flags).toEqual([]);
    expect(draft.policy).toEqual({ version: 1, slowExecutionThreshold: '15' });
    const again = (
      await app.gql<{ monitoringReport: Report }>(READ, { id: report.id }, { as: 'finance.chezhan' })
    ).data!.monitoringReport;
    expect(again.flags).toEqual(['SLOW_EXECUTION']);
    expect(again.policy.version).toBe(0);
    const submitted = await ok(SUBMIT, { id: draft.id, expectedVersion: draft.rowVersion }, 'unit.chezhan');
    const [row] = await app.sql<{ version: number }>(
      `SELECT p.version FROM monitoring_report r JOIN tenant_policy p ON p.id = r.policy_id WHERE r.id = $1`,
      [uuid(submitted.id)],
    );
    expect(row).toEqual({ version: 1 }); // the version is stored with the submission
  });
});

describe('item 14: the lists of missing reports (DOMAIN §9)', () => {
  test('goals with no report at all this year (002 第十四条): the quiet goal, not the reported ones', async () => {
    const names = (
      await app.gql<{ goalsWithoutMonitoringReport: { nodes: { name: string }[] } }>(
        WITHOUT,
        {},
        { as: 'finance.chezhan' },
      )
    ).data!.goalsWithoutMonitoringReport.nodes.map((n) => n.name);
    expect(names.some((n) => n.includes('全年未报送'))).toBe(true);
    expect(names.some((n) => n.includes('参数监控'))).toBe(false);
    // P6: a sibling township's finance office does not see 车站街道's goals
    const sibling = (
      await app.gql<{ goalsWithoutMonitoringReport: { nodes: { name: string }[] } }>(
        WITHOUT,
        {},
        { as: 'finance.gongyuan' },
      )
    ).data!.goalsWithoutMonitoringReport.nodes.map((n) => n.name);
    expect(sibling.some((n) => n.includes('全年未报送'))).toBe(false);
    expect(quiet.id).toBeTruthy();
  });

  test('the department-goal check of the policy month (June; 004 二(三)1): listed until a June report, again when the month moves', async () => {
    const departmentGoals = await app.sql<{ id: string; name: string }>(
      `SELECT g.id, g.name FROM performance_goal g JOIN region r ON r.id = g.region_id
        WHERE g.scope = 'DEPARTMENT' AND g.year = 2025 AND g.status IN ('ISSUED', 'FILED_FOR_RECORD') AND r.code = '370303'`,
    );
    expect(departmentGoals.length).toBeGreaterThan(0);
    const target = departmentGoals[0]!;
    const list = async () =>
      (
        await app.gql<{ departmentGoalsMissingMidYearCheck: { nodes: { name: string }[] } }>(
          MIDYEAR,
          {},
          { as: 'finance.zhangdian' },
        )
      ).data!.departmentGoalsMissingMidYearCheck.nodes.map((n) => n.name);
    expect(await list()).toContain(target.name);
    expect((await list()).every((n) => departmentGoals.some((d) => d.name === n))).toBe(true); // only DEPARTMENT goals
    await submittedReport(
      app,
      target.id,
      6,
      { annual: '1000.00', budget: '500.00', inPlace: '500.00', spent: '500.00', projected: '1000.00' },
      [],
    );
    expect(await list()).not.toContain(target.name);
    const set = await app.gql<{ updatePolicy: { policy: { version: number } | null } }>(
      POLICY,
      { input: { year: 2025, expectedVersion: 1, departmentCheckMonth: 7 } },
      { as: 'finance.zibo' },
    );
    expect(set.data!.updatePolicy.policy).toEqual({ version: 2 });
    expect(await list()).toContain(target.name); // a June report does not answer a July check
  });
});
