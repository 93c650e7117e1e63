import { randomBytes } from 'node:crypto';
import './env';
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import {
  DEMO_PASSWORD,
  generateSyntheticCity,
  generateSyntheticEvaluations,
  type SyntheticCity,
} from '../seeds';
import { toGlobalId } from '../src/common/global-id';
import { enableAppRole, migrate, withDatabase } from '../src/db/bootstrap';
import { createCitusDatabase, dropCitusDatabase } from '../src/db/citus';
import { distributeUrl } from '../src/db/distribute';
import { burst, type BurstResult } from './burst';
import { GraphQLClient } from './client';
import { LOGIN, type LoginData } from './queries';
import { FUND_TREE, type FundTreeData } from './rollup-queries';
import { summarize, type Sample, type Summary } from './stats';
import { startInProcessService } from './in-process-service';

/**
 * Issue 17 benchmark (`npm run bench:citus`): the API (GraphQL over HTTP, the service in this process as
 * `npm run bench` runs it) on plain PostgreSQL and on a Citus 13.2 cluster (coordinator + 2 workers), same
 * data, same run, as ratios. Each engine gets a database with every migration and the same reduced
 * synthetic city (seed 42; BENCH_CITUS_TOWNSHIPS townships, default 2 districts × 12) with its transfer
 * fund tree and self-evaluations for BENCH_CITUS_SHARE (0.3) of the project goals — generated on the
 * coordinator before `distributeUrl` distributes it, so both engines hold identical rows. Then:
 * - the fund-tree roll-up (DOMAIN §11, bench/rollup-queries.ts FUND_TREE): sequential p50/p95 and
 *   throughput, then 4 clients at once;
 * - a burst of BENCH_BURST (500) concurrent `submitEvaluation` requests (bench/burst.ts): successes,
 *   wall time, per-request p50/p95, and whether the database and the roll-up agree after.
 * PLAIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the plain server; the cluster is
 * started with ../shared/citus/cluster (CITUS_HOME, default /work/shared/citus) on CITUS_PORT (56300)
 * under /tmp and stopped at the end. Prints JSON with the load average beside every figure.
 */
const log = (line: string) => process.stderr.write(`[bench:citus] ${line}\n`);
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const int = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

interface EngineFigures {
  engine: string;
  prepareSeconds: number;
  fundTree: Summary;
  fundTreeConcurrent: Summary;
  burst: BurstResult;
  load: number[];
}

async function seed(ownerUrl: string): Promise<{ city: SyntheticCity; overallId: string }> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const city = await generateSyntheticCity(owner, {
      seed: 42,
      workload: true,
      districts: 2,
      townshipsPerDistrict: int('BENCH_CITUS_TOWNSHIPS', 12),
    });
    await generateSyntheticEvaluations(owner, {
      tenantId: city.tenantId,
      seed: 42,
      share: Number(process.env.BENCH_CITUS_SHARE ?? 0.3),
    });
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM performance_goal WHERE tenant_id = $1 AND fund_id = $2 AND scope = 'TRANSFER_OVERALL'`,
      [city.tenantId, city.workload!.bigFundId],
    );
    return { city, overallId: rows[0].id };
  } finally {
    await owner.end();
  }
}

async function engine(adminUrl: string, name: string, citus: boolean): Promise<EngineFigures> {
  const label = citus ? 'citus' : 'plain';
  const started = performance.now();
  if (citus) await createCitusDatabase(adminUrl, name);
  else {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  }
  const ownerUrl = withDatabase(adminUrl, name);
  await migrate(ownerUrl);
  const appUrl = await enableAppRole(ownerUrl, randomBytes(24).toString('base64url'));
  const { city, overallId } = await seed(ownerUrl);
  if (citus) await distributeUrl(ownerUrl);
  const analyze = new Client({ connectionString: ownerUrl });
  await analyze.connect();
  await analyze.query('ANALYZE');
  await analyze.end();
  const prepareSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`${label}: prepared in ${prepareSeconds} s (load ${load().join(' ')})`);

  const { services, dataSource, server } = await startInProcessService(appUrl);
  try {
    const anonymous = new GraphQLClient(server.url);
    const login = await anonymous.request<LoginData>(LOGIN, {
      input: { tenant: city.tenantId, login: city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
    });
    const token = login.body.data?.login.token;
    if (!token) throw new Error(`login failed: ${login.text.slice(0, 300)}`);
    const api = anonymous.withToken(token);
    const id = toGlobalId('PerformanceGoal', overallId);
    const tree = async () => (await api.request<FundTreeData>(FUND_TREE, { id })).sample;
    for (let i = 0; i < 5; i++) await tree();
    const sequential: Sample[] = [];
    const seqStarted = performance.now();
    for (let i = 0; i < int('BENCH_ITERATIONS', 40); i++) sequential.push(await tree());
    const fundTree = summarize(sequential);
    log(`${label}: fund tree p50 ${fundTree.p50Ms} ms (${Math.round(performance.now() - seqStarted)} ms)`);
    const concurrent: Sample[] = [];
    let claimed = 0;
    const concStarted = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (claimed < 40) {
          claimed += 1;
          concurrent.push(await tree());
        }
      }),
    );
    const fundTreeConcurrent = summarize(concurrent, performance.now() - concStarted);
    const result = await burst({
      size: int('BENCH_BURST', 500),
      ownerUrl,
      city,
      overallId,
      api,
      tokens: services.tokens,
      log,
    });
    log(`${label}: burst ${result.succeeded}/${result.requested} in ${result.wallMs} ms`);
    return { engine: label, prepareSeconds, fundTree, fundTreeConcurrent, burst: result, load: load() };
  } finally {
    await server.stop();
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const home = process.env.CITUS_HOME ?? '/work/shared/citus';
  const port = Number(process.env.CITUS_PORT ?? 56300);
  const plainAdmin = process.env.PLAIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dir = `/tmp/jixiao-citus-bench-${process.pid}`;
  const name = `jx_citus_bench_${Date.now().toString(36)}`;
  const citusAdmin = execFileSync(`${home}/cluster`, ['start', dir, String(port), '2'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  const loadBefore = load();
  try {
    const plain = await engine(plainAdmin, name, false);
    const citus = await engine(citusAdmin, name, true);
    const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const report = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      loadBefore,
      plain,
      citus,
      ratiosCitusOverPlain: {
        fundTreeP50: r(citus.fundTree.p50Ms, plain.fundTree.p50Ms),
        fundTreeP95: r(citus.fundTree.p95Ms, plain.fundTree.p95Ms),
        fundTreeThroughput: r(citus.fundTree.requestsPerSecond, plain.fundTree.requestsPerSecond),
        fundTreeConcurrentThroughput: r(
          citus.fundTreeConcurrent.requestsPerSecond,
          plain.fundTreeConcurrent.requestsPerSecond,
        ),
        burstWall: r(citus.burst.wallMs, plain.burst.wallMs),
        burstP50: r(citus.burst.p50Ms, plain.burst.p50Ms),
        burstP95: r(citus.burst.p95Ms, plain.burst.p95Ms),
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const c = new Client({ connectionString: plainAdmin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
    await dropCitusDatabase(citusAdmin, name);
  } finally {
    execFileSync(`${home}/cluster`, ['stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
