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
 * The SECURITY DEFINER functions the API role may execute (issue 8 item 14): the login lookup, needed
 * before a tenant is known, the roll-up refresh its triggers call (which checks the tenant itself), and
 * the anonymous disclosure reads (published, unclassified rows only; DOMAIN §14, issue 13), and the
 * service-account token check, needed before a tenant is known (issue 14).
 * The reporting-login functions create and drop BI logins for the transaction's tenant only (issue 14).
 * The roll-up warm-up's listing answers the ids of the largest fund trees, no figure (issue 18).
 * The kept BI answers' listing answers the ids of the tenants that have some, no answer (issue 18).
 */
export const APP_DEFINER_FUNCTIONS = [
  'auth_find_login',
  'disclosure_public_evaluation_count',
  'disclosure_public_evaluations',
  'disclosure_public_goal_count',
  'disclosure_public_goals',
  'disclosure_public_results',
  'reporting_kept_tenants',
  'reporting_login_create',
  'reporting_login_revoke',
  'rollup_refresh',
  'rollup_warm_parents',
  'service_account_authenticate',
] as const;

/**
 * Re-asserted at every start after the migrations (so it covers functions added later): PUBLIC executes
 * no function of the schema; the API role executes the plain non-trigger functions (invoker's rights:
 * they grant nothing) and the definer functions listed above; every definer function has a pinned
 * search_path with pg_temp last. Same statements as migration DefinerHardening1763871000000.
 */
const restrictFunctionsSql = `DO $$
  DECLARE f record;
  BEGIN
    EXECUTE 'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC';
    FOR f IN SELECT p.oid::regprocedure AS sig, p.proname, p.prosecdef
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype LOOP
      IF NOT f.prosecdef OR f.proname = ANY (ARRAY['${APP_DEFINER_FUNCTIONS.join("', '")}']) THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jixiao_app', f.sig);
      END IF;
    END LOOP;
    FOR f IN SELECT p.oid::regprocedure AS sig
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prosecdef
                AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp'] LOOP
      EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f.sig);
    END LOOP;
  END $$`;

/**
 * Gives the API role `jixiao_app` (created NOLOGIN by the first migration) LOGIN and a password, and
 * returns the runtime URL: the owner URL with that role instead of the owner. Restricts function
 * execution on the way (see restrictFunctionsSql).
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
    await client.query(restrictFunctionsSql);
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
 * owner of any table (owners are exempt unless forced; we force it, but do not rely on one guard); and
 * refuses a database whose SECURITY DEFINER functions PUBLIC may execute.
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
    // Issue 8 item 14: a SECURITY DEFINER function that anyone may call is a hole in row-level security.
    const { rows: open } = await client.query<{ sig: string }>(
      `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef AND has_function_privilege('public', p.oid, 'EXECUTE')`,
    );
    if (open.length > 0) {
      throw new Error(
        `SECURITY DEFINER functions executable by PUBLIC: ${open.map((r) => r.sig).join(', ')} (run the migrations)`,
      );
    }
  } finally {
    await client.end();
  }
}
