import { Client } from 'pg';
import {
  extendSyntheticCityYears,
  generateSyntheticProvince,
  type SyntheticYearsSummary,
} from '../seeds/synthetic-province';
import { generateSyntheticCity, type SyntheticCity } from '../seeds/synthetic';
import { deferReportingFacts } from '../seeds/synthetic-facts';
import { cloneSyntheticProvince } from '../seeds/synthetic-province-clone';
import type { SeedDb } from '../seeds/db';

/**
 * The issue-14 data sets (bench/README.md), grown in stages in one database: `city` — the synthetic city
 * of seed 42 with five budget years (2022–2026); `province` — then cities 2…16 of the province (seed
 * 42 + i), so the first city is that same city. The measured caller is the first city's finance bureau
 * either way, so the two stages ask the same question of a database 1× and N× as large. Reporting fact
 * triggers are deferred during the bulk load and each city's facts rebuilt once (seeds/synthetic-facts.ts).
 */
export type ReportingSize = 'city' | 'province';

export interface ReportingData {
  city: SyntheticCity;
  years: SyntheticYearsSummary;
  /** Cities in the database after this stage. */
  cities: number;
  /** Wall time of this stage's generation (s), and of every stage so far. */
  seconds: number;
  totalSeconds: number;
  /** Per city generated in this stage: code and seconds. */
  perCity: { code: string; seconds: number; factsRebuildMs: number }[];
}

async function withOwner<T>(ownerUrl: string, log: (l: string) => void, work: (db: Client) => Promise<T>) {
  const client = new Client({ connectionString: ownerUrl });
  client.on('error', (error) => log(`seed connection: ${error.message}`)); // e.g. dropped on abort
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fresh statistics, so plans do not change when autovacuum analyzes in the middle of a run. */
const analyze = (ownerUrl: string, log: (l: string) => void) =>
  withOwner(ownerUrl, log, (db) => db.query('ANALYZE'));

/** Stage 1: the synthetic city of seed 42, five years. */
export async function generateCityStage(ownerUrl: string, log: (l: string) => void): Promise<ReportingData> {
  const started = performance.now();
  const { city, years } = await withOwner(ownerUrl, log, async (db) => {
    await deferReportingFacts(db);
    const c = await generateSyntheticCity(db, { seed: 42, workload: true });
    return { city: c, years: await extendSyntheticCityYears(db, c, { seed: 42, years: 5 }) };
  });
  await analyze(ownerUrl, log);
  const seconds = (performance.now() - started) / 1000;
  return {
    city,
    years,
    cities: 1,
    seconds,
    totalSeconds: seconds,
    perCity: [{ code: city.cityCode, seconds, factsRebuildMs: years.phaseMs.factsRebuild }],
  };
}

/**
 * Stage 2: cities 2…`cities` of the province, two at a time. By default (BENCH_PROVINCE_MODE=copy) as
 * set-based copies of the first city inside the database (minutes); BENCH_PROVINCE_MODE=generate runs
 * the full generator for each (hours on 2 cores), none started that would end after `until`.
 */
export async function generateProvinceStage(
  ownerUrl: string,
  first: ReportingData,
  cities: number,
  until: Date | undefined,
  log: (l: string) => void,
): Promise<ReportingData> {
  const started = performance.now();
  const clients = new Set<Client>();
  const connect = async (): Promise<SeedDb> => {
    const client = new Client({ connectionString: ownerUrl });
    client.on('error', (error) => log(`seed connection: ${error.message}`));
    await client.connect();
    clients.add(client);
    return client;
  };
  const release = async (db: SeedDb) => {
    await (db as Client).end();
    clients.delete(db as Client);
  };
  try {
    if ((process.env.BENCH_PROVINCE_MODE ?? 'copy') === 'copy') {
      // Fast path (seeds/synthetic-province-clone.ts): cities 2… as set-based copies of the first.
      const copies = await cloneSyntheticProvince(connect, release, {
        sourceTenantId: first.city.tenantId,
        seed: 42,
        cities,
        log,
      });
      await analyze(ownerUrl, log);
      const seconds = (performance.now() - started) / 1000;
      return {
        ...first,
        cities: 1 + copies.length,
        seconds,
        totalSeconds: first.totalSeconds + seconds,
        perCity: copies.map((c) => ({
          code: c.cityCode,
          seconds: Math.round(c.ms / 1000),
          factsRebuildMs: 0,
        })),
      };
    }
    const more = await generateSyntheticProvince(connect, release, {
      seed: 42,
      cities,
      firstCity: 1,
      generateUntil: until,
      log,
    });
    await analyze(ownerUrl, log);
    const seconds = (performance.now() - started) / 1000;
    return {
      ...first,
      cities: 1 + more.length,
      seconds,
      totalSeconds: first.totalSeconds + seconds,
      perCity: more.map((c) => ({
        code: c.city.cityCode,
        seconds: Math.round(c.ms / 1000),
        factsRebuildMs: c.years.phaseMs.factsRebuild,
      })),
    };
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
  }
}

/**
 * A database generated by an earlier run (BENCH_REUSE_DATABASE, kept by stopping that run once its
 * generation ended): the first city and how many cities there are. Generation figures stay those of
 * the earlier run's log.
 */
export async function existingData(ownerUrl: string, log: (l: string) => void): Promise<ReportingData> {
  return withOwner(ownerUrl, log, async (db) => {
    await db.query('ANALYZE reporting_goal_fact, reporting_region_cell');
    const { rows } = await db.query<{ tenant_id: string; cities: number }>(
      `SELECT (SELECT tenant_id FROM region WHERE level = 'CITY' AND code = '379900') AS tenant_id,
              (SELECT count(*)::int FROM region WHERE level = 'CITY') AS cities`,
    );
    const city = {
      tenantId: rows[0].tenant_id,
      cityCode: '379900',
      sampleLogins: { cityFinance: 'syn42.fin.379900' },
    } as unknown as SyntheticCity;
    const years = {
      years: [2022, 2023, 2024, 2025, 2026],
      evaluations: 0,
      executions: 0,
      monitoringReports: 0,
      copiedRows: {},
      phaseMs: { evaluations: 0, copies: 0, monitoring: 0, factsRebuild: 0 },
    };
    return { city, years, cities: rows[0].cities, seconds: 0, totalSeconds: 0, perCity: [] };
  });
}
