import { Writable } from 'node:stream';
import pino from 'pino';
import { startServer } from '../../src/app/server';
import { parseConfig } from '../../src/config/config';
import type { TestApp } from './app';

/**
 * A second server on a test app's database and pool, configured by `env` (no request warm-up unless
 * asked), with its log lines kept: for what happens at start-up (the warm-ups of issue 18).
 */
export async function startAnotherServer(app: TestApp, env: Record<string, string>, port = 0) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const config = parseConfig({
    NODE_ENV: 'test',
    EXPOSE_SQL_COUNT: 'true',
    LOG_LEVEL: 'info',
    REQUEST_WARMUP_ROUNDS: '0',
    ...env,
  });
  const services = { ...app.services, config, logger: pino({ level: 'info' }, sink) };
  const server = await startServer(services, '127.0.0.1', port);
  return { server, lines };
}

/** The API role's connection pool of a test app: every connection idle means every one was released. */
export const poolOf = (app: TestApp) =>
  (app.services.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
