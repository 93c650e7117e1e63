/*
 * The demo goals' histories (DOMAIN §7): they follow the review chains (P3), carry a comment on a return and a
 * reason on an adjustment, have an audit event per change (DOMAIN §15), and every demo goal is complete.
 */
import { checkGoalCompleteness } from '../../src/goals/rules/completeness';
import { demoLogins, demoTenants } from '../../seeds';
import { WORKFLOW_DEMO } from '../../seeds/demo-goals';
import {
  useDemoGoalsApp,
  app,
  goalId,
  demoGoals,
  GoalRow,
  goal,
  history,
  indicatorsOf,
  asInput,
} from './demo-goal-fixtures';

useDemoGoalsApp();

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
      const indicators = await indicatorsOf(g.id);
      const problems = checkGoalCompleteness({
        scope: g.scope,
        implementationPeriodObjective: g.implementation_period_objective,
        annualObjective: g.annual_objective,
        annualAmount: g.annual_amount,
        fiscalAmount: g.fiscal_amount,
        otherAmount: g.other_amount,
        indicators: indicators.map(asInput),
      });
      expect([g.id, problems]).toEqual([g.id, []]);
    }
  });
});
