import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { issueLogin, revokeLogin, type IssueRequest, type RunSql } from './login-issuer';
import { ReportingLoginEntity } from './reporting-login.entity';

/**
 * The one writer of reporting logins issued through the API (issue 10 item 2; DOMAIN §15, §16): the
 * register row (through the definer functions of login-issuer.ts), the database role and the audit event
 * change together, in the caller's transaction (`em`). The audit never holds the password or its verifier
 * (DOMAIN §15: no secrets in history). The command line (reporting-login.command.ts) issues with the
 * owner's rights and no caller, outside this writer.
 */

export const sqlOf =
  (em: EntityManager): RunSql =>
  (text, params) =>
    em.query(text, params) as Promise<Record<string, unknown>[]>;

const reload = (em: EntityManager, tenantId: string, id: string) =>
  em.findOneByOrFail(ReportingLoginEntity, { tenantId, id });

/** 签发: issues the login confined to `request.regionId` (filed under `regionPath`); audited as CREATE. */
export async function insertReportingLogin(
  ctx: RequestContext,
  em: EntityManager,
  request: Omit<IssueRequest, 'tenantId' | 'createdByUserId'>,
  regionPath: string,
): Promise<{ login: ReportingLoginEntity; password: string }> {
  const caller = ctx.caller;
  const issued = await issueLogin(sqlOf(em), {
    ...request,
    tenantId: caller.tenantId,
    createdByUserId: caller.userId,
  });
  const login = await reload(em, caller.tenantId, issued.id);
  await recordAudit(em, caller, {
    entityType: 'ReportingLogin',
    entityId: login.id,
    action: 'CREATE',
    regionPath,
    after: { roleName: request.roleName, regionId: request.regionId, connectionLimit: login.connectionLimit },
  });
  return { login, password: issued.password };
}

/** 吊销: revokes an active login; audited as REVOKE. Null when it is not active (revoked meanwhile). */
export async function markReportingLoginRevoked(
  ctx: RequestContext,
  em: EntityManager,
  login: ReportingLoginEntity,
): Promise<ReportingLoginEntity | null> {
  const caller = ctx.caller;
  if (!(await revokeLogin(sqlOf(em), caller.tenantId, login.id, caller.userId))) return null;
  const revoked = await reload(em, caller.tenantId, login.id);
  await recordAudit(em, caller, {
    entityType: 'ReportingLogin',
    entityId: login.id,
    action: 'REVOKE',
    regionPath: login.regionPath ?? caller.regionPath,
    before: { roleName: login.roleName, revokedAt: null },
    after: { roleName: login.roleName, revokedAt: revoked.revokedAt },
  });
  return revoked;
}
