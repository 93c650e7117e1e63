/**
 * Issue 9 item 5: the counterpart mapping, not a unique sector, is read by every place that used to infer it —
 * bottom-up regional goals (DOMAIN §7; 003 转移支付 第十五条(二)) and the compilation of a region's result (P4;
 * 003 转移支付 第二十三条).
 */
import { regionGid, uuidOf } from '../harness/ids';
import { useCounterpartsApi, app, ok, ERR, SET, o } from './counterparts-fixtures';

useCounterpartsApi();

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
