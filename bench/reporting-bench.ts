import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '../seeds';
import { assertSafeAppRole, enableAppRole, migrate } from '../src/db/bootstrap';
import type { Cleanup } from './cleanup';
import { GraphQLClient } from './client';
import { benchDatabase } from './database';
import { exposeGc } from './gc';
import { LOGIN, type LoginData } from './queries';
import { existingData, generateCityStage, generateProvinceStage, type ReportingSize } from './reporting-data';
import { measureStage } from './reporting-stage';
import { startInProcessService } from './in-process-service';

/**
 * Issue 14 (`BENCH_SCENARIOS=reporting`, bench/README.md): the BI aggregate (GraphQL and CSV) and the
 * district report with year-over-year, on five years of the synthetic city, then (BENCH_SIZE=province)
 * of the province grown from it in the same database, against the same aggregate by one hand-written
 * statement over the base tables (checked equal row for row). Each stage writes
 * bench/results/reporting-<stage>.json as soon as it is measured. Targets (issue 14): aggregate p95 ≤
 * 100 ms at province size; CSV memory flat in the number of rows; SQL statements per request independent
 * of the number of rows.
 */
export interface ReportingOptions {
  iterations: number;
  warmup: number;
  scenarioSeconds: number;
}

/** BENCH_REUSE_DATABASE: a database on the DATABASE_URL server left by an earlier run; never dropped here. */
function reusedDatabase(name: string) {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return { name, ownerUrl: url.toString(), mode: 'external' as const, serverVersion: 'reused' };
}

function sizeFromEnv(): { size: ReportingSize; cities: number; until: Date | undefined } {
  const size = process.env.BENCH_SIZE ?? 'city';
  if (size !== 'city' && size !== 'province')
    throw new Error(`BENCH_SIZE must be city or province, got ${size}`);
  const cities = Number(process.env.BENCH_CITIES ?? '16');
  if (!Number.isInteger(cities) || cities < 2 || cities > 99) throw new Error('BENCH_CITIES must be 2–99');
  const raw = process.env.BENCH_GENERATE_UNTIL;
  const until = raw ? new Date(raw) : undefined;
  if (until && Number.isNaN(until.getTime())) throw new Error(`BENCH_GENERATE_UNTIL is not a time: ${raw}`);
  return { size, cities, until };
}

export async function reportingBenchmark(
  options: ReportingOptions,
  cleanup: Cleanup,
  ownSignals: () => void,
  log: (line: string) => void,
): Promise<void> {
  const { size, cities, until } = sizeFromEnv();
  const reuse = process.env.BENCH_REUSE_DATABASE;
  const db = reuse ? reusedDatabase(reuse) : await benchDatabase(cleanup, log);
  log(`database ${db.name} (${db.mode}, PostgreSQL ${db.serverVersion}); data set: ${size}`);
  await migrate(db.ownerUrl);
  const appUrl = await enableAppRole(db.ownerUrl, randomBytes(24).toString('base64url'));
  await assertSafeAppRole(appUrl);
  const cityData = reuse ? await existingData(db.ownerUrl, log) : await generateCityStage(db.ownerUrl, log);
  const { city } = cityData;
  log(`generated the city × years ${cityData.years.years.join(', ')} in ${cityData.seconds.toFixed(1)} s`);

  const { dataSource, server } = await startInProcessService(appUrl);
  cleanup.add('close the API connection pool', () => dataSource.destroy());
  cleanup.add('stop the API server', () => server.stop());
  ownSignals();
  const base = server.url.replace(/\/graphql\/?$/, '');
  const anonymous = new GraphQLClient(server.url);
  const login = await anonymous.request<LoginData>(LOGIN, {
    input: { tenant: city.tenantId, login: city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
  });
  const token = login.body.data?.login.token;
  if (!token) throw new Error(`login failed: ${login.text}`);
  const rawPool = new Pool({ connectionString: appUrl, max: 2, application_name: 'jixiao-bench' });
  rawPool.on('error', (error) => log(`raw SQL pool: ${error.message}`));
  cleanup.add('close the raw SQL pool', () => rawPool.end());
  const common = {
    api: anonymous.withToken(token),
    base,
    token,
    rawPool,
    gc: exposeGc(),
    options,
    database: { mode: db.mode, serverVersion: db.serverVersion, name: db.name },
    log,
  };

  if (reuse) {
    // Measure what is there (new migrations applied), under the stage name given; keep the database.
    await measureStage({ ...common, stage: process.env.BENCH_STAGE ?? 'province', data: cityData });
    return;
  }
  await measureStage({ ...common, stage: 'city', data: cityData });
  if (size === 'province') {
    const province = await generateProvinceStage(db.ownerUrl, cityData, cities, until, log);
    log(`generated ${province.cities} cities in all (${province.seconds.toFixed(1)} s for this stage)`);
    await measureStage({ ...common, stage: 'province', data: province });
  }
}
