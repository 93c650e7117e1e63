import { Client } from 'pg';
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import type { SyntheticEvaluationSummary } from '../../seeds';
import { Decimal } from '../../src/common/decimal';
import { scoreContent } from '../../src/evaluation/self-scoring';
import type { GoalIndicatorEntity } from '../../src/goals/goal-indicator.entity';
import { ANALYZE_AFTER_ROWS } from '../../seeds/synthetic-model';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Issue #4: the synthetic city's self-evaluations (DOMAIN §10), at a small scale on fresh databases.
const SEED = 20261123;
const databases: TestDatabase[] = [];
const clients: Client[] = [];
let owner: Client;
let city: SyntheticCity;
let summary: SyntheticEvaluationSummary;

async function generate(share?: number) {
  const db = await createTestDatabase();
  databases.push(db);
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  clients.push(client);
  const c = await generateSyntheticCity(client, { seed: SEED, scale: 'small' });
  const s = await generateSyntheticEvaluations(client, { tenantId: c.tenantId, seed: SEED, share });
  return { client, city: c, summary: s };
}

const sql = async <R>(text: string, params: unknown[] = []): Promise<R[]> =>
  (await owner.query(text, params)).rows as R[];

beforeAll(async () => {
  ({ client: owner, city, summary } = await generate());
});
afterAll(async () => {
  for (const c of clients) await c.end();
  for (const db of databases) await db.drop();
});

/** Every evaluation row of the tenant, timestamps left out (they are the clock's, not the seed's). */
async function digest(client: Client, tenantId: string): Promise<Record<string, string>> {
  const parts = ['evaluation', 'evaluation_actual', 'evaluation_transition'].map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(x) - 'created_at' - 'updated_at' - 'submitted_at' - 'at')::text, '|' ORDER BY x.id), '')) AS h FROM ${t} x WHERE x.tenant_id = $1`,
  );
  const rows = (
    await client.query<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '), [tenantId])
  ).rows;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

test('the same seed gives the same evaluations, actuals and history', async () => {
  const again = await generate();
  expect(again.summary.evaluations).toEqual(summary.evaluations);
  expect(await digest(again.client, again.city.tenantId)).toEqual(await digest(owner, city.tenantId));
  const [counts] = await sql<{ e: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM evaluation WHERE tenant_id = $1) AS e,
            (SELECT count(*)::int FROM evaluation_actual WHERE tenant_id = $1) AS a`,
    [city.tenantId],
  );
  expect(counts).toEqual({ e: summary.evaluations.length, a: summary.actuals });
});

test('DOMAIN §11: about the share of issued project-level goals is evaluated, the rest stays missing', async () => {
  const [c] = await sql<{ issued: number; evaluated: number; other: number }>(
    `SELECT count(*) FILTER (WHERE g.status = 'ISSUED')::int AS issued,
            count(e.id) FILTER (WHERE g.status = 'ISSUED')::int AS evaluated,
            count(e.id) FILTER (WHERE g.status <> 'ISSUED' OR g.scope NOT IN ('PROJECT', 'TRANSFER_PROJECT'))::int AS other
       FROM performance_goal g LEFT JOIN evaluation e ON e.tenant_id = g.tenant_id AND e.goal_id = g.id
      WHERE g.tenant_id = $1 AND (g.scope IN ('PROJECT', 'TRANSFER_PROJECT') OR e.id IS NOT NULL)`,
    [city.tenantId],
  );
  expect(c.other).toBe(0);
  expect(summary.candidates).toBe(c.issued);
  expect(c.evaluated).toBe(summary.evaluations.length);
  expect(summary.missing).toBeGreaterThan(0);
  expect(c.evaluated / c.issued).toBeGreaterThan(0.75);
  expect(c.evaluated / c.issued).toBeLessThan(1);
});

test('P4, P8: each is the implementing unit’s SELF evaluation, SUBMITTED with its history', async () => {
  const wrong = await sql<{ id: string }>(
    `SELECT e.id FROM evaluation e
       JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
       JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
      WHERE e.tenant_id = $1 AND (e.kind <> 'SELF' OR e.status <> 'SUBMITTED' OR e.submitted_at IS NULL
         OR e.evaluator_organization_id <> p.implementing_unit_id OR e.reviewer_organization_id <> p.department_id
         OR e.region_path <> g.region_path OR e.year <> g.year
         OR (SELECT count(*) FROM evaluation_transition t WHERE t.tenant_id = e.tenant_id AND t.evaluation_id = e.id) <> 2)`,
    [city.tenantId],
  );
  expect(wrong).toEqual([]);
  // P8: the database keeps them frozen.
  await expect(
    owner.query(`UPDATE evaluation SET total = 1 WHERE tenant_id = $1 AND id = $2`, [
      city.tenantId,
      summary.evaluations[0].id,
    ]),
  ).rejects.toThrow(/frozen/);
});

test('DOMAIN §10.6–7: stored totals, grades and line scores equal the engine’s on the stored content', async () => {
  const evaluations = await sql<{
    id: string;
    goal_id: string;
    budgeted: string;
    in_place: string;
    spent: string;
    total: string;
    grade: string;
    score_lines: { key: string; score: string }[];
  }>(
    `SELECT id, goal_id, budgeted::text, in_place::text, spent::text, total::text, grade, score_lines
       FROM evaluation WHERE tenant_id = $1 ORDER BY id`,
    [city.tenantId],
  );
  const indicators = await sql<GoalIndicatorEntity & { goal_id: string }>(
    `SELECT id, goal_id, goal_id AS "goalId", name, category, kind, comparator, target, points::text AS points, position
       FROM goal_indicator WHERE tenant_id = $1 ORDER BY goal_id, position`,
    [city.tenantId],
  );
  const actuals = await sql<{
    evaluation_id: string;
    indicator_id: string;
    actual: string;
    explanation: string;
    score: string;
  }>(
    `SELECT evaluation_id, indicator_id, actual::text, explanation, score::text FROM evaluation_actual WHERE tenant_id = $1`,
    [city.tenantId],
  );
  expect(evaluations.length).toBe(summary.evaluations.length);
  for (const e of evaluations) {
    const own = indicators.filter((i) => i.goal_id === e.goal_id);
    const rows = actuals.filter((a) => a.evaluation_id === e.id);
    expect(rows.length).toBe(own.length);
    const { score, inputProblems, submissionProblems } = scoreContent(own, {
      money: {
        budgeted: new Decimal(e.budgeted),
        inPlace: new Decimal(e.in_place),
        spent: new Decimal(e.spent),
      },
      fundArrivalExplanation: '说明',
      budgetExecutionExplanation: '说明',
      categoryPoints: null,
      actuals: rows.map((a) => ({
        indicatorId: a.indicator_id,
        actual: new Decimal(a.actual),
        explanation: a.explanation,
      })),
    });
    expect([...inputProblems, ...submissionProblems]).toEqual([]);
    expect(e.total).toBe(score.total.toFixed(2));
    expect(e.grade).toBe(score.grade);
    expect(e.score_lines.map((l) => [l.key, l.score])).toEqual(
      score.lines.map((l) => [l.key, l.score.toFixed(2)]),
    );
    const lineScore = new Map(score.lines.map((l) => [l.key, l.score.toFixed(2)]));
    for (const a of rows) expect(a.score).toBe(lineScore.get(a.indicator_id));
  }
  // Not all perfect: the draws miss and exceed targets, so grades vary.
  expect(new Set(evaluations.map((e) => e.total)).size).toBeGreaterThan(1);
});

test('DRAFT mode writes the content only, and a second run skips goals already evaluated', async () => {
  const again = await generateSyntheticEvaluations(owner, {
    tenantId: city.tenantId,
    seed: SEED,
    share: 1,
    status: 'DRAFT',
  });
  expect(again.candidates).toBe(summary.missing);
  expect(again.evaluations.length).toBe(summary.missing);
  const [c] = await sql<{ drafts: number; scored: number }>(
    `SELECT count(*)::int AS drafts, count(e.total)::int AS scored FROM evaluation e
      WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[]) AND e.status = 'DRAFT'`,
    [city.tenantId, again.evaluations.map((e) => e.id)],
  );
  expect(c).toEqual({ drafts: summary.missing, scored: 0 });
});

test('bulk loads leave fresh statistics: every table loaded with ANALYZE_AFTER_ROWS rows or more was analyzed in the load', async () => {
  // seeds/synthetic-model.ts ANALYZE_AFTER_ROWS: the triggers' statements (roll-up refreshes, DOMAIN §11)
  // run inside the load's transaction, which autovacuum never sees; they need statistics of its rows.
  const tables = ['performance_goal', 'goal_indicator', 'evaluation', 'evaluation_actual'];
  const loaded: { table: string; rows: number; analyzed: boolean }[] = [];
  for (const table of tables) {
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [
      city.tenantId,
    ]);
    const [{ analyzed }] = await sql<{ analyzed: boolean }>(
      `SELECT last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relid = $1::regclass`,
      [table],
    );
    loaded.push({ table, rows: n, analyzed });
  }
  const big = loaded.filter((t) => t.rows >= ANALYZE_AFTER_ROWS);
  expect(big.length).toBeGreaterThan(0);
  expect(big.filter((t) => !t.analyzed)).toEqual([]);
});
