import { generateServiceToken } from '../auth/service-account-token';
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
import {
  insertServiceAccount,
  insertServiceAccountToken,
  markAccountDeactivated,
  markTokenRevoked,
} from './service-account.repository';
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
    const serviceAccount = await insertServiceAccount(ctx, em, organization, {
      name: input.name.trim(),
      description: input.description?.trim() || null,
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
    const token = await insertServiceAccountToken(ctx, em, account, {
      prefix: issued.prefix,
      tokenHash: issued.digest,
      scope: input.scope,
      expiresAt: expiryOf(now, input.expiresInDays),
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
    const revoked = await markTokenRevoked(ctx, em, token);
    if (!revoked) throw alreadyRevoked();
    const { now, account } = revoked;
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
    const serviceAccount = await markAccountDeactivated(ctx, em, account);
    if (!serviceAccount) throw alreadyInactive();
    return { serviceAccount };
  });
}
