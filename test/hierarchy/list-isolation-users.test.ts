/**
 * Lists with totalCount against the database (DOMAIN §3, §8 P6): users (tenant administrators see the users
 * of their subtree), and what units and third parties see (their own items; third parties what they are
 * commissioned for). Shared world: ./isolation-world.ts.
 */
import { organizationGid, regionGid, userGid } from '../harness/ids';
import { type Json, visiblePart } from './isolation-world';
import { READ_QUERIES } from './read-matrix';
import { useListIsolationApp, app, pageAll, expectExactList } from './list-isolation-fixtures';

useListIsolationApp();

describe('lists: users (P6: tenant administrators see the users of their subtree)', () => {
  const USER_SCOPES: [string, string][] = [
    ['admin.zibo', '3703'],
    ['admin.zhangdian', '370303'],
    ['admin.rizhao', '3711'],
  ];

  test.each(USER_SCOPES)('%s sees exactly the users under division code %s…', async (caller, prefix) => {
    const expected = await app.sql<{ id: string; login: string }>(
      `SELECT u.id, u.login FROM app_user u
         JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
        WHERE r.code LIKE $1 || '%'`,
      [prefix],
    );
    await expectExactList(caller, 'users', 'login', expected);
  });

  test('admin.zhangdian: the 张店区 accounts of the demo, no one from the city, 淄川区 or 日照', async () => {
    const { nodes } = await pageAll('admin.zhangdian', 'users', 'login');
    const logins = nodes.map((n) => String(n.login));
    for (const login of [
      'admin.zhangdian',
      'finance.zhangdian',
      'audit.zhangdian',
      'finance.chezhan',
      'unit.chezhan',
      'finance.gongyuan',
      'unit.zhangdian',
    ]) {
      expect(logins).toContain(login);
    }
    for (const login of [
      'admin.zibo',
      'finance.zibo',
      'thirdparty.zibo',
      'inactive.zibo',
      'finance.zichuan',
      'finance.rizhao',
      'unit.rizhao',
    ]) {
      expect(logins).not.toContain(login);
    }
  });

  test('user filters cannot widen the scope', async () => {
    const foreignOrg = await pageAll('admin.zhangdian', 'users', 'login', {
      organizationId: await organizationGid(app, '淄川区财政局'),
    });
    expect(foreignOrg).toEqual({ totalCount: 0, nodes: [] });
    const otherTenant = await pageAll('admin.zibo', 'users', 'login', {
      organizationId: await organizationGid(app, '日照市财政局'),
    });
    expect(otherTenant).toEqual({ totalCount: 0, nodes: [] });
    // within the city (an ancestor it may read) still yields only its own subtree
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
         JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id WHERE r.code LIKE '370303%'`,
    );
    const withinCity = await pageAll('admin.zhangdian', 'users', 'login', {
      within: await regionGid(app, '370300'),
    });
    expect(withinCity.totalCount).toBe(n);
  });

  test.each([
    'finance.zibo',
    'audit.zhangdian',
    'audit.zibo',
    'unit.chezhan',
    'thirdparty.zibo',
    'finance.rizhao',
  ])('%s (not a tenant administrator) is FORBIDDEN (P6) on users', async (caller) => {
    const res = await app.gql<{ users: unknown }>(
      '{ users { totalCount nodes { id } } }',
      {},
      { as: caller },
    );
    expect(res.data?.users ?? null).toBeNull(); // issue 11 item 4: the field is null, not the response
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
  });

  test('a non-administrator reads itself by id', async () => {
    const gid = await userGid(app, 'audit.zhangdian');
    const res = await app.gql<{ x: Json }>(READ_QUERIES['user(id)'], { v: gid }, { as: 'audit.zhangdian' });
    expect(res.data?.x).toEqual({ id: gid, login: 'audit.zhangdian' });
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Units and third parties (P6: units see only their own items; third parties what they are commissioned for)

describe('units and third parties', () => {
  test('unit.chezhan reads its own organization with its supervisor and region', async () => {
    const own = await organizationGid(app, '车站街道市政道路养护站');
    const res = await app.gql<{ x: Json }>(
      'query($v: ID!) { x: organization(id: $v) { id name supervisingDepartment { name } region { code parent { code } } } }',
      { v: own },
      { as: 'unit.chezhan' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.x).toEqual({
      id: own,
      name: '车站街道市政道路养护站',
      supervisingDepartment: { name: '车站街道建设办公室' },
      region: { code: '370303001', parent: { code: '370303' } },
    });
  });

  test('unit.chezhan: its sibling units are invisible by list and by id', async () => {
    const { nodes } = await pageAll('unit.chezhan', 'organizations', 'name');
    const names = nodes.map((n) => n.name);
    expect(names).not.toContain('车站街道中心小学');
    expect(names).not.toContain('车站街道农业综合服务站');
    for (const sibling of ['车站街道中心小学', '车站街道农业综合服务站']) {
      const res = await app.gql(
        READ_QUERIES['organization(id)'],
        { v: await organizationGid(app, sibling) },
        { as: 'unit.chezhan' },
      );
      expect(visiblePart(res)).toEqual({ data: { x: null }, errors: undefined });
    }
  });

  test('thirdparty.zibo sees its own organization and the city, nothing below', async () => {
    const res = await app.gql<{ me: { organization: { name: string } }; d: Json | null; o: Json | null }>(
      '{ me { organization { name } } d: region(code: "370303") { id } o: organization(id: "' +
        (await organizationGid(app, '淄博市交通运输局')) +
        '") { id } }',
      {},
      { as: 'thirdparty.zibo' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      me: { organization: { name: '山东正信绩效评价咨询有限公司' } },
      d: null,
      o: null,
    });
  });
});
