import 'reflect-metadata';
import { Client } from 'pg';
import pino, { type Logger } from 'pino';
import { LoginThrottle } from '../../src/auth/login-throttle';
import { TokenService } from '../../src/auth/token.service';
import { parseConfig, type AppConfig } from '../../src/config/config';
import { createDataSource, dbTimeouts, type DbTimeouts } from '../../src/db/data-source';
import { startServer, type RunningServer } from '../../src/app/server';
import type { AppServices } from '../../src/common/request-context';
import { DEMO_PASSWORD } from '../../seeds';
import { createTestDatabase, type TestDatabase } from './database';
import { standIn } from './stand-in';
import { TEST_TOKEN_SECRET } from './env';

/**
 * Tables `tableDigests` leaves out, each with its reason; every other table of the `public` schema is
 * digested (read from pg_catalog, so a new table is covered without editing this file).
 */
export const UNDIGESTED_TABLES: Record<string, string> = {
  schema_migration: 'migration bookkeeping: written by `migrate` only, never by a request',
};

/** The digested tables: base and partitioned tables of `public` (not partitions), minus the exclusions. */
const DIGESTED_TABLES_SQL = `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT c.relname = ANY($1)
  ORDER BY c.relname`;

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: number };
}

/** A Relay connection as the list tests select it: `totalCount nodes { … } pageInfo { hasNextPage endCursor }`. */
export interface Connection<N> {
  totalCount: number;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The real service on a fresh database: HTTP server on a free port, the API role's connection pool,
 * and an owner connection (`owner`) for arranging data and asserting outcomes in the database.
 */
export class TestApp {
  private tokens = new Map<string, string>();
  private digested?: string[];

  private constructor(
    readonly db: TestDatabase,
    readonly owner: Client,
    readonly services: AppServices,
    readonly server: RunningServer,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestApp> {
    // No start-up warm-up (src/app/request-warmup.ts) unless a test asks: it only costs the suite time.
    const config = parseConfig({
      NODE_ENV: 'test',
      EXPOSE_SQL_COUNT: 'true',
      LOG_LEVEL: 'silent',
      REQUEST_WARMUP_ROUNDS: '0',
      ...env,
    });
    const s = await startTestService(
      config,
      pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      dbTimeouts(config),
    );
    return new TestApp(s.db, s.owner, s.services, s.server);
  }

  async stop(): Promise<void> {
    await stopTestService(this);
  }

  /** Sends one GraphQL request over HTTP, as a client would. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; as?: string } = {},
  ): Promise<GraphQLResponse<T>> {
    const token = options.as ? await this.tokenFor(options.as) : options.token;
    const res = await fetch(this.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** The tenant code of a login, when exactly one tenant has it (logins are unique per tenant). */
  async tenantOf(login: string): Promise<string | undefined> {
    const rows = await this.sql<{ code: string }>(
      'SELECT t.code FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.login = lower($1)',
      [login],
    );
    return rows.length === 1 ? rows[0].code : undefined;
  }

  /** Signs in through the API, qualified by the login's tenant code (cached per login). */
  async tokenFor(login: string, password = DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(login);
    if (cached) return cached;
    const res = await this.gql<{ login: { token: string | null; userErrors: unknown[] } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }`,
      { input: { login, password, tenant: await this.tenantOf(login) } },
    );
    const token = res.data?.login.token;
    if (!token) throw new Error(`login ${login} failed: ${JSON.stringify(res)}`);
    this.tokens.set(login, token);
    return token;
  }

  /**
   * Row count and content digest of every table a mutation may write (owner view, all tenants): a
   * refused mutation must leave it exactly as it was; a digest also catches an UPDATE.
   */
  async tableDigests(): Promise<Record<string, string>> {
    const parts = (await this.digestedTables()).map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${table} x`,
    );
    const rows = await this.sql<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  }

  /** Every table of the schema but UNDIGESTED_TABLES (looked up once per test file). */
  async digestedTables(): Promise<string[]> {
    this.digested ??= (
      await this.sql<{ name: string }>(DIGESTED_TABLES_SQL, [Object.keys(UNDIGESTED_TABLES)])
    ).map((r) => r.name);
    return this.digested;
  }

  /** Runs SQL as the owner (bypasses row-level security) for arranging and asserting. */
  async sql<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.owner.query<R>(text, params)).rows;
  }
}

/**
 * One TestApp for the tests of a file (or of a describe block): started before them, stopped after them
 * (issue 10 item 6: the setup every API test file used to write out). The value stands for the started
 * app, so `app.gql(…)` and `app.sql(…)` read as with a `let app` set in `beforeAll`; using it outside a
 * test or hook (before it started) throws. `beforeStop` runs first in afterAll, on the started app (e.g.
 * dropping cluster-wide roles a test issued before its database goes).
 */
export function useTestApp(
  env: Record<string, string> = {},
  options: { beforeStop?: (app: TestApp) => Promise<unknown> } = {},
): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await TestApp.start(env);
  });
  afterAll(async () => {
    if (started) await options.beforeStop?.(started);
    await started?.stop();
    started = undefined;
  });
  return standIn(() => started, 'the TestApp');
}

/**
 * Runs `fn` with `refusal(sql, params)` on one connection as the API role (row-level security on): each
 * statement runs in the tenant `tenantId`, in a transaction rolled back after it; `refusal` answers the
 * name of the constraint that refused it (else the error), or null when it ran (e.g. frozen-row triggers).
 */
export async function asApiRole(
  app: TestApp,
  tenantId: string,
  fn: (refusal: (sql: string, params?: unknown[]) => Promise<string | null>) => Promise<void>,
): Promise<void> {
  const api = new Client({ connectionString: app.db.appUrl });
  await api.connect();
  try {
    await fn(async (sql, params = []) => {
      await api.query('BEGIN');
      await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
      try {
        await api.query(sql, params);
        return null;
      } catch (error) {
        return (error as { constraint?: string }).constraint ?? String(error);
      } finally {
        await api.query('ROLLBACK');
      }
    });
  } finally {
    await api.end();
  }
}

/** The real service on a fresh test database (TestApp, test/auth/logged-app.ts). */
export interface TestService {
  db: TestDatabase;
  /** Owner connection: bypasses row-level security, for arranging and asserting. */
  owner: Client;
  services: AppServices;
  server: RunningServer;
}

/** A fresh database, the API role's pool (4), the HTTP server on a free port and an owner connection. */
export async function startTestService(
  config: AppConfig,
  logger: Logger,
  timeouts?: DbTimeouts,
): Promise<TestService> {
  const db = await createTestDatabase();
  const dataSource = createDataSource(db.appUrl, 4, timeouts);
  await dataSource.initialize();
  const services: AppServices = {
    config,
    dataSource,
    logger,
    tokens: new TokenService(TEST_TOKEN_SECRET, config.TOKEN_TTL),
    loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
  };
  const server = await startServer(services, '127.0.0.1', 0);
  const owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  return { db, owner, services, server };
}

export async function stopTestService(s: TestService): Promise<void> {
  await s.server.stop();
  await s.services.dataSource.destroy();
  await s.owner.end();
  await s.db.drop();
}
