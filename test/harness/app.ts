import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { LoginThrottle } from '../../src/auth/login-throttle';
import { TokenService } from '../../src/auth/token.service';
import { parseConfig } from '../../src/config/config';
import { createDataSource, dbTimeouts } from '../../src/db/data-source';
import { startServer, type RunningServer } from '../../src/app/server';
import type { AppServices } from '../../src/common/request-context';
import { DEMO_PASSWORD } from '../../seeds';
import { MONITORING_TABLES } from '../../src/monitoring/monitoring.entities';
import { EVALUATION_TABLES } from '../../src/evaluation/evaluation.entities';
import { createTestDatabase, type TestDatabase } from './database';
import { TEST_TOKEN_SECRET } from './env';

const DIGESTED_TABLES = [
  'tenant',
  'region',
  'organization',
  'organization_counterpart',
  'app_user',
  'user_login',
  'audit_event',
  'fund',
  'fund_allocation',
  'project',
  'ex_ante_assessment',
  'ex_ante_assessment_dimension',
  'performance_goal',
  'goal_indicator',
  'goal_transition',
  ...MONITORING_TABLES,
  ...EVALUATION_TABLES,
  'result_finding',
  'result_recommendation',
  'disclosure',
];

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: { sqlStatements?: number };
}

/**
 * The real service on a fresh database: HTTP server on a free port, the API role's connection pool,
 * and an owner connection (`owner`) for arranging data and asserting outcomes in the database.
 */
export class TestApp {
  private tokens = new Map<string, string>();

  private constructor(
    readonly db: TestDatabase,
    readonly owner: Client,
    readonly services: AppServices,
    readonly server: RunningServer,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestApp> {
    const db = await createTestDatabase();
    const config = parseConfig({ NODE_ENV: 'test', EXPOSE_SQL_COUNT: 'true', LOG_LEVEL: 'silent', ...env });
    const dataSource = createDataSource(db.appUrl, 4, dbTimeouts(config));
    await dataSource.initialize();
    const services: AppServices = {
      config,
      dataSource,
      logger: pino({ level: 'silent' }),
      tokens: new TokenService(TEST_TOKEN_SECRET, config.TOKEN_TTL),
      loginThrottle: new LoginThrottle(config.LOGIN_MAX_FAILURES, config.LOGIN_BLOCK_SECONDS),
    };
    const server = await startServer(services, '127.0.0.1', 0);
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    return new TestApp(db, owner, services, server);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.services.dataSource.destroy();
    await this.owner.end();
    await this.db.drop();
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
    const parts = DIGESTED_TABLES.map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${table} x`,
    );
    const rows = await this.sql<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  }

  /** Runs SQL as the owner (bypasses row-level security) for arranging and asserting. */
  async sql<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.owner.query<R>(text, params)).rows;
  }
}
