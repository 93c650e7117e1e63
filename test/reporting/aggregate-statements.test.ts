/**
 * Issue 18 (W3, the BI aggregate): the statements of one aggregate request — without `within` the
 * caller's own region comes from its principal (no region lookup), with `within` one lookup more; the
 * table form alone answers the same cells as the typed rows, and a `within` outside the jurisdiction
 * still reads as missing (P6, DOMAIN §11 "Who sees what").
 */
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const TABLE = `query($f: AggregateFilterInput) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY], measures: [GOAL_COUNT, BUDGETED, MEAN_SCORE],
            regionLevel: TOWNSHIP, filter: $f) { rowCount columns { name } table } }`;
const ROWS = `query($f: AggregateFilterInput) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY], measures: [GOAL_COUNT, BUDGETED, MEAN_SCORE],
            regionLevel: TOWNSHIP, filter: $f) { rows { townshipCode regionCode regionLevel year indicatorCategory
            goalCount budgeted meanScore } } }`;

interface TableData {
  aggregate: { rowCount: number; columns: { name: string }[]; table: unknown[][] } | null;
}

test('without within: BEGIN with the tenant, the principal, the kept-answer lookup, the grouped statement, COMMIT — five statements', async () => {
  const res = await app.gql<TableData>(TABLE, {}, { as: 'finance.zhangdian' });
  expect(res.errors).toBeUndefined();
  expect(res.data!.aggregate!.rowCount).toBeGreaterThan(0);
  expect(res.extensions?.sqlStatements).toBe(5);
  // Naming the caller's own region asks the same question with one region lookup more; the answer is then
  // reused (src/reporting/aggregate-cache.ts), the lookup read instead of the grouped statement.
  const named = await app.gql<TableData>(TABLE, { f: { within: '370303' } }, { as: 'finance.zhangdian' });
  expect(named.errors).toBeUndefined();
  expect(named.extensions?.sqlStatements).toBe(5);
  expect(named.data!.aggregate!.table).toEqual(res.data!.aggregate!.table);
});

test('the table form alone has the cells of the typed rows, column by column', async () => {
  const table = await app.gql<TableData>(TABLE, {}, { as: 'finance.zibo' });
  const rows = await app.gql<{ aggregate: { rows: Record<string, unknown>[] } }>(
    ROWS,
    {},
    { as: 'finance.zibo' },
  );
  expect(table.errors ?? rows.errors).toBeUndefined();
  const names = table.data!.aggregate!.columns.map((c) => c.name);
  const asked = new Set(Object.keys(rows.data!.aggregate.rows[0]));
  const picked = table.data!.aggregate!.table.map((cells) =>
    Object.fromEntries(names.flatMap((n, i) => (asked.has(n) ? [[n, cells[i]] as const] : []))),
  );
  expect(picked.length).toBeGreaterThan(0);
  expect(picked).toEqual(rows.data!.aggregate.rows);
  // Money and scores are exact decimal text (never floats).
  const budgeted = names.indexOf('budgeted');
  for (const cells of table.data!.aggregate!.table) expect(cells[budgeted]).toMatch(/^\d+\.\d{2}$/);
});

test('P6: a within outside the caller’s subtree still reads as missing, with no figures', async () => {
  // DOMAIN §11 "Who sees what": 张店 (370303) cannot name its sibling 淄川 (370302).
  const res = await app.gql<TableData>(TABLE, { f: { within: '370302' } }, { as: 'finance.zhangdian' });
  expect(res.data?.aggregate ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});
