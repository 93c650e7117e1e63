import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/error-code';
import { problem, type Problem } from '../common/problem';
import { userErrorsOf } from '../common/user-error';
import type { LoginInput, LoginPayload } from './dto/auth.types';
import { HashingBusy, hashSlots } from './hash-slots';
import { verifyPassword } from './password';

interface LoginRow {
  tenant_id: string;
  user_id: string;
}

interface AccountRow {
  password_hash: string;
  is_active: boolean;
  token_version: number;
}

const refused = (p: Problem): LoginPayload => ({ userErrors: userErrorsOf([p]) });

/** One message for every failed sign-in, so nobody can tell which logins exist. */
const failed = () =>
  problem(ErrorCode.UNAUTHENTICATED, ['input'], msg('登录名或密码错误', 'Wrong login or password'));

const tooMany = (wait: number) =>
  problem(
    ErrorCode.RATE_LIMITED,
    ['input', 'login'],
    msg(`登录失败次数过多，请${wait}秒后再试`, `Too many failed attempts; try again in ${wait} seconds`),
  );

const busy = () =>
  problem(
    ErrorCode.RATE_LIMITED,
    ['input'],
    msg('登录请求过多，请稍后再试', 'Too many sign-ins at the moment; please try again shortly'),
  );

const oneLoginPerRequest = () =>
  problem(ErrorCode.BAD_USER_INPUT, ['input'], msg('每个请求只能登录一次', 'Only one sign-in per request'));

/** Requests that already made their one sign-in attempt (issue 8 item 12: no aliased `login` fields). */
const attempted = new WeakSet<RequestContext>();

/**
 * The account a sign-in names (issue 8 item 13): logins are unique per tenant, so the tenant code
 * qualifies them. Without one (or DEFAULT_TENANT), `auth_find_login(login)` answers only while the
 * deployment has a single tenant — never "whichever tenant has it", which would tell anyone whether a
 * login exists in another city.
 */
async function findLogin(ctx: RequestContext, tenant: string | null, name: string) {
  const [entry] = tenant
    ? await ctx.db.query<LoginRow>('SELECT tenant_id, user_id FROM auth_find_login($1, $2)', [tenant, name])
    : await ctx.db.query<LoginRow>('SELECT tenant_id, user_id FROM auth_find_login($1)', [name]);
  if (!entry) return null;
  await ctx.db.setTenant(entry.tenant_id);
  const [account] = await ctx.db.query<AccountRow>(
    'SELECT password_hash, is_active, token_version FROM app_user WHERE tenant_id = $1 AND id = $2',
    [entry.tenant_id, entry.user_id],
  );
  return account ? { ...entry, ...account } : null;
}

/**
 * 登录 — one attempt per request; throttled per (login, address) and per address with exponential
 * back-off (never a lock of the login); the password check runs in a bounded number of hashing slots,
 * and an unknown login costs the same check (no user enumeration by timing); deactivated users cannot
 * sign in. The token carries the user's token version (exact revocation, issue 8 item 11).
 */
export async function login(ctx: RequestContext, input: LoginInput): Promise<LoginPayload> {
  if (attempted.has(ctx)) return refused(oneLoginPerRequest());
  attempted.add(ctx);
  const { loginThrottle, tokens, config } = ctx.services;
  const tenant = input.tenant?.trim() || config.DEFAULT_TENANT || null;
  const name = input.login.trim().toLowerCase();
  const throttleKey = `${(tenant ?? '').toLowerCase()}/${name}`;
  const wait = await loginThrottle.retryAfter(throttleKey, ctx.clientAddress);
  if (wait > 0) return refused(tooMany(wait));

  const account = await findLogin(ctx, tenant, name);
  let passwordOk: boolean;
  try {
    passwordOk = await hashSlots(config).run(() =>
      verifyPassword(account?.password_hash ?? null, input.password),
    );
  } catch (error) {
    if (error instanceof HashingBusy) return refused(busy());
    throw error;
  }
  if (!account || !passwordOk || !account.is_active) {
    await loginThrottle.recordFailure(throttleKey, ctx.clientAddress);
    return refused(failed());
  }
  await loginThrottle.recordSuccess(throttleKey, ctx.clientAddress);
  const issued = await tokens.issue({
    userId: account.user_id,
    tenantId: account.tenant_id,
    tokenVersion: account.token_version,
  });
  return { token: issued.token, expiresAt: issued.expiresAt, userErrors: [] };
}
