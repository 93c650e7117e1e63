/**
 * Lists with totalCount against the database (DOMAIN §3 "Hierarchy and tenancy", §8 P6 "jurisdiction"):
 * regions and organizations, each limited to the caller's subtree, proved both ways. Shared world:
 * ./isolation-world.ts; users and units: list-isolation-users.test.ts.
 */
import { organizationGid, regionGid } from '../harness/ids';
import { useListIsolationApp, app, Scope, pageAll, ids, expectExactList } from './list-isolation-fixtures';

useListIsolationApp();

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
    await expectExactList(caller, 'regions', 'code', expected);
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
    await expectExactList(caller, 'organizations', 'name', expected);
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
