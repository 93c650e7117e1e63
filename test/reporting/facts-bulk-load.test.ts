/**
 * Bulk loads and the reporting facts (issue 14; migration ReportingFactBulkLoad1763894000000): an OWNER
 * session may defer the fact triggers (`jixiao.reporting_facts = 'deferred'`) and rebuild a tenant's facts
 * once with `reporting_rebuild_facts` — the rebuild equals what the triggers keep (DOMAIN §16 "equal",
 * §11 "always current"). The API's runtime role cannot switch them off: the setting is ignored for it,
 * and it may neither rebuild nor disable a trigger.
 */
import { Client } from 'pg';
import { TestApp } from '../harness/app';

let app: TestApp;
let tenant: string;
let approved: string;

const FACTS = `SELECT md5(string_agg(f::text, '|' ORDER BY f.goal_id)) AS h, count(*)::int AS n FROM reporting_goal_fact f`;
const digest = async () => (await app.sql<{ h: string; n: number }>(FACTS))[0];
const inForce = async (db: { query: Client['query'] }, id: string) =>
  (
    (await db.query(`SELECT in_force FROM reporting_goal_fact WHERE goal_id = $1`, [id])).rows[0] as {
      in_force: boolean;
    }
  ).in_force;

beforeAll(async () => {
  app = await TestApp.start();
  [{ id: approved, tenant_id: tenant }] = await app.sql<{ id: string; tenant_id: string }>(
    `SELECT id, tenant_id FROM performance_goal WHERE name = '张店区农业农村局2025年度部门整体绩效目标' AND status = 'APPROVED'`,
  );
});
afterAll(async () => app.stop());

test('the owner deferring: a change leaves the facts alone, one rebuild makes them current', async () => {
  const before = await digest();
  await app.sql('BEGIN');
  try {
    await app.sql(`SELECT set_config('jixiao.reporting_facts', 'deferred', true)`);
    await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [approved]);
    expect(await inForce(app.owner, approved)).toBe(false);
    expect(await digest()).toEqual(before);
    const [{ n }] = await app.sql<{ n: string }>(`SELECT reporting_rebuild_facts($1) AS n`, [tenant]);
    expect(Number(n)).toBe(before.n);
    expect(await inForce(app.owner, approved)).toBe(true); // DOMAIN §7: issued = in force
  } finally {
    await app.sql('ROLLBACK');
  }
  expect(await digest()).toEqual(before);
});

test('DOMAIN §16: the set-based rebuild equals the facts the triggers kept, row for row', async () => {
  const kept = await digest();
  expect(kept.n).toBeGreaterThan(10);
  await app.sql('BEGIN');
  try {
    await app.sql(`DELETE FROM reporting_goal_fact`);
    await app.sql(`SELECT reporting_rebuild_facts($1)`, [tenant]);
    expect(await digest()).toEqual(kept);
  } finally {
    await app.sql('ROLLBACK');
  }
});

test('P8: the API role setting the GUC changes nothing — its write rebuilds the fact in its transaction', async () => {
  const api = new Client({ connectionString: app.db.appUrl });
  await api.connect();
  try {
    await api.query('BEGIN');
    await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenant]);
    await api.query(`SELECT set_config('jixiao.reporting_facts', 'deferred', true)`);
    await api.query(`SET LOCAL jixiao.reporting_facts = 'deferred'`);
    expect(await inForce(api, approved)).toBe(false);
    await api.query(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [approved]);
    expect(await inForce(api, approved)).toBe(true);
    await api.query('ROLLBACK');
    for (const sql of [
      `SELECT reporting_rebuild_facts('${tenant}')`,
      `SELECT reporting_refresh_goals_now('${tenant}', ARRAY['${approved}']::uuid[])`,
      `ALTER TABLE performance_goal DISABLE TRIGGER trg_performance_goal_reporting_update`,
      `ALTER TABLE performance_goal DISABLE TRIGGER ALL`,
      `DELETE FROM reporting_goal_fact`,
    ]) {
      await expect(api.query(sql)).rejects.toMatchObject({ code: '42501' }); // insufficient_privilege
    }
  } finally {
    await api.end();
  }
  expect(await inForce(app.owner, approved)).toBe(false);
});
