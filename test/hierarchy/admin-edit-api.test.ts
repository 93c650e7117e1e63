/**
 * Tenant administrators maintain the hierarchy (DOMAIN §3): rename, deactivate, delete, a district under the
 * city; every change leaves an audit record without secrets (DOMAIN §15).
 */
import { toGlobalId } from '../../src/common/global-id';
import { organizationGid, regionGid } from '../harness/ids';
import {
  app,
  CREATE_REGION,
  UPDATE_REGION,
  DELETE_REGION,
  DELETE_ORGANIZATION,
  UPDATE_USER,
  ME,
  RegionPayload,
  UserPayload,
  DeletePayload,
  payload,
  ok,
  dbId,
  regionRow,
  regionByCode,
  auditOf,
  actor,
  createTownship,
  createOrganization,
  createUser,
  signIn,
  NEW_PASSWORD,
  useAdminApi,
} from './admin-fixtures';

useAdminApi();

describe('DOMAIN §3: a tenant administrator maintains the hierarchy of its subtree', () => {
  test('updateRegion renames with expectedVersion: version increments, UPDATE audit has before and after', async () => {
    const region = await createTownship('370303203', '测试三街道');
    const res = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      // Naming the current parent is not a move, so it is accepted.
      {
        input: {
          id: region.id,
          expectedVersion: 1,
          name: '测试三街道（更名）',
          parentId: await regionGid(app, '370303'),
        },
      },
      { as: 'admin.zhangdian' },
    );
    const updated = ok(payload(res, 'updateRegion')).region;
    expect(updated).toMatchObject({ name: '测试三街道（更名）', code: '370303203', version: 2 });

    const row = await regionRow(dbId(region.id));
    expect(row).toMatchObject({ name: '测试三街道（更名）', version: 2, code: '370303203' });

    const audit = await auditOf(dbId(region.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ name: '测试三街道', version: 1 });
    expect(audit[1].after).toMatchObject({ name: '测试三街道（更名）', version: 2 });

    // A recode within the district prefix is accepted too.
    const recode = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 2, code: '370303213' } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(recode, 'updateRegion')).region).toMatchObject({ code: '370303213', version: 3 });
    expect(await regionRow(dbId(region.id))).toMatchObject({ code: '370303213', version: 3 });
  });

  test('updateUser deactivates a user: its login fails and its old token stops working; reactivating restores it', async () => {
    const unitGid = await organizationGid(app, '车站街道中心小学');
    const user = await createUser({
      organizationId: unitGid,
      login: 'teacher.chezhan',
      displayName: '李老师',
      password: NEW_PASSWORD,
    });
    const oldToken = await app.tokenFor('teacher.chezhan', NEW_PASSWORD);

    const res = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 1, isActive: false } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'updateUser')).user).toMatchObject({ isActive: false, version: 2 });
    const [row] = await app.sql<{ is_active: boolean; version: number }>(
      'SELECT is_active, version FROM app_user WHERE id = $1',
      [dbId(user.id)],
    );
    expect(row).toEqual({ is_active: false, version: 2 });

    const failed = await signIn('teacher.chezhan', NEW_PASSWORD);
    expect(failed.token).toBeNull();
    expect(failed.userErrors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    const withOldToken = await app.gql(ME, {}, { token: oldToken });
    expect(withOldToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const audit = await auditOf(dbId(user.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DEACTIVATE']);
    expect(audit[1].before).toMatchObject({ isActive: true });
    expect(audit[1].after).toMatchObject({ isActive: false });
    for (const a of audit) {
      expect(a.before ?? {}).not.toHaveProperty('passwordHash');
      expect(a.after ?? {}).not.toHaveProperty('passwordHash');
    }

    const again = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 2, isActive: true } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(again, 'updateUser')).user).toMatchObject({ isActive: true, version: 3 });
    expect((await signIn('teacher.chezhan', NEW_PASSWORD)).token).toEqual(expect.any(String));
    expect((await auditOf(dbId(user.id))).map((a) => a.action)).toEqual([
      'CREATE',
      'DEACTIVATE',
      'REACTIVATE',
    ]);
  });

  test('deleteRegion deletes an empty township: row gone, DELETE audit record keeps the before image', async () => {
    const region = await createTownship('370303204', '测试四街道');
    const path = (await regionRow(dbId(region.id)))?.path;
    const res = await app.gql<{ deleteRegion: DeletePayload }>(
      DELETE_REGION,
      { input: { id: region.id } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'deleteRegion')).deletedId).toBe(region.id);
    expect(await regionRow(dbId(region.id))).toBeUndefined();

    const admin = await actor('admin.zhangdian');
    const audit = await auditOf(dbId(region.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
    expect(audit[1]).toMatchObject({
      entity_type: 'Region',
      actor_user_id: admin.id,
      actor_organization_id: admin.organization_id,
      region_path: path,
      after: null,
    });
    expect(audit[1].before).toMatchObject({ id: dbId(region.id), code: '370303204', name: '测试四街道' });
  });

  test('deleteOrganization deletes an organization without users or units, with a DELETE audit record', async () => {
    const township = await createTownship('370303205', '测试五街道');
    const org = await createOrganization({
      regionId: township.id,
      kind: 'THIRD_PARTY',
      name: '测试评价咨询公司',
    });
    const res = await app.gql<{ deleteOrganization: DeletePayload }>(
      DELETE_ORGANIZATION,
      { input: { id: org.id } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'deleteOrganization')).deletedId).toBe(org.id);
    expect(await app.sql('SELECT 1 FROM organization WHERE id = $1', [dbId(org.id)])).toEqual([]);
    const audit = await auditOf(dbId(org.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
    expect(audit[1].before).toMatchObject({ name: '测试评价咨询公司', kind: 'THIRD_PARTY' });
  });

  test('admin.zibo creates a district under the city, and a township under that district', async () => {
    const city = await regionByCode('370300');
    const res = await app.gql<{ createRegion: RegionPayload }>(
      CREATE_REGION,
      {
        input: {
          parentId: toGlobalId('Region', city.id),
          level: 'DISTRICT',
          code: '370390',
          name: '测试新区',
        },
      },
      { as: 'admin.zibo' },
    );
    const district = ok(payload(res, 'createRegion')).region;
    // DOMAIN §3: a district sits under the city, with a 6-digit code of the city's prefix.
    expect(district).toMatchObject({
      level: 'DISTRICT',
      code: '370390',
      version: 1,
      parent: { code: '370300' },
    });
    const districtRow = await regionByCode('370390');
    expect(districtRow.parent_id).toBe(city.id);
    expect(districtRow.path).toBe(`${city.path}${districtRow.id}/`);

    const township = await app.gql<{ createRegion: RegionPayload }>(
      CREATE_REGION,
      { input: { parentId: district?.id, level: 'TOWNSHIP', code: '370390001', name: '测试新区一街道' } },
      { as: 'admin.zibo' },
    );
    expect(ok(payload(township, 'createRegion')).region).toMatchObject({
      level: 'TOWNSHIP',
      parent: { code: '370390' },
    });
    const townshipRow = await regionByCode('370390001');
    expect(townshipRow.path).toBe(`${districtRow.path}${townshipRow.id}/`);

    const admin = await actor('admin.zibo');
    const [audit] = await auditOf(districtRow.id);
    expect(audit).toMatchObject({
      entity_type: 'Region',
      action: 'CREATE',
      actor_user_id: admin.id,
      actor_organization_id: admin.organization_id,
    });
  });

  test('DOMAIN §15: the audit trail never holds a password hash, even after a password reset', async () => {
    const user = await createUser({
      organizationId: await organizationGid(app, '公园街道财政所'),
      login: 'clerk.gongyuan',
      displayName: '出纳',
      password: NEW_PASSWORD,
    });
    const res = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 1, password: 'Reset2025abc', displayName: '出纳员' } },
      { as: 'admin.zhangdian' },
    );
    ok(payload(res, 'updateUser'));
    expect((await signIn('clerk.gongyuan', 'Reset2025abc')).token).toEqual(expect.any(String));
    expect((await signIn('clerk.gongyuan', NEW_PASSWORD)).token).toBeNull();

    const audit = await auditOf(dbId(user.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ displayName: '出纳' });
    expect(audit[1].after).toMatchObject({ displayName: '出纳员' });

    // Across the whole trail of every test in this file: no password field, no argon2 hash.
    const hashes = await app.sql<{ password_hash: string }>('SELECT password_hash FROM app_user');
    const trail = await app.sql<{ before: unknown; after: unknown }>('SELECT before, after FROM audit_event');
    expect(trail.length).toBeGreaterThan(0);
    const text = JSON.stringify(trail);
    expect(text).not.toMatch(/password/i);
    for (const { password_hash } of hashes) expect(text).not.toContain(password_hash);
  });
});
