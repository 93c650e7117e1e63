import { msg, type Message } from '../../common/error-code';

/**
 * Issue 14: a token expires — 90 days unless asked otherwise, a year at most, so a forgotten token
 * cannot live forever; a rotation issues the new token before revoking the old, so an account may hold a
 * few usable tokens at once, never an unbounded number.
 */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
export const MAX_USABLE_TOKENS = 5;

/** A name: 1–100 characters after trimming. */
export function checkAccountName(name: string): Message | null {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100)
    return msg('名称应为 1–100 个字符', 'The name must have 1–100 characters');
  return null;
}

/** The validity in days: a whole number from 1 to MAX_TOKEN_DAYS. */
export function checkTokenDays(days: number): Message | null {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    return msg(
      `有效天数应为 1–${MAX_TOKEN_DAYS} 天`,
      `The validity must be from 1 to ${MAX_TOKEN_DAYS} days`,
    );
  return null;
}

/** The expiry of a token issued at `now`, valid for `days` whole days. */
export function expiryOf(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 3600 * 1000);
}

export type TokenState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** Whether a token is accepted at `now`: revoked (or its account deactivated) first, then expired. */
export function tokenState(
  token: { revokedAt: Date | null; expiresAt: Date },
  accountActive: boolean,
  now: Date,
): TokenState {
  if (token.revokedAt || !accountActive) return 'REVOKED';
  return token.expiresAt.getTime() > now.getTime() ? 'ACTIVE' : 'EXPIRED';
}
