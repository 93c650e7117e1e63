import { Client } from 'pg';
import { generateSyntheticCity, type SyntheticCity } from '../../seeds';
import { AllocationMethod } from '../../src/funds/fund.enums';
import { validateAllocations } from '../../src/funds/rules/allocation-rules';
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
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Issue #3: the synthetic city's funds, projects and goals, at a small scale on fresh databases.
const SEED = 20261122;
const databases: TestDatabase[] = [];
const clients: Client[] = [];
let owner: Client;
let city: SyntheticCity;

async function generate(): Promise<{ client: Client; city: SyntheticCity }> {
  const db = await createTestDatabase();
  databases.push(db);
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  clients.push(client);
  return { client, city: await generateSyntheticCity(client, { seed: SEED, scale: 'small' }) };
}

const sql = async <R>(text: string, params: unknown[] = []): Promise<R[]> =>
  (await owner.query(text, params)).rows as R[];

beforeAll(async () => {
  ({ client: owner, city } = await generate());
});
afterAll(async () => {
  for (const c of clients) await c.end();
  for (const db of databases) await db.drop();
});

/** Every workload row, timestamps left out (they are the clock's, not the seed's). */
async function digest(client: Client, tenantId: string): Promise<Record<string, string>> {
  const tables = [
    'fund',
    'project',
    'fund_allocation',
    'performance_goal',
    'goal_indicator',
    'goal_transition',
  ];
  const parts = tables.map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(x) - 'created_at' - 'updated_at' - 'at')::text, '|' ORDER BY x.id), '')) AS h FROM ${t} x WHERE x.tenant_id = $1`,
  );
  const rows = (
    await client.query<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '), [tenantId])
  ).rows;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

test('the same seed gives the same rows and ids, and the summary counts what was written', async () => {
  const again = await generate();
  expect(again.city).toEqual({
    ...city,
    workload: { ...city.workload!, phaseMs: again.city.workload!.phaseMs },
  });
  const first = await digest(owner, city.tenantId);
  expect(await digest(again.client, again.city.tenantId)).toEqual(first);
  const w = city.workload!;
  expect(first.project.startsWith(`${w.projects}:`)).toBe(true);
  expect(first.performance_goal.startsWith(`${w.goals.total}:`)).toBe(true);
  expect(first.goal_indicator.startsWith(`${w.indicators.total}:`)).toBe(true);
  expect(first.goal_transition.startsWith(`${w.transitions}:`)).toBe(true);
  expect(w.projects).toBe(city.unitCount * 3);
});

test('the hierarchy without the workload is unchanged: a hierarchy-only run writes no workload rows', async () => {
  const db = await createTestDatabase();
  databases.push(db);
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  clients.push(client);
  const plain = await generateSyntheticCity(client, {
    seed: SEED,
    districts: 2,
    townshipsPerDistrict: 2,
    unitsPerTownship: 4,
    unitsPerDistrict: 2,
  });
  expect(plain.workload).toBeUndefined();
  const { workload: _ignored, ...hierarchy } = city;
  expect(plain).toEqual(hierarchy);
  const hierarchyDigest = `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM (
      SELECT id, parent_id, name, code, path FROM region WHERE tenant_id = $1
      UNION ALL SELECT id, region_id, name, kind, credit_code FROM organization WHERE tenant_id = $1
      UNION ALL SELECT id, organization_id, login, display_name, region_path FROM app_user WHERE tenant_id = $1) x`;
  expect((await client.query(hierarchyDigest, [plain.tenantId])).rows).toEqual(
    (await owner.query(hierarchyDigest, [city.tenantId])).rows,
  );
  expect(
    (await client.query('SELECT count(*)::int AS n FROM project WHERE tenant_id = $1', [plain.tenantId]))
      .rows[0].n,
  ).toBe(0);
});

// DOMAIN §4: allocations go to direct child regions (factor) or projects below (project method), and add up
// within the fund's upper-level + own-level money (DOMAIN §4) — checked with the funds module's own rules.
test('every fund allocation set passes the allocation rules (within ceilings, right targets)', async () => {
  const funds = await sql<{
    id: string;
    method: AllocationMethod;
    region_path: string;
    own: string;
    upper: string;
    upper_fund_id: string | null;
  }>(
    `SELECT id, allocation_method AS method, region_path, own_level_amount::text AS own, upper_level_amount::text AS upper, upper_fund_id FROM fund WHERE tenant_id = $1`,
    [city.tenantId],
  );
  expect(funds.filter((f) => f.method === AllocationMethod.PROJECT).length).toBeGreaterThan(0);
  expect(funds.filter((f) => f.upper_fund_id !== null).length).toBeGreaterThan(0);
  const allocations = await sql<{
    fund_id: string;
    region_path: string;
    project_id: string | null;
    region_id: string | null;
    amount: string;
  }>(
    `SELECT fund_id, region_path, project_id, region_id, amount::text AS amount FROM fund_allocation WHERE tenant_id = $1`,
    [city.tenantId],
  );
  for (const f of funds) {
    const mine = allocations.filter((a) => a.fund_id === f.id);
    expect(mine.length).toBeGreaterThan(0);
    const problems = validateAllocations(
      { method: f.method, regionPath: f.region_path, upperLevel: f.upper, ownLevel: f.own },
      mine.map((a) => ({
        regionPath: a.region_id ? a.region_path : null,
        project: a.project_id ? { id: a.project_id, regionPath: a.region_path } : null,
        amount: a.amount,
      })),
    );
    expect(problems).toEqual([]);
  }
  // The city's factor funds reach every district; district funds reach every township.
  const reached = await sql<{ level: string; n: number }>(
    `SELECT r.level, count(DISTINCT r.id)::int AS n FROM fund_allocation a JOIN region r ON r.tenant_id = a.tenant_id AND r.id = a.region_id WHERE a.tenant_id = $1 GROUP BY r.level ORDER BY r.level`,
    [city.tenantId],
  );
  expect(reached).toEqual([
    { level: 'DISTRICT', n: 2 },
    { level: 'TOWNSHIP', n: 4 },
  ]);
});

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
