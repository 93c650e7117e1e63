/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"), who may write the
 * hierarchy at all: tenant administrators, never audit offices. Every read and write is limited to the
 * caller's subtree; "an out-of-jurisdiction id looks exactly like a missing one" (§8, last paragraph). Each
 * rule is proved both ways: the allowed caller gets the object, the others get exactly what a nonexistent
 * id gives them. Shared world: ./isolation-world.ts.
 */
import type { TestApp } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import {
  type Json,
  mutationDocument,
  NON_ADMINS,
  useIsolationApp,
  type UserErrorShape,
} from './isolation-world';

const world = useIsolationApp();
const { fingerprint } = world;
let app: TestApp;
beforeAll(() => void (app = world.app()));

// ---------------------------------------------------------------------------------------------------
// 5. Who may write at all: tenant administrators, never audit offices (P6, 003 第七条)

const WRITE_INPUTS: [string, () => Promise<Json>][] = [
  [
    'createRegion',
    async () => ({
      parentId: await regionGid(app, '370303'),
      level: 'TOWNSHIP',
      name: '禁止测试街道',
      code: '370303196',
    }),
  ],
  [
    'updateRegion',
    async () => ({ id: await regionGid(app, '370303002'), expectedVersion: 1, name: '禁止改名' }),
  ],
  ['deleteRegion', async () => ({ id: await regionGid(app, '370303097') })],
  [
    'createOrganization',
    async () => ({
      regionId: await regionGid(app, '370303002'),
      kind: 'IMPLEMENTING_UNIT',
      name: '禁止测试单位',
      sector: 'TRANSPORT',
    }),
  ],
  [
    'updateOrganization',
    async () => ({
      id: await organizationGid(app, '公园街道中心幼儿园'),
      expectedVersion: 1,
      name: '禁止改名',
    }),
  ],
  ['deleteOrganization', async () => ({ id: await organizationGid(app, '公园街道审计办公室') })],
  [
    'createUser',
    async () => ({
      organizationId: await organizationGid(app, '公园街道财政所'),
      login: 'forbidden.probe',
      displayName: '禁止',
      password: 'Forbidden2025x',
    }),
  ],
  [
    'updateUser',
    async () => ({ id: await userGid(app, 'finance.gongyuan'), expectedVersion: 1, isTenantAdmin: true }),
  ],
];

const FORBIDDEN_CASES = NON_ADMINS.flatMap((caller) =>
  WRITE_INPUTS.map(([mutation, input]) => ({ caller, mutation, input })),
);

describe('non-administrators and audit offices write nothing (P6)', () => {
  test.each(FORBIDDEN_CASES)('$caller → $mutation → FORBIDDEN P6', async ({ caller, mutation, input }) => {
    const before = await fingerprint();
    const res = await app.gql(mutationDocument(mutation), { input: await input() }, { as: caller });
    // issue 11 item 4: the shield's refusal of a mutation comes back in its payload
    expect(res.errors).toBeUndefined();
    expect((res.data as { m: { userErrors: unknown[] } }).m.userErrors).toEqual([
      expect.objectContaining({
        code: 'FORBIDDEN',
        principle: 'P6',
        message: expect.any(String),
        messageEn: expect.any(String),
      }),
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  test('an audit-office user cannot be made an administrator (it would write)', async () => {
    const before = await fingerprint();
    const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      { input: { id: await userGid(app, 'audit.zhangdian'), expectedVersion: 1, isTenantAdmin: true } },
      { as: 'admin.zhangdian' },
    );
    expect(res.data?.m.userErrors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
  });

  test('the same inputs succeed for the tenant administrator (admin.zhangdian)', async () => {
    for (const [mutation, input] of WRITE_INPUTS) {
      const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input() },
        {
          as: 'admin.zhangdian',
        },
      );
      expect({ mutation, errors: res.errors, userErrors: res.data?.m.userErrors }).toEqual({
        mutation,
        errors: undefined,
        userErrors: [],
      });
    }
    expect(
      await app.sql('SELECT code FROM region WHERE code = ANY($1)', [['370303196', '370303097']]),
    ).toEqual([{ code: '370303196' }]);
    expect(
      await app.sql('SELECT is_tenant_admin FROM app_user WHERE login = $1', ['finance.gongyuan']),
    ).toEqual([{ is_tenant_admin: true }]);
  });

  // P6: "units see only their own items". Whether a unit user may hold the administrator flag is a policy
  // choice; either the API refuses the flag, or the flag does not widen the unit's reach beyond its own items
  // (never its township's other users, never its supervising department's record).
  test('an implementing unit made administrator still reaches only its own items (P6)', async () => {
    const grant = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      { input: { id: await userGid(app, 'unit.gongyuan'), expectedVersion: 1, isTenantAdmin: true } },
      { as: 'admin.zhangdian' },
    );
    expect(grant.errors).toBeUndefined();
    const refusedFlag = (grant.data?.m.userErrors ?? []).map((e) => e.code);
    if (refusedFlag.length > 0) {
      expect(refusedFlag).toEqual(['BAD_USER_INPUT']);
      return;
    }
    try {
      const token = await app.tokenFor('unit.gongyuan');
      const users = await app.gql<{ users: { nodes: { login: string }[] } }>(
        '{ users(first: 100) { nodes { login } } }',
        {},
        { token },
      );
      const seen = users.errors ? [] : (users.data?.users.nodes.map((u) => u.login) ?? []);
      const ownOrganization = await app.sql<{ login: string }>(
        `SELECT u.login FROM app_user u JOIN app_user me ON me.tenant_id = u.tenant_id AND me.organization_id = u.organization_id
          WHERE me.login = 'unit.gongyuan'`,
      );
      const usersOfOthers = seen.filter((login) => !ownOrganization.some((o) => o.login === login));

      const before = await fingerprint();
      const supervisor = await organizationGid(app, '公园街道建设办公室');
      const writes: [string, Json][] = [
        ['updateOrganization', { id: supervisor, expectedVersion: 1, name: '被实施单位改名' }],
        [
          'createUser',
          {
            organizationId: supervisor,
            login: 'unit.made.user',
            displayName: '越权',
            password: 'Unitmade2025x',
          },
        ],
      ];
      const outcomes: Record<string, unknown> = {};
      for (const [mutation, input] of writes) {
        const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
          mutationDocument(mutation),
          { input },
          { token },
        );
        outcomes[mutation] =
          res.errors?.[0].extensions?.code ?? res.data?.m.userErrors[0]?.code ?? 'accepted';
      }
      expect({
        usersOfOthers,
        outcomes,
        databaseUnchanged: (await fingerprint()).organization === before.organization,
      }).toEqual({
        usersOfOthers: [],
        outcomes: {
          updateOrganization: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
          createUser: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
        },
        databaseUnchanged: true,
      });
      expect(await fingerprint()).toEqual(before);
    } finally {
      await app.sql('UPDATE app_user SET is_tenant_admin = false WHERE login = $1', ['unit.gongyuan']);
    }
  });
});
