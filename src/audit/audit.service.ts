import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Principal } from '../auth/principal';
import { guardedUpdate } from '../common/guarded-update';
import type { RequestContext } from '../common/request-context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditChange {
  entityType: string;
  entityId: string;
  action: string;
  regionPath: string;
  before?: object | null;
  after?: object | null;
}

/** Drops what never belongs in an audit record (DOMAIN §15; no secrets in history). */
function redact(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  delete copy.passwordHash;
  return JSON.parse(JSON.stringify(copy)) as Record<string, unknown>;
}

/**
 * Appends one audit event in the caller's transaction (DOMAIN §15): if the change rolls back, so does
 * its record.
 */
export async function recordAudit(em: EntityManager, actor: Principal, change: AuditChange): Promise<void> {
  await em.insert(AuditEventEntity, {
    tenantId: actor.tenantId,
    id: randomUUID(),
    actorUserId: actor.userId,
    actorOrganizationId: actor.organizationId,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    regionPath: change.regionPath,
    before: redact(change.before),
    after: redact(change.after),
  });
}

/**
 * Inserts a new row and its audit event (the row as `after`, `before` when it replaces one) together, in the caller's transaction
 * (DOMAIN §15; issue 10 item 2): the primitive the modules' writers (`*.repository.ts`) build on.
 */
export async function insertAudited<T extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  actor: Principal,
  entity: EntityTarget<T>,
  row: T,
  change: Omit<AuditChange, 'entityId' | 'after'>,
): Promise<void> {
  await em.insert(entity, row);
  await recordAudit(em, actor, { ...change, entityId: row.id, after: row });
}

type Row = ObjectLiteral & { tenantId: string; id: string };

/** What a module's writer says about one aggregate (see `auditedWriter`). */
export interface AuditedAggregate<T extends Row> {
  entity: EntityTarget<T>;
  /** The audit entity type (e.g. 'Fund'). */
  type: string;
  /** The region path the audit event is filed under (scoped reading of the trail, DOMAIN §15). */
  pathOf: (row: T) => string;
  /** An update is filed under the row as it was (default) or as it is after the change (it moved). */
  fileUpdatesUnder?: 'before' | 'after';
  /** Drops this request's cached copies of the row and of the lists that hold it. */
  forget: (ctx: RequestContext, row: T) => void;
}

/**
 * The shape every simple writer shares (issue 10 item 2; DOMAIN §15): insert, versioned update and delete
 * of one aggregate's row, each with its audit event and the request's caches dropped, in the caller's
 * transaction. Modules build their `*.repository.ts` writers on it.
 */
export function auditedWriter<T extends Row>(kind: AuditedAggregate<T>) {
  const reload = (em: EntityManager, key: { tenantId: string; id: string }) =>
    em.findOneByOrFail(kind.entity, { tenantId: key.tenantId, id: key.id } as FindOptionsWhere<T>);
  const audit = (ctx: RequestContext, em: EntityManager, action: string, row: T, change: object) =>
    recordAudit(em, ctx.caller, {
      entityType: kind.type,
      entityId: row.id,
      action,
      regionPath: kind.pathOf(row),
      ...change,
    });
  return {
    /** 新建: inserts the row (the database fills its paths), audited as CREATE; answered as stored. */
    async insert(
      ctx: RequestContext,
      em: EntityManager,
      row: QueryDeepPartialEntity<T> & { tenantId: string; id: string },
    ): Promise<T> {
      await em.insert(kind.entity, row);
      const created = await reload(em, row);
      await audit(ctx, em, 'CREATE', created, { after: created });
      kind.forget(ctx, created);
      return created;
    },
    /** 修改: under the version the edit was based on (stale → CONFLICT, nothing written). */
    async update(
      ctx: RequestContext,
      em: EntityManager,
      current: T,
      expectedVersion: number,
      changes: QueryDeepPartialEntity<T>,
      /** The audit action (default UPDATE) and what the event records beyond the row after. */
      opts: { action?: string; auditExtra?: Record<string, unknown> } = {},
    ): Promise<T> {
      await guardedUpdate(em, kind.entity, current, expectedVersion, changes);
      const after = await reload(em, current);
      const filed = kind.fileUpdatesUnder === 'after' ? after : current;
      await audit(ctx, em, opts.action ?? 'UPDATE', filed, {
        before: current,
        after: { ...after, ...opts.auditExtra },
      });
      kind.forget(ctx, current);
      kind.forget(ctx, after);
      return after;
    },
    /** 删除: the callers have checked that nothing depends on the row; audited as DELETE. */
    async remove(ctx: RequestContext, em: EntityManager, current: T): Promise<void> {
      await em.delete(kind.entity, { tenantId: current.tenantId, id: current.id } as FindOptionsWhere<T>);
      await audit(ctx, em, 'DELETE', current, { before: current });
      kind.forget(ctx, current);
    },
  };
}
