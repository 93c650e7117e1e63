/**
 * Funds, allocations and projects through GraphQL (DOMAIN §4, §8 P1 P2 P6, §15) on a real database:
 * the worked example of DOMAIN §11 in yuan, bad input (each a user error with a stable code and field,
 * nothing written), the permission principles both ways, jurisdiction of reads, and a constant number of
 * SQL statements for nested lists.
 */
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { refusalOf, type UserErrorRow, USER_ERRORS as ERRORS } from '../harness/mutations';

let app: TestApp;

interface FundRow {
  id: string;
  version: number;
  name: string;
  ownLevelAmount: string;
  totalAmount: string;
  allocationMethod: string;
}
type FundPayload = { fund: FundRow | null; userErrors: UserErrorRow[] };
type ProjectPayload = {
  project: { id: string; version: number; libraryStatus: string; annualAmount: string } | null;
  userErrors: UserErrorRow[];
};

const FUND_FIELDS = 'id version: rowVersion name ownLevelAmount totalAmount allocationMethod';
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
const UPDATE_FUND = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id version: rowVersion libraryStatus annualAmount } ${ERRORS} } }`;
const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id version: rowVersion libraryStatus annualAmount } ${ERRORS} } }`;

const region: Record<string, string> = {};
const org: Record<string, string> = {};
/** The worked example: 张店区交通运输局's factor-method fund, allocated to 车站街道 and 公园街道. */
let factorFund: FundRow;
/** A project-method fund of the same department. */
let projectFund: FundRow;
let chezhanProject: string;

const fundInput = (overrides: Record<string, unknown> = {}) => ({
  name: '2025年张店区农村公路养护专项资金',
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', ownLevel: '10000000.00', lowerLevel: '0.00' },
  ...overrides,
});

async function mutate<T>(
  query: string,
  input: Record<string, unknown>,
  as: string,
): Promise<GraphQLResponse<T>> {
  return app.gql<T>(query, { input }, { as });
}

async function currentVersion(globalFundId: string): Promise<number> {
  const id = Buffer.from(globalFundId, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{ version: number }>('SELECT version FROM fund WHERE id = $1', [id]);
  return row.version;
}

/** Projects of the demo data (seeds/demo-goals.ts): listings below count only this file's own. */
let demoProjects = new Set<string>();

beforeAll(async () => {
  app = await TestApp.start();
  demoProjects = new Set((await app.sql<{ id: string }>('SELECT id FROM project')).map((r) => r.id));
  for (const code of ['370300', '370303', '370302', '370303001', '370303002', '371102001'])
    region[code] = await regionGid(app, code);
  for (const name of [
    '张店区交通运输局',
    '车站街道市政道路养护站',
    '公园街道市政道路养护站',
    '车站街道建设办公室',
  ])
    org[name] = await organizationGid(app, name);

  const created = await mutate<{ createFund: FundPayload }>(CREATE_FUND, fundInput(), 'transport.zhangdian');
  if (!created.data?.createFund.fund) throw new Error(`arranging failed: ${JSON.stringify(created)}`);
  factorFund = created.data.createFund.fund;
  const set = await mutate<{ setAllocations: FundPayload }>(
    SET_ALLOCATIONS,
    {
      fundId: factorFund.id,
      expectedVersion: 1,
      allocations: [
        { regionId: region['370303001'], amount: '6000000.00' },
        { regionId: region['370303002'], amount: '4000000.00' },
      ],
    },
    'transport.zhangdian',
  );
  if (!set.data?.setAllocations.fund) throw new Error(`arranging failed: ${JSON.stringify(set)}`);
  factorFund = set.data.setAllocations.fund;

  const p = await mutate<{ createFund: FundPayload }>(
    CREATE_FUND,
    fundInput({ name: '2025年张店区道路维修项目资金', allocationMethod: 'PROJECT' }),
    'transport.zhangdian',
  );
  projectFund = p.data!.createFund.fund!;

  const proj = await mutate<{ createProject: ProjectPayload }>(
    CREATE_PROJECT,
    {
      name: '车站街道2025年市政道路养护',
      implementingUnitId: org['车站街道市政道路养护站'],
      fundId: factorFund.id,
      year: 2025,
      fiscalAmount: '1500000.00',
      otherAmount: '0.50',
      isNew: false,
    },
    'unit.chezhan',
  );
  if (!proj.data?.createProject.project) throw new Error(`arranging failed: ${JSON.stringify(proj)}`);
  chezhanProject = proj.data.createProject.project.id;
});
afterAll(async () => app.stop());

describe('the worked example of DOMAIN §11, in yuan', () => {
  test('a factor-method fund of 10,000,000.00 allocated 6,000,000.00 + 4,000,000.00 is exact in the database', async () => {
    expect(factorFund).toMatchObject({
      version: 2,
      ownLevelAmount: '10000000.00',
      totalAmount: '10000000.00',
      allocationMethod: 'FACTOR',
    });
    const rows = await app.sql<{
      code: string;
      amount: string;
      fund_region_path: string;
      region_path: string;
    }>(
      `SELECT r.code, a.amount::text AS amount, a.fund_region_path, a.region_path
         FROM fund_allocation a JOIN region r ON r.tenant_id = a.tenant_id AND r.id = a.region_id
        WHERE a.fund_id = $1 ORDER BY r.code`,
      [uuidOf(factorFund.id)],
    );
    expect(rows.map((r) => [r.code, r.amount])).toEqual([
      ['370303001', '6000000.00'],
      ['370303002', '4000000.00'],
    ]);
    expect(rows.every((r) => r.region_path.startsWith(r.fund_region_path))).toBe(true);
    const [fund] = await app.sql<{ own: string; total: string; org: string; region_ok: boolean }>(
      `SELECT f.own_level_amount::text AS own,
              (SELECT sum(amount)::text FROM fund_allocation WHERE fund_id = f.id) AS total,
              o.name AS org, f.region_id = o.region_id AND f.region_path = o.region_path AS region_ok
         FROM fund f JOIN organization o ON o.tenant_id = f.tenant_id AND o.id = f.organization_id WHERE f.id = $1`,
      [uuidOf(factorFund.id)],
    );
    expect(fund).toEqual({
      own: '10000000.00',
      total: '10000000.00',
      org: '张店区交通运输局',
      region_ok: true,
    });
  });

  test('every write appended an audit event in its transaction (DOMAIN §15)', async () => {
    const rows = await app.sql<{ action: string; entity_type: string }>(
      `SELECT entity_type, action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, action`,
      [uuidOf(factorFund.id)],
    );
    expect(rows.map((r) => `${r.entity_type}:${r.action}`)).toEqual(['Fund:CREATE', 'Fund:SET_ALLOCATIONS']);
    const [project] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Project' AND action = 'CREATE' AND entity_id = $1`,
      [uuidOf(chezhanProject)],
    );
    expect(project.n).toBe(1);
  });

  test('the fund reads back with its department, region, allocations and projects; node(id) finds it', async () => {
    const res = await app.gql<{
      fund: {
        department: { name: string };
        region: { name: string };
        allocations: { nodes: { amount: string; region: { name: string } | null; project: null }[] };
        projects: { nodes: { name: string; libraryStatus: string; annualAmount: string }[] };
      };
      node: { id: string } | null;
    }>(
      `query($id: ID!) { fund(id: $id) { department { name } region { name }
         allocations { nodes { amount region { name } project { id } } } projects { nodes { name libraryStatus annualAmount } } }
         node(id: $id) { id ... on Fund { name } } }`,
      { id: factorFund.id },
      { as: 'transport.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.fund.department.name).toBe('张店区交通运输局');
    expect(res.data!.fund.region.name).toBe('张店区');
    expect(res.data!.fund.allocations.nodes.map((a) => [a.region?.name, a.amount])).toEqual(
      expect.arrayContaining([
        ['车站街道', '6000000.00'],
        ['公园街道', '4000000.00'],
      ]),
    );
    expect(res.data!.fund.projects.nodes).toEqual([
      { name: '车站街道2025年市政道路养护', libraryStatus: 'CANDIDATE', annualAmount: '1500000.50' },
    ]);
    expect(res.data!.node).toEqual({ id: factorFund.id, name: '2025年张店区农村公路养护专项资金' });
  });

  test('funds are filtered by year, method, department, region subtree and name', async () => {
    const count = async (filter: Record<string, unknown>) => {
      const res = await app.gql<{ funds: { totalCount: number } }>(
        `query($filter: FundFilter) { funds(filter: $filter) { totalCount } }`,
        { filter },
        { as: 'finance.zhangdian' },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.funds.totalCount;
    };
    expect(await count({ year: 2025 })).toBeGreaterThanOrEqual(2);
    expect(await count({ year: 2024 })).toBe(0);
    expect(await count({ allocationMethod: 'PROJECT', nameContains: '道路维修' })).toBe(1);
    expect(await count({ departmentId: org['张店区交通运输局'], nameContains: '农村公路养护' })).toBe(1);
    expect(await count({ within: region['370303001'] })).toBe(0);
    expect(await count({ within: region['370303'], budgetBook: 'GENERAL_PUBLIC' })).toBeGreaterThanOrEqual(2);
  });
});

describe('bad input: a user error with a stable code and field, and nothing written', () => {
  async function refused<T extends Record<string, { userErrors: UserErrorRow[] }>>(
    query: string,
    input: Record<string, unknown>,
    as = 'transport.zhangdian',
  ): Promise<UserErrorRow[]> {
    const before = await app.tableDigests();
    const res = await mutate<T>(query, input, as);
    expect(res.errors).toBeUndefined();
    const payload = Object.values(res.data!)[0];
    expect(await app.tableDigests()).toEqual(before);
    expect(payload.userErrors.length).toBeGreaterThan(0);
    return payload.userErrors;
  }

  test.each([
    ['a negative amount', { upperLevel: '-1.00', ownLevel: '100.00', lowerLevel: '0' }, 'upperLevel'],
    ['three decimals', { upperLevel: '0', ownLevel: '100.005', lowerLevel: '0' }, 'ownLevel'],
    ['nothing at all', { upperLevel: '0', ownLevel: '0', lowerLevel: '0' }, 'ownLevel'],
  ])('createFund with %s', async (_name, amounts, field) => {
    const errors = await refused(CREATE_FUND, fundInput({ amounts }));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'amounts', field] }),
    );
  });

  test('createFund with a total that is not the sum names both numbers in 万元', async () => {
    const errors = await refused(
      CREATE_FUND,
      fundInput({
        amounts: { upperLevel: '0', ownLevel: '10000000.00', lowerLevel: '0', total: '10500000.00' },
      }),
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amounts', 'total'] });
    expect(errors[0].message).toContain('1,050.00 万元');
    expect(errors[0].message).toContain('1,000.00 万元');
  });

  test('createFund without a year or with both a year and a period', async () => {
    expect(await refused(CREATE_FUND, fundInput({ year: null }))).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'year'] }),
    );
    expect(
      await refused(CREATE_FUND, fundInput({ period: { startYear: 2025, endYear: 2027 } })),
    ).toContainEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'period'] }));
    expect(
      await refused(CREATE_FUND, fundInput({ year: null, period: { startYear: 2027, endYear: 2025 } })),
    ).toContainEqual(expect.objectContaining({ field: ['input', 'period', 'endYear'] }));
  });

  test('createFund with an upper fund that is not visible → NOT_FOUND', async () => {
    const errors = await refused(
      CREATE_FUND,
      fundInput({ upperFundId: projectFund.id }),
      'transport.chezhan',
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'upperFundId'] }),
    );
  });

  test.each([
    ['an unknown category', { category: 'SUBSIDY' }],
    ['an unknown budget book', { budgetBook: 'LOTTERY' }],
    ['a JSON float amount', { amounts: { upperLevel: 0, ownLevel: 1000.5, lowerLevel: 0 } }],
    ['an amount in exponent notation', { amounts: { upperLevel: '0', ownLevel: '1e7', lowerLevel: '0' } }],
  ])('createFund with %s is refused by the schema (BAD_USER_INPUT)', async (_name, overrides) => {
    const before = await app.tableDigests();
    const res = await mutate(CREATE_FUND, fundInput(overrides), 'transport.zhangdian');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
    expect(await app.tableDigests()).toEqual(before);
  });

  const allocate = (allocations: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
    fundId: factorFund.id,
    expectedVersion: factorFund.version,
    allocations,
    ...extra,
  });

  test('allocations over the own-level amount name the numbers in 万元', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([
        { regionId: region['370303001'], amount: '6000000.01' },
        { regionId: region['370303002'], amount: '4000000.00' },
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations'] }),
    ]);
    expect(errors[0].message).toBe(
      '分配合计 1,000.000001 万元超过可分配资金 1,000.00 万元（上级资金 0.00 万元 + 本级资金 1,000.00 万元；超出 0.000001 万元）',
    );
    expect(errors[0].messageEn).toContain('1,000.000001 万元');
  });

  test.each([
    ['the fund’s own region', '370303', 'BAD_USER_INPUT'],
    ['the city above', '370300', 'BAD_USER_INPUT'],
    ['a sibling district out of view', '370302', 'NOT_FOUND'],
    ['another tenant’s township', '371102001', 'NOT_FOUND'],
  ])('an allocation to %s → %s', async (_name, code, expected) => {
    const errors = await refused(SET_ALLOCATIONS, allocate([{ regionId: region[code], amount: '100.00' }]));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: expected, field: ['input', 'allocations', '0', 'regionId'] }),
    );
  });

  test('the same region twice → CONFLICT on the second row', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([
        { regionId: region['370303001'], amount: '100.00' },
        { regionId: region['370303001'], amount: '200.00' },
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'allocations', '1', 'regionId'] }),
    ]);
  });

  test.each([
    ['a zero amount', '0.00'],
    ['a negative amount', '-5.00'],
    ['three decimals', '5.005'],
  ])('an allocation with %s', async (_name, amount) => {
    const errors = await refused(SET_ALLOCATIONS, allocate([{ regionId: region['370303001'], amount }]));
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'amount'] }),
    );
  });

  test('a project-method allocation without a project, or to a region', async () => {
    const base = { fundId: projectFund.id, expectedVersion: projectFund.version };
    expect(await refused(SET_ALLOCATIONS, { ...base, allocations: [{ amount: '100.00' }] })).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'projectId'] }),
    );
    expect(
      await refused(SET_ALLOCATIONS, {
        ...base,
        allocations: [{ regionId: region['370303001'], amount: '100.00' }],
      }),
    ).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'regionId'] }),
    );
  });

  test('a stale version → CONFLICT on expectedVersion', async () => {
    const errors = await refused(
      SET_ALLOCATIONS,
      allocate([{ regionId: region['370303001'], amount: '100.00' }], { expectedVersion: 1 }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
    const stale = await refused(UPDATE_FUND, { id: factorFund.id, expectedVersion: 1, name: '改名' });
    expect(stale).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
  });

  test('updateFund may not lower upper + own-level money below the allocations, nor change the method', async () => {
    // DOMAIN §4: the ceiling is upper-level + own-level money; the error names the whole amounts.
    const low = await refused(UPDATE_FUND, {
      id: factorFund.id,
      expectedVersion: factorFund.version,
      amounts: { upperLevel: '0', ownLevel: '9000000.00', lowerLevel: '0' },
    });
    expect(low[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'amounts'] });
    expect(low[0].message).toContain('900.00 万元');
    const method = await refused(UPDATE_FUND, {
      id: factorFund.id,
      expectedVersion: factorFund.version,
      allocationMethod: 'PROJECT',
    });
    expect(method).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'allocationMethod'] }),
    ]);
  });

  test('createProject with bad amounts, year and a fund of another region', async () => {
    const errors = await refused(
      CREATE_PROJECT,
      {
        name: ' ',
        implementingUnitId: org['车站街道市政道路养护站'],
        year: 1999,
        fiscalAmount: '-1',
        otherAmount: '0.001',
        isNew: true,
      },
      'unit.chezhan',
    );
    expect(errors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.fiscalAmount',
      'input.name',
      'input.otherAmount',
      'input.year',
    ]);
  });
});

describe('permissions both ways (DOMAIN §8)', () => {
  test('P1: the owning department updates its fund; the update is guarded and audited', async () => {
    const version = await currentVersion(projectFund.id);
    const res = await mutate<{ updateFund: FundPayload }>(
      UPDATE_FUND,
      {
        id: projectFund.id,
        expectedVersion: version,
        name: '2025年张店区道路维修项目资金（调整）',
        isNewMajor: true,
      },
      'transport.zhangdian',
    );
    expect(res.data!.updateFund.userErrors).toEqual([]);
    expect(res.data!.updateFund.fund).toMatchObject({
      version: version + 1,
      name: '2025年张店区道路维修项目资金（调整）',
    });
    const [row] = await app.sql<{ is_new_major: boolean }>('SELECT is_new_major FROM fund WHERE id = $1', [
      uuidOf(projectFund.id),
    ]);
    expect(row.is_new_major).toBe(true);
    projectFund = res.data!.updateFund.fund!;
  });

  test.each(['finance.zhangdian', 'audit.zhangdian', 'admin.rizhao', 'unit.chezhan', 'finance.zibo'])(
    'P1: %s is not a competent department and cannot create, update or allocate a fund',
    async (login) => {
      const before = await app.tableDigests();
      for (const [query, input] of [
        [CREATE_FUND, fundInput()],
        [UPDATE_FUND, { id: factorFund.id, expectedVersion: factorFund.version, name: '改名' }],
        [SET_ALLOCATIONS, { fundId: factorFund.id, expectedVersion: factorFund.version, allocations: [] }],
      ] as const) {
        const res = await mutate(query, input, login);
        expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P1' }); // issue 11 item 4
      }
      expect(await app.tableDigests()).toEqual(before);
    },
  );

  test.each(['agri.zhangdian', 'transport.chezhan', 'transport.zibo'])(
    'P1: %s, another competent department that sees the fund, is FORBIDDEN to change it',
    async (login) => {
      const before = await app.tableDigests();
      const update = await mutate<{ updateFund: FundPayload }>(
        UPDATE_FUND,
        { id: factorFund.id, expectedVersion: factorFund.version, name: '改名' },
        login,
      );
      expect(update.data!.updateFund.userErrors).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'id'] }),
      ]);
      expect(update.data!.updateFund.userErrors[0].message).toContain('P1');
      const set = await mutate<{ setAllocations: FundPayload }>(
        SET_ALLOCATIONS,
        { fundId: factorFund.id, expectedVersion: factorFund.version, allocations: [] },
        login,
      );
      expect(set.data!.setAllocations.userErrors[0]).toMatchObject({
        code: 'FORBIDDEN',
        field: ['input', 'fundId'],
      });
      expect(await app.tableDigests()).toEqual(before);
    },
  );

  test('P1/P6: a department that cannot see the fund gets NOT_FOUND', async () => {
    const res = await mutate<{ updateFund: FundPayload }>(
      UPDATE_FUND,
      { id: projectFund.id, expectedVersion: projectFund.version, name: '改名' },
      'transport.gongyuan',
    );
    expect(res.data!.updateFund.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] }),
    ]);
  });

  test('P2: unit.chezhan created its own project, owned by its supervising department, as CANDIDATE', async () => {
    const [row] = await app.sql<{
      department: string;
      unit: string;
      status: string;
      annual: string;
      fund: string;
    }>(
      `SELECT d.name AS department, u.name AS unit, p.library_status AS status, p.annual_amount::text AS annual, p.fund_id AS fund
         FROM project p JOIN organization d ON d.tenant_id = p.tenant_id AND d.id = p.department_id
         JOIN organization u ON u.tenant_id = p.tenant_id AND u.id = p.implementing_unit_id WHERE p.id = $1`,
      [uuidOf(chezhanProject)],
    );
    expect(row).toEqual({
      department: '车站街道建设办公室',
      unit: '车站街道市政道路养护站',
      status: 'CANDIDATE',
      annual: '1500000.50',
      fund: uuidOf(factorFund.id),
    });
  });

  test('P2: a district department of the same sector prepares a project for a township unit', async () => {
    const res = await mutate<{ createProject: ProjectPayload }>(
      CREATE_PROJECT,
      {
        name: '公园街道道路维修',
        implementingUnitId: org['公园街道市政道路养护站'],
        year: 2025,
        fiscalAmount: '800000.00',
        otherAmount: '0',
        isNew: true,
        requiresAssessment: true,
      },
      'transport.zhangdian',
    );
    expect(res.data!.createProject.userErrors).toEqual([]);
    const project = res.data!.createProject.project!;
    // A project-method allocation to it, then a duplicate.
    const set = await mutate<{ setAllocations: FundPayload }>(
      SET_ALLOCATIONS,
      {
        fundId: projectFund.id,
        expectedVersion: projectFund.version,
        allocations: [{ projectId: project.id, amount: '800000.00' }],
      },
      'transport.zhangdian',
    );
    expect(set.data!.setAllocations.userErrors).toEqual([]);
    projectFund = set.data!.setAllocations.fund!;
    const [alloc] = await app.sql<{ amount: string }>(
      'SELECT amount::text AS amount FROM fund_allocation WHERE project_id = $1',
      [uuidOf(project.id)],
    );
    expect(alloc.amount).toBe('800000.00');
  });

  test.each([
    ['unit.gongyuan', 'NOT_FOUND'],
    ['transport.gongyuan', 'NOT_FOUND'],
    ['agri.chezhan', 'FORBIDDEN'],
  ])('P2: %s cannot create a project for 车站街道’s unit → %s', async (login, code) => {
    const before = await app.tableDigests();
    const res = await mutate<{ createProject: ProjectPayload }>(
      CREATE_PROJECT,
      {
        name: '越权项目',
        implementingUnitId: org['车站街道市政道路养护站'],
        year: 2025,
        fiscalAmount: '1.00',
        otherAmount: '0',
        isNew: true,
      },
      login,
    );
    expect(res.data!.createProject.userErrors).toEqual([
      expect.objectContaining({ code, field: ['input', 'implementingUnitId'] }),
    ]);
    expect(await app.tableDigests()).toEqual(before);
  });

  test.each(['finance.chezhan', 'audit.zhangdian', 'thirdparty.zibo'])(
    'P2: %s neither implements nor supervises projects',
    async (login) => {
      const res = await mutate(
        CREATE_PROJECT,
        {
          name: 'x',
          implementingUnitId: org['车站街道市政道路养护站'],
          year: 2025,
          fiscalAmount: '1',
          otherAmount: '0',
          isNew: true,
        },
        login,
      );
      expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P2' }); // issue 11 item 4
    },
  );

  test('P2: the unit updates its project; a sibling unit cannot see it; a stale version conflicts', async () => {
    const ok = await mutate<{ updateProject: ProjectPayload }>(
      UPDATE_PROJECT,
      { id: chezhanProject, expectedVersion: 1, otherAmount: '100000.00' },
      'unit.chezhan',
    );
    expect(ok.data!.updateProject.userErrors).toEqual([]);
    expect(ok.data!.updateProject.project).toMatchObject({
      version: 2,
      annualAmount: '1600000.00',
      libraryStatus: 'CANDIDATE',
    });
    const stale = await mutate<{ updateProject: ProjectPayload }>(
      UPDATE_PROJECT,
      { id: chezhanProject, expectedVersion: 1, otherAmount: '0' },
      'unit.chezhan',
    );
    expect(stale.data!.updateProject.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const sibling = await mutate<{ updateProject: ProjectPayload }>(
      UPDATE_PROJECT,
      { id: chezhanProject, expectedVersion: 2, otherAmount: '0' },
      'unit.gongyuan',
    );
    expect(sibling.data!.updateProject.userErrors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'id'],
    });
    const agri = await mutate<{ updateProject: ProjectPayload }>(
      UPDATE_PROJECT,
      { id: chezhanProject, expectedVersion: 2, otherAmount: '0' },
      'agri.chezhan',
    );
    expect(agri.data!.updateProject.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('P6: who sees which fund, allocation and project', () => {
  const fundView = `query($id: ID!) { fund(id: $id) { name allocations { nodes { amount region { name } } } } funds { totalCount } }`;
  type View = {
    fund: {
      name: string;
      allocations: { nodes: { amount: string; region: { name: string } | null }[] };
    } | null;
    funds: { totalCount: number };
  };

  test.each([
    ['finance.zhangdian', ['公园街道', '车站街道']],
    ['audit.zhangdian', ['公园街道', '车站街道']],
    ['finance.zibo', ['公园街道', '车站街道']],
    ['finance.chezhan', ['车站街道']],
    ['transport.chezhan', ['车站街道']],
    ['finance.gongyuan', ['公园街道']],
    ['unit.chezhan', []],
    ['unit.gongyuan', []],
  ])('%s sees the fund and the allocations %j', async (login, regions) => {
    const res = await app.gql<View>(fundView, { id: factorFund.id }, { as: login });
    expect(res.errors).toBeUndefined();
    expect(res.data!.fund?.name).toBe('2025年张店区农村公路养护专项资金');
    expect(res.data!.fund!.allocations.nodes.map((a) => a.region?.name).sort()).toEqual(regions);
  });

  test.each(['finance.zichuan', 'admin.rizhao', 'unit.zhangdian', 'unit.rizhao', 'thirdparty.zibo'])(
    '%s sees none of 张店区’s funds',
    async (login) => {
      const res = await app.gql<View & { node: unknown }>(
        `query($id: ID!) { fund(id: $id) { name } funds(filter: { nameContains: "张店区" }) { totalCount } node(id: $id) { id } }`,
        { id: factorFund.id },
        { as: login },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.fund).toBeNull();
      expect(res.data!.node).toBeNull();
      expect(res.data!.funds.totalCount).toBe(0);
    },
  );

  test('projects: the unit sees its own, a sibling unit none, the district all of its subtree', async () => {
    const q = `{ projects(filter: { year: 2025 }, first: 100) { totalCount nodes { id name implementingUnit { name } } } }`;
    const names = async (login: string) =>
      (await app.gql<{ projects: { nodes: { id: string; name: string }[] } }>(q, {}, { as: login }))
        .data!.projects.nodes.filter((p) => !demoProjects.has(uuidOf(p.id)))
        .map((p) => p.name)
        .sort();
    expect(await names('unit.chezhan')).toEqual(['车站街道2025年市政道路养护']);
    expect(await names('unit.gongyuan')).toEqual(['公园街道道路维修']);
    expect(await names('finance.chezhan')).toEqual(['车站街道2025年市政道路养护']);
    expect(await names('transport.zhangdian')).toEqual(['公园街道道路维修', '车站街道2025年市政道路养护']);
    expect(await names('finance.zichuan')).toEqual([]);
  });
});

test('funds with allocations, projects and departments cost the same number of SQL statements for 1 and for 5 funds', async () => {
  for (let i = 1; i <= 5; i++) {
    const created = await mutate<{ createFund: FundPayload }>(
      CREATE_FUND,
      fundInput({ name: `计数专项资金${i}` }),
      'transport.zhangdian',
    );
    const fund = created.data!.createFund.fund!;
    await mutate(
      SET_ALLOCATIONS,
      {
        fundId: fund.id,
        expectedVersion: fund.version,
        allocations: [
          { regionId: region['370303001'], amount: '100.00' },
          { regionId: region['370303002'], amount: '200.00' },
        ],
      },
      'transport.zhangdian',
    );
  }
  const query = `query($first: Int!) { funds(first: $first, filter: { nameContains: "计数" }) {
    nodes { name allocations(first: $first) { nodes { amount region { name } } } projects(first: $first) { nodes { name } } department { name } } } }`;
  const one = await app.gql<{ funds: { nodes: { allocations: { nodes: unknown[] } }[] } }>(
    query,
    { first: 1 },
    { as: 'transport.zhangdian' },
  );
  const five = await app.gql<{ funds: { nodes: { allocations: { nodes: unknown[] } }[] } }>(
    query,
    { first: 5 },
    { as: 'transport.zhangdian' },
  );
  expect(one.errors).toBeUndefined();
  expect(five.errors).toBeUndefined();
  expect(one.data!.funds.nodes).toHaveLength(1);
  expect(five.data!.funds.nodes).toHaveLength(5);
  expect(five.data!.funds.nodes.every((n) => n.allocations.nodes.length === 2)).toBe(true);
  expect(five.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
  expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(10);
});

test('two racing allocation sets on the same version: exactly one applies, the other gets CONFLICT (DOMAIN §15)', async () => {
  const created = await mutate<{ createFund: FundPayload }>(
    CREATE_FUND,
    fundInput({ name: '并发专项资金' }),
    'transport.zhangdian',
  );
  const fund = created.data!.createFund.fund!;
  const attempt = (amount: string) =>
    mutate<{ setAllocations: FundPayload }>(
      SET_ALLOCATIONS,
      {
        fundId: fund.id,
        expectedVersion: fund.version,
        allocations: [{ regionId: region['370303001'], amount }],
      },
      'transport.zhangdian',
    );
  const results = await Promise.all([attempt('111.00'), attempt('222.00')]);
  const codes = results.map((r) => r.data!.setAllocations.userErrors.map((e) => e.code).join(',')).sort();
  expect(codes).toEqual(['', 'CONFLICT']);
  const rows = await app.sql<{ amount: string }>(
    'SELECT amount::text AS amount FROM fund_allocation WHERE fund_id = $1',
    [uuidOf(fund.id)],
  );
  expect(rows).toHaveLength(1);
  expect(await currentVersion(fund.id)).toBe(2);
});
