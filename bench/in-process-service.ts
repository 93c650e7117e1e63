import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startServer } from '../src/app/server';
import { LoginThrottle } from '../src/auth/login-throttle';
import { TokenService } from '../src/auth/token.service';
import type { AppServices } from '../src/common/request-context';
import { parseConfig } from '../src/config/config';
import { createDataSource } from '../src/db/data-source';

/**
 * The API served from the bench process (the in-process, reporting and Citus benchmarks): the server of
 * src/main.ts on `appUrl` (the API role under row-level security), 10 pool connections, statement counts
 * exposed, silent log, a random token secret. The caller stops the server and then destroys the pool.
 */
export async function startInProcessService(appUrl: string) {
  const config = parseConfig({ NODE_ENV: 'development', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'silent' });
  const dataSource = createDataSource(appUrl, 10);
  await dataSource.initialize();
  const services: AppServices = {
    config,
    dataSource,
    logger: pino({ level: 'silent' }),
    tokens: new TokenService(randomBytes(36).toString('base64url'), config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  try {
    const server = await startServer(services, '127.0.0.1', 0);
    return { services, dataSource, server };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
