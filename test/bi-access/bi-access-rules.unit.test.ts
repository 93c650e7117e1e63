/**
 * Issue 14 (DOMAIN §16): the pure parts of BI logins — names safe for PostgreSQL and unique per server,
 * bounds of the connection limit, and the SCRAM-SHA-256 verifier PostgreSQL itself would store.
 */
import { chosenNameProblem, connectionLimitProblem, roleNameFor } from '../../src/bi-access/rules/login-name';
import { generatePassword, scramVerifier, verifierMatches } from '../../src/bi-access/scram';

test('role names: bi_<chosen>, or bi_<region code or tenant>_<6 random characters>', () => {
  expect(roleNameFor('370302', 'metabase')).toBe('bi_metabase');
  expect(roleNameFor('370302')).toMatch(/^bi_370302_[a-z0-9]{6}$/);
  expect(roleNameFor(null)).toMatch(/^bi_tenant_[a-z0-9]{6}$/);
  expect(roleNameFor('x; DROP')).toMatch(/^bi_tenant_[a-z0-9]{6}$/);
  expect(new Set(Array.from({ length: 50 }, () => roleNameFor(null))).size).toBe(50);
});

test.each([
  ['metabase', true],
  ['superset_2026', true],
  ['a'.repeat(40), true],
  ['a'.repeat(41), false],
  ['Metabase', false],
  ['2metabase', false],
  ['meta-base', false],
  ['x"; DROP ROLE postgres; --', false],
  ['', false],
])('chosen name %j accepted: %s', (name, ok) => {
  expect(chosenNameProblem(name) === null).toBe(ok);
});

test.each([
  [1, true],
  [50, true],
  [0, false],
  [51, false],
  [2.5, false],
])('connection limit %d accepted: %s', (limit, ok) => {
  expect(connectionLimitProblem(limit) === null).toBe(ok);
});

test('passwords: 24 characters of letters and digits, all different', () => {
  const many = Array.from({ length: 100 }, () => generatePassword());
  expect(many.every((p) => /^[A-Za-z0-9]{24}$/.test(p))).toBe(true);
  expect(new Set(many).size).toBe(100);
});

test('the verifier is the one PostgreSQL 15 stored for the same password and salt (pg_authid.rolpassword)', () => {
  // Made by the server: CREATE ROLE … PASSWORD 'testpw123' with password_encryption = scram-sha-256.
  const fromPostgres = POSTGRES_VERIFIER;
  const salt = Buffer.from(/\$4096:([^$]+)\$/.exec(fromPostgres)![1], 'base64');
  expect(scramVerifier('testpw123', salt)).toBe(fromPostgres);
  expect(verifierMatches(fromPostgres, 'testpw123')).toBe(true);
  expect(verifierMatches(fromPostgres, 'testpw124')).toBe(false);
  expect(verifierMatches('md5abc', 'testpw123')).toBe(false);
});

const POSTGRES_VERIFIER =
  'SCRAM-SHA-256$4096:6FueI654O7jOLDgreHIXoQ==$MsZrrdtsRXStpMqMXLzCk7uGGNhGsbAglPbPtqwtZxk=:senCOo93G9wSIkzs5wlqcRhHr98JuExc50XxciEjen0=';
