import { inTransaction, type SeedDb } from './db';

/**
 * Issue 14 (benchmark): budget execution (预算执行, DOMAIN §4, §9) and the mid-year monitoring reports
 * (双监控 1–7月, DOMAIN §9) of a generated city's year, set-based in SQL. For every goal in force
 * (ISSUED) with a project: cumulative execution at the end of March, June, September and December
 * (budgeted = the goal's annual amount; in place and spent drawn per goal and month, spent ≤ in place ≤
 * budgeted), and for ~90 % of them a SUBMITTED July report (most "certain" to meet the goal, some
 * "possible" or "impossible" with measures). Deterministic: every draw is a byte of
 * `md5(seed | goal id | what)`. Money stays NUMERIC (no floats). Triggers on: reports are inserted as
 * DRAFT and then submitted (P8). Needs an OWNER connection.
 */
export interface SyntheticMonitoringOptions {
  tenantId: string;
  seed: number;
  year: number;
}

export interface SyntheticMonitoringSummary {
  year: number;
  executions: number;
  monitoringReports: number;
  ms: number;
}

/** A byte (0–255) drawn from the seed, the goal and a label. */
const draw = (label: string) =>
  `get_byte(decode(md5($2::text || '|' || g.id::text || '|${label}'), 'hex'), 0)`;

const goalsInForce = `FROM performance_goal g
    JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
    CROSS JOIN LATERAL (SELECT min(u.id::text)::uuid AS id FROM app_user u
      WHERE u.tenant_id = g.tenant_id AND u.organization_id = p.implementing_unit_id) unit_user
   WHERE g.tenant_id = $1 AND g.year = $3 AND g.status = 'ISSUED' AND unit_user.id IS NOT NULL`;

/** Share of the annual amount in place by a month's end: month/12 × 85–105 %, at most all of it. */
const inPlace = `least(g.annual_amount,
    round(g.annual_amount * m.month * (850 + ${draw('in-place')} * 200 / 255) / 12000, 2))`;
/** Spent: 70–100 % of what is in place. */
const spent = (inPlaceExpr: string) =>
  `round(${inPlaceExpr} * (700 + ${draw('spent')} * 300 / 255) / 1000, 2)`;

export async function generateSyntheticMonitoring(
  db: SeedDb,
  options: SyntheticMonitoringOptions,
): Promise<SyntheticMonitoringSummary> {
  const started = performance.now();
  const { tenantId, seed, year } = options;
  const params = [tenantId, `synthetic-monitoring|${seed}`, year];
  // The execution trigger takes an advisory lock per goal (held to the end of the transaction): goals go
  // in 32 slices, one transaction each, so the lock table never fills.
  let executions = 0;
  for (let slice = 0; slice < 32; slice++) {
    executions += await inTransaction(db, async (tx) => {
      const result = (await tx.query(
        `INSERT INTO goal_execution (tenant_id, id, goal_id, year, month, budgeted, in_place, spent,
              recorded_by_user_id, recorded_by_organization_id)
       SELECT g.tenant_id, md5($2::text || '|execution|' || g.id::text || '|' || m.month)::uuid, g.id, $3, m.month,
              g.annual_amount, ${inPlace}, ${spent(inPlace)}, unit_user.id, p.implementing_unit_id
       ${goalsInForce.replace('CROSS JOIN LATERAL', 'CROSS JOIN (VALUES (3), (6), (9), (12)) AS m(month) CROSS JOIN LATERAL')}
         AND get_byte(decode(md5(g.id::text), 'hex'), 0) % 32 = $4::int`,
        [...params, slice],
      )) as { rowCount?: number };
      return result.rowCount ?? 0;
    });
  }
  return inTransaction(db, async (tx) => {
    // The July report: drafted by the implementing unit, acknowledged by its competent department.
    const reports = (await tx.query(
      `INSERT INTO monitoring_report (tenant_id, id, goal_id, year, month, status, drafter_organization_id,
              acknowledger_organization_id)
       SELECT g.tenant_id, md5($2::text || '|report|' || g.id::text)::uuid, g.id, $3, 7, 'DRAFT',
              p.implementing_unit_id, p.department_id
       ${goalsInForce} AND ${draw('reported')} < 230`,
      params,
    )) as { rowCount?: number };
    await tx.query(
      `UPDATE monitoring_report r SET status = 'SUBMITTED',
              likelihood = CASE WHEN s.b < 225 THEN 'CERTAIN' WHEN s.b < 250 THEN 'POSSIBLE' ELSE 'IMPOSSIBLE' END,
              corrective_measures = CASE WHEN s.b < 225 THEN NULL ELSE '加快项目实施进度，督促资金拨付，按月调度' END,
              completion_summary = '项目按计划实施，阶段性产出指标完成情况良好',
              projected_execution = s.annual_amount, annual_budget = s.annual_amount,
              budget_to_date = round(s.annual_amount * 7 / 12, 2), in_place_to_date = s.in_place,
              executed_to_date = ${spent('s.in_place').replaceAll('g.id', 's.goal_id')},
              submitted_by_user_id = s.user_id, submitted_at = make_timestamptz($3, 8, 5, 9, 0, 0),
              row_version = r.row_version + 1
         FROM (SELECT g.id AS goal_id, g.annual_amount, unit_user.id AS user_id, ${draw('likelihood')} AS b,
                      ${inPlace.replace('m.month', '7')} AS in_place
               ${goalsInForce}) s
        WHERE r.tenant_id = $1 AND r.goal_id = s.goal_id AND r.year = $3 AND r.month = 7`,
      params,
    );
    return {
      year,
      executions,
      monitoringReports: reports.rowCount ?? 0,
      ms: Math.round(performance.now() - started),
    };
  });
}
