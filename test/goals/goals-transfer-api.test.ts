/** Transfer goals (DOMAIN §5): top-down overall → regional with the consistency check, and bottom-up regional goals. */
import { regionGid, uuidOf } from '../harness/ids';
import { arrangeTransferFund } from '../harness/fund-fixtures';
import {
  app,
  ok,
  refused,
  CREATE,
  UPDATE,
  SUBMIT,
  APPROVE,
  RETURN,
  ISSUE,
  org,
  INDICATORS,
  actions,
  useGoalsApi,
} from './goals-api-fixtures';

useGoalsApi();

describe('transfer goals top-down (DOMAIN §5): overall → regional, the consistency check blocks approval', () => {
  test('P1 drafting; regional targets summed against the overall target; money against the allocations', async () => {
    const regions: Record<string, string> = {};
    for (const code of ['370303001', '370303002']) regions[code] = await regionGid(app, code);
    const fundId = await arrangeTransferFund(
      app,
      { name: '2025年张店区农村公路养护转移支付', ownLevel: '800000.00' },
      { [regions['370303001']]: '500000.00', [regions['370303002']]: '300000.00' },
    );

    const overallInput = {
      scope: 'TRANSFER_OVERALL',
      year: 2025,
      name: '张店区农村公路养护整体绩效目标',
      fundId,
      implementationPeriodObjective: '全区农村公路养护',
      annualObjective: '养护农村公路20公里',
      annualAmount: '800000.00',
      indicators: [{ ...INDICATORS[0], name: '养护农村公路里程', target: '20', aggregation: 'SUM' }],
    };
    expect(await refused(CREATE, overallInput, 'finance.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    expect(await refused(CREATE, overallInput, 'transport.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    const overall = await ok(CREATE, overallInput, 'transport.zhangdian');
    const parentIndicator = (
      await app.gql<{ goal: { indicators: { id: string }[] } }>(
        `query($id: ID!) { goal(id: $id) { indicators { id } } }`,
        { id: overall.id },
        { as: 'transport.zhangdian' },
      )
    ).data!.goal.indicators[0].id;
    const regional = (code: string, target: string, annualAmount: string) => ({
      scope: 'TRANSFER_REGIONAL',
      year: 2025,
      name: `农村公路养护分区域目标（${code}）`,
      fundId,
      regionId: regions[code],
      parentGoalId: overall.id,
      decomposition: 'TOP_DOWN',
      annualObjective: '养护农村公路',
      annualAmount,
      indicators: [
        { ...INDICATORS[0], name: '养护农村公路里程', target, parentIndicatorId: parentIndicator },
      ],
    });
    const bad = await refused(
      CREATE,
      {
        ...regional('370303001', '12', '500000.00'),
        indicators: [{ ...INDICATORS[0], parentIndicatorId: overall.id }],
      },
      'transport.zhangdian',
    );
    expect(bad).toContainEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: ['input', 'indicators', '0', 'parentIndicatorId'],
      }),
    );
    const chezhan = await ok(CREATE, regional('370303001', '12', '500000.00'), 'transport.zhangdian');
    const gongyuan = await ok(CREATE, regional('370303002', '5', '300000.00'), 'transport.zhangdian');

    // Indicators linked by child goals are not silently replaced.
    expect(
      await refused(
        UPDATE,
        {
          id: overall.id,
          expectedVersion: overall.rowVersion,
          name: overallInput.name,
          annualObjective: overallInput.annualObjective,
          implementationPeriodObjective: overallInput.implementationPeriodObjective,
          annualAmount: overallInput.annualAmount,
          indicators: overallInput.indicators,
        },
        'transport.zhangdian',
      ),
    ).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'indicators'] })]);
    const submitted = await ok(
      SUBMIT,
      { id: overall.id, expectedVersion: overall.rowVersion },
      'transport.zhangdian',
    );
    expect(submitted.reviewChain.map((s) => s.organization?.name)).toEqual(['张店区财政局']);
    // DOMAIN §5 (issue 9 item 7): the check counts children in force; drafts do not block the overall goal.
    const approved = await ok(
      APPROVE,
      { id: overall.id, expectedVersion: submitted.rowVersion },
      'finance.zhangdian',
    );
    expect(approved.status).toBe('APPROVED');
    // 车站街道 first: 公园街道 is still to come, so the shortfall 12 < 20 is pending, not an error.
    let c = await ok(SUBMIT, { id: chezhan.id, expectedVersion: chezhan.rowVersion }, 'transport.zhangdian');
    c = await ok(APPROVE, { id: c.id, expectedVersion: c.rowVersion }, 'finance.zhangdian');
    expect(c.status).toBe('APPROVED');
    // 公园街道 completes the decomposition: 12 + 5 = 17 < 20 blocks its approval.
    const g1 = await ok(
      SUBMIT,
      { id: gongyuan.id, expectedVersion: gongyuan.rowVersion },
      'transport.zhangdian',
    );
    expect((await actions(gongyuan.id, 'finance.zhangdian')).APPROVE).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
    const blocked = await refused(
      APPROVE,
      { id: g1.id, expectedVersion: g1.rowVersion },
      'finance.zhangdian',
    );
    expect(blocked[0].code).toBe('WORKFLOW_VIOLATION');
    expect(blocked.map((e) => e.message).join(' ')).toContain('17');

    const back = await ok(
      RETURN,
      { id: g1.id, expectedVersion: g1.rowVersion, comment: '目标偏低' },
      'finance.zhangdian',
    );
    const { name, annualObjective, annualAmount, indicators } = regional('370303002', '8', '300000.00');
    const fixed = await ok(
      UPDATE,
      { id: back.id, expectedVersion: back.rowVersion, name, annualObjective, annualAmount, indicators },
      'transport.zhangdian',
    );
    const again = await ok(
      SUBMIT,
      { id: fixed.id, expectedVersion: fixed.rowVersion },
      'transport.zhangdian',
    );
    const done = await ok(APPROVE, { id: again.id, expectedVersion: again.rowVersion }, 'finance.zhangdian');
    expect(done.status).toBe('APPROVED');
  });
  test('bottom-up regional goal: drafted by the township’s department, co-signed by its finance, then the fund’s department and finance at R; the tree and the filters', async () => {
    const chezhan = await regionGid(app, '370303001');
    const fundId = await arrangeTransferFund(
      app,
      { name: '2025年张店区道路提升转移支付（自下而上）', ownLevel: '900000.00' },
      { [chezhan]: '900000.00' },
    );
    const overall = await ok(
      CREATE,
      {
        scope: 'TRANSFER_OVERALL',
        year: 2025,
        name: '道路提升整体目标（自下而上）',
        fundId,
        implementationPeriodObjective: '道路提升',
        annualObjective: '提升道路9公里',
        annualAmount: '900000.00',
        indicators: [{ ...INDICATORS[0], target: '9', aggregation: 'SUM' }],
      },
      'transport.zhangdian',
    );
    // Bottom-up: the lower level reports against the overall goal once it is in force.
    let o = await ok(SUBMIT, { id: overall.id, expectedVersion: overall.rowVersion }, 'transport.zhangdian');
    o = await ok(APPROVE, { id: o.id, expectedVersion: o.rowVersion }, 'finance.zhangdian');
    expect((await ok(ISSUE, { id: o.id, expectedVersion: o.rowVersion }, 'finance.zhangdian')).status).toBe(
      'ISSUED',
    );
    const input = {
      scope: 'TRANSFER_REGIONAL',
      year: 2025,
      name: '车站街道道路提升分区域目标',
      fundId,
      regionId: chezhan,
      parentGoalId: overall.id,
      decomposition: 'BOTTOM_UP',
      annualObjective: '提升道路9公里',
      annualAmount: '900000.00',
      indicators: [INDICATORS[0]],
    };
    expect(await refused(CREATE, input, 'transport.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    let g = await ok(CREATE, input, 'transport.chezhan');
    // DOMAIN §7 (issue 9 item 10): the chain's organisations are never hidden from its participants.
    expect(g.reviewChain.map((s) => [s.role, s.organization?.name ?? null])).toEqual([
      ['LOWER_FINANCE', '车站街道财政所'],
      ['FUND_DEPARTMENT', '张店区交通运输局'],
      ['BUDGET_FINANCE', '张店区财政局'],
    ]);
    const [chain] = await app.sql<{ names: string[] }>(
      `SELECT array(SELECT o.name FROM jsonb_array_elements(g.review_chain) s JOIN organization o ON o.id = (s->>'organizationId')::uuid ORDER BY (s->>'index')::int) AS names
         FROM performance_goal g WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    expect(chain.names).toEqual(['车站街道财政所', '张店区交通运输局', '张店区财政局']);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(g.status).toBe('APPROVED');

    // The tree in one request, and the list's filters.
    const tree = await app.gql<{
      goal: { children: { nodes: { id: string; parent: { id: string }; drafter: { name: string } }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { children { nodes { id parent { id } drafter { name } } } } }`,
      { id: overall.id },
      { as: 'finance.zhangdian' },
    );
    expect(tree.data!.goal.children.nodes).toEqual([
      { id: g.id, parent: { id: overall.id }, drafter: { name: '车站街道建设办公室' } },
    ]);
    const list = async (filter: Record<string, unknown>, as = 'finance.zhangdian') =>
      (
        await app.gql<{ goals: { nodes: { id: string }[] } }>(
          `query($filter: GoalFilter) { goals(filter: $filter, first: 100, orderBy: { field: CREATED_AT }) { nodes { id } } }`,
          { filter },
          { as },
        )
      ).data!.goals.nodes.map((n) => n.id);
    expect(await list({ fundId })).toEqual([overall.id, g.id]);
    expect(await list({ fundId, scope: 'TRANSFER_REGIONAL' })).toEqual([g.id]);
    expect(await list({ fundId, status: 'ISSUED' })).toEqual([overall.id]);
    expect(await list({ fundId, within: chezhan })).toEqual([g.id]);
    expect(await list({ fundId, organizationId: org['车站街道建设办公室'] })).toEqual([g.id]);
    expect(await list({ fundId, text: '自下而上' })).toEqual([overall.id]);
    expect(await list({ fundId, year: 2024 })).toEqual([]);
    expect(await list({ fundId }, 'finance.gongyuan')).toEqual([]);
    expect(await list({ fundId }, 'transport.chezhan')).toEqual([overall.id, g.id]);
  });
});
