/**
 * Issue 14 (DOMAIN §16), a service account's token on a real database: stored as a digest only; it reads
 * the reporting queries with its organization's jurisdiction (P6) and nothing else; every mutation is
 * refused to it; revocation, expiry and deactivation take effect at the next request; the last use is
 * recorded at most once a minute.
 */
import { createHash } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import {
  createAccount,
  CREATE,
  type CreatePayload,
  DEACTIVATE,
  type Errors,
  ISSUE,
  issueToken,
  LIST,
  orgId,
  RANKING,
  REVOKE,
  tokenRow,
} from './service-accounts-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const create = (as: string, organization: string, name: string) => createAccount(app, as, organization, name);

describe('the token: stored hashed, scoped to reading reports, revocable at once', () => {
  /** A fresh account per test: an account holds at most five usable tokens. */
  let account: string;
  let n = 0;
  beforeEach(async () => {
    n += 1;
    account = (await create('admin.zhangdian', '张店区财政局', `BI 张店 ${n}`)).serviceAccount!.id;
  });

  test('the secret is never stored: only the prefix and the SHA-256 digest of the token; the audit trail holds neither', async () => {
    const issued = await issueToken(app, 'admin.zhangdian', account);
    const token = issued.token!;
    const row = await tokenRow(app, token);
    expect(row.token_hash).toEqual(createHash('sha256').update(token).digest());
    expect(row.expires_in_days).toBe(90); // the default validity
    // No column of the row, and no audit event, contains the secret (or the whole token).
    const secret = token.slice(16);
    const [dump] = await app.sql<{ text: string }>(
      `SELECT row_to_json(t)::text AS text FROM service_account_token t WHERE prefix = $1`,
      [row.prefix],
    );
    expect(dump.text).not.toContain(secret);
    const audit = await app.sql<{ text: string }>(
      `SELECT coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_event WHERE entity_type = 'ServiceAccountToken'`,
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) {
      expect(a.text).not.toContain(secret);
      expect(a.text).not.toContain(row.token_hash.toString('hex'));
    }
  });

  test('it answers a reporting query exactly as a person of its organization; no password, no sign-in', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    const asToken = await app.gql(RANKING, {}, { token: token! });
    const asPerson = await app.gql(RANKING, {}, { as: 'finance.zhangdian' });
    expect(asToken.errors).toBeUndefined();
    expect(asToken.data).toEqual(asPerson.data);
    // The congress package document (DOMAIN §13), over HTTP with the same bearer token.
    const url = new URL('/reports/congress-package.docx?year=2025&region=370303', app.server.url);
    const docx = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(docx.status).toBe(200);
    // Outside its jurisdiction (P6), like the person: a sibling district reads as missing.
    const sibling = await fetch(
      new URL('/reports/congress-package.docx?year=2025&region=370302', app.server.url),
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(sibling.status).toBe(404);
  });

  test('the BI aggregate (DOMAIN §16), in GraphQL and as CSV, answers the token as the person of its organization', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    const AGG = `{ aggregate(dimensions: [YEAR], measures: [GOAL_COUNT, BUDGETED]) { rowCount rows { year goalCount budgeted } } }`;
    const asToken = await app.gql(AGG, {}, { token: token! });
    expect(asToken.errors).toBeUndefined();
    expect(asToken.data).toEqual((await app.gql(AGG, {}, { as: 'finance.zhangdian' })).data);
    const url = new URL(
      '/reports/aggregate.csv?dimensions=YEAR&measures=GOAL_COUNT,BUDGETED',
      app.server.url,
    );
    const csv = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    const person = await fetch(url, {
      headers: { authorization: `Bearer ${await app.tokenFor('finance.zhangdian')}` },
    });
    expect(await csv.text()).toBe(await person.text());
  });

  test('queries outside the scope are refused FORBIDDEN', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    for (const query of [
      '{ me { user { login } } }',
      '{ funds(first: 1) { totalCount } }',
      LIST,
      '{ auditEvents(first: 1) { totalCount } }',
    ]) {
      const res = await app.gql(query, {}, { token: token! });
      expect([query, res.errors?.[0].extensions?.code]).toEqual([query, 'FORBIDDEN']);
    }
  });

  test('every mutation is refused FORBIDDEN and writes nothing (REPORTING_READ never writes)', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    // Its first use records the last use (a write outside the mutation); within the minute, no other.
    await app.gql(RANKING, {}, { token: token! });
    const before = await app.tableDigests();
    const made = await app.gql<CreatePayload>(
      CREATE,
      { input: { organizationId: await orgId(app, '张店区财政局'), name: '令牌自建' } },
      { token: token! },
    );
    expect(made.data!.createServiceAccount.userErrors[0].code).toBe('FORBIDDEN');
    const issued = await app.gql<{ issueServiceAccountToken: { token: string | null; userErrors: Errors } }>(
      ISSUE,
      { input: { serviceAccountId: account } },
      { token: token! },
    );
    expect(issued.data!.issueServiceAccountToken).toMatchObject({
      token: null,
      userErrors: [{ code: 'FORBIDDEN' }],
    });
    const login = await app.gql<{ login: { token: string | null; userErrors: Errors } }>(
      `mutation { login(input: { login: "finance.zhangdian", password: "x" }) { token userErrors { code field } } }`,
      {},
      { token: token! },
    );
    expect(login.data!.login).toMatchObject({ token: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect(await app.tableDigests()).toEqual(before);
  });

  test('a revoked token is refused at the next request (401); the others of the account still work', async () => {
    const kept = (await issueToken(app, 'admin.zhangdian', account)).token!;
    const issued = await issueToken(app, 'admin.zhangdian', account);
    expect((await app.gql(RANKING, {}, { token: issued.token! })).errors).toBeUndefined();
    const res = await app.gql<{
      revokeServiceAccountToken: {
        serviceAccountToken: { state: string; revokedAt: string };
        userErrors: Errors;
      };
    }>(REVOKE, { input: { tokenId: issued.serviceAccountToken!.id } }, { as: 'admin.zhangdian' });
    expect(res.data!.revokeServiceAccountToken.userErrors).toEqual([]);
    expect(res.data!.revokeServiceAccountToken.serviceAccountToken.state).toBe('REVOKED');
    const after = await app.gql(RANKING, {}, { token: issued.token! });
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.gql(RANKING, {}, { token: kept })).errors).toBeUndefined();
    const row = await tokenRow(app, issued.token!);
    expect(row.revoked_at).not.toBeNull();
    const events = await app.sql(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at`, [
      row.id,
    ]);
    expect(events).toEqual([{ action: 'ISSUE' }, { action: 'REVOKE' }]);
    // Revoking twice: CONFLICT; another tenant's administrator: NOT_FOUND; a person: FORBIDDEN.
    for (const [as, code] of [
      ['admin.zhangdian', 'CONFLICT'],
      ['admin.rizhao', 'NOT_FOUND'],
      ['finance.zhangdian', 'FORBIDDEN'],
    ]) {
      const again = await app.gql<{ revokeServiceAccountToken: { userErrors: Errors } }>(
        REVOKE,
        { input: { tokenId: toGlobalId('ServiceAccountToken', row.id) } },
        { as },
      );
      expect([as, again.data!.revokeServiceAccountToken.userErrors[0]?.code]).toEqual([as, code]);
    }
  });

  test('an expired token is refused at once; a forged or malformed one likewise', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    expect((await app.gql(RANKING, {}, { token: token! })).errors).toBeUndefined();
    await app.sql(
      `UPDATE service_account_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE prefix = $1`,
      [token!.slice(3, 15)],
    );
    expect((await app.gql(RANKING, {}, { token: token! })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const fresh = (await issueToken(app, 'admin.zhangdian', account)).token!;
    const forged = `${fresh.slice(0, 16)}${fresh.slice(16).split('').reverse().join('')}`;
    for (const bad of [forged, 'jx_short', `${fresh}x`]) {
      const res = await app.gql(RANKING, {}, { token: bad });
      expect([bad, res.errors?.[0].extensions?.code]).toEqual([bad, 'UNAUTHENTICATED']);
    }
  });

  test('the last use is recorded, at most once a minute, also for an HTTP export', async () => {
    const { token } = await issueToken(app, 'admin.zhangdian', account);
    expect((await tokenRow(app, token!)).last_used_at).toBeNull();
    await app.gql(RANKING, {}, { token: token! });
    const first = (await tokenRow(app, token!)).last_used_at;
    expect(first).not.toBeNull();
    await app.gql(RANKING, {}, { token: token! });
    expect((await tokenRow(app, token!)).last_used_at).toEqual(first); // within the minute: no write
    await app.sql(
      `UPDATE service_account_token SET last_used_at = now() - interval '2 minutes' WHERE prefix = $1`,
      [token!.slice(3, 15)],
    );
    const url = new URL('/reports/congress-package.docx?year=2025&region=370303', app.server.url);
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const recorded = await app.sql<{ recent: boolean }>(
      `SELECT last_used_at > now() - interval '30 seconds' AS recent FROM service_account_token WHERE prefix = $1`,
      [token!.slice(3, 15)],
    );
    expect(recorded).toEqual([{ recent: true }]);
  });

  test('deactivating the account refuses all its tokens at once and revokes them', async () => {
    const other = (await create('admin.zhangdian', '张店区财政局', '停用测试')).serviceAccount!.id;
    const tokens = [
      (await issueToken(app, 'admin.zhangdian', other)).token!,
      (await issueToken(app, 'admin.zhangdian', other)).token!,
    ];
    for (const t of tokens) expect((await app.gql(RANKING, {}, { token: t })).errors).toBeUndefined();
    const deactivate = async (as: string) =>
      (
        await app.gql<{ deactivateServiceAccount: { userErrors: Errors } }>(
          DEACTIVATE,
          { input: { serviceAccountId: other } },
          { as },
        )
      ).data!.deactivateServiceAccount.userErrors[0]?.code;
    // P6: a person who is not an administrator, and another tenant's administrator, are refused.
    expect(await deactivate('finance.zhangdian')).toBe('FORBIDDEN');
    expect(await deactivate('admin.rizhao')).toBe('NOT_FOUND');
    const res = await app.gql<{
      deactivateServiceAccount: { serviceAccount: { isActive: boolean }; userErrors: Errors };
    }>(DEACTIVATE, { input: { serviceAccountId: other } }, { as: 'admin.zhangdian' });
    expect(res.data!.deactivateServiceAccount).toMatchObject({
      serviceAccount: { isActive: false },
      userErrors: [],
    });
    for (const t of tokens) {
      expect((await app.gql(RANKING, {}, { token: t })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await tokenRow(app, t)).revoked_at).not.toBeNull();
    }
    // No new token for a deactivated account.
    expect((await issueToken(app, 'admin.zhangdian', other)).userErrors[0].code).toBe('WORKFLOW_VIOLATION');
    expect(await deactivate('admin.zhangdian')).toBe('CONFLICT'); // already deactivated
    const events = await app.sql(
      `SELECT action FROM audit_event WHERE entity_type = 'ServiceAccount' AND entity_id = (SELECT id FROM service_account WHERE name = '停用测试') ORDER BY occurred_at`,
    );
    expect(events).toEqual([{ action: 'CREATE' }, { action: 'DEACTIVATE' }]);
  });

  test('bad input: validity outside 1–365 days, a sixth usable token, a taken name', async () => {
    const acct = (await create('admin.zhangdian', '张店区财政局', '输入测试')).serviceAccount!.id;
    for (const days of [0, 366]) {
      const res = await issueToken(app, 'admin.zhangdian', acct, days);
      expect([days, res.userErrors[0]]).toEqual([
        days,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'expiresInDays'] }),
      ]);
    }
    const year = await issueToken(app, 'admin.zhangdian', acct, 365);
    expect((await tokenRow(app, year.token!)).expires_in_days).toBe(365);
    for (let k = 0; k < 4; k += 1)
      expect((await issueToken(app, 'admin.zhangdian', acct)).userErrors).toEqual([]);
    expect((await issueToken(app, 'admin.zhangdian', acct)).userErrors[0].code).toBe('CONFLICT');
    const again = await create('admin.zhangdian', '张店区财政局', '输入测试');
    expect(again.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'name'] });
  });
});
