import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { ServiceAccountEntity, ServiceAccountTokenEntity } from './service-account.entity';

/**
 * The one writer of service accounts and their tokens (issue 10 item 2; DOMAIN §15, §16): each row change
 * and its audit event are written together, in the caller's transaction (`em`). The audit never holds a
 * token or its digest (DOMAIN §15: no secrets in history). No other code writes `service_account` or
 * `service_account_token`.
 */

/** The audit trail's region of an account: its organization's (DOMAIN §15). */
async function regionPathOf(em: EntityManager, account: ServiceAccountEntity): Promise<string> {
  const [row] = (await em.query('SELECT region_path FROM organization WHERE tenant_id = $1 AND id = $2', [
    account.tenantId,
    account.organizationId,
  ])) as { region_path: string }[];
  return row.region_path;
}

const reloadAccount = (em: EntityManager, tenantId: string, id: string) =>
  em.findOneByOrFail(ServiceAccountEntity, { tenantId, id });

/** 新建: an active account of the organization (filed under its `regionPath`); audited as CREATE. */
export async function insertServiceAccount(
  ctx: RequestContext,
  em: EntityManager,
  organization: { tenantId: string; id: string; regionPath: string },
  fields: { name: string; description: string | null },
): Promise<ServiceAccountEntity> {
  const id = randomUUID();
  await em.insert(ServiceAccountEntity, {
    tenantId: organization.tenantId,
    id,
    organizationId: organization.id,
    ...fields,
    isActive: true,
    createdByUserId: ctx.caller.userId,
    deactivatedAt: null,
  });
  const account = await reloadAccount(em, organization.tenantId, id);
  await recordAudit(em, ctx.caller, {
    entityType: 'ServiceAccount',
    entityId: id,
    action: 'CREATE',
    regionPath: organization.regionPath,
    after: { organizationId: organization.id, ...fields },
  });
  return account;
}

/** 签发: stores a token of the account by its prefix and digest only; audited as ISSUE. */
export async function insertServiceAccountToken(
  ctx: RequestContext,
  em: EntityManager,
  account: ServiceAccountEntity,
  fields: Pick<ServiceAccountTokenEntity, 'prefix' | 'tokenHash' | 'scope' | 'expiresAt'>,
): Promise<ServiceAccountTokenEntity> {
  const id = randomUUID();
  await em.insert(ServiceAccountTokenEntity, {
    tenantId: account.tenantId,
    id,
    serviceAccountId: account.id,
    ...fields,
    createdByUserId: ctx.caller.userId,
  });
  const token = await em.findOneByOrFail(ServiceAccountTokenEntity, { tenantId: account.tenantId, id });
  await recordAudit(em, ctx.caller, {
    entityType: 'ServiceAccountToken',
    entityId: id,
    action: 'ISSUE',
    regionPath: await regionPathOf(em, account),
    after: {
      serviceAccountId: account.id,
      prefix: token.prefix,
      scope: token.scope,
      expiresAt: token.expiresAt,
    },
  });
  return token;
}

/**
 * 吊销: revokes the token unless a concurrent revocation came first (null then, its time kept); audited as
 * REVOKE. Answers the revocation time and the token's account.
 */
export async function markTokenRevoked(
  ctx: RequestContext,
  em: EntityManager,
  token: ServiceAccountTokenEntity,
): Promise<{ now: Date; account: ServiceAccountEntity } | null> {
  const [updated] = (await em.query(
    `UPDATE service_account_token SET revoked_at = now(), revoked_by_user_id = $3
      WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING revoked_at AS now`,
    [token.tenantId, token.id, ctx.caller.userId],
  )) as [{ now: Date }[], number];
  if (updated.length === 0) return null;
  const now = updated[0].now;
  const account = await reloadAccount(em, token.tenantId, token.serviceAccountId);
  await recordAudit(em, ctx.caller, {
    entityType: 'ServiceAccountToken',
    entityId: token.id,
    action: 'REVOKE',
    regionPath: await regionPathOf(em, account),
    before: { prefix: token.prefix, revokedAt: null },
    after: { prefix: token.prefix, revokedAt: now },
  });
  return { now, account };
}

/**
 * 停用: deactivates the account and revokes every token of it, unless a concurrent deactivation came first
 * (null then); audited as DEACTIVATE with the prefixes of the tokens revoked.
 */
export async function markAccountDeactivated(
  ctx: RequestContext,
  em: EntityManager,
  account: ServiceAccountEntity,
): Promise<ServiceAccountEntity | null> {
  const [changed] = (await em.query(
    `UPDATE service_account SET is_active = false, deactivated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND is_active RETURNING id`,
    [account.tenantId, account.id],
  )) as [{ id: string }[], number];
  if (changed.length === 0) return null;
  const revoked = (await em.query(
    `UPDATE service_account_token SET revoked_at = now(), revoked_by_user_id = $3
      WHERE tenant_id = $1 AND service_account_id = $2 AND revoked_at IS NULL RETURNING prefix`,
    [account.tenantId, account.id, ctx.caller.userId],
  )) as [{ prefix: string }[], number];
  const deactivated = await reloadAccount(em, account.tenantId, account.id);
  await recordAudit(em, ctx.caller, {
    entityType: 'ServiceAccount',
    entityId: account.id,
    action: 'DEACTIVATE',
    regionPath: await regionPathOf(em, account),
    before: { isActive: true },
    after: { isActive: false, revokedTokens: revoked[0].map((r) => r.prefix) },
  });
  return deactivated;
}
