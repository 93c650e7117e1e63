/**
 * Issue 18 (W3, the first request after start): table-form aggregates kept in the database
 * (src/reporting/kept-answers.ts, migration ReportingKeptAnswer1763898000000) outlive the process that
 * computed them. Another process over the same database — a restart, a cluster worker — reads the kept
 * answer in the one statement that would compute it, only while the tenant's cells and regions are
 * unchanged (DOMAIN §11 "always current"), only the answer its own statement gives (P6, DOMAIN §11
 * "Who sees what"), and only its own tenant's rows (row-level security).
 */
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { poolOf } from '../../src/app/observability/metrics';
import { RegionLevel } from '../../src/auth/principal-kinds';
import { aggregateCacheStats } from '../../src/common/cache-stats';
import { createContext, type AppServices } from '../../src/common/request-context';
import { createDataSource } from '../../src/db/data-source';
import { computeAggregates, loadKeptAnswers } from '../../src/reporting/aggregate-cache';
import { queryAggregateTable } from '../../src/reporting/aggregate.engine';
import {
  AggregateDimension,
  AggregateMeasure,
  type AggregateRequest,
} from '../../src/reporting/aggregate.model';
import {
  keepInDatabase,
  MAX_CHARACTERS,
  MAX_PENDING,
  PER_TENANT,
  settleKeptAnswers,
} from '../../src/reporting/kept-answers';
import { poolOf as testPoolOf, startAnotherServer } from '../harness/another-server';
import { asApiRole } from '../harness/api-role';
import { TestApp } from '../harness/app';

let app: TestApp;
/** Processes started after the first one (a restart each): a data source of their own, a memory of their own. */
const restarts: DataSource[] = [];
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  for (const ds of restarts) {
    await settleKeptAnswers(ds);
    await ds.destroy();
  }
  await app.stop();
});

/** Another process of the API over the same database: nothing kept in its memory. */
async function restarted(): Promise<AppServices> {
  const dataSource = createDataSource(app.db.appUrl, 2);
  await dataSource.initialize();
  restarts.push(dataSource);
  return { ...app.services, dataSource };
}

const QUESTION: AggregateRequest = {
  dimensions: [AggregateDimension.REGION, AggregateDimension.YEAR, AggregateDimension.INDICATOR_CATEGORY],
  measures: [AggregateMeasure.GOAL_COUNT, AggregateMeasure.BUDGETED, AggregateMeasure.MEAN_SCORE],
  regionLevel: RegionLevel.TOWNSHIP,
  filter: { yearFrom: 2021, yearTo: 2030 },
};

/** One request of `as` to the process `services`: the table, its statements, and how it was answered. */
async function ask(
  services: AppServices,
  as: string,
  options: { write?: boolean; computing?: boolean } = {},
) {
  const token = await app.tokenFor(as);
  const ctx = await createContext(services, { headers: { authorization: `Bearer ${token}` } });
  const before = { ...aggregateCacheStats };
  try {
    if (options.computing) computeAggregates(ctx);
    // A region edit in the request's own transaction raises the tenant's version in it.
    if (options.write) await ctx.db.query(`UPDATE region SET name = name WHERE code = '370303'`);
    const statementsBefore = ctx.db.statements;
    const table = await queryAggregateTable(ctx, QUESTION, { maxRows: 5000 });
    const how = {
      process: aggregateCacheStats.hits - before.hits,
      database: aggregateCacheStats.kept - before.kept,
      computed: aggregateCacheStats.misses - before.misses,
    };
    return {
      json: table.json,
      rowCount: table.rowCount,
      how,
      statements: ctx.db.statements - statementsBefore,
    };
  } finally {
    await ctx.db.finish(false);
    await settleKeptAnswers(services.dataSource);
  }
}

const keptRows = () =>
  app.sql<{ key: string; version: string; row_count: number; json: string }>(
    `SELECT answer_key AS key, version::text AS version, row_count, table_json AS json
       FROM reporting_kept_answer ORDER BY kept_at, answer_key`,
  );

/** Replaces every kept answer's table with a marker: an answer read from the database shows it. */
const MARKER = '[["kept in the database"]]';
const markKept = () => app.sql(`UPDATE reporting_kept_answer SET table_json = $1`, [MARKER]);

beforeEach(async () => {
  // Including what the start-up warm-up computed and kept.
  await settleKeptAnswers(app.services.dataSource);
  await app.sql(`DELETE FROM reporting_kept_answer`);
});

test('an answer computed by one process is read from the database by the next, in one statement', async () => {
  const first = await ask(await restarted(), 'finance.zibo');
  expect(first.how).toEqual({ process: 0, database: 0, computed: 1 });
  expect(first.rowCount).toBeGreaterThan(0);
  // Kept after the request, with the version it was computed at.
  const [row] = await keptRows();
  const [{ version }] = await app.sql<{ version: string }>(
    `SELECT COALESCE(sum(version), 0)::text AS version FROM reporting_cell_version
      WHERE tenant_id = (SELECT tenant_id FROM region WHERE code = '370300')`,
  );
  expect(row).toMatchObject({ version, row_count: first.rowCount, json: first.json });
  expect(row.key).toMatch(/^[0-9a-f]{64}$/);

  const next = await ask(await restarted(), 'finance.zibo');
  expect(next.how).toEqual({ process: 0, database: 1, computed: 0 });
  expect(next.json).toBe(first.json);
  // One statement reads the version and the kept answer; computing takes that one and the aggregate.
  expect([first.statements, next.statements]).toEqual([2, 1]);

  // It is the database's copy that answered: a marker written there comes back.
  await markKept();
  const marked = await ask(await restarted(), 'finance.zibo');
  expect(marked.json).toBe(MARKER);
});

test('at start a process reads the current kept answers into its memory: the first request is answered as a warm one', async () => {
  const first = await ask(await restarted(), 'finance.zibo');
  const district = await ask(await restarted(), 'finance.zhangdian');
  const next = await restarted();
  const loaded = await loadKeptAnswers(next, 8 * 1024 * 1024);
  expect(loaded).toMatchObject({
    tenants: 1,
    answers: 2,
    characters: first.json.length + district.json.length,
  });
  // Every connection the load took is back in the pool.
  const pool = poolOf(next.dataSource)!;
  expect(pool.totalCount - pool.idleCount).toBe(0);
  const again = await ask(next, 'finance.zibo');
  expect(again.how).toEqual({ process: 1, database: 0, computed: 0 });
  expect(again.json).toBe(first.json);
  // P6: the district's own answer, not the city's.
  const own = await ask(next, 'finance.zhangdian');
  expect(own.how).toEqual({ process: 1, database: 0, computed: 0 });
  expect(own.json).toBe(district.json);
});

test('at start: answers no longer current are not read, nor any over the budget', async () => {
  await ask(await restarted(), 'finance.zibo');
  // A region renamed: the kept answer is stale (DOMAIN §11 always current).
  await app.sql(`UPDATE region SET name = name WHERE code = '370303'`);
  const stale = await restarted();
  expect(await loadKeptAnswers(stale, 8 * 1024 * 1024)).toMatchObject({ answers: 0 });
  const fresh = await ask(stale, 'finance.zibo');
  expect(fresh.how).toEqual({ process: 0, database: 0, computed: 1 });
  // Current again (kept by that request), but over a budget of 10 characters.
  const small = await restarted();
  expect(await loadKeptAnswers(small, 10)).toMatchObject({ tenants: 1, answers: 0, characters: 0 });
  expect((await ask(small, 'finance.zibo')).how).toEqual({ process: 0, database: 1, computed: 0 });
});

test('DOMAIN §11 always current: after a goal comes into force, the next process computes, and keeps the new answer', async () => {
  const before = await ask(await restarted(), 'finance.zibo');
  await markKept();
  const [{ id }] = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE name = '张店区农业农村局2025年度部门整体绩效目标' AND status = 'APPROVED'`,
  );
  const [stale] = await keptRows();
  await app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]);
  const after = await ask(await restarted(), 'finance.zibo');
  expect(after.how).toEqual({ process: 0, database: 0, computed: 1 });
  expect(after.json).not.toBe(MARKER);
  expect(after.json).not.toBe(before.json);
  // The stale answer was replaced by the current one (one row for the question, at a later version).
  const rows = await keptRows();
  expect(rows.map((r) => r.json)).toEqual([after.json]);
  expect(BigInt(rows[0].version)).toBeGreaterThan(BigInt(stale.version));
  // And the next process reads the current one.
  expect((await ask(await restarted(), 'finance.zibo')).how).toEqual({
    process: 0,
    database: 1,
    computed: 0,
  });
});

test('P6: a district asking the same question never reads the city’s kept answer', async () => {
  const city = await ask(await restarted(), 'finance.zibo');
  await markKept();
  const district = await ask(await restarted(), 'finance.zhangdian');
  expect(district.how).toEqual({ process: 0, database: 0, computed: 1 });
  expect(district.json).not.toBe(MARKER);
  expect(district.rowCount).toBeGreaterThan(0);
  expect(district.rowCount).toBeLessThan(city.rowCount);
  // Each reach has its own key: the city's (marked) and the district's.
  const rows = await keptRows();
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.json)).toEqual([MARKER, district.json]);
});

test('an answer computed by a transaction that has written is not kept in the database', async () => {
  const dirty = await ask(await restarted(), 'finance.zibo', { write: true });
  expect(dirty.rowCount).toBeGreaterThan(0);
  expect(await keptRows()).toEqual([]);
});

test('the start-up warm-up computes even when an answer is kept, and writes nothing (request-warmup.ts)', async () => {
  await ask(await restarted(), 'finance.zibo');
  await markKept();
  const rows = await keptRows();
  const warm = await ask(await restarted(), 'finance.zibo', { computing: true });
  expect(warm.how).toEqual({ process: 0, database: 0, computed: 1 });
  expect(warm.json).not.toBe(MARKER);
  expect(await keptRows()).toEqual(rows);
  // On an empty table too: the warm-up's answer stays in its process.
  await app.sql(`DELETE FROM reporting_kept_answer`);
  await ask(await restarted(), 'finance.zibo', { computing: true });
  expect(await keptRows()).toEqual([]);
});

test('row-level security: the API role reads and writes only its own tenant’s kept answers', async () => {
  await ask(await restarted(), 'finance.zibo');
  const [{ tenant }] = await app.sql<{ tenant: string }>(
    `SELECT tenant_id AS tenant FROM region WHERE code = '370300'`,
  );
  const other = '00000000-0000-4000-8000-00000000beef';
  await app.sql(
    `INSERT INTO reporting_kept_answer (tenant_id, answer_key, version, row_count, table_json) VALUES ($1, $2, 1, 0, '[]')`,
    [other, 'b'.repeat(64)],
  );
  await asApiRole(app.db.appUrl, tenant, async ({ client, count }) => {
    expect(await count('reporting_kept_answer', tenant)).toBe(1);
    expect(await count('reporting_kept_answer', other)).toBe(0);
    await client.query('SAVEPOINT s');
    await expect(
      client.query(
        `INSERT INTO reporting_kept_answer (tenant_id, answer_key, version, row_count, table_json) VALUES ($1, $2, 1, 0, '[]')`,
        [other, 'c'.repeat(64)],
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await client.query('ROLLBACK TO SAVEPOINT s');
    const updated = await client.query(
      `UPDATE reporting_kept_answer SET row_count = 9 WHERE tenant_id = $1`,
      [other],
    );
    expect(updated.rowCount).toBe(0);
  });
  const [{ n }] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM reporting_kept_answer WHERE tenant_id = $1 AND row_count = 0`,
    [other],
  );
  expect(n).toBe(1);
});

describe('bounds', () => {
  const warn = jest.fn();
  const logger = { warn } as unknown as Logger;
  let tenantId: string;
  beforeAll(async () => {
    [{ tenantId }] = await app.sql<{ tenantId: string }>(
      `SELECT tenant_id AS "tenantId" FROM region WHERE code = '370300'`,
    );
  });
  const answer = (n: number, version: string, json = '[]') => ({
    tenantId,
    key: n.toString(16).padStart(64, '0'),
    version,
    rowCount: 0,
    json,
  });

  test(`at most ${PER_TENANT} answers per tenant (the newest), and none over ${MAX_CHARACTERS} characters`, async () => {
    for (let n = 0; n <= PER_TENANT; n += 1) {
      keepInDatabase(app.services.dataSource, logger, answer(n, '5'));
      await settleKeptAnswers(app.services.dataSource);
    }
    keepInDatabase(app.services.dataSource, logger, answer(999, '5', ' '.repeat(MAX_CHARACTERS + 1)));
    await settleKeptAnswers(app.services.dataSource);
    const rows = await keptRows();
    expect(rows).toHaveLength(PER_TENANT);
    // The first one written is the one removed; the oversized one was never written.
    expect(rows.map((r) => r.key)).not.toContain(answer(0, '5').key);
    expect(rows.map((r) => r.key)).not.toContain(answer(999, '5').key);
    expect(warn).not.toHaveBeenCalled();
  });

  test(`past ${MAX_PENDING} answers waiting to be written, the next ones stay in their process only`, async () => {
    for (let n = 0; n < MAX_PENDING + 4; n += 1)
      keepInDatabase(app.services.dataSource, logger, answer(n, '5'));
    await settleKeptAnswers(app.services.dataSource);
    expect((await keptRows()).map((r) => r.key)).toEqual(
      Array.from({ length: MAX_PENDING }, (_, n) => answer(n, '5').key),
    );
  });

  test('an answer at a newer version removes the stale ones; an older one never replaces a newer', async () => {
    keepInDatabase(app.services.dataSource, logger, answer(1, '5'));
    keepInDatabase(app.services.dataSource, logger, answer(2, '5'));
    keepInDatabase(app.services.dataSource, logger, answer(3, '7'));
    keepInDatabase(app.services.dataSource, logger, answer(3, '6', '["older"]'));
    await settleKeptAnswers(app.services.dataSource);
    expect((await keptRows()).map((r) => [r.key, r.version, r.json])).toEqual([
      [answer(3, '7').key, '7', '[]'],
    ]);
  });

  test('a write that fails is logged, changes nothing and gives its connection back', async () => {
    const pool = poolOf(app.services.dataSource)!;
    keepInDatabase(app.services.dataSource, logger, { ...answer(4, '5'), key: 'not a key' });
    await settleKeptAnswers(app.services.dataSource);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await keptRows()).toEqual([]);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

describe('at the server’s start (src/app/server.ts)', () => {
  test('the kept answers read are logged; a failure to read them is logged and the server starts all the same', async () => {
    await ask(await restarted(), 'finance.zibo');
    const started = await startAnotherServer(app, {});
    try {
      const read = started.lines.find((l) => l.msg === 'kept BI answers read at start');
      expect(read).toMatchObject({ tenants: 1, answers: 1 });
    } finally {
      await started.server.stop();
    }
    await app.sql('REVOKE EXECUTE ON FUNCTION reporting_kept_tenants(integer) FROM jixiao_app');
    try {
      const cold = await startAnotherServer(app, {});
      try {
        expect(
          cold.lines.some((l) => l.msg === 'kept BI answers not read at start; they are read when asked'),
        ).toBe(true);
        expect((await fetch(cold.server.url.replace('/graphql', '/healthz'))).status).toBe(200);
        const pool = testPoolOf(app);
        expect(pool.idleCount).toBe(pool.totalCount);
      } finally {
        await cold.server.stop();
      }
    } finally {
      await app.sql('GRANT EXECUTE ON FUNCTION reporting_kept_tenants(integer) TO jixiao_app');
    }
  });
});
