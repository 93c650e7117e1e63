/**
 * Issue 18 (W3): the table form asked alone is encoded by PostgreSQL (src/reporting/aggregate-table.sql.ts)
 * and embedded in the response as it is (src/common/raw-json.ts). The cells equal the typed rows' on every
 * aggregate the reporting tests ask (test/reporting/aggregate-fixtures.ts); here: the body really carries
 * PostgreSQL's text, the statements are the same four, and the row limit refuses alike on both forms.
 */
import { RegionLevel } from '../../src/auth/principal-kinds';
import { createContext } from '../../src/common/request-context';
import { queryAggregate, queryAggregateTable } from '../../src/reporting/aggregate.engine';
import { AggregateDimension, AggregateMeasure } from '../../src/reporting/aggregate.model';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const ask = (selection: string) => `query {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY], measures: [GOAL_COUNT, BUDGETED, IN_PLACE_RATE, MEAN_SCORE, COVERAGE_GOAL],
            regionLevel: TOWNSHIP) { ${selection} } }`;

async function body(query: string, as: string): Promise<string> {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.tokenFor(as)}` },
    body: JSON.stringify({ query }),
  });
  return res.text();
}

test('the body carries the table as PostgreSQL wrote it, and the same cells as the rows form', async () => {
  const alone = await body(ask('rowCount table'), 'finance.zibo');
  const both = await body(ask('rowCount table rows { regionCode }'), 'finance.zibo');
  // json_build_array separates cells with ", " — JSON.stringify never does.
  expect(alone).toMatch(/"table":\[\["370300", "淄博市", /);
  expect(both).toMatch(/"table":\[\["370300","淄博市",/);
  const a = JSON.parse(alone) as { data: { aggregate: { rowCount: number; table: unknown[][] } } };
  const b = JSON.parse(both) as { data: { aggregate: { rowCount: number; table: unknown[][] } } };
  expect(a.data.aggregate.rowCount).toBeGreaterThan(3);
  expect(a.data.aggregate.table).toEqual(b.data.aggregate.table);
});

test('the same four statements: BEGIN with the tenant, the principal, the grouped statement, COMMIT', async () => {
  const res = await app.gql(ask('rowCount table'), {}, { as: 'finance.zibo' });
  expect(res.errors).toBeUndefined();
  expect(res.extensions?.sqlStatements).toBe(4);
});

test('over the row limit both forms refuse with TOO_MANY_ROWS; at the limit both answer', async () => {
  const request = {
    dimensions: [AggregateDimension.REGION, AggregateDimension.YEAR, AggregateDimension.INDICATOR_CATEGORY],
    measures: [AggregateMeasure.GOAL_COUNT, AggregateMeasure.BUDGETED],
    regionLevel: RegionLevel.TOWNSHIP,
  };
  const token = await app.tokenFor('finance.zibo');
  const ctx = await createContext(app.services, { headers: { authorization: `Bearer ${token}` } });
  try {
    const { rowCount, json } = await queryAggregateTable(ctx, request, { maxRows: 5000 });
    expect(rowCount).toBeGreaterThan(3);
    expect(JSON.parse(json)).toHaveLength(rowCount);
    // The resolver passes MAX_AGGREGATE_ROWS to whichever form it runs; here one row fewer than the answer.
    for (const run of [
      () => queryAggregateTable(ctx, request, { maxRows: rowCount - 1 }),
      () => queryAggregate(ctx, request, { maxRows: rowCount - 1 }),
    ])
      await expect(run()).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ROWS' },
      });
    expect((await queryAggregateTable(ctx, request, { maxRows: rowCount })).rowCount).toBe(rowCount);
    expect((await queryAggregate(ctx, request, { maxRows: rowCount })).raw).toHaveLength(rowCount);
  } finally {
    await ctx.db.finish(false);
  }
});
