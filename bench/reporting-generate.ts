import './env';
import { Client } from 'pg';
import { migrate, withDatabase } from '../src/db/bootstrap';
import { generateCityStage, generateProvinceStage, existingData } from './reporting-data';

/**
 * Issue 14 (bench/README.md): generates the reporting data set into a database that is KEPT, so that
 * `BENCH_REUSE_DATABASE=<name>` can measure it again and again without regenerating:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_KEEP_DATABASE=jixiao_bench_province \
 *     BENCH_SIZE=province BENCH_CITIES=16 node /tmp/bench-dist/bench/reporting-generate.js
 *
 * Creates the database if missing, applies the migrations, generates the synthetic city of seed 42 with
 * five years unless it is there, then (BENCH_SIZE=province) the other cities of the province. Drop the
 * database yourself afterwards.
 */
async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  const name = process.env.BENCH_KEEP_DATABASE;
  if (!server || !name || !/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error('DATABASE_URL and BENCH_KEEP_DATABASE (a plain lower-case name) are required');
  const size = process.env.BENCH_SIZE ?? 'city';
  const cities = Number(process.env.BENCH_CITIES ?? '16');
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const admin = new Client({ connectionString: server });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const ownerUrl = withDatabase(server, name);
  await migrate(ownerUrl);
  const probe = new Client({ connectionString: ownerUrl });
  await probe.connect();
  const { rows } = await probe.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM region WHERE level = 'CITY'`,
  );
  await probe.end();
  let data;
  if (rows[0].n === 0) {
    log(`${name}: generating the city (seed 42, five years)`);
    data = await generateCityStage(ownerUrl, log);
    log(`city generated in ${data.seconds.toFixed(1)} s; phases ${JSON.stringify(data.years.phaseMs)}`);
  } else {
    data = await existingData(ownerUrl, log);
    log(`${name}: ${data.cities} cities there`);
  }
  if (size === 'province' && data.cities < cities) {
    const province = await generateProvinceStage(ownerUrl, data, cities, undefined, log);
    log(`province: ${province.cities} cities, this stage ${province.seconds.toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
