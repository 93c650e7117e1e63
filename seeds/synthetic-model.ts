import type { OrganizationRow, RegionRow, SeedDb, UserRow } from './db';
import { seedId } from './ids';

/** mulberry32: a tiny deterministic PRNG, uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generated hierarchy the workload (funds, projects, goals) is built on. */
export interface WorkloadContext {
  /** The seed key every id derives from (`synthetic|seed|cityCode`). */
  key: string;
  seed: number;
  tenantId: string;
  year: number;
  regions: RegionRow[];
  organizations: OrganizationRow[];
  users: UserRow[];
}

/** Lookups over the hierarchy: regions and organisations by id, each body's one user. */
export class Directory {
  readonly region = new Map<string, RegionRow>();
  readonly organization = new Map<string, OrganizationRow>();
  readonly userOf = new Map<string, string>();
  readonly random: () => number;

  constructor(readonly ctx: WorkloadContext) {
    for (const r of ctx.regions) this.region.set(r.id, r);
    for (const o of ctx.organizations) this.organization.set(o.id, o);
    for (const u of ctx.users)
      if (!this.userOf.has(u.organizationId)) this.userOf.set(u.organizationId, u.id);
    // A stream of its own, so the hierarchy's draws (and ids) never change.
    this.random = mulberry32((ctx.seed ^ 0x5eed90a1) >>> 0);
  }

  id(...parts: string[]): string {
    return seedId(this.ctx.key, ...parts);
  }

  int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  user(organizationId: string): string {
    const user = this.userOf.get(organizationId);
    if (!user) throw new Error(`synthetic workload: organization ${organizationId} has no user`);
    return user;
  }
}

/** Cents (an exact integer) as NUMERIC(14,2) text: 1234567 → "12345.67". Money never goes through floats. */
export function yuan(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`synthetic workload: bad amount ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Splits `total` cents by integer weights into integer parts that add up to `total` exactly. */
export function splitCents(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts.length, left--) parts[i] += 1;
  return parts;
}

/** A column of a bulk insert: its name, its array type for `unnest`, and an optional cast of the element. */
export type Column = [name: string, arrayType: string, cast?: string];

/**
 * Inserts rows with `INSERT … SELECT … FROM unnest(…)`, in chunks: one statement per chunk, the tenant
 * sent once. Triggers run as for any insert (paths copied, frozen rows refused). A large load is followed
 * by ANALYZE of the table (see `ANALYZE_AFTER_ROWS`).
 */
export async function bulkInsert(
  tx: SeedDb,
  table: string,
  tenantId: string,
  columns: Column[],
  rows: unknown[][],
  chunk = 20_000,
): Promise<void> {
  const names = columns.map(([name]) => name);
  const select = columns.map(([name, , cast]) => (cast ? `r.${name}::${cast}` : `r.${name}`));
  const arrays = columns.map(([, type], i) => `$${i + 2}::${type}[]`);
  const sql = `INSERT INTO ${table} (tenant_id, ${names.join(', ')})
    SELECT $1::uuid, ${select.join(', ')} FROM unnest(${arrays.join(', ')}) AS r(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const batch = rows.slice(start, start + chunk);
    await tx.query(sql, [tenantId, ...columns.map((_, i) => batch.map((row) => row[i]))]);
  }
  if (rows.length >= ANALYZE_AFTER_ROWS) await tx.query(`ANALYZE ${table}`);
}

/**
 * A bulk load runs in one long transaction, so autovacuum never sees its rows: without fresh statistics
 * the trigger functions' statements (roll-up refreshes, DOMAIN §11) are planned for near-empty tables and
 * scan a tenant's every evaluation per parent goal (1.3 s a refresh on the synthetic city instead of
 * milliseconds). ANALYZE inside the transaction counts its own uncommitted rows.
 */
export const ANALYZE_AFTER_ROWS = 500;
