/**
 * Issue 9 item 5 through GraphQL on a real database: many competent departments per region, and the
 * counterpart (对口部门) as an explicit, editable mapping (DOMAIN §3; 003 转移支付 第六–八条), set and removed by
 * tenant administrators (P6).
 */
import { regionGid, uuidOf } from '../harness/ids';
import {
  useCounterpartsApi,
  app,
  ok,
  refused,
  denied,
  orgs,
  SET,
  REMOVE,
  CREATE_ORG,
  o,
  mapped,
  readOrg,
} from './counterparts-fixtures';

useCounterpartsApi();

describe('many competent departments per region (DOMAIN §3)', () => {
  test('the demo has two district departments sharing a sector, and a township office answering for both', async () => {
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization o JOIN region r ON r.id = o.region_id
        WHERE r.code = '370303' AND o.kind = 'COMPETENT_DEPARTMENT' AND o.sector = 'TRANSPORT'`,
    );
    expect(row.n).toBe(2);
    const chezhan = await readOrg('车站街道建设办公室', 'admin.zhangdian');
    expect(chezhan!.counterpartOf.map((u) => u.name)).toEqual(
      expect.arrayContaining(['张店区城市管理局', '张店区交通运输局']),
    );
    expect(chezhan!.counterpartOf).toHaveLength(2);
    const district = await readOrg('张店区交通运输局', 'finance.zhangdian');
    expect(district!.counterparts.map((c) => c.name)).toEqual(
      expect.arrayContaining(['车站街道建设办公室', '公园街道建设办公室']),
    );
  });

  test('a tenant administrator adds a further department of an existing sector (the unique index is gone)', async () => {
    // DOMAIN §3 "two may share a sector": refused with CONFLICT on the old unique (tenant, region, sector) index.
    const created = await orgs.ok(
      CREATE_ORG,
      {
        regionId: await regionGid(app, '370303'),
        kind: 'COMPETENT_DEPARTMENT',
        sector: 'AGRICULTURE',
        name: '张店区林业发展中心',
      },
      'admin.zhangdian',
    );
    const [row] = await app.sql<{ sector: string }>('SELECT sector FROM organization WHERE id = $1', [
      uuidOf(created.id),
    ]);
    expect(row.sector).toBe('AGRICULTURE');
  });
});

describe('setCounterpart / removeCounterpart (DOMAIN §3; P6 tenant administrators)', () => {
  test('a tenant administrator maps a township office to a further district department, audited', async () => {
    // 003 转移支付 第六–八条: one township office may answer for several district departments.
    const result = await ok(
      SET,
      { departmentId: o['张店区农业农村局'], counterpartId: o['车站街道建设办公室'] },
      'admin.zhangdian',
    );
    expect(result.name).toBe('车站街道建设办公室');
    // It replaces 车站街道农业办公室 for 车站街道 (one counterpart per department and region); the others stay.
    const agri = await mapped('张店区农业农村局');
    expect(agri).toContain('车站街道建设办公室');
    expect(agri).toContain('公园街道农业办公室');
    expect(agri).not.toContain('车站街道农业办公室');
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'SET_COUNTERPART'`,
      [uuidOf(o['张店区农业农村局'])],
    );
    expect(audit).toHaveLength(1);
    const read = await readOrg('车站街道建设办公室', 'admin.zhangdian');
    expect(read!.counterpartOf.map((u) => u.name)).toContain('张店区农业农村局');
  });

  test.each([
    ['a district competent department (not an administrator)', 'transport.zhangdian'],
    ['the district finance bureau without the administrator flag', 'finance.zhangdian'],
    ['a township office', 'transport.chezhan'],
  ])('%s is denied (P6), nothing written', async (_who, login) => {
    const { code } = await denied(
      SET,
      { departmentId: o['张店区城市管理局'], counterpartId: o['车站街道农业办公室'] },
      login,
    );
    expect(code).toBe('FORBIDDEN');
  });

  test.each([
    // P6: another tenant's administrator, and a sibling district's department, read as not found.
    ['another tenant', 'admin.rizhao', '张店区交通运输局', '车站街道农业办公室', 'NOT_FOUND', 'departmentId'],
    [
      'a sibling district (out of jurisdiction)',
      'admin.zhangdian',
      '淄川区交通运输局',
      '车站街道农业办公室',
      'NOT_FOUND',
      'departmentId',
    ],
    [
      'a counterpart across tenants',
      'admin.zhangdian',
      '张店区交通运输局',
      '日照市财政局',
      'NOT_FOUND',
      'counterpartId',
    ],
    // DOMAIN §3; 003 转移支付 第二条: funds go one level down, so the counterpart sits in a direct child region.
    [
      'a township two levels down',
      'admin.zibo',
      '淄博市交通运输局',
      '车站街道建设办公室',
      'BAD_USER_INPUT',
      'counterpartId',
    ],
    [
      'a department of the same region',
      'admin.zhangdian',
      '张店区交通运输局',
      '张店区城市管理局',
      'BAD_USER_INPUT',
      'counterpartId',
    ],
    // Counterparts are competent departments (镇办业务主管部门, 003 转移支付 第七条).
    [
      'a finance bureau as the upper department',
      'admin.zhangdian',
      '张店区财政局',
      '车站街道建设办公室',
      'BAD_USER_INPUT',
      'departmentId',
    ],
    // A duplicate of the mapping in force.
    [
      'the mapping already in force',
      'admin.zhangdian',
      '张店区交通运输局',
      '车站街道建设办公室',
      'CONFLICT',
      'counterpartId',
    ],
  ])('%s → %s, nothing written', async (_case, login, upper, counterpart, code, field) => {
    const errors = await refused(SET, { departmentId: o[upper], counterpartId: o[counterpart] }, login);
    expect(errors).toEqual([expect.objectContaining({ code, field: ['input', field] })]);
  });

  test('removing a mapping; removing it again is NOT_FOUND with nothing written', async () => {
    await ok(
      REMOVE,
      { departmentId: o['张店区城市管理局'], counterpartId: o['车站街道建设办公室'] },
      'admin.zhangdian',
    );
    expect(await mapped('张店区城市管理局')).toEqual([]);
    const errors = await refused(
      REMOVE,
      { departmentId: o['张店区城市管理局'], counterpartId: o['车站街道建设办公室'] },
      'admin.zhangdian',
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'counterpartId'] }),
    ]);
    expect(
      (
        await denied(
          REMOVE,
          { departmentId: o['张店区交通运输局'], counterpartId: o['车站街道建设办公室'] },
          'transport.zhangdian',
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});
