import type { DataSource, EntityManager, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { durationSeconds } from './request-hash';

/** What a payload field held: an entity (reloaded by primary key on replay) or a plain JSON value. */
type StoredField =
  | { entity: string; id: Record<string, unknown>; relations: string[] }
  | { entities: { entity: string; id: Record<string, unknown>; relations: string[] }[] }
  | { value: unknown };

/** The reference to a first result kept with its key: enough to answer a retry with the same objects. */
export type StoredResponse = Record<string, StoredField>;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'conflict' };

interface KeyRow {
  operation: string;
  request_hash: string;
  response: StoredResponse | null;
}

/**
 * Claims `key` for the caller in the request's transaction (issue 8 item 15). Expired keys of the caller
 * are purged first (so an expired key counts as new). The INSERT … ON CONFLICT DO NOTHING waits on the
 * primary key while a concurrent attempt with the same key is uncommitted, then sees its row: a retry
 * never runs the mutation twice. Same operation and hash → replay; anything else → conflict.
 */
export async function claimKey(
  ctx: RequestContext,
  key: string,
  operation: string,
  hash: string,
): Promise<Claim> {
  const { tenantId, userId } = ctx.caller;
  const ttl = durationSeconds(ctx.services.config.IDEMPOTENCY_KEY_TTL);
  await ctx.db.query(
    `DELETE FROM idempotency_key WHERE tenant_id = $1 AND user_id = $2 AND expires_at <= clock_timestamp()`,
    [tenantId, userId],
  );
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await ctx.db.query(
      `INSERT INTO idempotency_key (tenant_id, user_id, key, operation, request_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp(), clock_timestamp() + make_interval(secs => $6))
       ON CONFLICT (tenant_id, user_id, key) DO NOTHING RETURNING key`,
      [tenantId, userId, key, operation, hash, ttl],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = await ctx.db.query<KeyRow>(
      `SELECT operation, request_hash, response FROM idempotency_key
        WHERE tenant_id = $1 AND user_id = $2 AND key = $3 AND expires_at > clock_timestamp()`,
      [tenantId, userId, key],
    );
    if (!row) continue; // expired or purged between the two statements: claim again
    if (row.operation !== operation || row.request_hash !== hash || !row.response)
      return { kind: 'conflict' };
    return { kind: 'replay', response: row.response };
  }
  return { kind: 'conflict' };
}

/** Keeps the reference to the first result with its key (same transaction as the writes). */
export async function storeResponse(
  ctx: RequestContext,
  key: string,
  response: StoredResponse,
): Promise<void> {
  const { tenantId, userId } = ctx.caller;
  await ctx.db.query(
    `UPDATE idempotency_key SET response = $4 WHERE tenant_id = $1 AND user_id = $2 AND key = $3`,
    [tenantId, userId, key, JSON.stringify(response)],
  );
}

function entityRef(dataSource: DataSource, value: object) {
  const meta = dataSource.getMetadata(value.constructor);
  const id = meta.getEntityIdMap(value);
  if (!id) throw new Error(`idempotency: ${meta.name} without a primary key`);
  const relations = meta.relations
    .filter((r) => (value as Record<string, unknown>)[r.propertyName] !== undefined)
    .map((r) => r.propertyName);
  return { entity: meta.name, id, relations };
}

const isEntity = (dataSource: DataSource, value: unknown): value is object =>
  !!value && typeof value === 'object' && dataSource.hasMetadata(value.constructor);

/**
 * The reference to a successful payload: each entity field by entity name and primary key (and which
 * relations were loaded), other fields as JSON. A payload field of another kind is a programming error.
 */
export function describePayload(dataSource: DataSource, payload: Record<string, unknown>): StoredResponse {
  const stored: StoredResponse = {};
  for (const [field, value] of Object.entries(payload)) {
    if (field === 'userErrors' || value === undefined) continue;
    if (isEntity(dataSource, value)) stored[field] = entityRef(dataSource, value);
    else if (Array.isArray(value) && value.every((v) => isEntity(dataSource, v)))
      stored[field] = { entities: value.map((v) => entityRef(dataSource, v as object)) };
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      stored[field] = { value };
    else throw new Error(`idempotency: payload field ${field} is neither an entity nor a plain value`);
  }
  return stored;
}

async function reload(
  em: EntityManager,
  ref: { entity: string; id: Record<string, unknown>; relations: string[] },
) {
  const meta = em.connection.getMetadata(ref.entity);
  return em.getRepository<ObjectLiteral>(meta.target).findOne({
    where: ref.id as FindOptionsWhere<ObjectLiteral>,
    relations: Object.fromEntries(ref.relations.map((r) => [r, true])),
  });
}

/**
 * The payload of a replay: the same objects, reloaded through the request's entity manager (row-level
 * security of the caller's tenant), and no user errors — nothing is written.
 */
export async function replayPayload(
  ctx: RequestContext,
  stored: StoredResponse,
): Promise<Record<string, unknown>> {
  const em = await ctx.db.manager();
  const payload: Record<string, unknown> = { userErrors: [] };
  for (const [field, ref] of Object.entries(stored)) {
    if ('entity' in ref) payload[field] = await reload(em, ref);
    else if ('entities' in ref) {
      const list = [];
      for (const one of ref.entities) list.push(await reload(em, one));
      payload[field] = list;
    } else payload[field] = ref.value;
  }
  return payload;
}
