import type { SeedDb } from './db';
import { generateSyntheticCity, type SyntheticCity, type SyntheticCityOptions } from './synthetic';
import { generateSyntheticEvaluations } from './synthetic-evaluations';
import { generateSyntheticMonitoring } from './synthetic-monitoring';
import { deferReportingFacts, withReportingFactsDeferred } from './synthetic-facts';
import { copyWorkloadYear } from './synthetic-years';

/**
 * Issue 14 (benchmark): several budget years for a synthetic city, and a province-size set of synthetic
 * cities (16 cities × 6,000 units = 96,000 units by default), by the same generator. A tenant is one
 * city (DOMAIN §3), so a province is 16 tenants in one database. City 0 is the synthetic city of the
 * given seed and code 379900 (byte-identical to `generateSyntheticCity({ seed })`); city i has seed
 * `seed + i` and code `37ii00`. The last year is generated (issue #3 workload, self-evaluations of
 * issue #4), the earlier ones are set-based copies of it (seeds/synthetic-years.ts); every year gets
 * its execution and mid-year monitoring (seeds/synthetic-monitoring.ts).
 */
export interface SyntheticYearsOptions {
  seed: number;
  /** Budget years, the last one generated, the others copied from it (default 5). */
  years?: number;
  /** The generated year (default 2026, the generator's). */
  lastYear?: number;
  /** Share of issued project-level goals with a submitted self-evaluation (default 0.85, as bench/). */
  evaluationShare?: number;
}

export interface SyntheticYearsSummary {
  years: number[];
  evaluations: number;
  executions: number;
  monitoringReports: number;
  copiedRows: Record<string, number>;
  phaseMs: { evaluations: number; copies: number; monitoring: number; factsRebuild: number };
}

/**
 * Adds self-evaluations, earlier years and monitoring to a generated city (with its workload). The
 * reporting fact triggers are deferred meanwhile and the city's facts rebuilt once at the end
 * (seeds/synthetic-facts.ts): `db` must be one OWNER session (a pg.Client, not a pool).
 */
export async function extendSyntheticCityYears(
  db: SeedDb,
  city: SyntheticCity,
  options: SyntheticYearsOptions,
): Promise<SyntheticYearsSummary> {
  const { result, rebuildMs } = await withReportingFactsDeferred(
    db,
    () => city.tenantId,
    () => extendYears(db, city, options),
  );
  return { ...result, phaseMs: { ...result.phaseMs, factsRebuild: rebuildMs } };
}

async function extendYears(
  db: SeedDb,
  city: SyntheticCity,
  options: SyntheticYearsOptions,
): Promise<SyntheticYearsSummary> {
  const count = options.years ?? 5;
  const last = options.lastYear ?? city.workload?.year ?? 2026;
  if (!city.workload || city.workload.year !== last) {
    throw new Error(`extendSyntheticCityYears: the city needs its ${last} workload`);
  }
  if (!Number.isInteger(count) || count < 1 || count > 10) {
    throw new Error(`extendSyntheticCityYears: years must be 1–10, got ${count}`);
  }
  const years = Array.from({ length: count }, (_, i) => last - count + 1 + i);
  const clock = () => performance.now();
  let t = clock();
  const evaluations = await generateSyntheticEvaluations(db, {
    tenantId: city.tenantId,
    seed: options.seed,
    share: options.evaluationShare ?? 0.85,
  });
  const evaluationsMs = clock() - t;
  t = clock();
  const copiedRows: Record<string, number> = {};
  for (const year of years.filter((y) => y !== last)) {
    const copy = await copyWorkloadYear(db, { tenantId: city.tenantId, fromYear: last, toYear: year });
    for (const [table, n] of Object.entries(copy.rows)) copiedRows[table] = (copiedRows[table] ?? 0) + n;
  }
  const copiesMs = clock() - t;
  t = clock();
  let executions = 0;
  let monitoringReports = 0;
  for (const year of years) {
    const m = await generateSyntheticMonitoring(db, { tenantId: city.tenantId, seed: options.seed, year });
    executions += m.executions;
    monitoringReports += m.monitoringReports;
  }
  return {
    years,
    evaluations: evaluations.evaluations.length * years.length,
    executions,
    monitoringReports,
    copiedRows,
    phaseMs: {
      evaluations: Math.round(evaluationsMs),
      copies: Math.round(copiesMs),
      monitoring: Math.round(clock() - t),
      factsRebuild: 0,
    },
  };
}

export interface SyntheticProvinceOptions extends SyntheticYearsOptions {
  /** Cities (tenants), default 16. */
  cities?: number;
  /** The first city to generate (default 0): a province grown in stages (bench/reporting-data.ts). */
  firstCity?: number;
  /** Cities generated at once, each on its own connection (default 2). */
  concurrency?: number;
  /**
   * Stop starting cities when the next one would end after this time (the longest city so far as the
   * estimate); the cities generated are returned (fewer than `cities` then).
   */
  generateUntil?: Date;
  /** Passed to every city (e.g. 'small' for tests). */
  scale?: SyntheticCityOptions['scale'];
  log?: (line: string) => void;
}

export interface SyntheticProvinceCity {
  city: SyntheticCity;
  years: SyntheticYearsSummary;
  ms: number;
}

/** City i of a province: seed + i, code 379900 for the first, `37ii00` for the others. */
export function provinceCityOptions(seed: number, i: number): SyntheticCityOptions {
  return i === 0
    ? { seed }
    : { seed: seed + i, cityCode: `37${String(i).padStart(2, '0')}00`, tenantName: `合成市${i + 1}` };
}

/**
 * Generates the province: `connect` opens an OWNER connection for each worker (closed by `release`).
 * Each worker defers the reporting fact triggers for its session; each city's facts are rebuilt once
 * when its years are done. Returns the cities generated, in order. Wall time: bench/RESULTS-reporting.md.
 */
export async function generateSyntheticProvince(
  connect: () => Promise<SeedDb>,
  release: (db: SeedDb) => Promise<void>,
  options: SyntheticProvinceOptions,
): Promise<SyntheticProvinceCity[]> {
  const cities = options.cities ?? 16;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, cities));
  const out: SyntheticProvinceCity[] = new Array(cities);
  let next = options.firstCity ?? 0;
  let longestMs = 0;
  const timeLeft = () => !options.generateUntil || Date.now() + longestMs <= options.generateUntil.getTime();
  const worker = async () => {
    const db = await connect();
    try {
      await deferReportingFacts(db);
      while (next < cities && timeLeft()) {
        const i = next++;
        const started = performance.now();
        const city = await generateSyntheticCity(db, {
          ...provinceCityOptions(options.seed, i),
          scale: options.scale ?? 'full',
          workload: true,
          year: options.lastYear ?? 2026,
        });
        const years = await extendSyntheticCityYears(db, city, { ...options, seed: options.seed + i });
        out[i] = { city, years, ms: Math.round(performance.now() - started) };
        longestMs = Math.max(longestMs, out[i].ms);
        options.log?.(
          `city ${i + 1}/${cities} (${city.cityCode}, ${city.unitCount} units, years ${years.years.join(', ')}) ` +
            `in ${(out[i].ms / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      await release(db);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out.filter((c) => c !== undefined);
}
