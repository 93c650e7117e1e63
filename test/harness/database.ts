import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../src/db/bootstrap';
import { createCitusDatabase, dropCitusDatabase } from '../../src/db/citus';
import { TEST_APP_PASSWORD } from './env';
import { standIn } from './stand-in';

export interface TestDatabase {
  name: string;
  /** Owner connection URL: bypasses row-level security; for arranging data and asserting outcomes. */
  ownerUrl: string;
  /** The API role's URL (jixiao_app: no ownership, no superuser, no BYPASSRLS). */
  appUrl: string;
  drop: () => Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated and seeded template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.JIXIAO_TEST_ADMIN_URL;
  const template = process.env.JIXIAO_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('The Jest global setup did not run');
  const name = `jx_t_${template.replace('jx_tpl_', '')}_${randomBytes(4).toString('hex')}`;
  // Issue 17: on a Citus cluster (CITUS=1) every node's copy of the template is cloned.
  const citus = process.env.CITUS === '1';
  if (citus) {
    await createCitusDatabase(adminUrl, name, template);
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
  }
  const ownerUrl = withDatabase(adminUrl, name);
  const app = new URL(ownerUrl);
  app.username = 'jixiao_app';
  app.password = TEST_APP_PASSWORD;
  return {
    name,
    ownerUrl,
    appUrl: app.toString(),
    drop: async () => {
      if (citus) return dropCitusDatabase(adminUrl, name);
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database and an owner connection (bypasses row-level security) for the tests of a file: created
 * before them, closed and dropped after them; `beforeStop` runs first, with the owner connection (e.g.
 * dropping the cluster-wide roles a test created). The values stand for the started ones (stand-in.ts).
 */
export function useTestDatabase(options: { beforeStop?: (owner: Client) => Promise<unknown> } = {}): {
  db: TestDatabase;
  owner: Client;
} {
  let started: { db: TestDatabase; owner: Client } | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase();
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    started = { db, owner };
  });
  afterAll(async () => {
    if (!started) return;
    await options.beforeStop?.(started.owner);
    await started.owner.end();
    await started.db.drop();
    started = undefined;
  });
  return {
    db: standIn(() => started?.db, 'the test database'),
    owner: standIn(() => started?.owner, 'the owner connection'),
  };
}
