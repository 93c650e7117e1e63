/**
 * Monitoring reports by jurisdiction and policy (DOMAIN §9; 002 第十四条): goals missing their report of a
 * month, listed only within the caller's jurisdiction, and the per-tenant SLOW_EXECUTION threshold
 * (configurable, 10 points by default) that the flags of a draft follow. Split from reports-api.test.ts;
 * arranged as it leaves the world: March of `goal` submitted, 190,000 executed by then, a May draft.
 */
import { submittedReport } from './fixtures';
import { CREATE, MISSING, POLICY, recordMarchAgain, SET_POLICY, useReportGoals } from './reports-fixtures';

const { app, ok, refused, denied, goal, quiet } = useReportGoals();
beforeAll(async () => {
  const march = {
    annual: '1200000.00',
    budget: '300000.00',
    inPlace: '300000.00',
    spent: '150000.00',
    projected: '1100000.00',
  };
  await submittedReport(app, goal.uuid, 3, march, []);
  // Money recorded after March was submitted: 190,000 executed to date.
  await recordMarchAgain(app, goal);
  await ok(CREATE, { goalId: goal.id, year: 2025, month: 5 }, 'transport.chezhan');
});

describe('goals missing their report (DOMAIN §9; 002 第十四条), by jurisdiction', () => {
  const ids = async (as: string, m: number) =>
    (
      await app.gql<{ goalsMissingMonitoringReport: { nodes: { id: string }[] } }>(
        MISSING,
        { y: 2025, m },
        { as },
      )
    ).data!.goalsMissingMonitoringReport.nodes.map((n) => n.id);

  test('a submitted report takes a goal off the list for that month only', async () => {
    expect(await ids('finance.chezhan', 3)).toEqual(expect.arrayContaining([quiet.id]));
    expect(await ids('finance.chezhan', 3)).not.toContain(goal.id);
    expect(await ids('finance.chezhan', 5)).toEqual(expect.arrayContaining([goal.id, quiet.id])); // May is a draft
    expect(await ids('finance.zhangdian', 3)).toContain(quiet.id);
    expect(await ids('unit.chezhan', 3)).toContain(quiet.id);
  });

  test('a month outside 1..12 is BAD_USER_INPUT', async () => {
    const res = await app.gql(MISSING, { y: 2025, m: 13 }, { as: 'finance.chezhan' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['month'] });
  });

  test('outside the jurisdiction nothing of 车站街道 is listed', async () => {
    for (const as of ['finance.gongyuan', 'finance.zichuan', 'unit.gongyuan', 'finance.rizhao']) {
      const listed = await ids(as, 3);
      expect(listed).not.toContain(quiet.id);
      expect(listed).not.toContain(goal.id);
    }
  });
});

describe('monitoring policy (DOMAIN §9 policy choice: configurable per tenant, 10 points by default)', () => {
  test('defaults, then a city finance administrator changes it; the flags follow; other tenants are unaffected', async () => {
    const read = async (as: string) =>
      (
        await app.gql<{ monitoringPolicy: { slowExecutionThreshold: string; rowVersion: number } }>(
          POLICY,
          {},
          { as },
        )
      ).data!.monitoringPolicy;
    expect(await read('unit.chezhan')).toEqual({ slowExecutionThreshold: '10', rowVersion: 0 });
    for (const as of ['finance.zibo', 'admin.zhangdian', 'audit.zibo', 'transport.zibo']) {
      expect(await denied(SET_POLICY, { slowExecutionThreshold: '20', expectedVersion: 0 }, as)).toEqual({
        code: 'FORBIDDEN',
        principle: 'P6',
      });
    }
    expect(
      (await refused(SET_POLICY, { slowExecutionThreshold: '101', expectedVersion: 0 }, 'admin.zibo'))[0]
        .field,
    ).toEqual(['input', 'slowExecutionThreshold']);
    await ok(SET_POLICY, { slowExecutionThreshold: '15', expectedVersion: 0 }, 'admin.zibo');
    expect(
      (await refused(SET_POLICY, { slowExecutionThreshold: '20', expectedVersion: 0 }, 'admin.zibo'))[0].code,
    ).toBe('CONFLICT');
    expect(await read('finance.chezhan')).toEqual({ slowExecutionThreshold: '15.00', rowVersion: 1 });
    expect(await read('finance.rizhao')).toEqual({ slowExecutionThreshold: '10', rowVersion: 0 });
    // The May draft: 190,000 executed of 1.2M (15.83%) vs 41.67% elapsed — 25.83 points behind.
    const may = await app.gql<{
      goal: { monitoringReports: { nodes: { month: number; flags: string[] }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { monitoringReports { nodes { month flags } } } }`,
      { id: goal.id },
      { as: 'unit.chezhan' },
    );
    expect(may.data!.goal.monitoringReports.nodes.find((r) => r.month === 5)?.flags).toEqual([
      'SLOW_EXECUTION',
    ]);
    await ok(SET_POLICY, { slowExecutionThreshold: '30', expectedVersion: 1 }, 'admin.zibo');
    const relaxed = await app.gql<{
      goal: { monitoringReports: { nodes: { month: number; flags: string[] }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { monitoringReports { nodes { month flags } } } }`,
      { id: goal.id },
      { as: 'unit.chezhan' },
    );
    expect(relaxed.data!.goal.monitoringReports.nodes.find((r) => r.month === 5)?.flags).toEqual([]);
  });
});
