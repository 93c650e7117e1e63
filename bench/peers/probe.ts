import '../env';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../seeds';
import { enableAppRole } from '../../src/db/bootstrap';
import { Cleanup } from '../cleanup';
import { GraphQLClient } from '../client';
import { LOGIN, type LoginData } from '../queries';
import { warmClient } from './client-warmup';
import { existingPeersData } from './data';
import { httpLoad } from './load';
import { cityPath } from './peer-sql';
import { memoryOf, startProcess } from './processes';
import { summarizeByLibrary } from './profile-summary';
import { workloads, type Context, type Workload } from './workloads';

/**
 * Issue 18, a developer's probe (not part of `npm run bench`): one Jixiao process on a database an earlier
 * run kept (`BENCH_REUSE_DATABASE`), the first request of each workload after start, then
 * `PROBE_SECONDS` of load per workload at `PROBE_CONNECTIONS`, peak RSS, and (PROBE_PROFILE=<key>) a CPU
 * profile of that workload summarised by library and by function. Env: DATABASE_URL (owner URL of the
 * server), BENCH_REUSE_DATABASE, PROBE_WORKLOADS (default all), PROBE_NODE_OPTIONS (node flags of the server),
 * PROBE_DUMP (a directory: each workload's first answer written there as <key>.json), PROBE_PROFILE_FIRST=1
 * (a CPU profile of the first workload's first request; BENCH_PROFILE_INTERVAL its sampling interval in µs,
 * default 500), the PROBE_PREWARM family (`prewarm`), PROBE_PAUSE_MS (a quiet period before the first
 * requests) and PROBE_CLIENT_WARMUP=0 (this client left cold; by default it is warmed as `npm run bench`
 * warms it, client-warmup.ts).
 */
async function main(): Promise<void> {
  const name = process.env.BENCH_REUSE_DATABASE;
  const url = new URL(process.env.DATABASE_URL ?? '');
  if (!name || !url.host) throw new Error('DATABASE_URL and BENCH_REUSE_DATABASE are required');
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const cleanup = new Cleanup();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const appUrl = await enableAppRole(ownerUrl, randomBytes(24).toString('base64url'));
    const data = await existingPeersData(ownerUrl);
    const ctx: Context = {
      tenantId: data.city.tenantId,
      cityCode: data.city.cityCode,
      cityPath: await cityPath(ownerUrl, data.city.tenantId, data.city.cityCode),
      overallId: data.overallId,
      year: Math.max(...data.years),
      firstYear: Math.min(...data.years),
      regionCount: data.city.regionCount,
      organizationCount: data.city.organizationCount,
    };
    const profileFile = join('/tmp', 'probe.cpuprofile');
    const flags = (process.env.PROBE_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
    const jixiao = await startProcess({
      name: 'jixiao',
      node: process.execPath,
      script: process.env.PROBE_SERVER ?? join(__dirname, 'jixiao-server.js'),
      args: flags,
      env: {
        BENCH_APP_URL: appUrl,
        BENCH_TOKEN_SECRET: randomBytes(36).toString('base64url'),
        DB_POOL_SIZE: '10',
        BENCH_PROFILE_FILE: profileFile,
        BENCH_PROFILE_INTERVAL: process.env.BENCH_PROFILE_INTERVAL ?? '500',
      },
      cleanup,
      log,
    });
    log(`started in ${Math.round(jixiao.startMs)} ms, rss ${JSON.stringify(memoryOf(jixiao.pid))}`);
    const anonymous = new GraphQLClient(jixiao.url);
    const login = await anonymous.request<LoginData>(LOGIN, {
      input: { tenant: ctx.tenantId, login: data.city.sampleLogins.cityFinance, password: DEMO_PASSWORD },
    });
    const token = login.body.data?.login.token;
    if (!token) throw new Error(`login failed: ${login.text}`);
    const api = anonymous.withToken(token);
    const only = process.env.PROBE_WORKLOADS?.split(',');
    // In the order PROBE_WORKLOADS names them (which workload is first after start matters).
    const listed = workloads(ctx);
    const all = only ? only.flatMap((k) => listed.filter((w) => w.key === k)) : listed;
    // As `npm run bench` does (client-warmup.ts); PROBE_CLIENT_WARMUP=0 leaves the client cold.
    if (process.env.PROBE_CLIENT_WARMUP !== '0') log(`client warmed: ${JSON.stringify(await warmClient())}`);
    await prewarm(jixiao.url, anonymous, api, all);
    // PROBE_PAUSE_MS: a quiet period before the first requests (pooled connections idle that long).
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.PROBE_PAUSE_MS ?? 0)));
    for (const [i, w] of all.entries()) {
      // PROBE_PROFILE_FIRST=1: a CPU profile of the first workload's first request, summarised.
      const profileFirst = i === 0 && process.env.PROBE_PROFILE_FIRST === '1';
      if (profileFirst) {
        const started = jixiao.nextLine('profiling');
        jixiao.child.kill('SIGUSR2');
        await started;
      }
      const a = await api.request<unknown>(w.jixiao.query, w.jixiao.variables);
      if (profileFirst) {
        const written = jixiao.nextLine('profileWritten');
        jixiao.child.kill('SIGUSR2');
        await written;
        const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
        log(`first-request profile: ${profileFile}; ${JSON.stringify(summarizeByLibrary(profile, 40))}`);
      }
      const b = await api.request<unknown>(w.jixiao.query, w.jixiao.variables);
      const c = await api.request<unknown>(w.jixiao.query, w.jixiao.variables);
      if (a.body.errors) throw new Error(`${w.key}: ${JSON.stringify(a.body.errors).slice(0, 400)}`);
      if (process.env.PROBE_DUMP) writeFileSync(join(process.env.PROBE_DUMP, `${w.key}.json`), a.text);
      log(
        `${w.key}: first ${a.sample.ms.toFixed(1)} ms, then ${b.sample.ms.toFixed(1)}, ${c.sample.ms.toFixed(1)} ms; statements ${b.sample.statements}; sql ms ${[a, b, c].map((r) => JSON.parse(r.text).extensions?.sqlMs).join(', ')}; ${a.text.length} bytes`,
      );
    }
    const seconds = Number(process.env.PROBE_SECONDS ?? 5);
    const connections = Number(process.env.PROBE_CONNECTIONS ?? 1);
    for (const w of all) {
      if (seconds <= 0) break;
      const body = JSON.stringify({ query: w.jixiao.query, variables: w.jixiao.variables });
      const profiled = process.env.PROBE_PROFILE === w.key;
      if (profiled) {
        const started = jixiao.nextLine('profiling');
        jixiao.child.kill('SIGUSR2');
        await started;
      }
      const cpuBefore = cpuMsOf(jixiao.pid);
      const r = await httpLoad({ url: jixiao.url, token, body }, connections, { seconds });
      // Server CPU per request: steadier than throughput on a shared, noisy machine.
      const cpuPerRequest = (cpuMsOf(jixiao.pid) - cpuBefore) / Math.max(1, r.requests);
      log(
        `${w.key} × ${connections}: cpu ${cpuPerRequest.toFixed(1)} ms/req ${JSON.stringify(r).slice(0, 300)}`,
      );
      if (profiled) {
        const written = jixiao.nextLine('profileWritten');
        jixiao.child.kill('SIGUSR2');
        await written;
        const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
        log(JSON.stringify(summarizeByLibrary(profile, 20)));
      }
      log(`rss ${JSON.stringify(memoryOf(jixiao.pid))}`);
      // The same request, warm, by the client that timed the first one (fetch, one at a time).
      const times: number[] = [];
      for (let k = 0; k < 21; k += 1)
        times.push((await api.request(w.jixiao.query, w.jixiao.variables)).sample.ms);
      log(`${w.key} warm by fetch: median ${times.sort((x, y) => x - y)[10].toFixed(1)} ms`);
    }
    await jixiao.stop();
  } finally {
    await cleanup.runAll();
  }
}

/**
 * Requests sent before the first ones are timed (how much warm code alone gives): PROBE_PREWARM_HEALTHZ
 * GETs of /healthz (the client's own warm-up), PROBE_PREWARM_ANON anonymous `__typename` queries, and
 * PROBE_PREWARM rounds of every workload — with a comment added (another document to Apollo and
 * graphql-jit), or the same document with PROBE_PREWARM_SAME=1.
 */
async function prewarm(url: string, anonymous: GraphQLClient, api: GraphQLClient, all: Workload[]) {
  const times = (name: string) => Number(process.env[name] ?? 0);
  for (let n = times('PROBE_PREWARM_HEALTHZ'); n > 0; n -= 1)
    await (await fetch(url.replace('/graphql', '/healthz'))).text();
  for (let n = times('PROBE_PREWARM_ANON'); n > 0; n -= 1)
    await anonymous.request<unknown>('query Warm { __typename }');
  const same = process.env.PROBE_PREWARM_SAME === '1';
  for (let n = times('PROBE_PREWARM'); n > 0; n -= 1)
    for (const w of all)
      await api.request<unknown>(same ? w.jixiao.query : `${w.jixiao.query}\n# warm`, w.jixiao.variables);
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
