/**
 * The roll-up's maintained statistics (migration RollupStatistics1763860000000; DOMAIN §11 "always
 * current"): kept in the transaction of every submission, review, return and change of a goal's force,
 * equal to a rebuild from the base tables, and safe under concurrent submissions under one parent (a
 * second submission waits for the first and counts both — nothing is lost).
 */
import { Client } from 'pg';
import { generateSyntheticCity, generateSyntheticEvaluations } from '../../seeds';
import { setTenantSql } from '../../src/db/request-db';
import { TestApp } from '../harness/app';

let app: TestApp;
let tenantId: string;
let parent: string;
let drafts: string[];

const TABLES = ['rollup_population', 'rollup_coverage', 'rollup_indicator_stat'];

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    out[t] = (
      await app.sql(`SELECT * FROM ${t} WHERE tenant_id = $1 ORDER BY parent_goal_id, 3, 4`, [tenantId])
    ).map((r) => {
      // The version changes on every refresh by design; everything else must be identical.
      const { version: _version, ...rest } = r as Record<string, unknown>;
      return JSON.parse(JSON.stringify(rest));
    });
  }
  return out;
}

async function counted(reviewed: boolean): Promise<number> {
  const [row] = await app.sql<{ counted: number }>(
    `SELECT COALESCE(sum(counted), 0)::int AS counted FROM rollup_coverage WHERE tenant_id = $1 AND parent_goal_id = $2 AND reviewed = $3`,
    [tenantId, parent, reviewed],
  );
  return row.counted;
}

const submit = (client: Client | TestApp['owner'], id: string) =>
  client.query(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 90, grade = 'EXCELLENT', submitted_at = now() WHERE id = $1`,
    [id],
  );

beforeAll(async () => {
  app = await TestApp.start();
  const city = await generateSyntheticCity(app.owner, { seed: 77, scale: 'small' });
  tenantId = city.tenantId;
  // Regional goals of the big fund, with their transfer-project children.
  const [{ id }] = await app.sql<{ id: string }>(
    `SELECT g.parent_goal_id AS id FROM performance_goal g
      WHERE g.tenant_id = $1 AND g.scope = 'TRANSFER_PROJECT' AND g.status = 'ISSUED'
      GROUP BY g.parent_goal_id HAVING count(*) >= 3 ORDER BY g.parent_goal_id LIMIT 1`,
    [tenantId],
  );
  parent = id;
  const children = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE tenant_id = $1 AND parent_goal_id = $2 AND status = 'ISSUED' ORDER BY id`,
    [tenantId, parent],
  );
  const summary = await generateSyntheticEvaluations(app.owner, {
    tenantId,
    seed: 77,
    share: 1,
    goalIds: children.map((c) => c.id),
    status: 'DRAFT',
  });
  drafts = summary.evaluations.map((e) => e.id);
}, 120_000);
afterAll(async () => app.stop());

test('drafts do not count; the population is the children in force', async () => {
  expect(drafts.length).toBeGreaterThanOrEqual(3);
  expect(await counted(false)).toBe(0);
  const [pop] = await app.sql<{ total: number; leaves: boolean }>(
    'SELECT total, leaves FROM rollup_population WHERE tenant_id = $1 AND parent_goal_id = $2',
    [tenantId, parent],
  );
  expect(pop).toEqual({ total: drafts.length, leaves: true });
});

test('two concurrent submissions under one parent: the second waits for the first, both are counted', async () => {
  const one = new Client({ connectionString: app.db.ownerUrl });
  const two = new Client({ connectionString: app.db.ownerUrl });
  await Promise.all([one.connect(), two.connect()]);
  try {
    await one.query('BEGIN');
    await two.query('BEGIN');
    await submit(one, drafts[0]);
    let secondDone = false;
    const second = submit(two, drafts[1]).then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 300));
    // The second submission is held by the parent's lock until the first commits.
    expect(secondDone).toBe(false);
    await one.query('COMMIT');
    await second;
    await two.query('COMMIT');
  } finally {
    await Promise.all([one.end(), two.end()]);
  }
  expect(await counted(false)).toBe(2);
});

test('review moves a result to REVIEWED, a return takes it out, a superseded goal leaves the population', async () => {
  await submit(app.owner, drafts[2]);
  expect(await counted(false)).toBe(3);
  await app.sql(`UPDATE evaluation SET status = 'REVIEWED', reviewed_at = now() WHERE id = $1`, [drafts[0]]);
  expect([await counted(false), await counted(true)]).toEqual([2, 1]);
  await app.sql(`UPDATE evaluation SET status = 'RETURNED' WHERE id = $1`, [drafts[1]]);
  expect([await counted(false), await counted(true)]).toEqual([1, 1]);
  const [{ goal_id: goalOfReviewed }] = await app.sql<{ goal_id: string }>(
    'SELECT goal_id FROM evaluation WHERE id = $1',
    [drafts[0]],
  );
  await app.sql(`UPDATE performance_goal SET status = 'SUPERSEDED' WHERE id = $1`, [goalOfReviewed]);
  expect(await counted(true)).toBe(0);
  const [pop] = await app.sql<{ total: number }>(
    'SELECT total FROM rollup_population WHERE tenant_id = $1 AND parent_goal_id = $2',
    [tenantId, parent],
  );
  expect(pop.total).toBe(drafts.length - 1);
});

test('the maintained statistics equal a rebuild from the base tables', async () => {
  const kept = await snapshot();
  expect(kept.rollup_indicator_stat.length).toBeGreaterThan(0);
  await app.sql(
    `SELECT rollup_refresh(p.tenant_id, p.parent_goal_id) FROM (SELECT DISTINCT tenant_id, parent_goal_id FROM performance_goal WHERE tenant_id = $1 AND parent_goal_id IS NOT NULL) p`,
    [tenantId],
  );
  expect(await snapshot()).toEqual(kept);
});

test('every refresh gives the parent a new version (what lets a computed roll-up be reused safely)', async () => {
  const version = async () =>
    (
      await app.sql<{ version: string }>(
        'SELECT version::text FROM rollup_population WHERE tenant_id = $1 AND parent_goal_id = $2',
        [tenantId, parent],
      )
    )[0].version;
  const before = await version();
  await submit(app.owner, drafts[3] ?? drafts[1]);
  expect(BigInt(await version())).toBeGreaterThan(BigInt(before));
});

test('the API role reads the statistics but cannot write them (derived data)', async () => {
  const appRole = new Client({ connectionString: app.db.appUrl });
  await appRole.connect();
  try {
    await appRole.query('BEGIN');
    // As the API sets it (SET LOCAL, propagated to Citus workers; issue 17).
    await appRole.query(setTenantSql(tenantId));
    const { rows } = await appRole.query('SELECT count(*)::int AS n FROM rollup_population');
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(appRole.query('DELETE FROM rollup_population')).rejects.toThrow(/permission denied/);
    await appRole.query('ROLLBACK');
  } finally {
    await appRole.end();
  }
});
