import '../env';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import { LoginThrottle } from '../../src/auth/login-throttle';
import { TokenService } from '../../src/auth/token.service';
import { parseConfig } from '../../src/config/config';
import { createDataSource, dbTimeouts } from '../../src/db/data-source';
import { startServer } from '../../src/app/server';

/**
 * Issue 18: the Jixiao service as its own process for the peers benchmark — the server of
 * src/main.ts (Apollo on Express, the runtime role `jixiao_app` under row-level security) started on
 * an already migrated bench database, with the libraries in production mode (NODE_ENV=production, set
 * by ../env before graphql and express load). The service's own configuration differs from a production
 * deployment only where the benchmark needs it: `extensions.sqlStatements` on (EXPOSE_SQL_COUNT, refused
 * by the config when NODE_ENV=production, hence NODE_ENV=development in the parsed config with
 * the IDE, metrics and introspection explicitly off as in production), request logging off
 * (LOG_LEVEL=silent; PostGraphile logs nothing per request either) and the per-user rate limit raised
 * (one token stands for many users; PostGraphile has none).
 *
 * Env: BENCH_APP_URL (runtime role URL), BENCH_TOKEN_SECRET, DB_POOL_SIZE (default 10), PORT (0: any),
 * BENCH_LAYERS — W5: `all` (default), `no-permissions` (the graphql-shield layer with its middlewares,
 * src/app/permissions.ts, left out), `bare` (that and the input hygiene wrapper left out), BENCH_PROFILE_FILE
 * — SIGUSR2 starts a CPU profile, the next SIGUSR2 writes it there. Prints one JSON line when ready.
 */

type SchemaWrapper = { [name: string]: (schema: GraphQLSchema) => GraphQLSchema };

/** W5: replaces a wrapper of the schema by the identity before the schema is built (no source change). */
function leaveOut(module: string, name: string): void {
  const load = createRequire(__filename);
  const exports = load(module) as SchemaWrapper;
  exports[name] = (schema) => schema;
}

async function main(): Promise<void> {
  const layers = process.env.BENCH_LAYERS ?? 'all';
  if (!['all', 'no-permissions', 'bare'].includes(layers)) throw new Error(`BENCH_LAYERS: ${layers}?`);
  if (layers !== 'all') leaveOut('../../src/app/permissions', 'withPermissions');
  if (layers === 'bare') leaveOut('../../src/common/input-hygiene', 'withInputHygiene');

  const appUrl = process.env.BENCH_APP_URL;
  const secret = process.env.BENCH_TOKEN_SECRET;
  if (!appUrl || !secret) throw new Error('BENCH_APP_URL and BENCH_TOKEN_SECRET are required');
  const config = parseConfig({
    NODE_ENV: 'development',
    EXPOSE_SQL_COUNT: 'true',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    IDE_ENABLED: 'false',
    METRICS_ENABLED: 'false',
    INTROSPECTION: 'false',
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
    ROLLUP_WARMUP_LIMIT: process.env.ROLLUP_WARMUP_LIMIT,
    REQUEST_WARMUP_ROUNDS: process.env.REQUEST_WARMUP_ROUNDS,
    HEAP_GROWING_PERCENT: process.env.HEAP_GROWING_PERCENT,
    // Production default (5 s) unless the run sets it: past it a request waiting for a connection gets 503.
    DB_POOL_ACQUIRE_TIMEOUT_MS: process.env.DB_POOL_ACQUIRE_TIMEOUT_MS,
    // Production default (0: the pool's connections stay open) unless the run sets it.
    DB_POOL_IDLE_TIMEOUT_MS: process.env.DB_POOL_IDLE_TIMEOUT_MS,
    TOKEN_SECRET: secret,
    // One token drives the load many users would send: the per-user cost limit (issue 8 item 16) would
    // otherwise refuse the faster workloads' later requests (429) and measure the limiter, not the server.
    RATE_LIMIT_BUCKET: '100000000',
    RATE_LIMIT_LEAK_PER_SECOND: '10000000',
  });
  const dataSource = createDataSource(appUrl, config.DB_POOL_SIZE, dbTimeouts(config));
  await dataSource.initialize();
  const logger = pino({ level: 'silent' });
  const services = {
    config,
    dataSource,
    logger,
    tokens: new TokenService(secret, config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  const server = await startServer(services, '127.0.0.1', Number(process.env.PORT ?? 0));
  process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, layers })}\n`);

  // CPU profile on demand (W5): SIGUSR2 starts it, the next SIGUSR2 writes it.
  let session: Session | null = null;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!session) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', {
          interval: Number(process.env.BENCH_PROFILE_INTERVAL ?? 500),
        });
        await session.post('Profiler.start');
        process.stdout.write(`${JSON.stringify({ profiling: true })}\n`);
        return;
      }
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      writeFileSync(process.env.BENCH_PROFILE_FILE ?? 'jixiao.cpuprofile', JSON.stringify(profile));
      process.stdout.write(`${JSON.stringify({ profileWritten: true })}\n`);
    })();
  });

  const stop = () => {
    void server
      .stop(1000)
      .then(() => dataSource.destroy())
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
