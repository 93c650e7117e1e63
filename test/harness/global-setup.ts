import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { loadDemo } from '../../seeds';
import { enableAppRole, migrate, withDatabase } from '../../src/db/bootstrap';
import { createCitusDatabase } from '../../src/db/citus';
import { distributeUrl } from '../../src/db/distribute';
import { TEST_APP_PASSWORD } from './env';

/**
 * Runs once per `npm test`: a PostgreSQL server (embedded, or the one at DATABASE_URL), a template
 * database with every migration applied and the demo data loaded. Each test file then clones its own
 * database from the template (test/harness/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
    // As root the server runs as the `postgres` OS user: it must reach this folder (the binaries it
    // reaches wherever the clone lives, src/db/pg-binaries.ts; an unreachable tmp dir moves the data).
    chmodSync(dir, 0o755);
    const port = 55000 + (process.pid % 5000);
    const server = await startEmbeddedPostgres(join(dir, 'pg'), port, dir);
    Object.assign(globalThis, {
      __jixiaoEmbedded: server,
      __jixiaoEmbeddedDirs: [dir, server.databaseDir],
    });
    adminUrl = server.adminUrl('postgres');
  }
  const template = `jx_tpl_${process.pid}_${Date.now().toString(36)}`;
  // Issue 17: CITUS=1 (npm run test:citus) — DATABASE_URL is a Citus coordinator; the template exists on
  // every node; it is distributed after the demo data is loaded (a populated database, as in production).
  const citus = process.env.CITUS === '1';
  if (citus) {
    await createCitusDatabase(adminUrl, template);
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
  }

  const templateUrl = withDatabase(adminUrl, template);
  await migrate(templateUrl);
  await enableAppRole(templateUrl, TEST_APP_PASSWORD);
  const owner = new Client({ connectionString: templateUrl });
  await owner.connect();
  await loadDemo(owner);
  await owner.end();
  if (citus) await distributeUrl(templateUrl);

  process.env.JIXIAO_TEST_ADMIN_URL = adminUrl;
  process.env.JIXIAO_TEST_TEMPLATE = template;
}
