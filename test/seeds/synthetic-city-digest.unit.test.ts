import { createHash } from 'node:crypto';
import { generateSyntheticCity } from '../../seeds/synthetic';

/**
 * Issue 14 (bench): the province and multi-year options are additive — the synthetic city of seed 42
 * (hierarchy and 2026 workload, DOMAIN §3, §4, §5, §7) must stay byte-identical, because every benchmark
 * and test compares against it. A recording database captures every statement and parameter the
 * generator sends; the password hash (argon2, salted at random) is left out. The digests were taken
 * before the options were added.
 */
interface Recorded {
  sql: string;
  params: unknown[];
}

function recordingDb(): {
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> };
  log: Recorded[];
} {
  const log: Recorded[] = [];
  return {
    log,
    db: {
      query: (sql: string, params: unknown[] = []) => {
        // ANALYZE after a bulk load (seeds/synthetic-model.ts) refreshes statistics, not data.
        if (!sql.startsWith('ANALYZE ')) log.push({ sql, params });
        return Promise.resolve({ rows: [] });
      },
    },
  };
}

function digestOf(log: Recorded[]): { statements: number; digest: string } {
  const hash = createHash('sha256');
  for (const { sql, params } of log) {
    const kept = sql.includes('INSERT INTO app_user') ? params.filter((_, i) => i !== 1) : params;
    hash.update(sql).update('\u0000').update(JSON.stringify(kept)).update('\u0001');
  }
  return { statements: log.length, digest: hash.digest('hex') };
}

describe('synthetic city of seed 42 (unchanged by the issue-14 options)', () => {
  it('hierarchy only: same statements and parameters', async () => {
    const { db, log } = recordingDb();
    const city = await generateSyntheticCity(db, { seed: 42 });
    expect(city.unitCount).toBe(6000);
    expect(digestOf(log)).toEqual(HIERARCHY);
  });

  it('full scale with the 2026 workload: same statements and parameters', async () => {
    const { db, log } = recordingDb();
    const city = await generateSyntheticCity(db, { seed: 42, scale: 'full' });
    expect(city.workload?.projects).toBe(18000);
    expect(digestOf(log)).toEqual(WORKLOAD);
  });
});

const HIERARCHY = {
  statements: 12,
  digest: '49eb32eb0188c755a0b18d7cc2e35c8d205f0bb7f11043219e4fb18063cf0de0',
};
const WORKLOAD = {
  statements: 38,
  digest: 'efeb450c4c77e81579b5d8642ad395a1bcc377e6cd603aeace740f4f2e812317',
};
