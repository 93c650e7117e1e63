import { toGlobalId } from '../../src/common/global-id';
import type { GoalScope } from '../../src/goals/goal.enums';
import { checkGoalCompleteness } from '../../src/goals/rules/completeness';
import type { IndicatorInput } from '../../src/goals/rules/indicator-rules';
import { demoLogins, demoTenants } from '../../seeds';
import { demoGoalId, WORKFLOW_DEMO } from '../../seeds/demo-goals';
import { TestApp } from '../harness/app';

/*
 * Demo goals in every workflow state (DOMAIN §7), each waiting for the demo login docs/demo.md names,
 * with histories that follow the review chains (P3) and an audit event per change (DOMAIN §15).
 */
let app: TestApp;
const key = demoTenants.zibo.cityCode;
const goalId = (k: string) => demoGoalId(key, k);
const demoGoals = `SELECT * FROM performance_goal WHERE tenant_id = '${demoTenants.zibo.id}'`;

interface ChainStep {
  index: number;
  organizationId: string;
  role: string;
}
interface GoalRow {
  id: string;
  scope: GoalScope;
  status: string;
  current_step: number;
  review_chain: ChainStep[];
  drafter_organization_id: string;
  goal_version: number;
  supersedes_goal_id: string | null;
  annual_amount: string;
  fiscal_amount: string;
  other_amount: string;
  implementation_period_objective: string | null;
  annual_objective: string | null;
  filing_basis: string | null;
  adjustment_reason: string | null;
  row_version: number;
  fund_id: string | null;
}
interface TransitionRow {
  goal_id: string;
  goal_version: number;
  action: string;
  from_status: string;
  to_status: string;
  from_step: number;
  to_step: number;
  step_count: number;
  role: string | null;
  actor_user_id: string;
  actor_organization_id: string;
  login: string;
  comment: string | null;
  at: Date;
}

const goal = async (k: string) => {
  const [row] = await app.sql<GoalRow & Record<string, unknown>>(
    'SELECT * FROM performance_goal WHERE id = $1',
    [goalId(k)],
  );
  if (!row) throw new Error(`no demo goal ${k}`);
  return row;
};
const history = (id: string) =>
  app.sql<TransitionRow & Record<string, unknown>>(
    `SELECT t.*, u.login FROM goal_transition t JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.actor_user_id
     WHERE t.goal_id = $1 ORDER BY t.at`,
    [id],
  );

interface ActionRow {
  action: string;
  allowed: boolean;
}
const actionsFor = async (k: string, login: string) => {
  const res = await app.gql<{ goal: { status: string; availableActions: ActionRow[] } | null }>(
    'query($id: ID!) { goal(id: $id) { status availableActions { action allowed } } }',
    { id: toGlobalId('PerformanceGoal', goalId(k)) },
    { as: login },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.goal!.availableActions.filter((a) => a.allowed).map((a) => a.action);
};

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

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

describe('the demo histories follow the rules', () => {
  it('RETURNED carries the reviewer’s comment in its history (DOMAIN §7: a return always has a comment)', async () => {
    const h = await history(goalId(WORKFLOW_DEMO.returned));
    expect(h.map((t) => [t.action, t.login])).toEqual([
      ['SUBMIT', 'unit.chezhan'],
      ['APPROVE', 'transport.chezhan'],
      ['RETURN', 'finance.chezhan'],
    ]);
    expect(h[2]!.comment).toContain('年节约用电量');
  });

  it('the adjusted goal: version 1 SUPERSEDED, version 2 ISSUED with its reason and new content (002 第十三条)', async () => {
    const v1 = await goal(WORKFLOW_DEMO.superseded);
    const v2 = await goal(WORKFLOW_DEMO.adjusted);
    expect([v1.status, v1.goal_version, v1.annual_amount]).toEqual(['SUPERSEDED', 1, '52000000.00']);
    expect([v2.status, v2.goal_version, v2.supersedes_goal_id, v2.annual_amount]).toEqual([
      'ISSUED',
      2,
      v1.id,
      '56500000.00',
    ]);
    expect(v2.adjustment_reason).toContain('680');
    const h1 = await history(v1.id);
    expect(h1.map((t) => [t.action, t.from_status, t.to_status, t.goal_version])).toEqual([
      ['SUBMIT', 'DRAFT', 'SUBMITTED', 1],
      ['APPROVE', 'SUBMITTED', 'APPROVED', 1],
      ['ISSUE', 'APPROVED', 'ISSUED', 1],
      ['REQUEST_ADJUSTMENT', 'ISSUED', 'ISSUED', 1],
      ['ISSUE', 'ISSUED', 'SUPERSEDED', 1],
    ]);
    const targets = await app.sql<{ target: string }>(
      'SELECT target FROM goal_indicator WHERE goal_id = ANY($1) AND position = 0 ORDER BY goal_id = $2',
      [[v1.id, v2.id], v2.id],
    );
    expect(targets.map((t) => t.target)).toEqual(['620', '680']);
  });

  it('FILED_FOR_RECORD: the emergency fund’s goal, filed with finance after the budget (002 第十二条)', async () => {
    const g = await goal(WORKFLOW_DEMO.filed);
    expect([g.status, g.filing_basis]).toEqual(['FILED_FOR_RECORD', 'EMERGENCY']);
    const [fund] = await app.sql<{ is_emergency: boolean }>('SELECT is_emergency FROM fund WHERE id = $1', [
      g.fund_id,
    ]);
    expect(fund?.is_emergency).toBe(true);
    expect((await history(g.id)).map((t) => [t.action, t.login])).toEqual([
      ['FILE_FOR_RECORD', 'transport.zhangdian'],
    ]);
  });

  it('every history runs DRAFT → current status, each review by the chain’s organization at its step (P3)', async () => {
    const goals = await app.sql<GoalRow & Record<string, unknown>>(demoGoals);
    expect(goals.length).toBeGreaterThanOrEqual(13);
    for (const g of goals) {
      const path = (await history(g.id)).filter(
        (t) => t.goal_version === g.goal_version && t.action !== 'REQUEST_ADJUSTMENT',
      );
      let status = 'DRAFT';
      let step = 0;
      for (const t of path) {
        expect([g.id, t.from_status, t.from_step]).toEqual([g.id, status, step]);
        expect(t.step_count).toBe(g.review_chain.length);
        if (t.action === 'APPROVE' || t.action === 'RETURN') {
          const s = g.review_chain[t.from_step - 1]!;
          expect([t.actor_organization_id, t.role]).toEqual([s.organizationId, s.role]);
        } else if (t.action === 'ISSUE' && t.to_status === 'ISSUED') {
          expect(t.actor_organization_id).toBe(g.review_chain[g.review_chain.length - 1]!.organizationId);
        } else if (t.action === 'SUBMIT' || t.action === 'FILE_FOR_RECORD') {
          expect(t.actor_organization_id).toBe(g.drafter_organization_id);
        }
        [status, step] = [t.to_status, t.to_step];
      }
      expect([g.id, status, step]).toEqual([g.id, g.status, g.current_step]);
    }
  });

  it('every change has its audit event (DOMAIN §15) and every actor is a demo login', async () => {
    const missing = await app.sql(
      `SELECT t.goal_id, t.action FROM goal_transition t WHERE t.tenant_id = $1 AND NOT EXISTS (
         SELECT 1 FROM audit_event a WHERE a.tenant_id = t.tenant_id AND a.entity_type = 'PerformanceGoal'
           AND a.occurred_at = t.at AND a.actor_user_id = t.actor_user_id)`,
      [demoTenants.zibo.id],
    );
    expect(missing).toEqual([]);
    const created = await app.sql(
      `SELECT g.id FROM (${demoGoals}) g WHERE NOT EXISTS (SELECT 1 FROM audit_event a
         WHERE a.entity_id = g.id AND a.action IN ('CREATE', 'REQUEST_ADJUSTMENT'))`,
    );
    expect(created).toEqual([]);
    const actors = await app.sql<{ login: string }>(
      `SELECT DISTINCT u.login FROM goal_transition t JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.actor_user_id`,
    );
    const logins = demoLogins.map((l) => l.login);
    for (const a of actors) expect(logins).toContain(a.login);
  });

  it('every demo goal is complete: it could be submitted as it stands (DOMAIN §5; 002 第十条(四))', async () => {
    const goals = await app.sql<GoalRow & Record<string, unknown>>(demoGoals);
    for (const g of goals) {
      const indicators = await app.sql<Record<string, string | null>>(
        'SELECT * FROM goal_indicator WHERE goal_id = $1 ORDER BY position',
        [g.id],
      );
      const problems = checkGoalCompleteness({
        scope: g.scope,
        implementationPeriodObjective: g.implementation_period_objective,
        annualObjective: g.annual_objective,
        annualAmount: g.annual_amount,
        fiscalAmount: g.fiscal_amount,
        otherAmount: g.other_amount,
        indicators: indicators.map(
          (i) =>
            ({
              category: i.category,
              subcategory: i.subcategory,
              name: i.name,
              kind: i.kind,
              unit: i.unit,
              comparator: i.comparator,
              target: i.target,
              points: i.points,
              aggregation: i.aggregation,
              parentIndicatorId: i.parent_indicator_id,
            }) as IndicatorInput,
        ),
      });
      expect([g.id, problems]).toEqual([g.id, []]);
    }
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
