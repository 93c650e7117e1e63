/**
 * Issue 18 (W3): table-form aggregates over the region cells are kept and reused while the tenant's
 * cells and regions are unchanged (src/reporting/aggregate-cache.ts, migration
 * ReportingCellVersion1763897000000). A reuse is always current (DOMAIN §11), costs one statement,
 * and never hands a caller another caller's reach (P6, DOMAIN §11 "Who sees what").
 */
import { Client } from 'pg';
import { aggregateCacheStats } from '../../src/common/cache-stats';
import { RegionLevel } from '../../src/auth/principal-kinds';
import { createContext } from '../../src/common/request-context';
import { queryAggregateTable } from '../../src/reporting/aggregate.engine';
import { AggregateDimension, AggregateMeasure } from '../../src/reporting/aggregate.model';
import { asApiRole } from '../harness/api-role';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const TABLE = `query($level: RegionLevel!) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY], measures: [GOAL_COUNT, BUDGETED, MEAN_SCORE],
            regionLevel: $level, filter: { yearFrom: 2021, yearTo: 2030 }) { rowCount columns { name } table } }`;
const ROWS = `query($level: RegionLevel!) {
  aggregate(dimensions: [REGION, YEAR, INDICATOR_CATEGORY], measures: [GOAL_COUNT, BUDGETED, MEAN_SCORE],
            regionLevel: $level, filter: { yearFrom: 2021, yearTo: 2030 }) { rows { regionCode regionName year
            indicatorCategory goalCount budgeted meanScore } } }`;

interface TableData {
  aggregate: { rowCount: number; columns: { name: string }[]; table: unknown[][] };
}

/** The table form as row objects with the ROWS fields (the typed rows are never reused: a fresh answer). */
async function table(as: string, level = 'DISTRICT') {
  const res = await app.gql<TableData>(TABLE, { level }, { as });
  expect(res.errors).toBeUndefined();
  const names = res.data!.aggregate.columns.map((c) => c.name);
  const keep = [
    'regionCode',
    'regionName',
    'year',
    'indicatorCategory',
    'goalCount',
    'budgeted',
    'meanScore',
  ];
  const rows = res.data!.aggregate.table.map((cells) =>
    Object.fromEntries(keep.map((n) => [n, cells[names.indexOf(n)]])),
  );
  return { rows, statements: res.extensions?.sqlStatements };
}

async function fresh(as: string, level = 'DISTRICT') {
  const res = await app.gql<{ aggregate: { rows: Record<string, unknown>[] } }>(ROWS, { level }, { as });
  expect(res.errors).toBeUndefined();
  return res.data!.aggregate.rows;
}

const lookups = () => ({ ...aggregateCacheStats });

test('the same question again is answered from the kept table: one version read instead of the aggregate', async () => {
  const before = lookups();
  const first = await table('finance.zibo');
  const second = await table('finance.zibo');
  expect(first.rows.length).toBeGreaterThan(0);
  expect(second.rows).toEqual(first.rows);
  expect(second.rows).toEqual(await fresh('finance.zibo'));
  // BEGIN with the tenant, the principal, the version (with the answer kept in the database, if any: none
  // here), the aggregate when there is nothing to reuse, COMMIT.
  expect([first.statements, second.statements]).toEqual([5, 4]);
  expect(aggregateCacheStats.misses - before.misses).toBe(1);
  expect(aggregateCacheStats.hits - before.hits).toBe(1);
});

test('DOMAIN §11 always current: a goal coming into force is in the next answer, not the kept one', async () => {
  const kept = await table('finance.zibo');
  const [{ id }] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE name = '张店区农业农村局2025年度部门整体绩效目标' AND status = 'APPROVED'`,
  );
  const misses = aggregateCacheStats.misses;
  await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]);
  const after = await table('finance.zibo');
  expect(aggregateCacheStats.misses).toBe(misses + 1);
  expect(after.rows).not.toEqual(kept.rows);
  expect(after.rows).toEqual(await fresh('finance.zibo'));
  const count = (rows: Record<string, unknown>[]) => rows.reduce((n, r) => n + Number(r.goalCount), 0);
  expect(count(after.rows)).toBeGreaterThan(count(kept.rows));
});

test('DOMAIN §11: a region renamed is named so in the next answer', async () => {
  const kept = await table('finance.zibo');
  expect(kept.rows.some((r) => r.regionName === '张店区')).toBe(true);
  await app.sql(`UPDATE region SET name = '张店区（新）' WHERE code = '370303'`);
  try {
    const after = await table('finance.zibo');
    expect(after.rows.some((r) => r.regionName === '张店区')).toBe(false);
    expect(after.rows.some((r) => r.regionName === '张店区（新）')).toBe(true);
    expect(after.rows).toEqual(await fresh('finance.zibo'));
  } finally {
    await app.sql(`UPDATE region SET name = '张店区' WHERE code = '370303'`);
  }
});

test('P6: after the city’s answer is kept, a district asking the same question gets only its own reach', async () => {
  const city = await table('finance.zibo', 'TOWNSHIP');
  const district = await table('finance.zhangdian', 'TOWNSHIP');
  expect(city.rows.length).toBeGreaterThan(district.rows.length);
  expect(district.rows.length).toBeGreaterThan(0);
  expect(district.rows).toEqual(await fresh('finance.zhangdian', 'TOWNSHIP'));
  // And the other way round: the district's kept answer is not the city's.
  expect((await table('finance.zibo', 'TOWNSHIP')).rows).toEqual(city.rows);
});

test('the version: the API role reads only its tenant’s rows and cannot write them', async () => {
  const [{ tenant }] = await app.sql<{ tenant: string }>(
    `SELECT tenant_id AS tenant FROM region WHERE code = '370300'`,
  );
  const other = '00000000-0000-4000-8000-00000000beef';
  await app.sql(`INSERT INTO reporting_cell_version (tenant_id, backend_pid, version) VALUES ($1, 1, 7)`, [
    other,
  ]);
  try {
    await asApiRole(app.db.appUrl, tenant, async ({ client, count }) => {
      expect(await count('reporting_cell_version', tenant)).toBeGreaterThan(0);
      expect(await count('reporting_cell_version', other)).toBe(0);
      expect(
        (
          await app.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM reporting_cell_version WHERE tenant_id = $1`,
            [other],
          )
        )[0].n,
      ).toBe(1);
      await expect(
        client.query(`UPDATE reporting_cell_version SET version = version + 1 WHERE tenant_id = $1`, [
          tenant,
        ]),
      ).rejects.toMatchObject({ code: '42501' });
    });
  } finally {
    await app.sql(`DELETE FROM reporting_cell_version WHERE tenant_id = $1`, [other]);
  }
});

test('two transactions changing cells at once do not wait for each other on the version', async () => {
  const version = async () =>
    BigInt(
      (
        await app.sql<{ v: string }>(
          `SELECT COALESCE(sum(version), 0)::text AS v FROM reporting_cell_version`,
        )
      )[0].v,
    );
  // Two cells of two regions (one cell's recomputations wait for each other on its advisory lock, as before).
  const cells = await app.sql<{ tenant: string; region: string; year: number }>(
    `SELECT DISTINCT ON (region_id) tenant_id AS tenant, region_id AS region, year
       FROM reporting_region_cell ORDER BY region_id, year LIMIT 2`,
  );
  expect(cells).toHaveLength(2);
  const before = await version();
  const clients = [
    new Client({ connectionString: app.db.ownerUrl }),
    new Client({ connectionString: app.db.ownerUrl }),
  ];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    for (const [i, c] of clients.entries()) {
      await c.query(`BEGIN`);
      await c.query(`SET LOCAL lock_timeout = '2s'`);
      // Both open at once: the second's recomputation must not wait on the first's version row.
      const { tenant, region, year } = cells[i];
      await c.query(`SELECT reporting_recompute_cells($1::uuid[], $2::uuid[], $3::int[])`, [
        [tenant],
        [region],
        [year],
      ]);
    }
    await Promise.all(clients.map((c) => c.query('COMMIT')));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  expect(await version()).toBeGreaterThanOrEqual(before + 2n);
});

test('an answer computed by a transaction that has written is not kept (its version may be rolled back)', async () => {
  const request = {
    dimensions: [AggregateDimension.REGION, AggregateDimension.YEAR],
    measures: [AggregateMeasure.GOAL_COUNT, AggregateMeasure.BUDGETED],
    regionLevel: RegionLevel.DISTRICT,
  };
  const token = await app.tokenFor('finance.zibo');
  const context = () => createContext(app.services, { headers: { authorization: `Bearer ${token}` } });
  const ask = async (write: boolean) => {
    const ctx = await context();
    try {
      // A region edit in the request's own transaction raises the tenant's version in it.
      if (write) await ctx.db.query(`UPDATE region SET name = name WHERE code = '370303'`);
      return await queryAggregateTable(ctx, request, { maxRows: 5000 });
    } finally {
      await ctx.db.finish(false);
    }
  };
  const kept = await ask(false);
  const before = lookups();
  const dirty = await ask(true);
  expect(dirty.json).toBe(kept.json);
  const again = await ask(false);
  expect(again.json).toBe(kept.json);
  // The dirty answer was a miss and did not replace the kept one: the next clean question reuses it.
  expect({
    hits: aggregateCacheStats.hits - before.hits,
    misses: aggregateCacheStats.misses - before.misses,
  }).toEqual({
    hits: 1,
    misses: 1,
  });
});
