import { Client } from 'pg';
import {
  extendSyntheticCityYears,
  generateSyntheticProvince,
  type SyntheticYearsSummary,
} from '../seeds/synthetic-province';
import { generateSyntheticCity, type SyntheticCity } from '../seeds/synthetic';
import type { SeedDb } from '../seeds/db';

/**
 * The issue-14 data sets (bench/README.md): `city` — the synthetic city of seed 42 with five budget years
 * (2022–2026); `province` — 16 such cities (96,000 units), the first being that city. The measured
 * caller is the first city's finance bureau either way, so the two sizes ask the same question of a
 * database 1× and 16× as large.
 */
export type ReportingSize = 'city' | 'province';

export interface ReportingData {
  size: ReportingSize;
  city: SyntheticCity;
  years: SyntheticYearsSummary;
  cities: number;
  seconds: number;
}

export async function generateReportingData(
  ownerUrl: string,
  size: ReportingSize,
  cities: number,
  log: (line: string) => void,
): Promise<ReportingData> {
  const started = performance.now();
  const clients = new Set<Client>();
  const connect = async (): Promise<SeedDb> => {
    const client = new Client({ connectionString: ownerUrl });
    client.on('error', (error) => log(`seed connection: ${error.message}`)); // e.g. dropped on abort
    await client.connect();
    clients.add(client);
    return client;
  };
  const release = async (db: SeedDb) => {
    await (db as Client).end();
    clients.delete(db as Client);
  };
  try {
    let city: SyntheticCity;
    let years: SyntheticYearsSummary;
    if (size === 'city') {
      const db = await connect();
      city = await generateSyntheticCity(db, { seed: 42, workload: true });
      years = await extendSyntheticCityYears(db, city, { seed: 42, years: 5 });
      await release(db);
    } else {
      const province = await generateSyntheticProvince(connect, release, { seed: 42, cities, log });
      ({ city, years } = province[0]);
    }
    const db = await connect();
    // Fresh statistics, so plans do not change when autovacuum analyzes in the middle of a run.
    await db.query('ANALYZE');
    await release(db);
    return {
      size,
      city,
      years,
      cities: size === 'city' ? 1 : cities,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
  }
}
