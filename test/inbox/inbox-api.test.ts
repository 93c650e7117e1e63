/**
 * 我的待办 (issue 11 item 3): one inbox of everything awaiting the caller's organization, each kind both
 * ways — the awaited organization sees the item (linked to its object through `node`), others who may
 * see the object (its drafter, finance above, a sibling) do not. Goal, evaluation, monitoring and assessment
 * reviews here; compilation and findings in inbox-results-api.test.ts.
 */
import { useInboxApi, app, inbox, gid, orgOf, copyRow, withoutTriggers } from './inbox-fixtures';

useInboxApi();

describe('each kind reaches exactly the organization it awaits', () => {
  test('GOAL_REVIEW — the organization at the goal’s current review step (DOMAIN §7, P3)', async () => {
    const [goal] = await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal WHERE name = '公园街道农村公路提档升级工程绩效目标'`,
    );
    const item = (await inbox('transport.zhangdian')).find(
      (i) => i.node.id === gid('PerformanceGoal', goal.id),
    );
    expect(item).toMatchObject({
      kind: 'GOAL_REVIEW',
      title: '公园街道农村公路提档升级工程绩效目标',
      dueOn: null,
    });
    expect(item!.node.__typename).toBe('PerformanceGoal');
    for (const other of ['unit.gongyuan', 'finance.zhangdian', 'finance.zibo', 'transport.gongyuan'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(gid('PerformanceGoal', goal.id));
  });

  test('EVALUATION_REVIEW — the reviewer of a submitted self-evaluation (DOMAIN §10, P4)', async () => {
    const [ev] = await app.sql<{ id: string }>(
      `SELECT id FROM evaluation WHERE kind = 'SELF' AND status = 'SUBMITTED' AND reviewer_organization_id = $1`,
      [await orgOf('transport.zhangdian')],
    );
    const item = (await inbox('transport.zhangdian', ['EVALUATION_REVIEW']))[0];
    expect(item).toMatchObject({
      kind: 'EVALUATION_REVIEW',
      node: { id: gid('Evaluation', ev.id), __typename: 'Evaluation' },
    });
    expect(item.title).toMatch(/2025年度单位自评/);
    for (const other of ['unit.zhangdian', 'finance.zhangdian', 'finance.zibo'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(gid('Evaluation', ev.id));
  });

  test('MONITORING_ACKNOWLEDGEMENT — the same-level finance office acknowledges a submitted report (DOMAIN §9)', async () => {
    const [report] = await app.sql<{ id: string }>(
      `SELECT id FROM monitoring_report WHERE status = 'ACKNOWLEDGED'`,
    );
    let copy = '';
    await withoutTriggers(async () => {
      copy = await copyRow('monitoring_report', report.id, {
        month: 9,
        status: 'SUBMITTED',
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledgement_comment: null,
      });
    });
    const id = gid('MonitoringReport', copy);
    const item = (await inbox('finance.zichuan')).find((i) => i.node.id === id);
    expect(item).toMatchObject({
      kind: 'MONITORING_ACKNOWLEDGEMENT',
      node: { __typename: 'MonitoringReport' },
    });
    expect(item!.title).toMatch(/2025年1—9月绩效监控/);
    // The acknowledged original awaits nobody; the drafter and finance above see neither.
    expect((await inbox('finance.zichuan')).map((i) => i.node.id)).not.toContain(
      gid('MonitoringReport', report.id),
    );
    for (const other of ['agri.zichuan', 'finance.zibo', 'finance.zhangdian'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(id);
  });

  test('ASSESSMENT_REVIEW — finance at the subject’s level, never the assessor or finance above (DOMAIN §6)', async () => {
    const fund = await app.gql<{ createFund: { fund: { id: string } | null } }>(
      `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } } }`,
      {
        input: {
          name: '2025年张店区智慧交通专项资金',
          year: 2025,
          budgetBook: 'GENERAL_PUBLIC',
          category: 'SPECIAL_TRANSFER',
          allocationMethod: 'PROJECT',
          amounts: { upperLevel: '0.00', ownLevel: '5000000.00', lowerLevel: '0.00' },
        },
      },
      { as: 'transport.zhangdian' },
    );
    const fundId = fund.data!.createFund.fund!.id;
    const dims = ['NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE'].map(
      (dimension) => ({ dimension, conclusion: '论证充分' }),
    );
    const created = await app.gql<{ createAssessment: { assessment: { id: string } } }>(
      `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { assessment { id } } }`,
      { input: { subjectId: fundId, dimensions: dims, score: '85.50' } },
      { as: 'transport.zhangdian' },
    );
    const id = created.data!.createAssessment.assessment.id;
    expect(await inbox('finance.zhangdian', ['ASSESSMENT_REVIEW'])).toEqual([]); // a draft awaits nobody
    const submitted = await app.gql(
      `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { assessment { status } } }`,
      { input: { id, expectedVersion: 1 } },
      { as: 'transport.zhangdian' },
    );
    expect(submitted.data).toEqual({ submitAssessment: { assessment: { status: 'SUBMITTED' } } });
    expect(await inbox('finance.zhangdian', ['ASSESSMENT_REVIEW'])).toMatchObject([
      {
        kind: 'ASSESSMENT_REVIEW',
        title: '2025年张店区智慧交通专项资金（事前绩效评估）',
        node: { id, __typename: 'ExAnteAssessment' },
      },
    ]);
    for (const other of ['transport.zhangdian', 'finance.zibo', 'finance.zichuan', 'finance.chezhan'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(id);
  });
});
