/**
 * GET /reports/aggregate.csv over many cursor batches (DOMAIN §16; issue 14 "streamed, constant memory"):
 * 4,000 rows = 8 batches of CSV_BATCH (the last FETCH returns none). Every row comes once and in the
 * GraphQL aggregate's order, the BOM comes once at the start, and the request's connection goes back to
 * the pool (no transaction left open), also when the client goes away in the middle.
 */
import { TestApp } from '../harness/app';
import { CSV_BATCH } from '../../src/reporting/reports-csv.http';
import { aggregate, csvUrl, fetchCsv, parseCsv, snake, type AggregateArgs } from './aggregate-fixtures';

let app: TestApp;

const MANY: AggregateArgs = {
  d: ['REGION', 'YEAR', 'GOAL_SCOPE', 'INDICATOR_CATEGORY', 'GRADE'],
  m: ['GOAL_COUNT', 'INDICATOR_COUNT', 'BUDGETED', 'MEAN_SCORE', 'COVERAGE_GOAL'],
  l: 'TOWNSHIP',
  f: { yearFrom: 2021, yearTo: 2030 },
};

/** Backends of the API role that are not idle: an open transaction or a running statement. */
const busyApiBackends = async () =>
  (
    await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND usename = 'jixiao_app' AND state <> 'idle'`,
    )
  )[0].n;

async function settled(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    if ((await busyApiBackends()) === 0) return 0;
    await new Promise((r) => setTimeout(r, 100));
  }
  return busyApiBackends();
}

beforeAll(async () => {
  app = await TestApp.start();
  // Facts for every year 2021–2030 × scope × grade, each with indicators in all four categories: the
  // owner writes them directly (the facts' maintenance policy), so the aggregate has 4 regions × 10 × 5
  // × 4 × 5 = 4,000 rows.
  await app.sql(`CREATE TEMPORARY TABLE many AS
    SELECT f.*, y.y, s.s, g.g FROM reporting_goal_fact f, generate_series(2021, 2030) y(y),
           unnest(ARRAY['TRANSFER_OVERALL', 'TRANSFER_REGIONAL', 'TRANSFER_PROJECT', 'PROJECT', 'DEPARTMENT']) s(s),
           unnest(ARRAY['EXCELLENT', 'GOOD', 'FAIR', 'POOR', NULL]) g(g)`);
  await app.sql(`UPDATE many SET goal_id = md5(goal_id::text || y || s || coalesce(g, '-'))::uuid, year = y,
    scope = s, grade = g, in_force = true, self_total = CASE WHEN g IS NULL THEN NULL ELSE 80 END,
    common_indicators = greatest(common_indicators, 1), output_indicators = greatest(output_indicators, 1),
    benefit_indicators = greatest(benefit_indicators, 1), satisfaction_indicators = greatest(satisfaction_indicators, 1)`);
  await app.sql(`ALTER TABLE many DROP COLUMN y, DROP COLUMN s, DROP COLUMN g`);
  await app.sql(`INSERT INTO reporting_goal_fact SELECT * FROM many`);
});
afterAll(async () => app.stop());

test('DOMAIN §16: 8 cursor batches — every GraphQL row once, in order; the BOM once; the connection released', async () => {
  const { rows, errors } = await aggregate(app, 'finance.zibo', MANY);
  expect(errors).toBeUndefined();
  expect(rows!.length).toBe(4000);
  expect(rows!.length).toBeGreaterThan(2 * CSV_BATCH);

  const csv = await fetchCsv(app, 'finance.zibo', MANY);
  expect(csv.status).toBe(200);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  expect(text.includes('\ufeff')).toBe(false);
  expect(text.split('\n').filter((l) => l.startsWith('city_code,')).length).toBe(1);
  const records = parseCsv(text);
  expect(records).toHaveLength(4000);
  expect(records).toEqual(
    rows!.map((r) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => snake(k) in records[0])
          .map(([k, v]) => [snake(k), v === null ? '' : String(v)]),
      ),
    ),
  );
  const keys = records.map((r) =>
    [r.region_code, r.year, r.goal_scope, r.indicator_category, r.grade].join('|'),
  );
  expect(new Set(keys).size).toBe(4000);
  expect(await settled()).toBe(0);
});

test('six downloads in a row on a pool of four: each request gives its connection back', async () => {
  for (let i = 0; i < 6; i++) {
    const csv = await fetchCsv(app, 'finance.zibo', MANY);
    expect(csv.status).toBe(200);
  }
  expect(await settled()).toBe(0);
});

test('a client that goes away after the first chunk leaves no open transaction behind', async () => {
  const abort = new AbortController();
  const res = await fetch(csvUrl(app, MANY), {
    headers: { authorization: `Bearer ${await app.tokenFor('finance.zibo')}` },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const first = await reader.read();
  expect(first.done).toBe(false);
  abort.abort();
  await reader.cancel().catch(() => undefined);
  expect(await settled()).toBe(0);
  const after = await aggregate(app, 'finance.zibo', { ...MANY, d: ['YEAR'] });
  expect(after.rows).toHaveLength(10);
});
