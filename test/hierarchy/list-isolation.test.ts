/**
 * The isolation matrix (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"), lists with totalCount
 * against the database, and what units and third parties see. Every read and write is limited to the
 * caller's subtree; "an out-of-jurisdiction id looks exactly like a missing one" (§8, last paragraph). Each
 * rule is proved both ways: the allowed caller gets the object, the others get exactly what a nonexistent
 * id gives them. Shared world: ./isolation-world.ts.
 */
import { toGlobalId } from '../../src/common/global-id';
import { type GraphQLResponse, type TestApp } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import { type Json, type NodeType, useIsolationApp, visiblePart } from './isolation-world';
import { READ_QUERIES } from './read-matrix';

const world = useIsolationApp();
let app: TestApp;
beforeAll(() => void (app = world.app()));

// ---------------------------------------------------------------------------------------------------
// 2. Lists with totalCount, compared with the database

interface Scope {
  /** Division-code prefix of the subtree (tenant 淄博: 3703…, 日照: 3711…). */
  prefix?: string;
  /** Extra regions by exact code (ancestors), or the whole set for units and third parties. */
  codes?: string[];
  /** Explicit organizations (units, third parties). */
  names?: string[];
}

async function pageAll(
  caller: string,
  field: 'regions' | 'organizations' | 'users',
  selection: string,
  filter: Json | null = null,
): Promise<{ totalCount: number; nodes: Json[] }> {
  const nodes: Json[] = [];
  let after: string | null = null;
  let totalCount = -1;
  const filterType = { regions: 'RegionFilter', organizations: 'OrganizationFilter', users: 'UserFilter' }[
    field
  ];
  for (let page = 0; page < 20; page += 1) {
    const res: GraphQLResponse<{
      c: { totalCount: number; nodes: Json[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }> = await app.gql(
      `query($after: String, $filter: ${filterType}) { c: ${field}(first: 100, after: $after, filter: $filter) {
         totalCount nodes { id ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, filter },
      { as: caller },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.c;
    if (totalCount === -1) totalCount = c.totalCount;
    nodes.push(...c.nodes);
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}

const ids = (rows: Json[]): string[] => rows.map((r) => String(r.id)).sort();

async function otherTenantGids(type: NodeType, ownTenant: string): Promise<Set<string>> {
  const table = { Region: 'region', Organization: 'organization', User: 'app_user' }[type];
  const rows = await app.sql<{ id: string }>(`SELECT id FROM ${table} WHERE tenant_id <> $1`, [ownTenant]);
  return new Set(rows.map((r) => toGlobalId(type, r.id)));
}

async function tenantOfLogin(login: string): Promise<string> {
  const [row] = await app.sql<{ tenant_id: string }>('SELECT tenant_id FROM app_user WHERE login = $1', [
    login,
  ]);
  return row.tenant_id;
}

describe('lists: regions (DOMAIN §3: subtree plus own ancestors; units and third parties: own region and ancestors)', () => {
  const REGION_SCOPES: [string, Scope][] = [
    ['admin.zibo', { prefix: '3703' }],
    ['audit.zibo', { prefix: '3703' }],
    ['admin.zhangdian', { prefix: '370303', codes: ['370300'] }],
    ['audit.zhangdian', { prefix: '370303', codes: ['370300'] }],
    ['finance.zichuan', { prefix: '370302', codes: ['370300'] }],
    ['finance.chezhan', { prefix: '370303001', codes: ['370300', '370303'] }],
    ['finance.gongyuan', { prefix: '370303002', codes: ['370300', '370303'] }],
    ['unit.chezhan', { codes: ['370300', '370303', '370303001'] }],
    ['unit.zhangdian', { codes: ['370300', '370303'] }],
    ['thirdparty.zibo', { codes: ['370300'] }],
    ['admin.rizhao', { prefix: '3711' }],
    ['finance.donggang', { prefix: '371102', codes: ['371100'] }],
    ['unit.rizhao', { codes: ['371100', '371102', '371102001'] }],
  ];

  test.each(REGION_SCOPES)('%s sees exactly %j', async (caller, scope) => {
    const expected = await app.sql<{ id: string; code: string }>(
      `SELECT id, code FROM region WHERE ($1::text IS NOT NULL AND code LIKE $1 || '%') OR code = ANY($2::text[])`,
      [scope.prefix ?? null, scope.codes ?? []],
    );
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'regions', 'code');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.code).sort()).toEqual(expected.map((r) => r.code).sort());
    expect(ids(nodes)).toEqual(expected.map((r) => toGlobalId('Region', r.id)).sort());
    const foreign = await otherTenantGids('Region', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
  });

  test('admin.zhangdian sees no region of the sibling district 淄川区', async () => {
    const { nodes } = await pageAll('admin.zhangdian', 'regions', 'code');
    expect(nodes.filter((n) => String(n.code).startsWith('370302'))).toEqual([]);
  });

  test('a filter naming an out-of-jurisdiction region finds nothing (admin.zibo within 日照市)', async () => {
    const rizhao = await regionGid(app, '371100');
    const { totalCount, nodes } = await pageAll('admin.zibo', 'regions', 'code', { within: rizhao });
    expect(totalCount).toBe(0);
    expect(nodes).toEqual([]);
    const byParent = await pageAll('finance.chezhan', 'regions', 'code', {
      parentId: await regionGid(app, '370303'),
    });
    expect(byParent.nodes.map((n) => n.code)).toEqual(['370303001']);
  });
});

describe('lists: organizations (P6: subtree; units and third parties: themselves and their supervisor)', () => {
  const ORGANIZATION_SCOPES: [string, Scope][] = [
    ['admin.zibo', { prefix: '3703' }],
    ['finance.zibo', { prefix: '3703' }],
    ['admin.zhangdian', { prefix: '370303' }],
    ['audit.zhangdian', { prefix: '370303' }],
    ['finance.chezhan', { prefix: '370303001' }],
    ['transport.gongyuan', { prefix: '370303002' }],
    ['finance.zichuan', { prefix: '370302' }],
    ['admin.rizhao', { prefix: '3711' }],
    ['finance.donggang', { prefix: '371102' }],
    ['unit.chezhan', { names: ['车站街道市政道路养护站', '车站街道建设办公室'] }],
    ['unit.gongyuan', { names: ['公园街道市政道路养护站', '公园街道建设办公室'] }],
    ['unit.zhangdian', { names: ['张店区公路事业发展中心', '张店区交通运输局'] }],
    ['unit.rizhao', { names: ['日照街道道路养护站', '日照街道建设办公室'] }],
    ['thirdparty.zibo', { names: ['山东正信绩效评价咨询有限公司'] }],
  ];

  test.each(ORGANIZATION_SCOPES)('%s sees exactly %j', async (caller, scope) => {
    const expected = await app.sql<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organization o JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
        WHERE ($1::text IS NOT NULL AND r.code LIKE $1 || '%') OR o.name = ANY($2::text[])`,
      [scope.prefix ?? null, scope.names ?? []],
    );
    expect(expected.length).toBe(scope.names ? scope.names.length : expected.length);
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'organizations', 'name');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.name).sort()).toEqual(expected.map((o) => o.name).sort());
    expect(ids(nodes)).toEqual(expected.map((o) => toGlobalId('Organization', o.id)).sort());
    const foreign = await otherTenantGids('Organization', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
  });

  test('admin.zibo pages through more than one page without duplicates', async () => {
    const { totalCount, nodes } = await pageAll('admin.zibo', 'organizations', 'name');
    expect(totalCount).toBeGreaterThan(100);
    expect(new Set(ids(nodes)).size).toBe(totalCount);
  });

  test('filters naming an out-of-jurisdiction region or department find nothing', async () => {
    const sibling = await pageAll('finance.chezhan', 'organizations', 'name', {
      regionId: await regionGid(app, '370303002'),
    });
    expect(sibling).toEqual({ totalCount: 0, nodes: [] });
    const ancestor = await pageAll('finance.chezhan', 'organizations', 'name', {
      regionId: await regionGid(app, '370303'),
    });
    expect(ancestor).toEqual({ totalCount: 0, nodes: [] });
    const foreign = await pageAll('admin.zibo', 'organizations', 'name', {
      supervisingDepartmentId: await organizationGid(app, '日照街道建设办公室'),
    });
    expect(foreign).toEqual({ totalCount: 0, nodes: [] });
    const unitWithin = await pageAll('unit.chezhan', 'organizations', 'name', {
      within: await regionGid(app, '370300'),
    });
    expect(unitWithin.totalCount).toBe(2);
  });
});

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
    expect(expected.length).toBeGreaterThan(0);
    const { totalCount, nodes } = await pageAll(caller, 'users', 'login');
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.login).sort()).toEqual(expected.map((u) => u.login).sort());
    expect(ids(nodes)).toEqual(expected.map((u) => toGlobalId('User', u.id)).sort());
    const foreign = await otherTenantGids('User', await tenantOfLogin(caller));
    expect(ids(nodes).filter((id) => foreign.has(id))).toEqual([]);
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
