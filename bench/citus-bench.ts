/**
 * Issue 17 benchmark (`npm run bench:citus`): the same roll-up work on plain PostgreSQL and on a Citus
 * cluster (coordinator + 2 workers), in one run, as ratios. Each engine gets a database with every
 * migration and the demo (the cluster's distributed by src/db/distribute.ts); then, as the API role with
 * the tenant set by SET LOCAL (one transaction each, as a request):
 * - fund-tree roll-up read: the maintained statistics of every parent goal of the tenant (what the
 *   roll-up resolvers read), 200 requests;
 * - a burst of 500 statistics refreshes under one parent (`rollup_refresh`, what every submission runs
 *   through its trigger), 8 at a time, all serialized by the parent's lock as concurrent submissions are.
 * PLAIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the plain server; the cluster is
 * started with ../shared/citus/cluster (CITUS_HOME, default /work/shared/citus) on CITUS_PORT (56300)
 * under /tmp and stopped at the end. Prints the load average beside every figure.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { Client, Pool } from 'pg';
import { loadDemo } from '../seeds';
import { enableAppRole, migrate, withDatabase } from '../src/db/bootstrap';
import { createCitusDatabase, dropCitusDatabase } from '../src/db/citus';
import { distributeUrl } from '../src/db/distribute';

const print = (line: string) => process.stdout.write(`${line}\n`);

const PASSWORD = 'bench-citus';
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface Figures {
  readMs: number;
  burstMs: number;
}

async function prepare(adminUrl: string, name: string, citus: boolean): Promise<string> {
  if (citus) await createCitusDatabase(adminUrl, name);
  else {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  }
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  await enableAppRole(url, PASSWORD);
  const owner = new Client({ connectionString: url });
  await owner.connect();
  await loadDemo(owner);
  await owner.end();
  if (citus) await distributeUrl(url);
  return url;
}

async function measure(ownerUrl: string): Promise<Figures> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ tenant_id: string; parent_goal_id: string }>(
    `SELECT tenant_id, parent_goal_id FROM rollup_population ORDER BY total DESC, parent_goal_id LIMIT 1`,
  );
  await owner.end();
  const [{ tenant_id: tenant, parent_goal_id: parent }] = rows;
  const app = new URL(ownerUrl);
  app.username = 'jixiao_app';
  app.password = PASSWORD;
  const pool = new Pool({ connectionString: app.toString(), max: 8 });
  const inTenant = async (work: (c: import('pg').PoolClient) => Promise<unknown>) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL jixiao.tenant_id = '${tenant}'`);
      await work(c);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
  const read = async () =>
    inTenant(async (c) => {
      await c.query(`SELECT * FROM rollup_population WHERE tenant_id = $1`, [tenant]);
      await c.query(`SELECT * FROM rollup_coverage WHERE tenant_id = $1`, [tenant]);
      await c.query(`SELECT * FROM rollup_indicator_stat WHERE tenant_id = $1`, [tenant]);
    });
  for (let i = 0; i < 20; i++) await read(); // warm-up
  let started = performance.now();
  for (let i = 0; i < 200; i++) await read();
  const readMs = performance.now() - started;
  started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < 500) {
        next += 1;
        await inTenant((c) => c.query(`SELECT rollup_refresh($1, $2)`, [tenant, parent]));
      }
    }),
  );
  const burstMs = performance.now() - started;
  await pool.end();
  return { readMs, burstMs };
}

async function main(): Promise<void> {
  const home = process.env.CITUS_HOME ?? '/work/shared/citus';
  const port = Number(process.env.CITUS_PORT ?? 56300);
  const plainAdmin = process.env.PLAIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dir = `/tmp/jixiao-citus-bench-${process.pid}`;
  const name = `jx_citus_bench_${Date.now().toString(36)}`;
  const citusAdmin = execFileSync(`${home}/cluster`, ['start', dir, String(port), '2'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  try {
    print(`prepare (load ${load()})`);
    const plainUrl = await prepare(plainAdmin, name, false);
    const citusUrl = await prepare(citusAdmin, name, true);
    const plain = await measure(plainUrl);
    print(
      `plain: read 200 ${plain.readMs.toFixed(0)} ms, burst 500 ${plain.burstMs.toFixed(0)} ms (load ${load()})`,
    );
    const citus = await measure(citusUrl);
    print(
      `citus: read 200 ${citus.readMs.toFixed(0)} ms, burst 500 ${citus.burstMs.toFixed(0)} ms (load ${load()})`,
    );
    print(
      `ratio citus/plain: read ${(citus.readMs / plain.readMs).toFixed(2)}, burst ${(citus.burstMs / plain.burstMs).toFixed(2)}`,
    );
    const c = new Client({ connectionString: plainAdmin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
    await dropCitusDatabase(citusAdmin, name);
  } finally {
    execFileSync(`${home}/cluster`, ['stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
