/**
 * Issue 17, checks that only mean something on a Citus cluster (`npm run test:citus`; this folder is
 * only in jest.citus.config.js): the demo database, distributed by `npm run db:distribute`'s code, keeps
 * each tenant's rows of every table in one shard group on one worker, and one request of one tenant
 * touches only that worker.
 */
import { Client } from 'pg';
import { withDatabase } from '../../src/db/bootstrap';
import { citusNodes } from '../../src/db/citus';
import { distribute } from '../../src/db/distribute';
import { useTestApp } from '../harness/app';

const app = useTestApp();

const GOALS = `query { goals(first: 20) { totalCount nodes { id name status } } }`;

/**
 * Scans of the shards on each worker (port → sequential + index scans over the database's shard
 * tables). Not transactions: the coordinator's distributed deadlock detector opens transactions on every
 * worker every few seconds, but it reads no table.
 */
async function workerScans(): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const node of (await citusNodes(app.db.ownerUrl)).filter((n) => !n.coordinator)) {
    const c = new Client({ connectionString: withDatabase(node.url, app.db.name) });
    await c.connect();
    try {
      // Citus hides the shards from catalog queries of ordinary sessions.
      await c.query(`SET citus.show_shards_for_app_name_prefixes = '*'`);
      const { rows } = await c.query<{ n: string }>(
        `SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::text AS n FROM pg_stat_user_tables`,
      );
      counts.set(Number(new URL(node.url).port), Number(rows[0].n));
    } finally {
      await c.end();
    }
  }
  return counts;
}

/** The worker that holds a tenant's shard group (of `region`, the co-location group's anchor). */
async function workerOf(tenantId: string): Promise<number> {
  const [row] = await app.sql<{ port: number }>(
    `SELECT p.nodeport AS port FROM pg_dist_shard_placement p
      WHERE p.shardid = get_shard_id_for_distribution_column('region', $1::uuid)`,
    [tenantId],
  );
  return row.port;
}

test('tenant tables are distributed by tenant_id in one co-location group; tenant and reporting_login are reference tables', async () => {
  const rows = await app.sql<{ name: string; method: string; column: string | null; colocation: number }>(
    `SELECT logicalrelid::regclass::text AS name, partmethod AS method,
            column_to_column_name(logicalrelid, partkey) AS column, colocationid AS colocation
       FROM pg_dist_partition ORDER BY 1`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  expect(byName.get('tenant')).toMatchObject({ method: 'n' });
  expect(byName.get('reporting_login')).toMatchObject({ method: 'n' });
  expect(byName.has('schema_migration')).toBe(false);
  const distributed = rows.filter((r) => r.method === 'h');
  expect(distributed.map((r) => r.name)).toEqual(
    expect.arrayContaining(['region', 'performance_goal', 'evaluation', 'rollup_population', 'user_login']),
  );
  expect(new Set(distributed.map((r) => r.column))).toEqual(new Set(['tenant_id']));
  expect(new Set(distributed.map((r) => r.colocation)).size).toBe(1);
  // Every table of the schema with a tenant_id is distributed (a table left local would be a gap).
  const [{ local }] = await app.sql<{ local: number }>(
    `SELECT count(*)::int AS local FROM information_schema.columns c
       JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
        AND k.oid NOT IN (SELECT logicalrelid FROM pg_dist_partition)`,
  );
  expect(local).toBe(0);
});

test("each tenant's rows of every distributed table live in one shard group on one worker", async () => {
  const tables = await app.sql<{ name: string }>(
    `SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY 1`,
  );
  const tenants = await app.sql<{ id: string }>(`SELECT id FROM tenant ORDER BY id`);
  expect(tenants.length).toBeGreaterThanOrEqual(2);
  let checked = 0;
  for (const { id } of tenants) {
    const groups = await app.sql<{ min: string; port: number; rows: number }>(
      tables
        .map(
          (t) => `SELECT s.shardminvalue AS min, p.nodeport AS port,
                   (SELECT count(*)::int FROM ${t.name} x WHERE x.tenant_id = '${id}') AS rows
              FROM pg_dist_shard s JOIN pg_dist_shard_placement p ON p.shardid = s.shardid
             WHERE s.shardid = get_shard_id_for_distribution_column('${t.name}', '${id}'::uuid)`,
        )
        .join(' UNION ALL '),
    );
    expect(new Set(groups.map((g) => g.min)).size).toBe(1);
    expect(new Set(groups.map((g) => g.port)).size).toBe(1);
    checked += groups.reduce((n, g) => n + g.rows, 0);
  }
  // The demo's rows are there (and nothing above counted an empty database as a pass).
  const [{ all }] = await app.sql<{ all: number }>(`SELECT count(*)::int AS all FROM region`);
  expect(all).toBeGreaterThan(0);
  expect(checked).toBeGreaterThan(all);
});

test('a request of one tenant touches only the worker that holds its shard group', async () => {
  const token = await app.tokenFor('finance.zhangdian');
  const [{ tenant_id: tenantId }] = await app.sql<{ tenant_id: string }>(
    `SELECT tenant_id FROM app_user WHERE login = 'finance.zhangdian'`,
  );
  const home = await workerOf(tenantId);
  const warm = await app.gql(GOALS, {}, { token });
  expect(warm.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 11000)); // an idle backend flushes its statistics within 10 s
  const before = await workerScans();
  for (let i = 0; i < 3; i++) {
    const res = await app.gql<{ goals: { nodes: unknown[] } }>(GOALS, {}, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.goals.nodes.length).toBeGreaterThan(0);
  }
  await new Promise((resolve) => setTimeout(resolve, 11000));
  const after = await workerScans();
  for (const [port, n] of after) {
    const delta = n - (before.get(port) ?? 0);
    if (port === home) expect(delta).toBeGreaterThanOrEqual(3);
    else expect(delta).toBe(0);
  }
});

test('distribution is idempotent: a second run changes nothing', async () => {
  const client = new Client({ connectionString: app.db.ownerUrl });
  await client.connect();
  try {
    const result = await distribute(async (text, params) => (await client.query(text, params)).rows);
    expect(result.citus).toBe(true);
    expect(result.distributed).toEqual([]);
    expect(result.reference).toEqual([]);
    expect(result.unchanged).toEqual(expect.arrayContaining(['public.region', 'public.tenant']));
  } finally {
    await client.end();
  }
});
