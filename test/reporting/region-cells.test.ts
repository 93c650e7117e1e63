/**
 * Region cells (issue 14 performance; migration ReportingRegionCells1763894100000): the reporting facts
 * pre-summed per region, year, indicator category and grade, kept current by trigger in the transaction
 * of every fact change (DOMAIN §11 "always current", §16 "equal"). The aggregate sums them for REGION /
 * YEAR / INDICATOR_CATEGORY / GRADE questions: the same rows as summing the facts themselves.
 */
import { Client } from 'pg';
import { TestApp } from '../harness/app';
import { aggregate, ALL_MEASURES, type AggregateArgs } from './aggregate-fixtures';

let app: TestApp;

/** The cells as the facts say they should be, minus the cells there are, and the other way round. */
const DIFF = `WITH expected AS (
  SELECT f.tenant_id, f.region_id, f.year, c.category, COALESCE(f.grade, '') AS grade,
         count(*) FILTER (WHERE f.in_force)::int AS goal_count, COALESCE(sum(c.n) FILTER (WHERE f.in_force), 0)::int AS indicator_count,
         COALESCE(sum(f.spent) FILTER (WHERE f.in_force), 0) AS spent, count(*)::int AS live_count,
         COALESCE(sum(f.self_total) FILTER (WHERE f.in_force), 0) AS score_sum
    FROM reporting_goal_fact f CROSS JOIN LATERAL (VALUES ('ALL', f.common_indicators + f.output_indicators + f.benefit_indicators + f.satisfaction_indicators),
      ('COMMON', f.common_indicators), ('OUTPUT', f.output_indicators), ('BENEFIT', f.benefit_indicators),
      ('SATISFACTION', f.satisfaction_indicators)) c(category, n)
   WHERE c.category = 'ALL' OR c.n > 0 GROUP BY 1, 2, 3, 4, 5
), actual AS (
  SELECT tenant_id, region_id, year, category, grade, goal_count, indicator_count, spent, live_count, score_sum
    FROM reporting_region_cell)
SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) x)::int AS missing,
       (SELECT count(*) FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) x)::int AS extra,
       (SELECT count(*) FROM actual)::int AS cells`;

const diff = async () => (await app.sql<{ missing: number; extra: number; cells: number }>(DIFF))[0];

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('DOMAIN §16: after the demo load the cells are exactly the facts summed', async () => {
  const d = await diff();
  expect(d.cells).toBeGreaterThan(10);
  expect({ missing: d.missing, extra: d.extra }).toEqual({ missing: 0, extra: 0 });
});

test('DOMAIN §11: a change is in the cells inside its own transaction, and gone after a rollback', async () => {
  const before = await diff();
  const [{ id }] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE name = '张店区农业农村局2025年度部门整体绩效目标' AND status = 'APPROVED'`,
  );
  const forceCells = `SELECT COALESCE(sum(goal_count), 0)::int AS n FROM reporting_region_cell WHERE category = 'ALL'`;
  const [{ n: was }] = await app.sql<{ n: number }>(forceCells);
  await app.sql('BEGIN');
  try {
    await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]);
    expect((await app.sql<{ n: number }>(forceCells))[0].n).toBe(was + 1);
    expect(await diff()).toMatchObject({ missing: 0, extra: 0 });
  } finally {
    await app.sql('ROLLBACK');
  }
  expect(await diff()).toEqual(before);
});

test('the aggregate summed from cells equals the aggregate summed from facts, row for row', async () => {
  const cells: AggregateArgs = {
    d: ['REGION', 'YEAR', 'INDICATOR_CATEGORY', 'GRADE'],
    m: ALL_MEASURES,
    l: 'TOWNSHIP',
    f: { yearFrom: 2021, yearTo: 2030 },
  };
  // Every scope named: the same goals, but a scope filter is answered from the facts.
  const facts: AggregateArgs = {
    ...cells,
    f: {
      ...cells.f,
      goalScopes: ['TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT', 'PROJECT', 'DEPARTMENT'],
    },
  };
  for (const args of [cells, { ...cells, d: ['REGION'], l: 'DISTRICT' }, { ...cells, d: ['YEAR'] }]) {
    const a = await aggregate(app, 'finance.zibo', args);
    const b = await aggregate(app, 'finance.zibo', { ...facts, d: args.d, l: args.l });
    expect(a.errors).toBeUndefined();
    expect(a.rows!.length).toBeGreaterThan(0);
    expect(a.rows).toEqual(b.rows);
  }
});

test('P8: the API role reads only its tenant’s cells and cannot write them', async () => {
  const api = new Client({ connectionString: app.db.appUrl });
  await api.connect();
  try {
    expect((await api.query(`SELECT count(*)::int AS n FROM reporting_region_cell`)).rows[0].n).toBe(0);
    await expect(api.query(`DELETE FROM reporting_region_cell`)).rejects.toMatchObject({ code: '42501' });
    await expect(
      api.query(`SELECT reporting_recompute_cells(ARRAY[]::uuid[], ARRAY[]::uuid[], ARRAY[]::int[])`),
    ).rejects.toMatchObject({ code: '42501' });
  } finally {
    await api.end();
  }
});
