/**
 * Stale edits are refused (optimistic concurrency, DOMAIN §15), and refused changes to the hierarchy leave no
 * trace — no row, no audit record, no version bump (DOMAIN §3, §15).
 */
import { toGlobalId } from '../../src/common/global-id';
import { organizationGid, regionGid } from '../harness/ids';
import {
  app,
  UserErrorShape,
  UPDATE_REGION,
  DELETE_REGION,
  DELETE_ORGANIZATION,
  CREATE_USER,
  RegionPayload,
  UserPayload,
  DeletePayload,
  payload,
  ok,
  refused,
  dbId,
  regionRow,
  regionByCode,
  snapshot,
  auditCount,
  createTownship,
  NEW_PASSWORD,
  useAdminApi,
} from './admin-fixtures';

useAdminApi();

describe('DOMAIN §15: optimistic concurrency', () => {
  test('two edits based on the same version: the first wins, the second is refused with CONFLICT and changes nothing', async () => {
    const region = await createTownship('370303206', '并发一街道');
    const first = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 1, name: '并发一街道甲' } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(first, 'updateRegion')).region?.version).toBe(2);

    const before = await snapshot();
    // DOMAIN §15: stale edit → CONFLICT on the expectedVersion field.
    const second = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 1, name: '并发一街道乙' } },
      { as: 'admin.zhangdian' },
    );
    const p = payload(second, 'updateRegion');
    refused(p, 'CONFLICT', ['input', 'expectedVersion']);
    expect(p.region).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(await regionRow(dbId(region.id))).toMatchObject({ name: '并发一街道甲', version: 2 });
  });

  test('a true race: two concurrent updateRegion requests on the same version → exactly one success, one CONFLICT', async () => {
    const region = await createTownship('370303207', '并发二街道');
    await app.tokenFor('admin.zhangdian');
    for (let round = 0; round < 5; round++) {
      const { version } = (await regionRow(dbId(region.id))) ?? { version: -1 };
      const auditsBefore = await auditCount();
      const names = [`并发二街道A${round}`, `并发二街道B${round}`];
      const results = await Promise.all(
        names.map((name) =>
          app.gql<{ updateRegion: RegionPayload }>(
            UPDATE_REGION,
            { input: { id: region.id, expectedVersion: version, name } },
            { as: 'admin.zhangdian' },
          ),
        ),
      );
      const payloads = results.map((r) => payload(r, 'updateRegion'));
      const winners = payloads.filter((p) => p.userErrors.length === 0);
      const losers = payloads.filter((p) => p.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      refused(losers[0], 'CONFLICT', ['input', 'expectedVersion']);
      expect(losers[0].region).toBeNull();

      const row = await regionRow(dbId(region.id));
      expect(row?.version).toBe(version + 1);
      expect(row?.name).toBe(winners[0].region?.name);
      // Only the winner left an audit record.
      expect(await auditCount()).toBe(auditsBefore + 1);
    }
  });
});

describe('refused changes leave no trace (DOMAIN §3, §15)', () => {
  /** Runs a refused mutation and proves nothing was written: no row, no audit record, no version bump. */
  async function expectRefused<T extends { userErrors: UserErrorShape[] }>(
    query: string,
    field: string,
    input: Record<string, unknown>,
    as: string,
    code: string,
    errorField: string[],
  ): Promise<T> {
    const before = await snapshot();
    const auditsBefore = await auditCount();
    const res = await app.gql<Record<string, T>>(query, { input }, { as });
    const p = payload(res, field);
    refused(p, code, errorField);
    expect(await auditCount()).toBe(auditsBefore);
    expect(await snapshot()).toEqual(before);
    return p;
  }

  test('deleteRegion on a township that holds organizations → CONFLICT, nothing deleted', async () => {
    // DOMAIN §15: nothing is hard-deleted while it holds data.
    const chezhan = await regionByCode('370303001');
    const p = await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370303001') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
    expect(p.deletedId).toBeNull();
    expect(await regionRow(chezhan.id)).toEqual(chezhan);
  });

  test('deleteRegion on a district that holds townships → CONFLICT', async () => {
    await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370302') },
      'admin.zibo',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteRegion on the city → BAD_USER_INPUT', async () => {
    // DOMAIN §3: the tenant is the city's tree; its root cannot go.
    await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370300') },
      'admin.zibo',
      'BAD_USER_INPUT',
      ['input', 'id'],
    );
  });

  test('updateRegion with a different parentId → BAD_USER_INPUT on parentId, nothing changed', async () => {
    // DOMAIN §3: regions never move (the path is derived once from the parent).
    const gongyuan = await regionByCode('370303002');
    await expectRefused<RegionPayload>(
      UPDATE_REGION,
      'updateRegion',
      {
        id: toGlobalId('Region', gongyuan.id),
        expectedVersion: gongyuan.version,
        parentId: await regionGid(app, '370302'),
        name: '公园街道（移走）',
      },
      'admin.zibo',
      'BAD_USER_INPUT',
      ['input', 'parentId'],
    );
    expect(await regionRow(gongyuan.id)).toEqual(gongyuan);
  });

  test('deleteOrganization with users → CONFLICT', async () => {
    // 车站街道财政所 has the demo user finance.chezhan.
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '车站街道财政所') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteOrganization of a department that supervises units → CONFLICT', async () => {
    // 湖田街道农业办公室 has no users but supervises 湖田街道农业综合服务站.
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '湖田街道农业办公室') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteOrganization of the administrator’s own organization → BAD_USER_INPUT', async () => {
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '张店区财政局') },
      'admin.zhangdian',
      'BAD_USER_INPUT',
      ['input', 'id'],
    );
  });

  test('a rolled-back createUser (login taken in the same tenant) leaves no user, login entry or audit record', async () => {
    // Logins are unique per tenant (issue 8 item 13; another tenant's logins: test/auth/tenant-logins.test.ts).
    await expectRefused<UserPayload>(
      CREATE_USER,
      'createUser',
      {
        organizationId: await organizationGid(app, '车站街道财政所'),
        login: 'finance.zibo',
        displayName: '重名用户',
        password: NEW_PASSWORD,
      },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'login'],
    );
    expect(
      await app.sql('SELECT count(*)::int AS n FROM app_user WHERE login = $1', ['finance.zibo']),
    ).toEqual([{ n: 1 }]);
  });
});
