/**
 * Monitoring reports' `availableActions` tell the truth (issue 11 item 2; DOMAIN §9, §7 "every workflow
 * object tells the caller which actions it may take"): computed by the same pure decision as the
 * mutations (rules/report-decision.ts) — allowed ⇒ the mutation succeeds; refused with details ⇒ the
 * mutation fails with the same items; callers without the permission see it refused (P4, P3) and are
 * refused by the mutation. And `updateMonitoringReport` is a partial update (issue 11 item 1).
 */
import { TestApp } from '../harness/app';
import { actionsApi, type Availability } from '../harness/available-actions';
import { uuidOf } from '../harness/ids';
import { ERRORS, issuedProjectGoal, type IssuedGoal, type UserErrorRow } from './fixtures';

let app: TestApp;
let goal: IssuedGoal;

interface Report {
  id: string;
  rowVersion: number;
  status: string;
  availableActions: Availability[];
}
type Payload = { report: Report | null; userErrors: UserErrorRow[] };

const FIELDS = 'id rowVersion status availableActions { action allowed code principle details }';
const CREATE = `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { ${FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateMonitoringReportInput!) { updateMonitoringReport(input: $input) { report { ${FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitMonitoringReportInput!) { submitMonitoringReport(input: $input) { report { ${FIELDS} } ${ERRORS} } }`;
const ACK = `mutation($input: AcknowledgeMonitoringReportInput!) { acknowledgeMonitoringReport(input: $input) { report { ${FIELDS} } ${ERRORS} } }`;
const READ = `query($id: ID!) { monitoringReport(id: $id) { ${FIELDS} } }`;

const { call, actions } = actionsApi<Payload>(() => app);
const actionsAs = (id: string, as: string) => actions(READ, id, as);

const row = async (id: string) =>
  (
    await app.sql<{
      status: string;
      likelihood: string | null;
      corrective_measures: string | null;
      completion_summary: string | null;
      projected_execution: string | null;
      lines: string;
    }>(
      `SELECT status, likelihood, corrective_measures, completion_summary, projected_execution,
              (SELECT count(*) FROM monitoring_report_indicator i WHERE i.report_id = r.id)::text AS lines
         FROM monitoring_report r WHERE id = $1`,
      [uuidOf(id)],
    )
  )[0];

beforeAll(async () => {
  app = await TestApp.start();
  goal = await issuedProjectGoal(app, '可办理操作');
});
afterAll(async () => app.stop());

describe('availableActions of a monitoring report = the mutations’ decision (DOMAIN §9; 附件4 备注)', () => {
  let report: Report;

  test('a flagged DRAFT: SUBMIT refused with the missing items, and submit fails with the same items', async () => {
    const created = await call(
      CREATE,
      {
        goalId: goal.id,
        year: 2025,
        month: 3,
        projectedExecution: '1100000.00',
        likelihood: 'POSSIBLE',
        completionSummary: '按计划推进',
        indicators: [{ indicatorId: goal.indicators[0].id, projectedValue: '10' }],
      },
      'unit.chezhan',
    );
    expect(created.userErrors).toEqual([]);
    report = created.report!;
    const mine = Object.fromEntries(report.availableActions.map((a) => [a.action, a]));
    expect(mine.EDIT).toMatchObject({ allowed: true, details: [] });
    expect(mine.SUBMIT).toMatchObject({ allowed: false, code: 'BAD_USER_INPUT' });
    expect(mine.SUBMIT.details.length).toBeGreaterThan(1);
    const before = await app.tableDigests();
    const refused = await call(SUBMIT, { id: report.id, expectedVersion: report.rowVersion }, 'unit.chezhan');
    expect(refused.userErrors.map((e) => e.message)).toEqual(mine.SUBMIT.details);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('P4/P3 both ways: the finance office may not EDIT or SUBMIT, the unit may not ACKNOWLEDGE a draft', async () => {
    const finance = await actionsAs(report.id, 'finance.chezhan');
    expect(finance.EDIT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P4' });
    expect(finance.SUBMIT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P4' });
    expect(finance.ACKNOWLEDGE).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    const unit = await actionsAs(report.id, 'unit.chezhan');
    expect(unit.ACKNOWLEDGE).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P3' });
    const edit = await call(
      UPDATE,
      { id: report.id, expectedVersion: report.rowVersion, completionSummary: 'x' },
      'finance.chezhan',
    );
    expect(edit.userErrors[0].code).toBe('FORBIDDEN');
    const ack = await call(ACK, { id: report.id, expectedVersion: report.rowVersion }, 'unit.chezhan');
    expect(ack.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
  });

  test('partial update (issue 11 item 1): omitted fields and lines are kept, an explicit null clears', async () => {
    const kept = await call(
      UPDATE,
      { id: report.id, expectedVersion: report.rowVersion, correctiveMeasures: '加快拨付' },
      'unit.chezhan',
    );
    expect(kept.userErrors).toEqual([]);
    expect(await row(report.id)).toMatchObject({
      likelihood: 'POSSIBLE',
      corrective_measures: '加快拨付',
      completion_summary: '按计划推进',
      projected_execution: '1100000.00',
      lines: '1',
    });
    const cleared = await call(
      UPDATE,
      { id: report.id, expectedVersion: kept.report!.rowVersion, completionSummary: null, indicators: null },
      'unit.chezhan',
    );
    expect(cleared.userErrors).toEqual([]);
    expect(await row(report.id)).toMatchObject({
      likelihood: 'POSSIBLE',
      corrective_measures: '加快拨付',
      completion_summary: null,
      lines: '0',
    });
    report = cleared.report!;
  });

  test('once complete, SUBMIT is allowed and submit succeeds; then ACKNOWLEDGE is allowed for finance only and succeeds', async () => {
    const done = await call(
      UPDATE,
      {
        id: report.id,
        expectedVersion: report.rowVersion,
        likelihood: 'CERTAIN',
        indicators: goal.indicators.map((i, k) =>
          k === 2
            ? { indicatorId: i.id, projectedTier: 'ACHIEVED' }
            : { indicatorId: i.id, projectedValue: k === 0 ? '13' : '96' },
        ),
      },
      'unit.chezhan',
    );
    expect(done.userErrors).toEqual([]);
    const unit = Object.fromEntries(done.report!.availableActions.map((a) => [a.action, a]));
    // DOMAIN §9: still SLOW_EXECUTION-free only if money is on time; whichever way, the answer matches the mutation.
    const submitted = await call(
      SUBMIT,
      { id: report.id, expectedVersion: done.report!.rowVersion },
      'unit.chezhan',
    );
    expect(submitted.userErrors.length === 0).toBe(unit.SUBMIT.allowed);
    expect(unit.SUBMIT.allowed).toBe(true);
    expect((await row(report.id)).status).toBe('SUBMITTED');
    const finance = await actionsAs(report.id, 'finance.chezhan');
    expect(finance.ACKNOWLEDGE).toMatchObject({ allowed: true });
    expect((await actionsAs(report.id, 'unit.chezhan')).EDIT).toMatchObject({
      allowed: false,
      principle: 'P8',
    });
    const ack = await call(
      ACK,
      { id: report.id, expectedVersion: submitted.report!.rowVersion },
      'finance.chezhan',
    );
    expect(ack.userErrors).toEqual([]);
    expect((await row(report.id)).status).toBe('ACKNOWLEDGED');
  });
});
