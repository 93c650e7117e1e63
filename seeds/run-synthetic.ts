import { Client } from 'pg';
import { generateSyntheticCity, type SyntheticCityOptions } from './synthetic';

const usage = `Usage: DATABASE_URL=postgres://owner@host/db node dist/seeds/run-synthetic.js --seed 42
  [--name 合成市] [--city-code 379900] [--districts 10] [--townships 15] [--units 40]
  [--scale full|small] [--workload yes|no] [--year 2026]
Generates a synthetic city through the OWNER connection and prints its summary as JSON: the hierarchy,
and (unless --workload no) funds, allocations, projects, goals, indicators and review histories.`;

function parseArgs(argv: string[]): SyntheticCityOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) {
      throw new Error(`unexpected argument ${flag}`);
    }
    values.set(flag.slice(2), value);
    i += 1;
  }
  const integer = (name: string): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) {
      return undefined;
    }
    if (!/^\d+$/.test(raw)) {
      throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
    }
    return Number(raw);
  };
  const known = new Set([
    'seed',
    'name',
    'city-code',
    'districts',
    'townships',
    'units',
    'scale',
    'workload',
    'year',
  ]);
  for (const name of values.keys()) {
    if (!known.has(name)) {
      throw new Error(`unknown option --${name}`);
    }
  }
  const seed = integer('seed');
  if (seed === undefined) {
    throw new Error('--seed is required');
  }
  const scale = values.get('scale') ?? 'full';
  if (scale !== 'full' && scale !== 'small') {
    throw new Error(`--scale must be full or small, got ${scale}`);
  }
  const workload = values.get('workload') ?? 'yes';
  if (workload !== 'yes' && workload !== 'no') {
    throw new Error(`--workload must be yes or no, got ${workload}`);
  }
  return {
    seed,
    scale,
    workload: workload === 'yes',
    year: integer('year'),
    tenantName: values.get('name'),
    cityCode: values.get('city-code'),
    districts: integer('districts'),
    townshipsPerDistrict: integer('townships'),
    unitsPerTownship: integer('units'),
  };
}

async function main(): Promise<void> {
  let options: SyntheticCityOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    process.stderr.write(`DATABASE_URL is not set\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = process.hrtime.bigint();
    const city = await generateSyntheticCity(client, options);
    const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    process.stdout.write(`${JSON.stringify({ ...city, elapsedMs }, null, 2)}\n`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
