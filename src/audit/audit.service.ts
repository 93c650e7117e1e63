import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
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
