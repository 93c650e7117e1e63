import { Client } from 'pg';
import { createDataSource } from './data-source';

/** Applies pending migrations with the owner connection. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const ds = createDataSource(ownerUrl, 1);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** The same server URL naming another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates the database a URL names when it does not exist yet, through the server's `postgres`
 * maintenance database. An owner without CREATEDB gets a message saying what to do.
 */
export async function ensureDatabaseOf(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database) throw new Error('DATABASE_URL must name a database, e.g. postgres://owner@host:5432/jixiao');
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000: database does not exist
  }
  try {
    await ensureDatabase(withDatabase(url, 'postgres'), database);
  } catch (error) {
    throw new Error(
      `Database "${database}" does not exist and could not be created (${(error as Error).message}); create it, owned by the DATABASE_URL role`,
    );
  }
}

/** Creates a database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Gives the API role `jixiao_app` (created NOLOGIN by the first migration) LOGIN and a password, and
 * returns the runtime URL: the owner URL with that role instead of the owner.
 */
export async function enableAppRole(ownerUrl: string, password: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE jixiao_app WITH LOGIN PASSWORD %L', $1::text) AS sql`,
      [password],
    );
    await client.query(rows[0].sql);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = 'jixiao_app';
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Refuses to run the API as a role that could read past row-level security: superuser, BYPASSRLS, or
 * owner of any table (owners are exempt unless forced; we force it, but do not rely on one guard).
 */
export async function assertSafeAppRole(appUrl: string): Promise<void> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const role = rows[0];
    if (!role || role.rolsuper || role.rolbypassrls || Number(role.owned) > 0) {
      throw new Error(
        'The API database role must not be superuser, must not have BYPASSRLS and must own no tables (see README "Database roles")',
      );
    }
  } finally {
    await client.end();
  }
}
