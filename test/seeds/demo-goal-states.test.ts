/*
 * Demo goals in every workflow state (DOMAIN §7), each waiting for the demo login docs/demo.md names, seen
 * and reviewed by whom P6 allows, and each next action possible through the API.
 */
import { toGlobalId } from '../../src/common/global-id';
import { demoLogins } from '../../seeds';
import { WORKFLOW_DEMO } from '../../seeds/demo-goals';
import { useDemoGoalsApp, app, goalId, demoGoals, goal, actionsFor } from './demo-goal-fixtures';

useDemoGoalsApp();

describe('every goal workflow state is in the demo (DOMAIN §7)', () => {
  it('DRAFT, SUBMITTED, IN_REVIEW, APPROVED, ISSUED, RETURNED, SUPERSEDED and FILED_FOR_RECORD', async () => {
    const rows = await app.sql<{ status: string }>(
      `SELECT DISTINCT status FROM (${demoGoals}) g ORDER BY status`,
    );
    expect(rows.map((r) => r.status)).toEqual([
      'APPROVED',
      'DRAFT',
      'FILED_FOR_RECORD',
      'IN_REVIEW',
      'ISSUED',
      'RETURNED',
      'SUBMITTED',
      'SUPERSEDED',
    ]);
    const scopes = await app.sql<{ scope: string }>(
      `SELECT DISTINCT scope FROM (${demoGoals}) g ORDER BY scope`,
    );
    expect(scopes.map((r) => r.scope)).toEqual([
      'DEPARTMENT',
      'PROJECT',
      'TRANSFER_OVERALL',
      'TRANSFER_PROJECT',
      'TRANSFER_REGIONAL',
    ]);
  });

  // docs/demo.md "what to click through": login → goal → next action, and who may NOT take it.
  const waiting: [string, string, number, string, string, string][] = [
    [WORKFLOW_DEMO.draft, 'DRAFT', 0, 'unit.chezhan', 'SUBMIT', 'transport.chezhan'],
    [WORKFLOW_DEMO.submitted, 'SUBMITTED', 1, 'transport.gongyuan', 'APPROVE', 'unit.gongyuan'],
    [WORKFLOW_DEMO.inReview, 'IN_REVIEW', 2, 'finance.zhangdian', 'APPROVE', 'transport.zhangdian'],
    ['rural-roads-2025-b-works', 'IN_REVIEW', 3, 'transport.zhangdian', 'APPROVE', 'finance.gongyuan'],
    [WORKFLOW_DEMO.approved, 'APPROVED', 0, 'finance.zhangdian', 'ISSUE', 'agri.zhangdian'],
    [WORKFLOW_DEMO.returned, 'RETURNED', 0, 'unit.chezhan', 'SUBMIT', 'finance.chezhan'],
    [WORKFLOW_DEMO.filed, 'FILED_FOR_RECORD', 0, 'finance.zhangdian', 'RETURN', 'transport.zhangdian'],
    [WORKFLOW_DEMO.adjusted, 'ISSUED', 0, 'transport.zhangdian', 'REQUEST_ADJUSTMENT', 'finance.zhangdian'],
  ];
  it.each(waiting)(
    '%s is %s (step %d) and %s may %s next; %s may not',
    async (k, status, step, login, action, other) => {
      const g = await goal(k);
      expect([g.status, g.current_step]).toEqual([status, step]);
      expect(demoLogins.map((l) => l.login)).toContain(login);
      expect(await actionsFor(k, login)).toContain(action);
      expect(await actionsFor(k, other)).not.toContain(action);
    },
  );

  it('P6: audit.zhangdian reads all 张店区 demo goals and may act on none; finance.zichuan sees only 淄川区’s, 日照市 none', async () => {
    const [{ n }] = (await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${demoGoals}) g WHERE g.region_path LIKE (SELECT path || '%' FROM region WHERE code = '370303')`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(13);
    const total = async (login: string) =>
      (
        await app.gql<{ goals: { totalCount: number } }>(
          '{ goals(first: 1) { totalCount } }',
          {},
          { as: login },
        )
      ).data!.goals.totalCount;
    expect(await total('audit.zhangdian')).toBe(n);
    // 淄川区财政局 sees only 淄川区's own: the three 部门/单位整体 goals of seeds/demo-department.ts, none of 张店区.
    const [{ zichuan }] = (await app.sql<{ zichuan: number }>(
      `SELECT count(*)::int AS zichuan FROM (${demoGoals}) g WHERE g.region_path LIKE (SELECT path || '%' FROM region WHERE code = '370302')`,
    )) as [{ zichuan: number }];
    expect(zichuan).toBe(3);
    expect(await total('finance.zichuan')).toBe(zichuan);
    expect(await total('finance.rizhao')).toBe(0);
    expect(await actionsFor(WORKFLOW_DEMO.approved, 'audit.zhangdian')).toEqual([]);
  });

  it('the reviewers find the waiting goals in their inbox (待办)', async () => {
    const inbox = async (login: string) =>
      (
        await app.gql<{ myPendingReviews: { nodes: { id: string }[] } }>(
          '{ myPendingReviews(first: 100) { nodes { id } } }',
          {},
          { as: login },
        )
      ).data!.myPendingReviews.nodes.map((n) => n.id);
    const gid = (k: string) => toGlobalId('PerformanceGoal', goalId(k));
    expect(await inbox('transport.gongyuan')).toContain(gid(WORKFLOW_DEMO.submitted));
    expect(await inbox('finance.zhangdian')).toContain(gid(WORKFLOW_DEMO.inReview));
    expect(await inbox('transport.zhangdian')).toContain(gid('rural-roads-2025-b-works'));
    expect(await inbox('finance.gongyuan')).not.toContain(gid(WORKFLOW_DEMO.submitted));
  });
});

// Last: these change the demo goals of this test's database.
describe('a visitor can take each next action (DOMAIN §7)', () => {
  it('the next action works through the API and lands in the database', async () => {
    const act = async (mutation: string, k: string, login: string, comment?: string) => {
      const g = await goal(k);
      const res = await app.gql<Record<string, { userErrors: unknown[] }>>(
        `mutation($input: ${mutation[0].toUpperCase() + mutation.slice(1)}Input!) { ${mutation}(input: $input) { userErrors { code messageEn } } }`,
        { input: { id: toGlobalId('PerformanceGoal', g.id), expectedVersion: g.row_version, comment } },
        { as: login },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data![mutation]!.userErrors).toEqual([]);
      const after = await goal(k);
      return [after.status, after.current_step];
    };
    expect(await act('approveGoal', WORKFLOW_DEMO.submitted, 'transport.gongyuan')).toEqual(['IN_REVIEW', 2]);
    expect(await act('approveGoal', WORKFLOW_DEMO.inReview, 'finance.zhangdian')).toEqual(['APPROVED', 0]);
    expect(await act('issueGoal', WORKFLOW_DEMO.approved, 'finance.zhangdian')).toEqual(['ISSUED', 0]);
    expect(await act('submitGoal', WORKFLOW_DEMO.draft, 'unit.chezhan')).toEqual(['SUBMITTED', 1]);
    expect(await act('submitGoal', WORKFLOW_DEMO.returned, 'unit.chezhan')).toEqual(['SUBMITTED', 1]);
    expect(await act('approveGoal', 'rural-roads-2025-b-works', 'transport.zhangdian')).toEqual([
      'IN_REVIEW',
      4,
    ]);
    expect(await act('returnGoal', WORKFLOW_DEMO.filed, 'finance.zhangdian', '请补充抢修路段清单。')).toEqual(
      ['RETURNED', 0],
    );
  });
});
