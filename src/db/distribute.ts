import { Client } from 'pg';

/**
 * Distribution as code (issue 17): turns a migrated database on a Citus coordinator into a distributed
 * one. Every table with a `tenant_id` column is distributed by it, all in one co-location group, so one
 * tenant's rows of every table live in one shard group on one worker; tables without a tenant (`tenant`
 * itself: its unique `code` cannot include a distribution column) are reference tables (copied to every
 * node), except TypeORM's `schema_migration`, which stays
 * on the coordinator. Idempotent: tables already distributed are left as they are, so it runs after
 * every migration (new tables are distributed as they are created) and on an empty or a populated
 * database (Citus copies the rows of a populated table into its shards).
 *
 * The triggers of the schema keep the derived rows (roll-up statistics, login directory, reporting
 * facts and cells, paths) current in the transaction of every change. On Citus they run on the shard,
 * and every one of them reads or writes only rows of the same tenant, i.e. shards of the same shard
 * group on the same worker: `citus.enable_unsafe_triggers` lets Citus create them on the shards and
 * `citus.allow_nested_distributed_execution` lets their statements run there, routed to the co-located
 * local shards (see docs/scaling.md for the measurements and the limits).
 */

/** Tables that stay local to the coordinator (bookkeeping). */
const LOCAL_TABLES = new Set(['public.schema_migration']);

/**
 * Tenant tables that are reference tables all the same: `reporting_login` maps database roles, whose
 * names are unique across the cluster (`uq_reporting_login_role`), so it cannot be sharded by tenant.
 */
const REFERENCE_TABLES = new Set(['public.reporting_login']);

/**
 * Foreign keys Citus cannot hold (a reference table may not reference a distributed table); the
 * functions that write the table check the same thing (`reporting_login_create` reads the region).
 */
const SKIPPED_KEYS = new Set(['public.reporting_login.fk_reporting_login_region']);

function tableKind(table: { name: string; tenant: boolean }): 'distributed' | 'reference' {
  return table.tenant && !REFERENCE_TABLES.has(table.name) ? 'distributed' : 'reference';
}

/** What `distribute` did: each table and the kind it was given now (or already had). */
export interface DistributeResult {
  citus: boolean;
  distributed: string[];
  reference: string[];
  /** Tables that were already distributed or reference tables before this run. */
  unchanged: string[];
}

type Sql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Whether the database has the Citus extension (no: plain PostgreSQL, nothing to distribute). */
export async function hasCitus(sql: Sql): Promise<boolean> {
  const rows = await sql(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  return rows.length > 0;
}

/**
 * The settings the schema's triggers need on every node of the database (each tenant's triggers touch
 * only that tenant's co-located shards). Set per database so that every session — the API's, the
 * migrations', the workers' shard sessions — has them; Citus propagates ALTER DATABASE … SET.
 */
export const CITUS_DATABASE_SETTINGS: Record<string, string> = {
  'citus.enable_unsafe_triggers': 'on',
  'citus.allow_nested_distributed_execution': 'on',
  'citus.propagate_set_commands': 'local',
  // Owner and maintenance queries across tenants that join on other keys than the tenant (tests,
  // seeds, operators' SQL) run as repartition joins instead of failing; the API's queries name the tenant.
  'citus.enable_repartition_joins': 'on',
};

/** The tables of the application schemas, in an order where every table comes after those it references. */
async function tablesInOrder(sql: Sql): Promise<{ name: string; tenant: boolean }[]> {
  const tables = await sql(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
                    AND NOT a.attisdropped) AS tenant
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'citus', 'columnar', 'columnar_internal')
       AND n.nspname NOT LIKE 'pg_%'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
     ORDER BY 1`);
  const edges = await sql(`
    SELECT format('%I.%I', n1.nspname, c1.relname) AS child, format('%I.%I', n2.nspname, c2.relname) AS parent
      FROM pg_constraint k
      JOIN pg_class c1 ON c1.oid = k.conrelid JOIN pg_namespace n1 ON n1.oid = c1.relnamespace
      JOIN pg_class c2 ON c2.oid = k.confrelid JOIN pg_namespace n2 ON n2.oid = c2.relnamespace
     WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`);
  const parents = new Map<string, Set<string>>();
  for (const e of edges) {
    const child = String(e.child);
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)!.add(String(e.parent));
  }
  const byName = new Map(tables.map((t) => [String(t.name), Boolean(t.tenant)]));
  const ordered: { name: string; tenant: boolean }[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push({ name, tenant: byName.get(name)! });
  };
  visit('public.tenant');
  for (const name of byName.keys()) visit(name);
  return ordered;
}

/** Distributes every table not distributed yet (see the file comment). No-op without Citus. */
export async function distribute(
  sql: Sql,
  log: (line: string) => void = () => {},
): Promise<DistributeResult> {
  const result: DistributeResult = { citus: false, distributed: [], reference: [], unchanged: [] };
  if (!(await hasCitus(sql))) return result;
  result.citus = true;
  const [{ db }] = await sql(`SELECT current_database() AS db`);
  for (const [name, value] of Object.entries(CITUS_DATABASE_SETTINGS)) {
    await sql(`ALTER DATABASE "${String(db).replace(/"/g, '""')}" SET ${name} = '${value}'`);
    await sql(`SELECT set_config($1, $2, false)`, [name, value]);
  }
  const known = new Map(
    // Hash-distributed and reference tables; a "Citus local" table (a new table Citus added to its
    // metadata because it references a reference table) still has to be distributed.
    (
      await sql(`SELECT logicalrelid::regclass::text AS name, partmethod FROM pg_dist_partition
                  WHERE partmethod = 'h' OR repmodel = 't'`)
    ).map((r) => [qualified(String(r.name)), String(r.partmethod)]),
  );
  const pending = (await tablesInOrder(sql)).filter((t) => !LOCAL_TABLES.has(t.name) && !known.has(t.name));
  result.unchanged = [...known.keys()].sort();
  if (pending.length > 0) await distributeTables(sql, pending, result, log);
  // Every function of the schema exists on every node: trigger bodies running on a worker call others
  // (rollup_refresh → rollup_rebuild) that no table depends on in the catalog.
  await propagateFunctions(sql);
  return result;
}

async function distributeTables(
  sql: Sql,
  pending: { name: string; tenant: boolean }[],
  result: DistributeResult,
  log: (line: string) => void,
): Promise<void> {
  // The co-location group: the first tenant table distributed, or the one already there.
  let anchor = (
    await sql(`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition
                WHERE partmethod = 'h' ORDER BY colocationid, logicalrelid::oid LIMIT 1`)
  ).map((r) => qualified(String(r.name)))[0];
  // "Citus local" tables: new tables Citus added to its metadata because they reference a reference
  // table; they keep their keys (to reference tables, which distributed tables may reference).
  const citusLocal = (
    await sql(`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition
                WHERE partmethod = 'n' AND repmodel <> 't'`)
  ).map((r) => qualified(String(r.name)));
  const names = pending.map((t) => t.name).filter((name) => !citusLocal.includes(name));
  // Foreign keys between plain tables to distribute are dropped first and added back afterwards: Citus
  // cannot distribute a table that references (or is referenced by) a table still local.
  const keys = await sql(
    `SELECT format('%I.%I', n.nspname, c.relname) AS tbl, k.conname, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE k.contype = 'f'
        AND format('%I.%I', n.nspname, c.relname) = ANY ($1) AND format('%I.%I', rn.nspname, r.relname) = ANY ($1)
      ORDER BY 1, 2`,
    [names],
  );
  // Citus-local tables are distributed directly (outside the transaction below, as Citus requires).
  for (const table of pending.filter((t) => citusLocal.includes(t.name))) {
    anchor ??= table.name;
    await sql(`SELECT create_distributed_table($1, 'tenant_id', colocate_with => $2)`, [
      table.name,
      anchor === table.name ? 'none' : anchor,
    ]);
    result.distributed.push(table.name);
    log(`${table.name}: distributed by tenant_id`);
  }
  const plain = pending.filter((t) => !citusLocal.includes(t.name));
  if (plain.length === 0) return;
  await sql('BEGIN');
  try {
    await sql(`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`);
    // The rows copied into the shards are already complete (derived rows included): no trigger fires on
    // the copy (SET LOCAL reaches the workers, citus.propagate_set_commands = 'local').
    await sql(`SET LOCAL citus.propagate_set_commands TO 'local'`);
    await sql(`SET LOCAL session_replication_role TO replica`);
    for (const k of keys) await sql(`ALTER TABLE ${String(k.tbl)} DROP CONSTRAINT "${String(k.conname)}"`);
    // Reference tables first: a distributed table's objects (policies, views) may depend on them.
    const ordered = [
      ...plain.filter((t) => tableKind(t) === 'reference'),
      ...plain.filter((t) => tableKind(t) === 'distributed'),
    ];
    for (const table of ordered) {
      const kind = tableKind(table);
      if (kind === 'distributed') {
        anchor ??= table.name;
        await sql(`SELECT create_distributed_table($1, 'tenant_id', colocate_with => $2)`, [
          table.name,
          anchor === table.name ? 'none' : anchor,
        ]);
        result.distributed.push(table.name);
      } else {
        await sql(`SELECT create_reference_table($1)`, [table.name]);
        result.reference.push(table.name);
      }
      log(`${table.name}: ${kind === 'distributed' ? 'distributed by tenant_id' : 'reference table'}`);
    }
    for (const k of keys) {
      if (SKIPPED_KEYS.has(`${String(k.tbl)}.${String(k.conname)}`)) continue;
      await sql(`ALTER TABLE ${String(k.tbl)} ADD CONSTRAINT "${String(k.conname)}" ${String(k.def)}`);
    }
    await sql('COMMIT');
  } catch (error) {
    await sql('ROLLBACK');
    throw error;
  }
}

/** Makes Citus create, on every worker, each function of the application schemas it does not track yet. */
async function propagateFunctions(sql: Sql): Promise<void> {
  const missing = await sql(`
    SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'reporting') AND p.prokind IN ('f', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       AND NOT EXISTS (SELECT 1 FROM pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid)
     ORDER BY p.oid`);
  for (const f of missing) await sql(`SELECT create_distributed_function($1)`, [f.sig]);
}

/** `regclass::text` leaves out `public.`: the names here are always schema-qualified. */
function qualified(name: string): string {
  return name.includes('.') ? name : `public.${name}`;
}

/** Runs `distribute` over one owner connection URL (the command and the test harness). */
export async function distributeUrl(url: string, log?: (line: string) => void): Promise<DistributeResult> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await distribute(async (text, params) => (await client.query(text, params)).rows, log);
  } finally {
    await client.end();
  }
}
