import { inTransaction, rowsOf, type SeedDb } from './db';
import { ANALYZE_AFTER_ROWS } from './synthetic-model';

/**
 * Issue 14 (benchmark): more budget years for a generated city, set-based. A year is a copy of a generated
 * one (funds, allocations, projects, goals with indicators and review histories, self-evaluations with
 * actuals): every year-scoped id becomes `md5(salt || id)::uuid` with a salt naming the year, `year`
 * columns and the "2026年" in names move to the new year, amounts and scores stay those of the source
 * year (so the engine's scores stay exact). Triggers stay on, as for any write (P8, DOMAIN §7): goals and
 * self-evaluations are inserted as DRAFT and moved along the source's recorded path, one legal step per
 * round; the roll-up statistics (and any fact tables kept by triggers) follow as for the API's writes.
 * Columns are read from the catalogue, so columns added by later migrations are copied too.
 */
export interface CopyYearOptions {
  tenantId: string;
  fromYear: number;
  toYear: number;
}

export interface CopyYearSummary {
  year: number;
  rows: Record<string, number>;
  ms: number;
  /** Milliseconds per step, to see where the time goes. */
  stepMs: Record<string, number>;
}

type Overrides = Record<string, string>;

/** The copy's id of a source id (NULL stays NULL): `$2` is the year's salt. */
const mapped = (column: string) => `md5($2 || x.${column}::text)::uuid`;
const renamed = (column: string) => `replace(x.${column}, $3::int::text || '年', $4::int::text || '年')`;
const shifted = (column: string) => `x.${column} + make_interval(years => $4::int - $3::int)`;

async function columnsOf(tx: SeedDb, table: string): Promise<string[]> {
  const rows = rowsOf(
    await tx.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
        ORDER BY ordinal_position`,
      [table],
    ),
  ) as { column_name: string }[];
  return rows.map((r) => r.column_name);
}

/** INSERT … SELECT of the rows `where` picks (alias x), every column copied unless overridden. */
async function copyRows(
  tx: SeedDb,
  table: string,
  params: unknown[],
  where: string,
  overrides: Overrides,
): Promise<number> {
  const columns = await columnsOf(tx, table);
  const select = columns.map((c) => overrides[c] ?? `x.${c}`);
  const result = (await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${select.join(', ')} FROM ${table} x
      WHERE x.tenant_id = $1 AND ${where} AND num_nonnulls($2::text, $3::int, $4::int) = 3`,
    params,
  )) as { rowCount?: number };
  const copied = result.rowCount ?? 0;
  // Fresh statistics for the triggers' statements later in this transaction (seeds/synthetic-model.ts).
  if (copied >= ANALYZE_AFTER_ROWS) await tx.query(`ANALYZE ${table}`);
  return copied;
}

const stamps = { created_at: 'now()', updated_at: 'now()' };

/** Copies the generated workload of `fromYear` to `toYear` in one transaction (owner connection). */
export async function copyWorkloadYear(db: SeedDb, options: CopyYearOptions): Promise<CopyYearSummary> {
  const { tenantId, fromYear, toYear } = options;
  if (fromYear === toYear) throw new Error('copyWorkloadYear: fromYear and toYear must differ');
  const started = performance.now();
  const params = [tenantId, `synthetic-year|${toYear}|`, fromYear, toYear];
  const rows: Record<string, number> = {};
  const stepMs: Record<string, number> = {};
  let mark = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    stepMs[step] = Math.round(now - mark);
    mark = now;
  };
  const sourceFund = `EXISTS (SELECT 1 FROM fund f WHERE f.tenant_id = x.tenant_id AND f.id = x.fund_id
    AND f.start_year = $3::int AND f.end_year = $3::int)`;
  const sourceGoal = `EXISTS (SELECT 1 FROM performance_goal g WHERE g.tenant_id = x.tenant_id
    AND g.id = x.goal_id AND g.year = $3::int)`;
  const sourceEvaluation = `EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = x.tenant_id
    AND e.id = x.evaluation_id AND e.year = $3::int AND e.kind = 'SELF' AND e.status IN ('DRAFT', 'SUBMITTED'))`;
  await inTransaction(db, async (tx) => {
    // DOMAIN §4: funds (parents and children in one statement: foreign keys are checked at its end).
    rows.fund = await copyRows(tx, 'fund', params, 'x.start_year = $3::int AND x.end_year = $3::int', {
      ...stamps,
      id: mapped('id'),
      upper_fund_id: mapped('upper_fund_id'),
      start_year: '$4::int',
      end_year: '$4::int',
      name: renamed('name'),
    });
    lap('fund');
    rows.project = await copyRows(tx, 'project', params, 'x.year = $3::int', {
      ...stamps,
      id: mapped('id'),
      fund_id: mapped('fund_id'),
      year: '$4::int',
      name: renamed('name'),
    });
    lap('project');
    rows.fund_allocation = await copyRows(tx, 'fund_allocation', params, sourceFund, {
      created_at: 'now()',
      id: mapped('id'),
      fund_id: mapped('fund_id'),
      project_id: mapped('project_id'),
    });
    lap('fund_allocation');
    // DOMAIN §5, §7: goals start as drafts, indicators are written while they are.
    rows.performance_goal = await copyRows(tx, 'performance_goal', params, 'x.year = $3::int', {
      ...stamps,
      id: mapped('id'),
      project_id: mapped('project_id'),
      fund_id: mapped('fund_id'),
      parent_goal_id: mapped('parent_goal_id'),
      supersedes_goal_id: mapped('supersedes_goal_id'),
      year: '$4::int',
      status: `'DRAFT'`,
      current_step: '0',
      row_version: '1',
      name: renamed('name'),
      annual_objective: renamed('annual_objective'),
    });
    lap('performance_goal');
    rows.goal_indicator = await copyRows(tx, 'goal_indicator', params, sourceGoal, {
      id: mapped('id'),
      goal_id: mapped('goal_id'),
      parent_indicator_id: mapped('parent_indicator_id'),
    });
    lap('goal_indicator');
    rows.workflowRounds = await replayGoalPaths(tx, params);
    lap('workflowRounds');
    rows.goal_transition = await copyRows(tx, 'goal_transition', params, sourceGoal, {
      id: mapped('id'),
      goal_id: mapped('goal_id'),
      at: shifted('at'),
    });
    lap('goal_transition');
    // DOMAIN §10: self-evaluations as drafts with their actuals, then submitted with the source's score.
    rows.evaluation = await copyRows(
      tx,
      'evaluation',
      params,
      `x.year = $3::int AND x.kind = 'SELF' AND x.status IN ('DRAFT', 'SUBMITTED')`,
      {
        ...stamps,
        id: mapped('id'),
        goal_id: mapped('goal_id'),
        spot_check_of_evaluation_id: mapped('spot_check_of_evaluation_id'),
        year: '$4::int',
        status: `'DRAFT'`,
        total: 'NULL',
        grade: 'NULL',
        score_lines: 'NULL',
        submitted_at: 'NULL',
        reviewed_at: 'NULL',
        row_version: '1',
      },
    );
    lap('evaluation');
    rows.evaluation_actual = await copyRows(tx, 'evaluation_actual', params, sourceEvaluation, {
      id: mapped('id'),
      evaluation_id: mapped('evaluation_id'),
      indicator_id: mapped('indicator_id'),
    });
    lap('evaluation_actual');
    const submitted = (await tx.query(
      `UPDATE evaluation e SET status = 'SUBMITTED', total = x.total, grade = x.grade, score_lines = x.score_lines,
              submitted_at = ${shifted('submitted_at')}, row_version = e.row_version + 1
         FROM evaluation x
        WHERE x.tenant_id = $1 AND x.year = $3::int AND x.kind = 'SELF' AND x.status = 'SUBMITTED'
          AND e.tenant_id = $1 AND e.id = ${mapped('id')}`,
      params,
    )) as { rowCount?: number };
    rows.evaluationsSubmitted = submitted.rowCount ?? 0;
    lap('evaluationSubmit');
    rows.evaluation_transition = await copyRows(tx, 'evaluation_transition', params, sourceEvaluation, {
      id: mapped('id'),
      evaluation_id: mapped('evaluation_id'),
      at: shifted('at'),
    });
    lap('evaluation_transition');
  });
  return { year: toYear, rows, ms: Math.round(performance.now() - started), stepMs };
}

/**
 * Moves the copied goals along their source's recorded transitions (DOMAIN §7), one step per round as
 * the status trigger requires. Order: time, then the workflow's own order (submit, return, approvals by
 * step, issue) where timestamps tie.
 */
async function replayGoalPaths(tx: SeedDb, params: unknown[]): Promise<number> {
  // The steps, numbered once (a temporary table dropped at commit), then one UPDATE per round.
  await tx.query(
    `CREATE TEMPORARY TABLE synthetic_goal_steps ON COMMIT DROP AS
     SELECT md5($2::text || x.goal_id::text)::uuid AS goal_id, x.to_status, x.to_step,
            row_number() OVER (PARTITION BY x.goal_id ORDER BY x.at,
              CASE x.action WHEN 'SUBMIT' THEN 0 WHEN 'RETURN' THEN 1 WHEN 'APPROVE' THEN 2 ELSE 3 END, x.from_step)::int AS rn
       FROM goal_transition x
      WHERE x.tenant_id = $1 AND num_nonnulls($4::int) = 1
        AND EXISTS (SELECT 1 FROM performance_goal g WHERE g.tenant_id = x.tenant_id AND g.id = x.goal_id AND g.year = $3::int)`,
    params,
  );
  await tx.query('CREATE INDEX ON synthetic_goal_steps (rn)');
  const [{ rounds }] = rowsOf(
    await tx.query('SELECT coalesce(max(rn), 0)::int AS rounds FROM synthetic_goal_steps'),
  ) as { rounds: number }[];
  for (let round = 1; round <= rounds; round++) {
    await tx.query(
      `UPDATE performance_goal g SET status = s.to_status, current_step = s.to_step, row_version = g.row_version + 1
         FROM synthetic_goal_steps s
        WHERE s.rn = $2::int AND g.tenant_id = $1 AND g.id = s.goal_id`,
      [params[0], round],
    );
  }
  return rounds;
}
