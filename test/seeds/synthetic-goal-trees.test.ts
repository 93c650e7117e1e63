/*
 * Issue #3: the synthetic city's goals — trees linked and consistent, every goal complete, statuses reached by
 * legal steps with their histories (DOMAIN §5, §7).
 */
import { GoalScope } from '../../src/goals/goal.enums';
import type {
  Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../../src/goals/indicator.enums';
import { checkGoalCompleteness } from '../../src/goals/rules/completeness';
import { checkConsistency } from '../../src/goals/rules/consistency';
import { useSyntheticCity, owner, city, sql } from './synthetic-goals-fixtures';

useSyntheticCity();

interface IndicatorRow {
  id: string;
  goal_id: string;
  category: IndicatorCategory;
  subcategory: IndicatorSubcategory;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  comparator: Comparator | null;
  target: string | null;
  points: string | null;
  parent_indicator_id: string | null;
  aggregation: Aggregation | null;
}
interface GoalRow {
  id: string;
  scope: GoalScope;
  status: string;
  parent_goal_id: string | null;
  region_id: string;
  project_region: string | null;
  name: string;
  ipo: string | null;
  annual_objective: string | null;
  annual: string;
  fiscal: string | null;
  other: string | null;
}

async function goalsAndIndicators() {
  const goals = await sql<GoalRow>(
    `SELECT g.id, g.scope, g.status, g.parent_goal_id, g.region_id, p.region_id AS project_region, g.name,
            g.implementation_period_objective AS ipo, g.annual_objective, g.annual_amount::text AS annual,
            g.fiscal_amount::text AS fiscal, g.other_amount::text AS other
       FROM performance_goal g LEFT JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
      WHERE g.tenant_id = $1`,
    [city.tenantId],
  );
  const indicators = await sql<IndicatorRow>(
    `SELECT id, goal_id, category, subcategory, name, kind, unit, comparator, target, points::text AS points,
            parent_indicator_id, aggregation FROM goal_indicator WHERE tenant_id = $1 ORDER BY goal_id, position`,
    [city.tenantId],
  );
  const of = (goalId: string) => indicators.filter((i) => i.goal_id === goalId);
  return { goals, indicators, of };
}

// DOMAIN §5 transfer-payment goal tree; 002 第十条(二); 003 转移支付 第十五条.
test('the big fund has one overall goal, one regional goal per township, and its project goals below, linked and consistent', async () => {
  const { goals, of } = await goalsAndIndicators();
  const overall = goals.filter((g) => g.scope === GoalScope.TRANSFER_OVERALL);
  expect(overall).toHaveLength(1);
  const regional = goals.filter((g) => g.scope === GoalScope.TRANSFER_REGIONAL);
  const townships = await sql<{ id: string }>(
    `SELECT id FROM region WHERE tenant_id = $1 AND level = 'TOWNSHIP'`,
    [city.tenantId],
  );
  expect(regional.map((g) => g.region_id).sort()).toEqual(townships.map((t) => t.id).sort());
  expect(regional.every((g) => g.parent_goal_id === overall[0].id)).toBe(true);
  const transferProjects = goals.filter((g) => g.scope === GoalScope.TRANSFER_PROJECT);
  expect(transferProjects.length).toBeGreaterThanOrEqual(regional.length);

  const parentIds = new Set(of(overall[0].id).map((i) => i.id));
  for (const r of regional) {
    expect(
      of(r.id).every((i) => i.parent_indicator_id !== null && parentIds.has(i.parent_indicator_id)),
    ).toBe(true);
    const children = transferProjects.filter((g) => g.parent_goal_id === r.id);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => c.project_region === r.region_id)).toBe(true);
  }
  const consistency = (parent: GoalRow, children: GoalRow[], childKind: 'REGIONAL' | 'PROJECT') =>
    checkConsistency({
      parent: { allocatedAmount: parent.annual, indicators: of(parent.id) },
      children: children.map((c) => ({
        goalId: c.id,
        label: c.name,
        annualAmount: c.annual,
        indicators: of(c.id).map((i) => ({ ...i, parentIndicatorId: i.parent_indicator_id, ratio: null })),
      })),
      childKind,
    });
  const top = consistency(overall[0], regional, 'REGIONAL');
  expect(top.errors).toEqual([]);
  expect(top.combined.length).toBe(10);
  for (const r of regional) {
    const report = consistency(
      r,
      transferProjects.filter((g) => g.parent_goal_id === r.id),
      'PROJECT',
    );
    expect(report.errors).toEqual([]);
    expect(report.combined.every((c) => c.meets)).toBe(true);
  }
  // Money adds up to the fund's allocations (DOMAIN §4): the overall goal's amount is the big fund's own-level money.
  const fund = await sql<{ own: string }>(
    `SELECT own_level_amount::text AS own FROM fund WHERE tenant_id = $1 AND id = $2`,
    [city.tenantId, city.workload!.bigFundId],
  );
  expect(fund[0].own).toBe(overall[0].annual);
});

// DOMAIN §5; 002 第十条(四), 第二十一条(一): every goal passes the completeness rules it is submitted under.
test('every goal is complete; project-level goals have 10–20 indicators with at least one output', async () => {
  const { goals, of } = await goalsAndIndicators();
  const projectLevel = goals.filter(
    (g) => g.scope === GoalScope.PROJECT || g.scope === GoalScope.TRANSFER_PROJECT,
  );
  expect(projectLevel).toHaveLength(city.workload!.projects);
  for (const g of goals) {
    const indicators = of(g.id);
    if (g.scope !== GoalScope.TRANSFER_OVERALL && g.scope !== GoalScope.TRANSFER_REGIONAL) {
      expect(indicators.length).toBeGreaterThanOrEqual(10);
      expect(indicators.length).toBeLessThanOrEqual(20);
    }
    const problems = checkGoalCompleteness({
      scope: g.scope,
      implementationPeriodObjective: g.ipo,
      annualObjective: g.annual_objective,
      annualAmount: g.annual,
      fiscalAmount: g.fiscal,
      otherAmount: g.other,
      indicators: indicators.map((i) => ({ ...i, parentIndicatorId: i.parent_indicator_id })),
    });
    expect({ goal: g.name, problems }).toEqual({ goal: g.name, problems: [] });
  }
});

// DOMAIN §7: statuses reached only by legal steps (the trigger refuses skips), each one recorded.
test('goals are mostly issued, some in other states, each with the history that led there', async () => {
  const byStatus = await sql<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM performance_goal WHERE tenant_id = $1 GROUP BY status`,
    [city.tenantId],
  );
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  expect(counts).toEqual(city.workload!.goals.byStatus);
  expect(counts.ISSUED).toBeGreaterThan(city.workload!.goals.total / 2);
  expect(Object.keys(counts).length).toBeGreaterThan(1);
  const mismatched = await sql<{ id: string }>(
    `SELECT g.id FROM performance_goal g
       LEFT JOIN LATERAL (SELECT t.to_status FROM goal_transition t WHERE t.tenant_id = g.tenant_id AND t.goal_id = g.id ORDER BY t.at DESC, t.from_step DESC LIMIT 1) last ON true
      WHERE g.tenant_id = $1 AND coalesce(last.to_status, 'DRAFT') <> g.status`,
    [city.tenantId],
  );
  expect(mismatched).toEqual([]);
  const issues = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM goal_transition t JOIN performance_goal g ON g.tenant_id = t.tenant_id AND g.id = t.goal_id
      WHERE t.tenant_id = $1 AND t.action = 'ISSUE' AND t.actor_organization_id <> (g.review_chain -> -1 ->> 'organizationId')::uuid`,
    [city.tenantId],
  );
  expect(issues[0].n).toBe(0);
  // The database still refuses a skip (P8): nothing was disabled.
  await expect(
    owner.query(
      `UPDATE performance_goal SET status = 'ISSUED', current_step = 0 WHERE tenant_id = $1 AND status = 'DRAFT'`,
      [city.tenantId],
    ),
  ).rejects.toThrow(/cannot become/);
});
