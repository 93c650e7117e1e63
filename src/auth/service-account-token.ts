import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { placeOf, type PlaceRow } from './principal-row';

/**
 * 服务账号令牌 (issue 14): `jx_<prefix>_<secret>` — a 12-hex-digit random prefix that identifies the token
 * in lists and logs, and 32 random bytes (256 bits, base64url) of secret. It is shown once, when issued.
 *
 * The database keeps only the prefix and the SHA-256 digest of the whole token. A slow, salted password
 * hash (scrypt/argon2) exists to make guessing a low-entropy password expensive; a 256-bit random secret
 * cannot be guessed at any hash speed, so a fast digest loses nothing — and it is computed on every request,
 * where a slow hash would cost ~50 ms of CPU each time. Unlike an HMAC keyed with the server secret, it
 * keeps every token valid when that secret is rotated, and a stolen table still yields no usable token.
 */
export const SERVICE_TOKEN_PATTERN = /^jx_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A bearer token in the service-account form (JWTs of people start with `eyJ`). */
export function isServiceAccountToken(token: string): boolean {
  return token.startsWith('jx_');
}

export interface NewServiceToken {
  /** The token to show once; never stored. */
  token: string;
  prefix: string;
  /** SHA-256 of the whole token: what is stored. */
  digest: Buffer;
}

export function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A new random token (crypto.randomBytes: the operating system's CSPRNG). */
export function generateServiceToken(): NewServiceToken {
  const prefix = randomBytes(6).toString('hex');
  const token = `jx_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, digest: digestOf(token) };
}

/** 服务账号权限范围 — what a token may do. Only reading reports (see service-account-scope.ts). */
export enum ServiceAccountScope {
  REPORTING_READ = 'REPORTING_READ',
}

/** What the principal of a service-account token carries besides the organization's jurisdiction. */
export interface ServiceAccountCredential {
  serviceAccountId: string;
  tokenId: string;
  scope: ServiceAccountScope;
}

interface AuthenticatedRow extends PlaceRow {
  token_id: string;
  service_account_id: string;
  name: string;
  scope: ServiceAccountScope;
}

/**
 * The caller of a service-account token, or null when the token is malformed, unknown, revoked, expired
 * or its account deactivated — checked on every request, so a revocation takes effect at once. Runs as
 * one autocommit statement on the pool, outside the request's transaction: the last use it records (at
 * most once a minute) is kept even when the request rolls back, and holds no lock past the statement.
 * The caller reads with its organization's jurisdiction (P6) and never administers anything.
 */
export async function authenticateServiceToken(
  dataSource: DataSource,
  token: string,
): Promise<Principal | null> {
  const match = SERVICE_TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const rows = (await dataSource.query('SELECT * FROM service_account_authenticate($1, $2)', [
    match[1],
    digestOf(token),
  ])) as AuthenticatedRow[];
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.service_account_id,
    login: `service-account:${match[1]}`,
    displayName: row.name,
    ...placeOf(row),
    isTenantAdmin: false,
    serviceAccount: {
      serviceAccountId: row.service_account_id,
      tokenId: row.token_id,
      scope: row.scope,
    },
  };
}
