import { rowsOf, type SeedDb } from './db';

/**
 * Issue 14 (benchmark, bench/README.md): the fast path of the province-size set. The first city is the
 * synthetic city generated in full (seeds/synthetic.ts + synthetic-province.ts `extendSyntheticCityYears`);
 * every further city is that city's five years copied inside the database, set-based — one
 * `INSERT … SELECT` per tenant table — under a new tenant, with every id re-keyed, the division codes
 * (`3799…` → `37ii…`), logins (`syn42.` → `syn<42+i>.`) and the city's name renamed. So each city of the
 * province has exactly the shape and the distributions of the generated city (same goals, money, grades,
 * monitoring, histories), which is what makes the province's figures comparable with the city's.
 *
 * What is copied as is: every tenant table, derived ones included (reporting facts, region cells, roll-up
 * statistics), in one transaction with `session_replication_role = replica` (no trigger runs: the copy of
 * consistent derived rows is consistent; test/reporting/province-clone.test.ts checks that a set-based
 * `reporting_rebuild_facts` of a copy equals its copied facts). Ids inside JSON documents (audit payloads,
 * review chains) are not re-keyed: they still name the first city's rows, which RLS keeps out of reach.
 * Needs a superuser OWNER session (the benchmark's).
 */

/** Tables never copied: logins of PostgreSQL roles (unique per server) and transient request keys. */
const SKIPPED = new Set(['tenant', 'reporting_login', 'idempotency_key']);

export interface CloneCityOptions {
  sourceTenantId: string;
  /** Seed of the source city (its logins start with `syn<seed>.`). */
  sourceSeed: number;
  /** Seed named in the copy's logins (`syn<seed>.`). */
  seed: number;
  /** The copy's 6-digit city code; districts and townships follow its first four digits. */
  cityCode: string;
  tenantName: string;
}

export interface ClonedCity {
  tenantId: string;
  cityCode: string;
  rows: Record<string, number>;
  ms: number;
}

interface Column {
  table: string;
  column: string;
  type: string;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface Renames {
  key: string;
  fromPrefix: string;
  toPrefix: string;
  tenantName: string;
  fromLogin: string;
  toLogin: string;
}

/** The copy's value of a column: ids re-keyed, paths mapped, codes, the city's name and logins renamed. */
function expression(c: Column, r: Renames): string {
  const col = `x.${ident(c.column)}`;
  if (c.type === 'uuid') return `md5(${literal(r.key)} || ${col}::text)::uuid`;
  if (c.column === 'path' || c.column.endsWith('_path'))
    return `(SELECT m.n FROM pg_temp.clone_path m WHERE m.o = ${col})`;
  if (c.table === 'region' && c.column === 'code')
    return `CASE WHEN left(${col}, 4) = ${literal(r.fromPrefix)} THEN ${literal(r.toPrefix)} || substr(${col}, 5) ELSE ${col} END`;
  if (c.table === 'region' && c.column === 'name')
    return `CASE WHEN x.level = 'CITY' THEN ${literal(r.tenantName)} ELSE ${col} END`;
  if (c.column === 'login') {
    // syn42.fin.379901 → syn43.fin.370101; syn42.unit.3799 stays a unit number (→ syn43.unit.3799).
    const codes = `regexp_replace(${col}, ${literal(`^${r.fromLogin}(fin|dep)\\.${r.fromPrefix}`)}, ${literal(`${r.toLogin}\\1.${r.toPrefix}`)})`;
    return `regexp_replace(${codes}, ${literal(`^${r.fromLogin}`)}, ${literal(r.toLogin)})`;
  }
  return col;
}

/** Copies the source city as a new city of the province (see above); returns rows copied per table. */
export async function cloneSyntheticCity(db: SeedDb, options: CloneCityOptions): Promise<ClonedCity> {
  if (!/^\d{6}$/.test(options.cityCode))
    throw new Error(`cloneSyntheticCity: bad city code ${options.cityCode}`);
  const started = performance.now();
  const key = `province-clone|${options.sourceTenantId}|${options.cityCode}|`;
  const q = async <T>(sql: string, params: unknown[] = []) => rowsOf(await db.query(sql, params)) as T[];
  const [source] = await q<{ code: string }>(
    `SELECT code FROM region WHERE tenant_id = $1 AND level = 'CITY'`,
    [options.sourceTenantId],
  );
  if (!source) throw new Error(`cloneSyntheticCity: no city in tenant ${options.sourceTenantId}`);
  const [{ id: tenantId }] = await q<{ id: string }>(`SELECT md5($1 || $2::text)::uuid::text AS id`, [
    key,
    options.sourceTenantId,
  ]);
  const columns = await q<Column>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND EXISTS (SELECT 1 FROM information_schema.columns k
                     WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = 'tenant_id')
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const c of columns) {
    if (SKIPPED.has(c.table)) continue;
    tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  }
  const renames: Renames = {
    key,
    fromPrefix: source.code.slice(0, 4),
    toPrefix: options.cityCode.slice(0, 4),
    tenantName: options.tenantName,
    fromLogin: `syn${options.sourceSeed}\\.`,
    toLogin: `syn${options.seed}.`,
  };
  const rows: Record<string, number> = {};
  await db.query('BEGIN');
  try {
    // No trigger runs (superuser only): derived rows are copied, not recomputed.
    await db.query(`SET LOCAL session_replication_role = replica`);
    await db.query(`SET LOCAL synchronous_commit = off`);
    await db.query(`CREATE TEMP TABLE clone_path (o text PRIMARY KEY, n text NOT NULL) ON COMMIT DROP`);
    // Region paths are '/id/id/…/': the same ids re-keyed.
    await db.query(
      `INSERT INTO pg_temp.clone_path (o, n)
       SELECT r.path, '/' || (SELECT string_agg(md5($2 || s)::uuid::text, '/' ORDER BY o)
                                FROM unnest(string_to_array(btrim(r.path, '/'), '/')) WITH ORDINALITY u(s, o)) || '/'
         FROM region r WHERE r.tenant_id = $1`,
      [options.sourceTenantId, key],
    );
    // The tenant's sign-in code (issue 8 item 13): the synthetic city's is its id, so the copy's is too.
    await db.query(
      `INSERT INTO tenant (id, name, code)
       SELECT $2::uuid, $3, CASE WHEN code = id::text THEN $2::text ELSE code || '-' || $4 END FROM tenant WHERE id = $1`,
      [options.sourceTenantId, tenantId, options.tenantName, options.cityCode],
    );
    for (const [table, cols] of tables) {
      const res = await db.query(
        `INSERT INTO ${ident(table)} (${cols.map((c) => ident(c.column)).join(', ')})
         SELECT ${cols.map((c) => expression(c, renames)).join(', ')} FROM ${ident(table)} x WHERE x.tenant_id = $1`,
        [options.sourceTenantId],
      );
      rows[table] = (res as { rowCount?: number | null }).rowCount ?? 0;
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { tenantId, cityCode: options.cityCode, rows, ms: Math.round(performance.now() - started) };
}

export interface CloneProvinceOptions {
  /** The generated first city (tenant) and its seed. */
  sourceTenantId: string;
  seed: number;
  /** Cities in the province, the source included (default 16). */
  cities?: number;
  /** Copies made at once, each on its own connection (default 2: the benchmark machine's cores). */
  concurrency?: number;
  log?: (line: string) => void;
}

/**
 * Cities 2…`cities` of the province as copies of the first (city i: code `37ii00`, seed `seed + i` in
 * logins, name 合成市<i+1>, as `provinceCityOptions`), `concurrency` at a time. Returns them in order.
 */
export async function cloneSyntheticProvince(
  connect: () => Promise<SeedDb>,
  release: (db: SeedDb) => Promise<void>,
  options: CloneProvinceOptions,
): Promise<ClonedCity[]> {
  const cities = options.cities ?? 16;
  const out: ClonedCity[] = [];
  let next = 1;
  const worker = async () => {
    const db = await connect();
    try {
      while (next < cities) {
        const i = next++;
        const city = await cloneSyntheticCity(db, {
          sourceTenantId: options.sourceTenantId,
          sourceSeed: options.seed,
          seed: options.seed + i,
          cityCode: `37${String(i).padStart(2, '0')}00`,
          tenantName: `合成市${i + 1}`,
        });
        out[i - 1] = city;
        const rows = Object.values(city.rows).reduce((a, b) => a + b, 0);
        options.log?.(
          `city ${i + 1}/${cities} (${city.cityCode}) copied: ${rows} rows in ${(city.ms / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      await release(db);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, cities - 1)) }, worker),
  );
  return out.filter((c) => c !== undefined);
}
