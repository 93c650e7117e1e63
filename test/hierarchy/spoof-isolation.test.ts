/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"), spoofed ids in mutation
 * inputs, and the allowed writes on the other side. Every read and write is limited to the caller's
 * subtree; "an out-of-jurisdiction id looks exactly like a missing one" (§8, last paragraph). Each rule is
 * proved both ways: the allowed caller gets the object, the others get exactly what a nonexistent id gives
 * them. Shared world: ./isolation-world.ts.
 */
import type { TestApp } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import { missingGid, mutationDocument, useIsolationApp, type UserErrorShape } from './isolation-world';
import { spoofRows } from './spoof-matrix';

const world = useIsolationApp();
const { fingerprint, count, resolveTarget } = world;
let app: TestApp;
beforeAll(() => void (app = world.app()));
const SPOOFS = spoofRows(() => app);

// ---------------------------------------------------------------------------------------------------
// 4. Spoofed ids in mutation inputs: NOT_FOUND, exactly like a missing id, and nothing written

describe('spoofed ids in mutation inputs (DOMAIN §3, §8 P6): NOT_FOUND like a missing id, nothing written', () => {
  test.each(SPOOFS)(
    '$caller $mutation with $what → NOT_FOUND',
    async ({ caller, mutation, target, input, field }) => {
      const { gid } = await resolveTarget(target);
      const before = await fingerprint();
      const res = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input(gid) },
        { as: caller },
      );
      expect(res.errors).toBeUndefined();
      const errors = res.data?.m.userErrors ?? [];
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'NOT_FOUND', field });
      expect(await fingerprint()).toEqual(before);

      const missing = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
        mutationDocument(mutation),
        { input: await input(missingGid(target.type)) },
        { as: caller },
      );
      expect(missing.data?.m.userErrors).toEqual(errors);
      expect(await fingerprint()).toEqual(before);
    },
  );
});

describe('allowed writes inside the subtree (the other side of the spoof table)', () => {
  test('admin.zhangdian creates, renames and deletes a township of 张店区', async () => {
    const regionsBefore = await count('region');
    const created = await app.gql<{
      m: { region: { id: string; code: string } | null; userErrors: UserErrorShape[] };
    }>(
      'mutation($input: CreateRegionInput!) { m: createRegion(input: $input) { region { id code } userErrors { code field message messageEn } } }',
      {
        input: {
          parentId: await regionGid(app, '370303'),
          level: 'TOWNSHIP',
          name: '允许测试街道',
          code: '370303098',
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(created.data?.m.userErrors).toEqual([]);
    const id = created.data!.m.region!.id;
    expect(await count('region')).toBe(regionsBefore + 1);
    const [row] = await app.sql<{ parent: string }>(
      'SELECT p.code AS parent FROM region r JOIN region p ON p.tenant_id = r.tenant_id AND p.id = r.parent_id WHERE r.code = $1',
      ['370303098'],
    );
    expect(row.parent).toBe('370303');

    const renamed = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateRegion'),
      { input: { id, expectedVersion: 1, name: '允许测试街道二' } },
      { as: 'admin.zhangdian' },
    );
    expect(renamed.data?.m.userErrors).toEqual([]);
    expect((await app.sql('SELECT name FROM region WHERE code = $1', ['370303098']))[0]).toEqual({
      name: '允许测试街道二',
    });

    const deleted = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('deleteRegion'),
      { input: { id } },
      { as: 'admin.zhangdian' },
    );
    expect(deleted.data?.m.userErrors).toEqual([]);
    expect(await count('region')).toBe(regionsBefore);
  });

  test('admin.zhangdian creates a unit in 公园街道 and a user for it; admin.zibo updates a user of 淄川区', async () => {
    const orgsBefore = await count('organization');
    const unit = await app.gql<{ m: { organization: { id: string } | null; userErrors: UserErrorShape[] } }>(
      'mutation($input: CreateOrganizationInput!) { m: createOrganization(input: $input) { organization { id } userErrors { code field message messageEn } } }',
      {
        input: {
          regionId: await regionGid(app, '370303002'),
          kind: 'IMPLEMENTING_UNIT',
          name: '公园街道允许测试单位',
          sector: 'TRANSPORT',
          supervisingDepartmentId: await organizationGid(app, '公园街道建设办公室'),
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(unit.data?.m.userErrors).toEqual([]);
    expect(await count('organization')).toBe(orgsBefore + 1);

    const usersBefore = await count('app_user');
    const user = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('createUser'),
      {
        input: {
          organizationId: unit.data!.m.organization!.id,
          login: 'allowed.user',
          displayName: '允许用户',
          password: 'Allowed2025x',
        },
      },
      { as: 'admin.zhangdian' },
    );
    expect(user.data?.m.userErrors).toEqual([]);
    expect(await count('app_user')).toBe(usersBefore + 1);

    const update = await app.gql<{ m: { userErrors: UserErrorShape[] } }>(
      mutationDocument('updateUser'),
      {
        input: {
          id: await userGid(app, 'finance.zichuan'),
          expectedVersion: 1,
          displayName: '吴敏（已核对）',
        },
      },
      { as: 'admin.zibo' },
    );
    expect(update.data?.m.userErrors).toEqual([]);
    expect(
      (await app.sql('SELECT display_name FROM app_user WHERE login = $1', ['finance.zichuan']))[0],
    ).toEqual({
      display_name: '吴敏（已核对）',
    });
  });
});
