import type { OrganizationKind, RegionLevel, Sector } from '../src/hierarchy/hierarchy.enums';

/**
 * The smallest database handle the seeds need: a pg.Client, a pg.Pool, a TypeORM DataSource or
 * QueryRunner. It must be an OWNER connection (row-level security lets the owner see every tenant).
 */
export interface SeedDb {
  query: (sql: string, params?: unknown[]) => Promise<unknown>;
}

export type RegionLevelCode = `${RegionLevel}`;
export type OrganizationKindCode = `${OrganizationKind}`;
export type SectorCode = `${Sector}`;

export interface RegionRow {
  id: string;
  parentId: string | null;
  level: RegionLevelCode;
  name: string;
  code: string;
}

export interface OrganizationRow {
  id: string;
  regionId: string;
  kind: OrganizationKindCode;
  sector: SectorCode | null;
  supervisingDepartmentId: string | null;
  name: string;
  creditCode: string | null;
}

export interface UserRow {
  id: string;
  organizationId: string;
  login: string;
  displayName: string;
  isActive: boolean;
  isTenantAdmin: boolean;
}

interface PoolClientLike extends SeedDb {
  release: (err?: Error | boolean) => void;
}

interface PoolLike extends SeedDb {
  connect: () => Promise<PoolClientLike>;
  totalCount: number;
  idleCount: number;
}

interface QueryRunnerFactory extends SeedDb {
  createQueryRunner: () => SeedDb & { connect: () => Promise<unknown>; release: () => Promise<void> };
}

function isPool(db: SeedDb): db is PoolLike {
  const candidate = db as Partial<PoolLike>;
  return (
    typeof candidate.connect === 'function' &&
    typeof candidate.totalCount === 'number' &&
    typeof candidate.idleCount === 'number'
  );
}

function isQueryRunnerFactory(db: SeedDb): db is QueryRunnerFactory {
  return typeof (db as Partial<QueryRunnerFactory>).createQueryRunner === 'function';
}

/** The rows of a query result: pg returns `{ rows }`, TypeORM returns the array itself. */
export function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) {
    return result;
  }
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows;
  }
  return [];
}

export async function tenantExists(db: SeedDb, tenantId: string): Promise<boolean> {
  return rowsOf(await db.query('SELECT 1 FROM tenant WHERE id = $1', [tenantId])).length > 0;
}

/**
 * Runs `work` in one transaction on ONE connection: a pool or a TypeORM DataSource hands out a
 * dedicated connection first (BEGIN and COMMIT sent through a pool could land on different connections).
 */
export async function inTransaction<T>(db: SeedDb, work: (tx: SeedDb) => Promise<T>): Promise<T> {
  if (isPool(db)) {
    const client = await db.connect();
    let failure: Error | undefined;
    try {
      return await runTransaction(client, work);
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      client.release(failure);
    }
  }
  if (isQueryRunnerFactory(db)) {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      return await runTransaction(runner, work);
    } finally {
      await runner.release();
    }
  }
  return runTransaction(db, work);
}

async function runTransaction<T>(db: SeedDb, work: (tx: SeedDb) => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Serialises concurrent seeders (e.g. two API instances starting at once) within the transaction. */
export async function lockSeed(tx: SeedDb, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jixiao:seed:${key}`]);
}

/** `code` qualifies logins at sign-in (issue 8 item 13); without one the tenant's id serves. */
export async function insertTenant(tx: SeedDb, id: string, name: string, code?: string): Promise<void> {
  await tx.query('INSERT INTO tenant (id, name, code) VALUES ($1, $2, $3)', [id, name, code ?? null]);
}

const levelOrder: RegionLevelCode[] = ['CITY', 'DISTRICT', 'TOWNSHIP'];

/**
 * Inserts regions with one statement per level, parents first: the path trigger reads the parent's
 * path, which must already be there. `path` is computed by the trigger.
 */
export async function insertRegions(tx: SeedDb, tenantId: string, rows: RegionRow[]): Promise<void> {
  for (const level of levelOrder) {
    const batch = rows.filter((r) => r.level === level);
    if (batch.length === 0) {
      continue;
    }
    await tx.query(
      `INSERT INTO region (tenant_id, id, parent_id, level, name, code, path)
       SELECT $1::uuid, r.id, r.parent_id, r.level, r.name, r.code, ''
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS r(id, parent_id, level, name, code)`,
      [
        tenantId,
        batch.map((r) => r.id),
        batch.map((r) => r.parentId),
        batch.map((r) => r.level),
        batch.map((r) => r.name),
        batch.map((r) => r.code),
      ],
    );
  }
}

/**
 * Inserts organisations: bodies first, then implementing units (which reference their supervising
 * department). `region_path` is copied from the region by the trigger.
 */
export async function insertOrganizations(
  tx: SeedDb,
  tenantId: string,
  rows: OrganizationRow[],
): Promise<void> {
  const bodies = rows.filter((o) => o.kind !== 'IMPLEMENTING_UNIT');
  const units = rows.filter((o) => o.kind === 'IMPLEMENTING_UNIT');
  for (const batch of [bodies, units]) {
    if (batch.length === 0) {
      continue;
    }
    await tx.query(
      `INSERT INTO organization (tenant_id, id, region_id, region_path, kind, sector, supervising_department_id, name, credit_code)
       SELECT $1::uuid, o.id, o.region_id, '', o.kind, o.sector, o.supervising_department_id, o.name, o.credit_code
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
         AS o(id, region_id, kind, sector, supervising_department_id, name, credit_code)`,
      [
        tenantId,
        batch.map((o) => o.id),
        batch.map((o) => o.regionId),
        batch.map((o) => o.kind),
        batch.map((o) => o.sector),
        batch.map((o) => o.supervisingDepartmentId),
        batch.map((o) => o.name),
        batch.map((o) => o.creditCode),
      ],
    );
  }
}

/**
 * Inserts users sharing one password hash (sent once). `region_path` and the lower-case login are set by
 * the trigger, and the login directory (user_login) is kept by another.
 */
export async function insertUsers(
  tx: SeedDb,
  tenantId: string,
  passwordHash: string,
  rows: UserRow[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx.query(
    `INSERT INTO app_user (tenant_id, id, organization_id, region_path, login, display_name, password_hash, is_active, is_tenant_admin)
     SELECT $1::uuid, u.id, u.organization_id, '', u.login, u.display_name, $2::text, u.is_active, u.is_tenant_admin
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::boolean[], $8::boolean[])
       AS u(id, organization_id, login, display_name, is_active, is_tenant_admin)`,
    [
      tenantId,
      passwordHash,
      rows.map((u) => u.id),
      rows.map((u) => u.organizationId),
      rows.map((u) => u.login),
      rows.map((u) => u.displayName),
      rows.map((u) => u.isActive),
      rows.map((u) => u.isTenantAdmin),
    ],
  );
}
