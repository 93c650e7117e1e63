/**
 * The per-month list of missing monitoring reports follows the tenant policy's cadence and due day
 * (DOMAIN §9 "Cadences and due dates are tenant settings"; DOMAIN §10 rule 7 "every deadline is tenant
 * policy"; issue 9 item 15): a month is due only when the cadence asks for a report that month and the due
 * day of the following month has passed (end of day, Asia/Shanghai).
 */
import { defaultPolicyValues, MonitoringCadence, monitoringMonthDue } from '../../src/policy/rules/policy';
import { TestApp } from '../harness/app';
import { ERRORS, issuedProjectGoal, type IssuedGoal } from './fixtures';

let app: TestApp;
let goal: IssuedGoal;

const MISSING = `query($y: Int!, $m: Int!) { goalsMissingMonitoringReport(year: $y, month: $m, first: 100) { totalCount nodes { id } } }`;
const UPDATE = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { version monitoringCadence monitoringDueDay } ${ERRORS} } }`;

const missing = async (m: number, as = 'finance.chezhan') => {
  const res = await app.gql<{
    goalsMissingMonitoringReport: { totalCount: number; nodes: { id: string }[] };
  }>(MISSING, { y: 2025, m }, { as });
  expect(res.errors).toBeUndefined();
  return res.data!.goalsMissingMonitoringReport;
};

beforeAll(async () => {
  app = await TestApp.start();
  goal = await issuedProjectGoal(app, '频次');
});
afterAll(async () => app.stop());

describe('monitoringMonthDue (DOMAIN §9: cadence and due day are tenant settings)', () => {
  const monthly = defaultPolicyValues(2025);
  test('a monthly report for March is due from the end of 10 April in Shanghai', () => {
    expect(monitoringMonthDue(monthly, 2025, 3, new Date('2025-04-10T15:59:59Z'))).toBe(false);
    expect(monitoringMonthDue(monthly, 2025, 3, new Date('2025-04-10T16:00:00Z'))).toBe(true);
  });
  test('the due day is the policy’s: with the 20th, March is not due on 15 April', () => {
    const p = { ...monthly, monitoringDueDay: 20 };
    expect(monitoringMonthDue(p, 2025, 3, new Date('2025-04-15T00:00:00Z'))).toBe(false);
    expect(monitoringMonthDue(p, 2025, 3, new Date('2025-04-20T16:00:00Z'))).toBe(true);
  });
  test('a quarterly cadence asks for March, June, September, December only; half-yearly for June and December', () => {
    const later = new Date('2030-01-01T00:00:00Z');
    const quarterly = { ...monthly, monitoringCadence: MonitoringCadence.QUARTERLY };
    const halfYearly = { ...monthly, monitoringCadence: MonitoringCadence.HALF_YEARLY };
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(months.filter((m) => monitoringMonthDue(quarterly, 2025, m, later))).toEqual([3, 6, 9, 12]);
    expect(months.filter((m) => monitoringMonthDue(halfYearly, 2025, m, later))).toEqual([6, 12]);
    expect(months.filter((m) => monitoringMonthDue(monthly, 2025, m, later))).toEqual(months);
  });
  test('December’s report falls due in January of the next year', () => {
    expect(monitoringMonthDue(monthly, 2025, 12, new Date('2026-01-10T15:59:59Z'))).toBe(false);
    expect(monitoringMonthDue(monthly, 2025, 12, new Date('2026-01-10T16:00:00Z'))).toBe(true);
  });
});

describe('goalsMissingMonitoringReport takes the tenant policy (DOMAIN §9, §10.7)', () => {
  test('monthly by default: an issued goal without reports is missing in April 2025', async () => {
    const april = await missing(4);
    expect(april.nodes.map((n) => n.id)).toContain(goal.id);
  });

  test('once finance sets a quarterly cadence, April is not asked for; March and June still are', async () => {
    const res = await app.gql<{
      updatePolicy: { policy: { monitoringCadence: string } | null; userErrors: unknown[] };
    }>(
      UPDATE,
      { input: { year: 2025, expectedVersion: 0, monitoringCadence: 'QUARTERLY', reason: '按季监控' } },
      { as: 'finance.zibo' },
    );
    expect(res.data!.updatePolicy.userErrors).toEqual([]);
    const [stored] = await app.sql<{ monitoring_cadence: string }>(
      `SELECT monitoring_cadence FROM tenant_policy WHERE year = 2025 ORDER BY version DESC LIMIT 1`,
    );
    expect(stored.monitoring_cadence).toBe('QUARTERLY');

    expect(await missing(4)).toEqual({ totalCount: 0, nodes: [] });
    expect(await missing(5, 'unit.chezhan')).toEqual({ totalCount: 0, nodes: [] });
    for (const m of [3, 6, 12]) expect((await missing(m)).nodes.map((n) => n.id)).toContain(goal.id);
  });
});
