/** Fund and project permissions both ways (DOMAIN §8 P1 P2 P6) and the jurisdiction of reads. */
import { uuidOf } from '../harness/ids';
import { refusalOf } from '../harness/mutations';
import {
  app,
  FundPayload,
  ProjectPayload,
  CREATE_FUND,
  UPDATE_FUND,
  SET_ALLOCATIONS,
  CREATE_PROJECT,
  UPDATE_PROJECT,
  org,
  factorFund,
  projectFund,
  setProjectFund,
  chezhanProject,
  fundInput,
  mutate,
  currentVersion,
  demoProjects,
  useFundsApi,
} from './funds-api-fixtures';

useFundsApi();

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
    setProjectFund(res.data!.updateFund.fund!);
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
    setProjectFund(set.data!.setAllocations.fund!);
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
