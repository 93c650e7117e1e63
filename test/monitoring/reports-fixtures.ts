/**
 * Shared by the monitoring report API tests (DOMAIN §9; 002 附件4–5, 第十四条): the report operations and
 * the arrangement of two issued 车站街道 project goals, `goal` with money recorded for January–March
 * (100,000 budgeted and in place, 50,000 spent each month) and `quiet`, which never reports.
 */
import { useTestApp, type TestApp } from '../harness/app';
import { standIn } from '../harness/stand-in';
import { ERRORS, issuedProjectGoal, type IssuedGoal, type UserErrorRow } from './fixtures';
import { payloadCalls } from './payload-calls';

export { ERRORS };

export const REPORT = `id status rowVersion year month likelihood correctiveMeasures flags
  money { annualBudget budgetToDate spentToDate executionRateToDate executionOfAnnualRate projectedExecution projectedExecutionRate }
  indicators { indicator { name } projectedValue projectedTier offTrack causes { cause text } }
  acknowledger { name } drafter { name } goal { id }`;
export const CREATE = `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
export const UPDATE = `mutation($input: UpdateMonitoringReportInput!) { updateMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitMonitoringReportInput!) { submitMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
export const ACK = `mutation($input: AcknowledgeMonitoringReportInput!) { acknowledgeMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`;
export const RECORD = `mutation($input: RecordExecutionInput!) { recordExecution(input: $input) { execution { month } ${ERRORS} } }`;
export const MISSING = `query($y: Int!, $m: Int!) { goalsMissingMonitoringReport(year: $y, month: $m, first: 100) { totalCount nodes { id } } }`;
export const POLICY = `query { monitoringPolicy { slowExecutionThreshold rowVersion } }`;
export const SET_POLICY = `mutation($input: SetMonitoringPolicyInput!) { setMonitoringPolicy(input: $input) { policy { slowExecutionThreshold rowVersion } ${ERRORS} } }`;

export interface Report {
  id: string;
  status: string;
  rowVersion: number;
  flags: string[];
  money: Record<string, string | null>;
  indicators: { indicator: { name: string }; projectedValue: string | null; offTrack: boolean | null }[];
  acknowledger: { name: string } | null;
}
type Payload = { report?: Report | null; userErrors: UserErrorRow[] } & Record<string, unknown>;

/** `ok`, `refused` and `denied` on report payloads (test/monitoring/payload-calls.ts). */
export const reportCalls = (app: TestApp) => payloadCalls<Payload>(() => app);

/** The two goals, and January–March of `goal` recorded by unit.chezhan. */
export async function reportGoals(app: TestApp): Promise<{ goal: IssuedGoal; quiet: IssuedGoal }> {
  const { ok } = reportCalls(app);
  const goal = await issuedProjectGoal(app, '监控报告');
  const quiet = await issuedProjectGoal(app, '未报送');
  for (const [m, spent] of [
    [1, '50000.00'],
    [2, '50000.00'],
    [3, '50000.00'],
  ] as const) {
    await ok(
      RECORD,
      { goalId: goal.id, year: 2025, month: m, budgeted: '100000.00', inPlace: '100000.00', spent },
      'unit.chezhan',
    );
  }
  return { goal, quiet };
}

/**
 * The setup of a report test file: the app, the report calls and the two goals of `reportGoals`, arranged
 * before the tests (`goal` and `quiet` stand for them, stand-in.ts).
 */
export function useReportGoals() {
  const app = useTestApp();
  let goals: { goal: IssuedGoal; quiet: IssuedGoal } | undefined;
  beforeAll(async () => {
    goals = await reportGoals(app);
  });
  return {
    app,
    ...reportCalls(app),
    goal: standIn(() => goals?.goal, 'the report goal'),
    quiet: standIn(() => goals?.quiet, 'the quiet goal'),
  };
}

/** March of `goal` recorded again, after its report was submitted: 90,000 spent (190,000 executed to date). */
export const recordMarchAgain = (app: TestApp, goal: IssuedGoal) =>
  reportCalls(app).ok(
    RECORD,
    {
      goalId: goal.id,
      year: 2025,
      month: 3,
      budgeted: '100000.00',
      inPlace: '100000.00',
      spent: '90000.00',
      expectedVersion: 1,
    },
    'unit.chezhan',
  );
