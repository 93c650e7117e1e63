/**
 * Arranging monitoring tests: an ISSUED project goal through the goal API (DOMAIN §7, as
 * test/goals/goals-api.test.ts), or a transfer-payment goal tree inserted as the owner following the
 * database's state machine (DRAFT → SUBMITTED → APPROVED → ISSUED). Names carry a tag: tables are never
 * assumed empty (demo data has its own funds and goals).
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';
import {
  projectGoal as arrangeProjectGoal,
  ROAD_INDICATORS,
  roadIndicatorsWithout,
} from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';

export { USER_ERRORS as ERRORS, type UserErrorRow } from '../harness/mutations';

export interface IssuedGoal {
  id: string;
  uuid: string;
  indicators: { id: string; name: string; kind: string }[];
}

/**
 * A 车站街道 PROJECT goal of 2025 drafted by unit.chezhan, reviewed by 车站街道建设办公室 and finance.chezhan,
 * issued (DOMAIN §7). Indicators: 养护道路里程 ≥ 12 km, 验收合格率 ≥ 95 %, 道路通行条件 (qualitative).
 */
export async function issuedProjectGoal(
  app: TestApp,
  tag: string,
  annualAmount = '1200000.00',
): Promise<IssuedGoal> {
  return projectGoal(app, tag, annualAmount, true);
}

/** The same goal left as a DRAFT (not issued). */
export async function draftProjectGoal(app: TestApp, tag: string): Promise<IssuedGoal> {
  return projectGoal(app, tag, '1200000.00', false);
}

/** 养护道路里程 ≥ 12 km, 验收合格率 ≥ 95 %, 道路通行条件 (qualitative). */
const INDICATORS = [
  { ...ROAD_INDICATORS[0], target: '12' },
  ...roadIndicatorsWithout('养护道路里程', '沿线群众满意度'),
];

async function projectGoal(
  app: TestApp,
  tag: string,
  annualAmount: string,
  issue: boolean,
): Promise<IssuedGoal> {
  const g = await arrangeProjectGoal(app, {
    name: `${tag}道路养护`,
    unitId: await organizationGid(app, '车站街道市政道路养护站'),
    indicators: INDICATORS,
    fiscalAmount: annualAmount,
    until: issue ? 'ISSUED' : 'DRAFT',
  });
  const uuid = uuidOf(g.id);
  const indicators = await app.sql<{ id: string; name: string; kind: string }>(
    'SELECT id, name, kind FROM goal_indicator WHERE goal_id = $1 ORDER BY position',
    [uuid],
  );
  return {
    id: g.id,
    uuid,
    indicators: indicators.map((i) => ({ ...i, id: toGlobalId('GoalIndicator', i.id) })),
  };
}

/** Owner-side lookups of demo rows. */
export async function orgId(
  app: TestApp,
  name: string,
): Promise<{ tenantId: string; id: string; regionId: string }> {
  const [row] = await app.sql<{ tenant_id: string; id: string; region_id: string }>(
    'SELECT tenant_id, id, region_id FROM organization WHERE name = $1',
    [name],
  );
  return { tenantId: row.tenant_id, id: row.id, regionId: row.region_id };
}

export interface TreeIndicator {
  name: string;
  kind?: 'QUANTITATIVE' | 'QUALITATIVE';
  unit?: string;
  comparator?: 'GTE' | 'LTE' | 'EQ';
  target: string;
  aggregation?: string;
  category?: string;
  subcategory?: string;
}

export interface Tree {
  parent: string;
  children: string[];
  /** parent indicator name → id; child i's indicator name → id. */
  parentIndicators: Record<string, string>;
  childIndicators: Record<string, string>[];
}

/**
 * A 张店区 factor fund of 张店区交通运输局 with an ISSUED overall goal and ISSUED top-down regional goals, one
 * per amount (child i linked indicator by indicator), inserted as the owner through the DB state machine.
 */
export async function issuedTree(
  app: TestApp,
  tag: string,
  indicators: TreeIndicator[],
  childAmounts: string[],
): Promise<Tree> {
  const dept = await orgId(app, '张店区交通运输局');
  const finance = await orgId(app, '张店区财政局');
  const townships = await app.sql<{ id: string }>(
    `SELECT r.id FROM region r JOIN region d ON d.id = r.parent_id AND d.code = '370303' ORDER BY r.code`,
  );
  const t = dept.tenantId;
  const fundId = randomUUID();
  const total = childAmounts.reduce((s, a) => s + Number(a), 0).toFixed(2);
  await app.sql(
    `INSERT INTO fund (tenant_id, id, organization_id, region_id, region_path, name, budget_book, category, allocation_method, start_year, end_year, upper_level_amount, own_level_amount, lower_level_amount)
     VALUES ($1, $2, $3, $4, '', $5, 'GENERAL_PUBLIC', 'SPECIAL_TRANSFER', 'FACTOR', 2025, 2025, 0, $6, 0)`,
    [t, fundId, dept.id, dept.regionId, `${tag}专项资金`, total],
  );
  const chain = JSON.stringify([
    {
      index: 1,
      organizationId: finance.id,
      organizationKind: 'FINANCE_BUREAU',
      regionId: finance.regionId,
      role: 'BUDGET_FINANCE',
      final: true,
    },
  ]);
  const insertGoal = async (
    scope: string,
    regionId: string,
    parentId: string | null,
    amount: string,
    name: string,
  ) => {
    const id = randomUUID();
    await app.sql(
      `INSERT INTO performance_goal (tenant_id, id, scope, year, fund_id, region_id, parent_goal_id, decomposition, name, annual_objective, annual_amount, status, drafter_organization_id, review_chain, region_path)
       VALUES ($1, $2, $3, 2025, $4, $5, $6, $7, $8, '年度目标', $9, 'DRAFT', $10, $11::jsonb, '')`,
      [t, id, scope, fundId, regionId, parentId, parentId ? 'TOP_DOWN' : null, name, amount, dept.id, chain],
    );
    return id;
  };
  const insertIndicators = async (goalId: string, parentIds: Record<string, string> | null) => {
    const ids: Record<string, string> = {};
    for (const [position, ind] of indicators.entries()) {
      const id = randomUUID();
      ids[ind.name] = id;
      const kind = ind.kind ?? 'QUANTITATIVE';
      await app.sql(
        `INSERT INTO goal_indicator (tenant_id, id, goal_id, position, category, subcategory, name, kind, unit, comparator, target, parent_indicator_id, aggregation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          t,
          id,
          goalId,
          position,
          ind.category ?? 'OUTPUT',
          ind.subcategory ?? 'QUANTITY',
          ind.name,
          kind,
          kind === 'QUANTITATIVE' ? (ind.unit ?? '个') : null,
          kind === 'QUANTITATIVE' ? (ind.comparator ?? 'GTE') : null,
          ind.target,
          parentIds ? parentIds[ind.name] : null,
          parentIds ? null : (ind.aggregation ?? null),
        ],
      );
    }
    return ids;
  };
  const issue = async (id: string) => {
    await app.sql(`UPDATE performance_goal SET status = 'SUBMITTED', current_step = 1 WHERE id = $1`, [id]);
    await app.sql(`UPDATE performance_goal SET status = 'APPROVED', current_step = 0 WHERE id = $1`, [id]);
    await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]);
  };
  const parent = await insertGoal('TRANSFER_OVERALL', dept.regionId, null, total, `${tag}整体绩效目标`);
  const parentIndicators = await insertIndicators(parent, null);
  await issue(parent);
  const children: string[] = [];
  const childIndicators: Record<string, string>[] = [];
  for (const [i, amount] of childAmounts.entries()) {
    const region = townships[i % townships.length].id;
    const child = await insertGoal('TRANSFER_REGIONAL', region, parent, amount, `${tag}分区域目标${i + 1}`);
    childIndicators.push(await insertIndicators(child, parentIndicators));
    await issue(child);
    children.push(child);
  }
  return { parent, children, parentIndicators, childIndicators };
}

export interface ReportLine {
  indicatorId: string;
  value?: string;
  numerator?: string;
  denominator?: string;
  tier?: string;
}

/** A SUBMITTED (or ACKNOWLEDGED) report inserted as the owner through the report state machine. */
export async function submittedReport(
  app: TestApp,
  goalId: string,
  month: number,
  m: { annual: string; budget: string; inPlace: string; spent: string; projected: string },
  lines: ReportLine[],
  acknowledged = false,
): Promise<string> {
  const [goal] = await app.sql<{
    tenant_id: string;
    drafter_organization_id: string;
    chain: { organizationId: string }[];
  }>('SELECT tenant_id, drafter_organization_id, review_chain AS chain FROM performance_goal WHERE id = $1', [
    goalId,
  ]);
  const [user] = await app.sql<{ id: string }>(`SELECT id FROM app_user WHERE login = 'transport.zhangdian'`);
  const id = randomUUID();
  await app.sql(
    `INSERT INTO monitoring_report (tenant_id, id, goal_id, year, month, status, likelihood, projected_execution, drafter_organization_id, acknowledger_organization_id)
     VALUES ($1, $2, $3, 2025, $4, 'DRAFT', 'CERTAIN', $5, $6, $7)`,
    [
      goal.tenant_id,
      id,
      goalId,
      month,
      m.projected,
      goal.drafter_organization_id,
      goal.chain[0].organizationId,
    ],
  );
  for (const l of lines) {
    await app.sql(
      `INSERT INTO monitoring_report_indicator (tenant_id, id, report_id, indicator_id, projected_value, projected_numerator, projected_denominator, projected_tier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        goal.tenant_id,
        randomUUID(),
        id,
        l.indicatorId,
        l.value ?? null,
        l.numerator ?? null,
        l.denominator ?? null,
        l.tier ?? null,
      ],
    );
  }
  await app.sql(
    `UPDATE monitoring_report SET status = 'SUBMITTED', annual_budget = $2, budget_to_date = $3, in_place_to_date = $4, executed_to_date = $5, submitted_at = now(), submitted_by_user_id = $6 WHERE id = $1`,
    [id, m.annual, m.budget, m.inPlace, m.spent, user.id],
  );
  if (acknowledged) {
    await app.sql(
      `UPDATE monitoring_report SET status = 'ACKNOWLEDGED', acknowledged_at = now() WHERE id = $1`,
      [id],
    );
  }
  return id;
}
