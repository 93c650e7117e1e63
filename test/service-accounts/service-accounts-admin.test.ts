/**
 * Issue 14 (DOMAIN §16 "BI tools pulling aggregated data"), service accounts through GraphQL on a real
 * database: tenant administrators create accounts and issue tokens for their subtree (P6); every other
 * caller is refused — a person who is not an administrator, an audit office (003 第七条), another
 * tenant's administrator, a sibling district — and a refusal writes nothing.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { createAccount, CREATE, issueToken, LIST } from './service-accounts-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const create = (as: string, organization: string, name: string) => createAccount(app, as, organization, name);

describe('who may create service accounts and issue tokens (P6: tenant administrators, their subtree)', () => {
  test('the district administrator creates an account of its finance bureau; the row and its audit event are written', async () => {
    const made = await create('admin.zhangdian', '张店区财政局', 'Metabase 张店看板');
    expect(made.userErrors).toEqual([]);
    const [row] = await app.sql<{ id: string; is_active: boolean; organization: string }>(
      `SELECT sa.id, sa.is_active, o.name AS organization FROM service_account sa
         JOIN organization o ON o.tenant_id = sa.tenant_id AND o.id = sa.organization_id WHERE sa.name = 'Metabase 张店看板'`,
    );
    expect(row).toMatchObject({ is_active: true, organization: '张店区财政局' });
    expect(made.serviceAccount?.id).toBe(toGlobalId('ServiceAccount', row.id));
    // DOMAIN §15: every change leaves its audit event, by the administrator.
    const events = await app.sql(
      `SELECT e.action, u.login FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.entity_type = 'ServiceAccount' AND e.entity_id = $1`,
      [row.id],
    );
    expect(events).toEqual([{ action: 'CREATE', login: 'admin.zhangdian' }]);
  });

  test.each([
    ['finance.zhangdian', '张店区财政局', 'FORBIDDEN'], // not an administrator (P6)
    ['audit.zibo', '张店区财政局', 'FORBIDDEN'], // audit offices read and write nothing (003 第七条)
    ['admin.rizhao', '张店区财政局', 'NOT_FOUND'], // another tenant: reads like a missing organization
    ['admin.zhangdian', '淄川区财政局', 'NOT_FOUND'], // a sibling district, outside the subtree
  ])('%s creating for %s is refused with %s and nothing is written', async (as, organization, code) => {
    const before = await app.tableDigests();
    const refused = await create(as, organization, `拒绝 ${as}`);
    expect(refused.serviceAccount ?? null).toBeNull();
    expect(refused.userErrors[0].code).toBe(code);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('without a token: UNAUTHENTICATED', async () => {
    const res = await app.gql(CREATE, { input: { organizationId: 'x', name: 'anonymous' } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('issuing a token: the administrator of the subtree (district, or the city above) succeeds; others are refused', async () => {
    const account = (await create('admin.zhangdian', '张店区财政局', 'Superset 张店')).serviceAccount!.id;
    for (const as of ['admin.zhangdian', 'admin.zibo']) {
      const issued = await issueToken(app, as, account);
      expect(issued.userErrors).toEqual([]);
      expect(issued.token).toMatch(/^jx_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    }
    for (const [as, code] of [
      ['finance.zhangdian', 'FORBIDDEN'],
      ['transport.zhangdian', 'FORBIDDEN'],
      ['admin.rizhao', 'NOT_FOUND'],
    ]) {
      const before = await app.tableDigests();
      const refused = await issueToken(app, as, account);
      expect([as, refused.token ?? null, refused.userErrors[0]?.code]).toEqual([as, null, code]);
      expect(await app.tableDigests()).toEqual(before);
    }
  });

  test('the list: administrators of the subtree see the account and its tokens (never a secret); others do not', async () => {
    const account = (await create('admin.zhangdian', '张店区财政局', 'Excel 张店')).serviceAccount!.id;
    const issued = await issueToken(app, 'admin.zhangdian', account);
    const res = await app.gql<{
      serviceAccounts: {
        nodes: { id: string; name: string; tokens: { nodes: Record<string, unknown>[] } }[];
      };
    }>(LIST, {}, { as: 'admin.zhangdian' });
    const listed = res.data!.serviceAccounts.nodes.find((n) => n.id === account)!;
    expect(listed.tokens.nodes).toEqual([
      {
        id: issued.serviceAccountToken!.id,
        prefix: issued.token!.slice(3, 15),
        scope: 'REPORTING_READ',
        state: 'ACTIVE',
        expiresAt: issued.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(res)).not.toContain(issued.token!.slice(16));
    // The city administrator sees it too (its subtree); another tenant's does not.
    const city = await app.gql<{ serviceAccounts: { nodes: { id: string }[] } }>(
      LIST,
      {},
      { as: 'admin.zibo' },
    );
    expect(city.data!.serviceAccounts.nodes.map((n) => n.id)).toContain(account);
    const other = await app.gql<{ serviceAccounts: { nodes: { id: string }[] } }>(
      LIST,
      {},
      { as: 'admin.rizhao' },
    );
    expect(other.data!.serviceAccounts.nodes.map((n) => n.id)).not.toContain(account);
    const person = await app.gql<{ serviceAccounts: unknown }>(LIST, {}, { as: 'finance.zhangdian' });
    expect(person.data?.serviceAccounts ?? null).toBeNull();
    expect(person.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // node(id): the same reach as the list.
    const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
    const admin = await app.gql<{ node: unknown }>(NODE, { id: account }, { as: 'admin.zhangdian' });
    expect(admin.data!.node).toEqual({ __typename: 'ServiceAccount', id: account });
    const tokenNode = await app.gql<{ node: unknown }>(
      NODE,
      { id: issued.serviceAccountToken!.id },
      { as: 'admin.zhangdian' },
    );
    expect(tokenNode.data!.node).toEqual({
      __typename: 'ServiceAccountToken',
      id: issued.serviceAccountToken!.id,
    });
    const finance = await app.gql<{ node: unknown }>(NODE, { id: account }, { as: 'finance.zhangdian' });
    expect(finance.data!.node).toBeNull();
  });

  test('me.abilities: MANAGE_SERVICE_ACCOUNTS for administrators only', async () => {
    const abilities = async (as: string) =>
      (await app.gql<{ me: { abilities: string[] } }>('{ me { abilities } }', {}, { as })).data!.me.abilities;
    expect(await abilities('admin.zhangdian')).toContain('MANAGE_SERVICE_ACCOUNTS');
    expect(await abilities('finance.zhangdian')).not.toContain('MANAGE_SERVICE_ACCOUNTS');
    expect(await abilities('audit.zibo')).not.toContain('MANAGE_SERVICE_ACCOUNTS');
  });
});
