import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { generateServiceToken } from '../auth/service-account-token';
import { recordAudit } from '../audit/audit.service';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { refusal } from '../common/refusal';
import type { RequestContext } from '../common/request-context';
import { administeredOrganization } from '../hierarchy/administered';
import type {
  CreateServiceAccountInput,
  DeactivateServiceAccountInput,
  IssueServiceAccountTokenInput,
  RevokeServiceAccountTokenInput,
} from './dto/service-account.inputs';
import { checkAccountName, checkTokenDays, expiryOf, MAX_USABLE_TOKENS } from './rules/service-account-rules';
import { ServiceAccountEntity, ServiceAccountTokenEntity } from './service-account.entity';
import { tokenView } from './service-account.views';

const meanings: ConstraintMeanings = {
  uq_service_account_name: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'name'],
    message: msg('该名称已被使用', 'This name is already taken'),
  },
};

const accountNotFound = (field: string[]) =>
  refusal(ErrorCode.NOT_FOUND, field, msg('未找到该服务账号', 'Service account not found'));

/** An account the caller administers (scope: tenant administrators, their subtree); else NOT_FOUND. */
async function administeredAccount(ctx: RequestContext, globalId: string, field: string[]) {
  const id = idOfType(globalId, 'ServiceAccount');
  const account = id
    ? await (await ctx.scope.serviceAccounts()).andWhere('sa.id = :id', { id }).getOne()
    : null;
  if (!account) throw accountNotFound(field);
  return account;
}

/** The audit trail's region of an account: its organization's (DOMAIN §15). */
async function regionPathOf(em: EntityManager, account: ServiceAccountEntity): Promise<string> {
  const [row] = (await em.query('SELECT region_path FROM organization WHERE tenant_id = $1 AND id = $2', [
    account.tenantId,
    account.organizationId,
  ])) as { region_path: string }[];
  return row.region_path;
}

/** 新建服务账号 — tenant administrators, for an organization of their subtree (P6). */
export function createServiceAccount(ctx: RequestContext, input: CreateServiceAccountInput) {
  return runMutation(ctx, meanings, async (em) => {
    const organization = await administeredOrganization(ctx, input.organizationId, [
      'input',
      'organizationId',
    ]);
    const v = new Validation();
    const nameProblem = checkAccountName(input.name);
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], nameProblem);
    v.check();
    const values = {
      tenantId: organization.tenantId,
      id: randomUUID(),
      organizationId: organization.id,
      name: input.name.trim(),
      description: input.description?.trim() || null,
      isActive: true,
      createdByUserId: ctx.caller.userId,
      deactivatedAt: null,
    };
    await em.insert(ServiceAccountEntity, values);
    const serviceAccount = await em.findOneByOrFail(ServiceAccountEntity, {
      tenantId: values.tenantId,
      id: values.id,
    });
    await recordAudit(em, ctx.caller, {
      entityType: 'ServiceAccount',
      entityId: values.id,
      action: 'CREATE',
      regionPath: organization.regionPath,
      after: { organizationId: values.organizationId, name: values.name, description: values.description },
    });
    return { serviceAccount };
  });
}

/**
 * 签发令牌 — a new random token, returned this once; only its prefix and SHA-256 digest are stored.
 * Not idempotent on purpose: a remembered answer would keep the secret.
 */
export function issueServiceAccountToken(ctx: RequestContext, input: IssueServiceAccountTokenInput) {
  return runMutation(ctx, meanings, async (em) => {
    const account = await administeredAccount(ctx, input.serviceAccountId, ['input', 'serviceAccountId']);
    const v = new Validation();
    const daysProblem = checkTokenDays(input.expiresInDays);
    if (daysProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'expiresInDays'], daysProblem);
    v.check();
    // The account row is locked and read again, so neither a concurrent issue (the limit below) nor a
    // concurrent deactivation can slip past these checks.
    const [locked] = (await em.query(
      'SELECT is_active FROM service_account WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
      [account.tenantId, account.id],
    )) as { is_active: boolean }[];
    if (!locked.is_active)
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'serviceAccountId'],
        msg('服务账号已停用，不能签发令牌', 'The service account is deactivated: no new token'),
      );
    const [{ usable }] = (await em.query(
      `SELECT count(*)::int AS usable FROM service_account_token
        WHERE tenant_id = $1 AND service_account_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [account.tenantId, account.id],
    )) as { usable: number }[];
    if (usable >= MAX_USABLE_TOKENS)
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'serviceAccountId'],
        msg(
          `该服务账号已有 ${MAX_USABLE_TOKENS} 个有效令牌，请先吊销不用的令牌`,
          `The account already has ${MAX_USABLE_TOKENS} usable tokens; revoke one first`,
        ),
      );
    const [{ now }] = (await em.query('SELECT now() AS now')) as { now: Date }[];
    const issued = generateServiceToken();
    const id = randomUUID();
    await em.insert(ServiceAccountTokenEntity, {
      tenantId: account.tenantId,
      id,
      serviceAccountId: account.id,
      prefix: issued.prefix,
      tokenHash: issued.digest,
      scope: input.scope,
      createdByUserId: ctx.caller.userId,
      expiresAt: expiryOf(now, input.expiresInDays),
    });
    const token = await em.findOneByOrFail(ServiceAccountTokenEntity, { tenantId: account.tenantId, id });
    await recordAudit(em, ctx.caller, {
      entityType: 'ServiceAccountToken',
      entityId: id,
      action: 'ISSUE',
      regionPath: await regionPathOf(em, account),
      // Never the token or its digest (DOMAIN §15: no secrets in history).
      after: {
        serviceAccountId: account.id,
        prefix: token.prefix,
        scope: token.scope,
        expiresAt: token.expiresAt,
      },
    });
    return {
      token: issued.token,
      serviceAccountToken: tokenView(token, true, now),
      expiresAt: token.expiresAt,
    };
  });
}

/** 吊销令牌 — refused from the next request on (checked on every request). */
export function revokeServiceAccountToken(ctx: RequestContext, input: RevokeServiceAccountTokenInput) {
  return runMutation(ctx, meanings, async (em) => {
    const id = idOfType(input.tokenId, 'ServiceAccountToken');
    const token = id
      ? await (await ctx.scope.serviceAccountTokens()).andWhere('sat.id = :id', { id }).getOne()
      : null;
    if (!token)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'tokenId'], msg('未找到该令牌', 'Token not found'));
    const alreadyRevoked = () =>
      refusal(ErrorCode.CONFLICT, ['input', 'tokenId'], msg('该令牌已吊销', 'The token is already revoked'));
    if (token.revokedAt) throw alreadyRevoked();
    // Guarded: a concurrent revocation that came first leaves nothing to update (and keeps its time).
    const [updated] = (await em.query(
      `UPDATE service_account_token SET revoked_at = now(), revoked_by_user_id = $3
        WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING revoked_at AS now`,
      [token.tenantId, token.id, ctx.caller.userId],
    )) as [{ now: Date }[], number];
    if (updated.length === 0) throw alreadyRevoked();
    const now = updated[0].now;
    const account = await em.findOneByOrFail(ServiceAccountEntity, {
      tenantId: token.tenantId,
      id: token.serviceAccountId,
    });
    await recordAudit(em, ctx.caller, {
      entityType: 'ServiceAccountToken',
      entityId: token.id,
      action: 'REVOKE',
      regionPath: await regionPathOf(em, account),
      before: { prefix: token.prefix, revokedAt: null },
      after: { prefix: token.prefix, revokedAt: now },
    });
    return { serviceAccountToken: tokenView({ ...token, revokedAt: now }, account.isActive, now) };
  });
}

/** 停用服务账号 — the account and every token of it are refused from the next request on. */
export function deactivateServiceAccount(ctx: RequestContext, input: DeactivateServiceAccountInput) {
  return runMutation(ctx, meanings, async (em) => {
    const account = await administeredAccount(ctx, input.serviceAccountId, ['input', 'serviceAccountId']);
    const alreadyInactive = () =>
      refusal(
        ErrorCode.CONFLICT,
        ['input', 'serviceAccountId'],
        msg('该服务账号已停用', 'The service account is already deactivated'),
      );
    if (!account.isActive) throw alreadyInactive();
    const [changed] = (await em.query(
      `UPDATE service_account SET is_active = false, deactivated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND is_active RETURNING id`,
      [account.tenantId, account.id],
    )) as [{ id: string }[], number];
    if (changed.length === 0) throw alreadyInactive();
    const revoked = (await em.query(
      `UPDATE service_account_token SET revoked_at = now(), revoked_by_user_id = $3
        WHERE tenant_id = $1 AND service_account_id = $2 AND revoked_at IS NULL RETURNING prefix`,
      [account.tenantId, account.id, ctx.caller.userId],
    )) as [{ prefix: string }[], number];
    const serviceAccount = await em.findOneByOrFail(ServiceAccountEntity, {
      tenantId: account.tenantId,
      id: account.id,
    });
    await recordAudit(em, ctx.caller, {
      entityType: 'ServiceAccount',
      entityId: account.id,
      action: 'DEACTIVATE',
      regionPath: await regionPathOf(em, account),
      before: { isActive: true },
      after: { isActive: false, revokedTokens: revoked[0].map((r) => r.prefix) },
    });
    return { serviceAccount };
  });
}
