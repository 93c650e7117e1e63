import type { RequestContext } from '../app/context';
import { ErrorCode, msg } from '../common/errors';
import { userError } from '../common/user-error';
import type { LoginInput, LoginPayload } from './dto/auth.types';
import { verifyPassword } from './password';

interface LoginRow {
  tenant_id: string;
  user_id: string;
}

interface AccountRow {
  password_hash: string;
  is_active: boolean;
}

/** One message for every failed sign-in, so nobody can tell which logins exist. */
const failed = () =>
  userError(ErrorCode.UNAUTHENTICATED, ['input'], msg('登录名或密码错误', 'Wrong login or password'));

/**
 * 登录 — resolves the login through the login directory (SECURITY DEFINER `auth_find_login`), then
 * reads the account under its own tenant. Unknown logins cost a password check too; repeated failures
 * are throttled; deactivated users cannot sign in.
 */
export async function login(ctx: RequestContext, input: LoginInput): Promise<LoginPayload> {
  const { loginThrottle, tokens } = ctx.services;
  const name = input.login.trim().toLowerCase();
  const wait = await loginThrottle.retryAfter(name, ctx.clientAddress);
  if (wait > 0) {
    return {
      userErrors: [
        userError(
          ErrorCode.RATE_LIMITED,
          ['input', 'login'],
          msg(
            `登录失败次数过多，请${wait}秒后再试`,
            `Too many failed attempts; try again in ${wait} seconds`,
          ),
        ),
      ],
    };
  }
  const [entry] = await ctx.db.query<LoginRow>('SELECT tenant_id, user_id FROM auth_find_login($1)', [name]);
  let account: AccountRow | undefined;
  if (entry) {
    await ctx.db.setTenant(entry.tenant_id);
    [account] = await ctx.db.query<AccountRow>(
      'SELECT password_hash, is_active FROM app_user WHERE tenant_id = $1 AND id = $2',
      [entry.tenant_id, entry.user_id],
    );
  }
  const passwordOk = await verifyPassword(account?.password_hash ?? null, input.password);
  if (!entry || !account || !passwordOk || !account.is_active) {
    await loginThrottle.recordFailure(name, ctx.clientAddress);
    return { userErrors: [failed()] };
  }
  await loginThrottle.recordSuccess(name);
  const issued = await tokens.issue({ userId: entry.user_id, tenantId: entry.tenant_id });
  return { token: issued.token, expiresAt: issued.expiresAt, userErrors: [] };
}
