/**
 * Shared setup of the synthetic city tests (synthetic-goals.test.ts, synthetic-goal-trees.test.ts; issue #3):
 * the synthetic city generated from one seed on a fresh database, owner SQL on it, and a digest of its
 * workload rows.
 */
import { Client } from 'pg';
import { generateSyntheticCity, type SyntheticCity } from '../../seeds';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Issue #3: the synthetic city's funds, projects and goals, at a small scale on fresh databases.
export const SEED = 20261122;
export const databases: TestDatabase[] = [];
export const clients: Client[] = [];
export let owner: Client;
export let city: SyntheticCity;

export async function generate(): Promise<{ client: Client; city: SyntheticCity }> {
  const db = await createTestDatabase();
  databases.push(db);
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  clients.push(client);
  return { client, city: await generateSyntheticCity(client, { seed: SEED, scale: 'small' }) };
}

export const sql = async <R>(text: string, params: unknown[] = []): Promise<R[]> =>
  (await owner.query(text, params)).rows as R[];

/** Every workload row, timestamps left out (they are the clock's, not the seed's). */
export async function digest(client: Client, tenantId: string): Promise<Record<string, string>> {
  const tables = [
    'fund',
    'project',
    'fund_allocation',
    'performance_goal',
    'goal_indicator',
    'goal_transition',
  ];
  const parts = tables.map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(x) - 'created_at' - 'updated_at' - 'at')::text, '|' ORDER BY x.id), '')) AS h FROM ${t} x WHERE x.tenant_id = $1`,
  );
  const rows = (
    await client.query<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '), [tenantId])
  ).rows;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useSyntheticCity(): void {
  beforeAll(async () => {
    ({ client: owner, city } = await generate());
  });
  afterAll(async () => {
    for (const c of clients) await c.end();
    for (const db of databases) await db.drop();
  });
}
