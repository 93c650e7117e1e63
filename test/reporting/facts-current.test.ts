/**
 * The reporting facts are always current (DOMAIN §11 "always current", §16; issue 14 "kept current in the
 * transaction of each change"): for every kind of change, inside the changing transaction the fact row
 * already says so, and after a rollback it is back as it was — asserted on `reporting_goal_fact` itself.
 * The last test goes through the API: an issued goal counts in the aggregate at once.
 */
import { randomUUID } from 'node:crypto';
import { TestApp } from '../harness/app';
import { A_RESULT, REGION, submitRegional, workedExampleGoal } from '../rollup/fixtures';
import { aggregate, gid } from './aggregate-fixtures';

let app: TestApp;
const ids: Record<string, string> = {};

type Fact = Record<string, unknown> | undefined;

async function fact(goalId: string): Promise<Fact> {
  const [row] = await app.sql(
    `SELECT status, in_force, budgeted::text, in_place::text, spent::text, output_indicators, monitored, flagged,
            self_evaluated, self_total::text, grade, evaluated FROM reporting_goal_fact WHERE goal_id = $1`,
    [goalId],
  );
  return row;
}

/** Runs `change` in a transaction of the owner connection; returns the fact inside it, then rolls back. */
async function inTransaction(
  goalId: string,
  change: () => Promise<unknown>,
): Promise<{ before: Fact; during: Fact; after: Fact }> {
  const before = await fact(goalId);
  await app.sql('BEGIN');
  let during: Fact;
  try {
    await change();
    during = await fact(goalId);
  } finally {
    await app.sql('ROLLBACK');
  }
  return { before, during, after: await fact(goalId) };
}

const goalNamed = async (name: string) =>
  (
    await app.sql<{ id: string }>('SELECT id FROM performance_goal WHERE name = $1 AND status <> $2', [
      name,
      'SUPERSEDED',
    ])
  )[0].id;

beforeAll(async () => {
  app = await TestApp.start();
  ids.approved = await goalNamed('张店区农业农村局2025年度部门整体绩效目标');
  ids.issuedProject = await goalNamed('张店区农村公路安全生命防护工程绩效目标');
  ids.submitted = await goalNamed('公园街道人行道改造项目绩效目标');
  ids.draft = await goalNamed('车站街道背街小巷路面修复项目绩效目标');
  ids.transferProject = await goalNamed('车站街道农村公路提档升级工程绩效目标');
  ids.regionalA = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  const [u] = await app.sql<{ user_id: string; org: string; tenant: string }>(
    `SELECT u.id AS user_id, u.organization_id AS org, u.tenant_id AS tenant FROM app_user u WHERE u.login = 'finance.zhangdian'`,
  );
  Object.assign(ids, u);
});
afterAll(async () => app.stop());

test('a goal issued comes into force in its transaction (DOMAIN §7)', async () => {
  const t = await inTransaction(ids.approved, () =>
    app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [ids.approved]),
  );
  expect([t.before?.in_force, t.during?.in_force, t.after?.in_force]).toEqual([false, true, false]);
});

test('a goal superseded or rejected leaves the facts in its transaction (DOMAIN §7)', async () => {
  const superseded = await inTransaction(ids.issuedProject, () =>
    app.sql(`UPDATE performance_goal SET status = 'SUPERSEDED' WHERE id = $1`, [ids.issuedProject]),
  );
  expect([superseded.before?.in_force, superseded.during, superseded.after?.in_force]).toEqual([
    true,
    undefined,
    true,
  ]);
  const rejected = await inTransaction(ids.submitted, () =>
    app.sql(`UPDATE performance_goal SET status = 'REJECTED', current_step = 0 WHERE id = $1`, [
      ids.submitted,
    ]),
  );
  expect([rejected.before?.status, rejected.during, rejected.after?.status]).toEqual([
    'SUBMITTED',
    undefined,
    'SUBMITTED',
  ]);
});

test('an indicator added is counted in its transaction (DOMAIN §5)', async () => {
  const t = await inTransaction(ids.draft, () =>
    app.sql(
      `INSERT INTO goal_indicator (tenant_id, id, goal_id, position, category, subcategory, name, kind, unit, comparator, target)
       SELECT tenant_id, $2, goal_id, 99, 'OUTPUT', 'QUANTITY', '新增指标', 'QUANTITATIVE', '个', 'GTE', '1'
         FROM goal_indicator WHERE goal_id = $1 LIMIT 1`,
      [ids.draft, randomUUID()],
    ),
  );
  expect(Number(t.during?.output_indicators)).toBe(Number(t.before?.output_indicators) + 1);
  expect(t.after).toEqual(t.before);
});

test('an execution recorded changes the money in its transaction (DOMAIN §4)', async () => {
  const t = await inTransaction(ids.transferProject, () =>
    app.sql(
      `INSERT INTO goal_execution (tenant_id, id, goal_id, year, month, budgeted, in_place, spent, recorded_by_user_id, recorded_by_organization_id)
       VALUES ($1, $2, $3, 2025, 3, 1000000, 800000, 500000, $4, $5)`,
      [ids.tenant, randomUUID(), ids.transferProject, ids.user_id, ids.org],
    ),
  );
  expect(t.before).toMatchObject({ budgeted: '0.00', spent: '0.00' });
  expect(t.during).toMatchObject({ budgeted: '1000000.00', in_place: '800000.00', spent: '500000.00' });
  expect(t.after).toEqual(t.before);
});

test('a monitoring report submitted counts as monitored, and flagged when not CERTAIN (DOMAIN §9)', async () => {
  const id = randomUUID();
  const t = await inTransaction(ids.transferProject, async () => {
    await app.sql(
      `INSERT INTO monitoring_report (tenant_id, id, goal_id, year, month, status, drafter_organization_id, acknowledger_organization_id)
       VALUES ($1, $2, $3, 2025, 6, 'DRAFT', $4, $4)`,
      [ids.tenant, id, ids.transferProject, ids.org],
    );
    await app.sql(
      `UPDATE monitoring_report SET status = 'SUBMITTED', likelihood = 'POSSIBLE', corrective_measures = '加快进度',
              projected_execution = 6000000, annual_budget = 6000000, budget_to_date = 3000000, in_place_to_date = 3000000,
              executed_to_date = 3000000, submitted_at = now(), submitted_by_user_id = $2 WHERE id = $1`,
      [id, ids.user_id],
    );
  });
  expect([t.before?.monitored, t.during?.monitored, t.during?.flagged, t.after?.monitored]).toEqual([
    false,
    true,
    true,
    false,
  ]);
});

test('a self-evaluation submitted brings its grade and money in its transaction (DOMAIN §10, §11)', async () => {
  const t = await inTransaction(ids.regionalA, () => submitRegional(app, ids.regionalA, A_RESULT));
  expect(t.before).toMatchObject({ self_evaluated: false, grade: null });
  expect(t.during).toMatchObject({
    self_evaluated: true,
    self_total: '96.08',
    grade: 'EXCELLENT',
    budgeted: '6000000.00',
    spent: '5700000.00',
  });
  expect(t.after).toEqual(t.before);
});

test('a finance evaluation finalized counts as evaluated in its transaction (DOMAIN §10)', async () => {
  const id = randomUUID();
  const t = await inTransaction(ids.issuedProject, async () => {
    await app.sql(
      `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, region_path)
       VALUES ($1, $2, $3, 'FINANCE', 2025, 'DRAFT', $4, '')`,
      [ids.tenant, id, ids.issuedProject, ids.org],
    );
    await app.sql(
      `UPDATE evaluation SET status = 'SUBMITTED', submitted_at = now(), total = 85, grade = 'GOOD' WHERE id = $1`,
      [id],
    );
    await app.sql(
      `UPDATE evaluation SET status = 'RESPONDED', response_decision = 'AGREE', responded_at = now(), responded_by_organization_id = $2 WHERE id = $1`,
      [id, ids.org],
    );
    await app.sql(`UPDATE evaluation SET status = 'FINALIZED', finalized_at = now() WHERE id = $1`, [id]);
  });
  expect([t.before?.evaluated, t.during?.evaluated, t.after?.evaluated]).toEqual([false, true, false]);
});

test('through the API: a goal issued by finance counts in the aggregate at once', async () => {
  const ask = () =>
    aggregate(app, 'finance.zhangdian', {
      d: ['GOAL_SCOPE'],
      m: ['GOAL_COUNT'],
      f: { goalScopes: ['DEPARTMENT'] },
    });
  const before = (await ask()).rows![0].goalCount as number;
  const [{ row_version: expectedVersion }] = await app.sql<{ row_version: number }>(
    'SELECT row_version FROM performance_goal WHERE id = $1',
    [ids.approved],
  );
  const res = await app.gql<{ issueGoal: { userErrors: unknown[] } }>(
    `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { userErrors { code message } } }`,
    { input: { id: gid('PerformanceGoal', ids.approved), expectedVersion } },
    { as: 'finance.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.issueGoal.userErrors).toEqual([]);
  expect((await fact(ids.approved))?.in_force).toBe(true);
  expect((await ask()).rows![0].goalCount).toBe(before + 1);
});

test('after all the changes, the maintained facts equal a rebuild from the base tables', async () => {
  const all = `SELECT f::text AS r FROM reporting_goal_fact f ORDER BY goal_id`;
  const maintained = await app.sql<{ r: string }>(all);
  await app.sql('BEGIN');
  try {
    await app.sql(
      `SELECT reporting_refresh_goals(t.tenant_id, t.goals) FROM (SELECT tenant_id, array_agg(id) AS goals FROM performance_goal GROUP BY tenant_id) t`,
    );
    expect(await app.sql<{ r: string }>(all)).toEqual(maintained);
  } finally {
    await app.sql('ROLLBACK');
  }
  expect(maintained.length).toBeGreaterThan(10);
});

test('the API role reads the facts of its tenant only and cannot write them', async () => {
  const { Client } = await import('pg');
  const api = new Client({ connectionString: app.db.appUrl });
  await api.connect();
  try {
    await api.query('BEGIN');
    await api.query(`SET LOCAL jixiao.tenant_id = '${ids.tenant}'`);
    const { rows } = await api.query<{ n: number; others: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id <> $1)::int AS others FROM reporting_goal_fact`,
      [ids.tenant],
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(rows[0].others).toBe(0);
    await expect(api.query(`DELETE FROM reporting_goal_fact`)).rejects.toMatchObject({ code: '42501' });
  } finally {
    await api.query('ROLLBACK').catch(() => undefined);
    await api.end();
  }
});

test('a project moved to another department moves its goal’s facts in its transaction (DEPARTMENT, SECTOR)', async () => {
  const departmentOf = async () =>
    (
      await app.sql<{ d: string }>('SELECT department_id AS d FROM reporting_goal_fact WHERE goal_id = $1', [
        ids.issuedProject,
      ])
    )[0].d;
  const [{ project, other }] = await app.sql<{ project: string; other: string }>(
    `SELECT g.project_id AS project, (SELECT o.id FROM organization o WHERE o.tenant_id = g.tenant_id
        AND o.kind = 'COMPETENT_DEPARTMENT' AND o.id <> p.department_id ORDER BY o.id LIMIT 1) AS other
       FROM performance_goal g JOIN project p ON p.id = g.project_id WHERE g.id = $1 AND g.department_id IS NULL`,
    [ids.issuedProject],
  );
  const before = await departmentOf();
  await app.sql('BEGIN');
  try {
    await app.sql('UPDATE project SET department_id = $2 WHERE id = $1', [project, other]);
    expect(await departmentOf()).toBe(other);
  } finally {
    await app.sql('ROLLBACK');
  }
  expect(await departmentOf()).toBe(before);
  expect(before).not.toBe(other);
});
