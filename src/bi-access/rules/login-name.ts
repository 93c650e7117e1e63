import { randomInt } from 'node:crypto';
import { msg, type Message } from '../../common/error-code';

/**
 * Names of reporting logins (DOMAIN §16). PostgreSQL roles are cluster-wide, so every name carries the
 * `bi_` prefix (the definer function creates and drops nothing else) and, unless one is chosen, the
 * region code and a random suffix, so two databases on one server never collide.
 */
export const ROLE_PREFIX = 'bi_';
const CHOSEN = /^[a-z][a-z0-9_]{0,39}$/;
const SUFFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Why a chosen name is refused, or null: lower-case letters, digits and `_`, starting with a letter. */
export function chosenNameProblem(name: string): Message | null {
  return CHOSEN.test(name)
    ? null
    : msg(
        '登录名须以小写字母开头，只含小写字母、数字和下划线，最长 40 个字符',
        'The login name starts with a lower-case letter and has only lower-case letters, digits and _, at most 40 characters',
      );
}

/** The role name: `bi_<chosen>`, or `bi_<region code or "tenant">_<6 random characters>`. */
export function roleNameFor(regionCode: string | null, chosen?: string | null): string {
  if (chosen) return `${ROLE_PREFIX}${chosen}`;
  let suffix = '';
  for (let k = 0; k < 6; k += 1) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  const place = regionCode && /^[0-9]{6,12}$/.test(regionCode) ? regionCode : 'tenant';
  return `${ROLE_PREFIX}${place}_${suffix}`;
}

export const MIN_CONNECTIONS = 1;
export const MAX_CONNECTIONS = 50;
export const DEFAULT_CONNECTIONS = 5;

/** Why a connection limit is refused, or null (the definer function checks the same bounds). */
export function connectionLimitProblem(limit: number): Message | null {
  return Number.isInteger(limit) && limit >= MIN_CONNECTIONS && limit <= MAX_CONNECTIONS
    ? null
    : msg(
        `连接数上限须在 ${MIN_CONNECTIONS} 至 ${MAX_CONNECTIONS} 之间`,
        `The connection limit lies between ${MIN_CONNECTIONS} and ${MAX_CONNECTIONS}`,
      );
}
