/**
 * Issue 14, the pure parts of service accounts: token format and digest, validity, token state, and the
 * scope gate (deny by default for tokens, untouched for people). No database.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import { OrganizationKind, RegionLevel } from '../../src/auth/principal-kinds';
import { SCOPE_QUERIES, scopeAdmits } from '../../src/auth/service-account-scope';
import {
  digestOf,
  generateServiceToken,
  isServiceAccountToken,
  SERVICE_TOKEN_PATTERN,
  ServiceAccountScope,
} from '../../src/auth/service-account-token';
import {
  checkAccountName,
  checkTokenDays,
  DEFAULT_TOKEN_DAYS,
  expiryOf,
  MAX_TOKEN_DAYS,
  tokenState,
} from '../../src/service-accounts/rules/service-account-rules';

const person: Principal = {
  userId: '00000000-0000-4000-8000-000000000001',
  login: 'finance.zhangdian',
  displayName: '刘洋',
  tenantId: '00000000-0000-4000-8000-000000000002',
  organizationId: '00000000-0000-4000-8000-000000000003',
  organizationKind: OrganizationKind.FINANCE_BUREAU,
  supervisingDepartmentId: null,
  regionId: '00000000-0000-4000-8000-000000000004',
  regionLevel: RegionLevel.DISTRICT,
  regionPath: '/a/b/',
  isTenantAdmin: false,
};
const token: Principal = {
  ...person,
  serviceAccount: {
    serviceAccountId: person.userId,
    tokenId: '00000000-0000-4000-8000-000000000005',
    scope: ServiceAccountScope.REPORTING_READ,
  },
};

test('a token is jx_<12 hex>_<43 base64url>, random, and stored as the 32-byte SHA-256 of the whole token', () => {
  const a = generateServiceToken();
  const b = generateServiceToken();
  expect(a.token).toMatch(SERVICE_TOKEN_PATTERN);
  expect(a.token.slice(3, 15)).toBe(a.prefix);
  expect(a.token).not.toBe(b.token);
  expect(a.prefix).not.toBe(b.prefix);
  expect(a.digest).toEqual(createHash('sha256').update(a.token).digest());
  expect(a.digest).toHaveLength(32);
  expect(digestOf(a.token)).toEqual(a.digest);
  expect(isServiceAccountToken(a.token)).toBe(true);
  // People's tokens are JWTs (`eyJ…`): never taken for a service token.
  expect(isServiceAccountToken('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBe(false);
});

test('validity: whole days from 1 to 365, default 90; the expiry is that many days after issue', () => {
  expect(DEFAULT_TOKEN_DAYS).toBe(90);
  expect(MAX_TOKEN_DAYS).toBe(365);
  for (const ok of [1, 90, 365]) expect(checkTokenDays(ok)).toBeNull();
  for (const bad of [0, -1, 366, 1.5]) expect(checkTokenDays(bad)).not.toBeNull();
  const issued = new Date('2026-01-01T00:00:00Z');
  expect(expiryOf(issued, 365).toISOString()).toBe('2027-01-01T00:00:00.000Z');
});

test('names: 1–100 characters after trimming', () => {
  expect(checkAccountName('Metabase 财政局看板')).toBeNull();
  expect(checkAccountName('   ')).not.toBeNull();
  expect(checkAccountName('x'.repeat(101))).not.toBeNull();
});

test('state: revoked (or account deactivated) before expired; active until the expiry instant', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const later = new Date('2026-06-02T00:00:00Z');
  expect(tokenState({ revokedAt: null, expiresAt: later }, true, now)).toBe('ACTIVE');
  expect(tokenState({ revokedAt: null, expiresAt: now }, true, now)).toBe('EXPIRED');
  expect(tokenState({ revokedAt: now, expiresAt: later }, true, now)).toBe('REVOKED');
  expect(tokenState({ revokedAt: null, expiresAt: later }, false, now)).toBe('REVOKED');
});

test('the scope gate: people untouched; a REPORTING_READ token reads the reporting queries only, and never writes', () => {
  expect(scopeAdmits(person, 'Mutation', 'createFund')).toBe(true);
  expect(scopeAdmits(person, 'Query', 'funds')).toBe(true);
  expect(scopeAdmits(null, 'Query', 'publicGoals')).toBe(true);
  expect(SCOPE_QUERIES.REPORTING_READ).toEqual([
    'aggregate',
    'regionReport',
    'resultRanking',
    'congressPackage',
  ]);
  for (const field of SCOPE_QUERIES.REPORTING_READ) {
    expect(scopeAdmits(token, 'Query', field)).toBe(true);
    expect(scopeAdmits(token, 'Mutation', field)).toBe(false);
  }
  // Deny by default: anything not named, including fields added later.
  for (const field of ['me', 'funds', 'node', 'serviceAccounts', 'someFutureQuery'])
    expect(scopeAdmits(token, 'Query', field)).toBe(false);
  for (const field of ['login', 'createServiceAccount', 'issueServiceAccountToken', 'updatePolicy'])
    expect(scopeAdmits(token, 'Mutation', field)).toBe(false);
  expect(scopeAdmits(token, 'Subscription', 'anything')).toBe(false);
});
