import { Client } from 'pg';
import type { SyntheticCity } from '../../seeds';
import { generateSyntheticCity } from '../../seeds';
import { loadDistrict, seedEvaluations } from '../rollup-bench';
import { generateCityStage, generateProvinceStage } from '../reporting-data';

/**
 * Issue 18: the data set of the peers benchmark, in one bench database. `city` (default): the synthetic
 * city of seed 42 with its 2026 workload and 85 % submitted self-evaluations — the data set of the
 * in-process benchmark (bench/run.ts), a few minutes to generate. `BENCH_YEARS=5` adds 2022–2025 as
 * set-based copies (seeds/synthetic-years.ts, ~20 min); `BENCH_SIZE=province` grows it to the province
 * (bench/reporting-data.ts, hours). The measured caller is always the first city's finance bureau.
 *
 * What the run needs to find again (city summary, the big fund's overall goal) is kept in the table
 * `bench_peers_meta.manifest` of the bench database, so that `BENCH_REUSE_DATABASE` can measure a database an
 * earlier run kept (`BENCH_KEEP_DATABASE=1`) without generating it again.
 */
export type PeersSize = 'city' | 'province';

export interface PeersData {
  city: SyntheticCity;
  /** The big transfer fund's overall goal (W1) and the first district (district funds). */
  overallId: string;
  districtId: string;
  years: number[];
  cities: number;
  size: PeersSize;
  generationSeconds: number;
  evaluations: number;
}

async function withOwner<T>(ownerUrl: string, work: (db: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  client.on('error', () => undefined); // dropped on abort: the caller's cleanup reports
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * VACUUM (ANALYZE) of the whole database once the data is in place, before anything is timed: what
 * autovacuum does on a running server (dead row versions of the maintained statistics reclaimed, the
 * visibility map set for index-only scans, fresh statistics). This machine's PostgreSQL service runs with
 * autovacuum off, so without it every side would read tables full of the generation's dead rows.
 * Answers the seconds it took.
 */
export async function vacuumAnalyze(ownerUrl: string): Promise<number> {
  const started = performance.now();
  await withOwner(ownerUrl, (db) => db.query('VACUUM (ANALYZE)'));
  return (performance.now() - started) / 1000;
}

async function overallGoalId(ownerUrl: string, city: SyntheticCity): Promise<string> {
  return withOwner(ownerUrl, async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM performance_goal
        WHERE tenant_id = $1 AND fund_id = $2 AND scope = 'TRANSFER_OVERALL' AND year = $3
        ORDER BY goal_version DESC LIMIT 1`,
      [city.tenantId, city.workload!.bigFundId, city.workload!.year],
    );
    if (!rows[0]) throw new Error('the big fund has no overall goal');
    return rows[0].id;
  });
}

/** Generates the data set (migrations already applied) and records its manifest. */
export async function generatePeersData(
  ownerUrl: string,
  options: { size: PeersSize; years: number; cities: number; until?: Date },
  log: (line: string) => void,
): Promise<PeersData> {
  const started = performance.now();
  let city: SyntheticCity;
  let years = [2026];
  let cities = 1;
  let evaluations: number;
  if (options.size === 'city' && options.years === 1) {
    city = await withOwner(ownerUrl, async (db) => {
      const c = await generateSyntheticCity(db, { seed: 42, workload: true });
      await db.query('ANALYZE');
      return c;
    });
    log(
      `synthetic city (seed 42): ${city.organizationCount} organizations, ${city.workload!.goals.total} goals`,
    );
    const seeded = await seedEvaluations(ownerUrl, city);
    evaluations = seeded.summary.evaluations;
    log(`${evaluations} submitted self-evaluations in ${seeded.seconds.toFixed(0)} s`);
  } else {
    // Five budget years (and the province) through the reporting benchmark's stages.
    const stage = await generateCityStage(ownerUrl, log);
    city = stage.city;
    years = stage.years.years;
    evaluations = stage.years.evaluations;
    if (options.size === 'province') {
      const province = await generateProvinceStage(ownerUrl, stage, options.cities, options.until, log);
      cities = province.cities;
    }
  }
  const overallId = await overallGoalId(ownerUrl, city);
  const districtId = await loadDistrict(ownerUrl, city);
  const data: PeersData = {
    city,
    overallId,
    districtId,
    years,
    cities,
    size: options.size,
    generationSeconds: Math.round((performance.now() - started) / 1000),
    evaluations,
  };
  await withOwner(ownerUrl, async (db) => {
    await db.query(`CREATE SCHEMA IF NOT EXISTS bench_peers_meta`);
    await db.query(`CREATE TABLE IF NOT EXISTS bench_peers_meta.manifest (data jsonb NOT NULL)`);
    await db.query(`DELETE FROM bench_peers_meta.manifest`);
    await db.query(`INSERT INTO bench_peers_meta.manifest (data) VALUES ($1)`, [JSON.stringify(data)]);
  });
  return data;
}

/** The manifest of a database an earlier run generated (BENCH_REUSE_DATABASE). */
export async function existingPeersData(ownerUrl: string): Promise<PeersData> {
  return withOwner(ownerUrl, async (db) => {
    const { rows } = await db.query<{ data: PeersData }>(
      `SELECT data FROM bench_peers_meta.manifest LIMIT 1`,
    );
    if (!rows[0])
      throw new Error('this database has no bench_peers_meta.manifest: generate it with the peers bench');
    return { ...rows[0].data, generationSeconds: 0 };
  });
}
