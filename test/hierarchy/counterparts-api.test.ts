/**
 * Issue 9 item 5 through GraphQL on a real database: many competent departments per region, and the
 * counterpart (对口部门) as an explicit, editable mapping (DOMAIN §3; 003 转移支付 第六–八条) read by every
 * place that used to infer it from a unique sector — bottom-up regional goals (DOMAIN §7; 003 转移支付
 * 第十五条(二)) and the compilation of a region's result (P4; 003 转移支付 第二十三条).
 */
import { TestApp } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { mutations } from '../harness/mutations';

let app: TestApp;
type Org = { id: string; name: string };
const { ok, refused, denied } = mutations<Org>(() => app, 'counterpart');
const orgs = mutations<Org>(() => app, 'organization');

const ERR = 'userErrors { code field message messageEn principle }';
const SET = `mutation($input: SetCounterpartInput!) { setCounterpart(input: $input) { department { id name } counterpart { id name } ${ERR} } }`;
const REMOVE = `mutation($input: RemoveCounterpartInput!) { removeCounterpart(input: $input) { department { id name } counterpart { id name } ${ERR} } }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } ${ERR} } }`;
const ORG = `query($id: ID!) { organization(id: $id) { name counterparts(first: 100) { totalCount nodes { name } } counterpartOf(first: 100) { totalCount nodes { name } } } }`;

const o: Record<string, string> = {};

async function mapped(upperName: string) {
  const rows = await app.sql<{ name: string }>(
    `SELECT c.name FROM organization_counterpart m
       JOIN organization u ON u.tenant_id = m.tenant_id AND u.id = m.upper_organization_id
       JOIN organization c ON c.tenant_id = m.tenant_id AND c.id = m.counterpart_organization_id
      WHERE u.name = $1 ORDER BY c.name`,
    [upperName],
  );
  return rows.map((r) => r.name);
}

async function readOrg(name: string, as: string) {
  type Page = { totalCount: number; nodes: { name: string }[] };
  const res = await app.gql<{
    organization: { counterparts: Page; counterpartOf: Page } | null;
  }>(ORG, { id: o[name] }, { as });
  const org = res.data!.organization;
  // Issue 11 item 7: both lists are connections; the whole list fits one page of 100.
  if (org)
    for (const page of [org.counterparts, org.counterpartOf]) expect(page.totalCount).toBe(page.nodes.length);
  return org && { counterparts: org.counterparts.nodes, counterpartOf: org.counterpartOf.nodes };
}

beforeAll(async () => {
  app = await TestApp.start();
  for (const name of [
    '张店区交通运输局',
    '张店区城市管理局',
    '张店区农业农村局',
    '张店区财政局',
    '淄川区交通运输局',
    '淄博市交通运输局',
    '车站街道建设办公室',
    '车站街道农业办公室',
    '公园街道建设办公室',
    '日照市财政局',
  ])
    o[name] = await organizationGid(app, name);
});
afterAll(async () => app.stop());

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

describe('the mapping, not the sector, names the counterpart (DOMAIN §3, §7, P1, P4)', () => {
  const CREATE_GOAL = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } ${ERR} } }`;
  let fundId = '';

  beforeAll(async () => {
    const fund = await app.gql<{ createFund: { fund: { id: string } } }>(
      `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { code } } }`,
      {
        input: {
          name: '2025年张店区对口部门测试资金',
          year: 2025,
          budgetBook: 'GENERAL_PUBLIC',
          category: 'SPECIAL_TRANSFER',
          allocationMethod: 'FACTOR',
          amounts: { upperLevel: '500000.00', ownLevel: '0.00', lowerLevel: '0.00' },
        },
      },
      { as: 'transport.zhangdian' },
    );
    fundId = fund.data!.createFund.fund.id;
    await app.gql(
      `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { userErrors { code } } }`,
      {
        input: {
          fundId,
          expectedVersion: 1,
          allocations: [{ regionId: await regionGid(app, '370303001'), amount: '500000.00' }],
        },
      },
      { as: 'transport.zhangdian' },
    );
    // The tenant administrator makes 车站街道农业办公室 the counterpart of 张店区交通运输局 in 车站街道.
    await ok(
      SET,
      { departmentId: o['张店区交通运输局'], counterpartId: o['车站街道农业办公室'] },
      'admin.zhangdian',
    );
  });

  const bottomUp = async () => ({
    scope: 'TRANSFER_REGIONAL',
    year: 2025,
    name: '车站街道对口部门测试分区域目标',
    fundId,
    regionId: await regionGid(app, '370303001'),
    decomposition: 'BOTTOM_UP',
    annualObjective: '养护道路',
    annualAmount: '500000.00',
    indicators: [],
  });

  test('a bottom-up regional goal is drafted by the mapped office, whatever its sector', async () => {
    // 003 转移支付 第七条(一), 第十五条(二): the region's counterpart drafts; the old code required the sector.
    const res = await app.gql<{ createGoal: { goal: { id: string } | null; userErrors: unknown[] } }>(
      CREATE_GOAL,
      { input: await bottomUp() },
      { as: 'agri.chezhan' },
    );
    expect(res.data?.createGoal.userErrors).toEqual([]);
    const [row] = await app.sql<{ drafter: string }>(
      `SELECT o.name AS drafter FROM performance_goal g JOIN organization o ON o.id = g.drafter_organization_id WHERE g.id = $1`,
      [uuidOf(res.data!.createGoal.goal!.id)],
    );
    expect(row.drafter).toBe('车站街道农业办公室');
  });

  test('the same-sector office that is no longer mapped is refused (P1), nothing written', async () => {
    const before = await app.tableDigests();
    const res = await app.gql<{
      createGoal: { goal: null; userErrors: { code: string; principle: string }[] };
    }>(CREATE_GOAL, { input: await bottomUp() }, { as: 'transport.chezhan' });
    expect(res.data!.createGoal.userErrors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('compiling the worked example’s 车站街道 result follows the mapping (P4)', async () => {
    // 003 转移支付 第二十三条: the township's counterpart compiles; 车站街道建设办公室 is no longer it.
    const [goal] = await app.sql<{ id: string }>(
      `SELECT g.id FROM performance_goal g JOIN fund f ON f.id = g.fund_id JOIN region r ON r.id = g.region_id
        WHERE f.name = '农村公路提档升级专项资金' AND g.scope = 'TRANSFER_REGIONAL' AND r.code = '370303001' AND g.status = 'ISSUED'`,
    );
    const compile = (as: string) =>
      app.gql<{ compileRollUp: { userErrors: { code: string; principle: string | null }[] } }>(
        `mutation($input: CompileRollUpInput!) { compileRollUp(input: $input) { ${ERR} } }`,
        {
          input: {
            goalId: Buffer.from(`PerformanceGoal:${goal.id}`).toString('base64url'),
            basis: 'SUBMITTED',
            entries: [],
          },
        },
        { as },
      );
    const before = await app.tableDigests();
    const old = await compile('transport.chezhan');
    expect(old.data!.compileRollUp.userErrors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P4' }),
    ]);
    expect(await app.tableDigests()).toEqual(before);
    const mappedOffice = await compile('agri.chezhan');
    for (const e of mappedOffice.data!.compileRollUp.userErrors) expect(e.principle).not.toBe('P4');
  });
});
