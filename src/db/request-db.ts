import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that sets the tenant for the rest of the transaction. `SET LOCAL` (issue 8 item 14): it
 * ends with the transaction, and it is the form a Citus cluster propagates to its workers. It takes no
 * bind parameter, so the id is checked to be a UUID and only then written as a literal.
 */
export function setTenantSql(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new Error('tenant id is not a UUID');
  return `SET LOCAL jixiao.tenant_id = '${tenantId.toLowerCase()}'`;
}

/** The request's database is already finished: nothing more may run on its connection. */
export class RequestDbFinishedError extends Error {
  constructor() {
    super('the request database transaction has already ended');
  }
}

/**
 * The database of one request: one connection, one transaction, the tenant set with `SET LOCAL` so it
 * ends with the transaction and never leaks through the pool (row-level security reads it). Mutations
 * run in savepoints inside it. Every SQL statement is counted (query-count tests, benchmarks).
 *
 * Release is guaranteed (issue 8 item 1): `finish` is idempotent and waits for a connection still
 * being opened; after it, nothing runs on the connection. `abandon` is the HTTP backstop (response
 * closed, client gone, shutdown cut): it rolls back at once, or — while GraphQL still executes on the
 * transaction (`busy`) — makes the execution's own `finish` roll back instead of committing.
 */
export class RequestDb {
  private runner: QueryRunner | null = null;
  private opening: Promise<QueryRunner> | null = null;
  private ending: Promise<void> | null = null;
  private tenantId: string | null = null;
  /** GraphQL is executing on this transaction; only its end (willSendResponse) may finish it. */
  busy = false;
  /** The response can no longer reach the client: the transaction is rolled back, never committed. */
  abandoned = false;
  statements = 0;
  /** Time spent waiting for this request's SQL statements, in milliseconds (issue 16 metrics). */
  sqlMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    /** READ ONLY transaction (the start-up warm-up, src/app/request-warmup.ts): PostgreSQL refuses any write. */
    private readonly options: { readOnly?: boolean } = {},
  ) {}

  /** Sets the tenant for the rest of the transaction (on first use, or at once if already open). */
  async setTenant(tenantId: string): Promise<void> {
    const sql = setTenantSql(tenantId);
    this.tenantId = tenantId;
    if (this.runner || this.opening) await (await this.open()).query(sql);
  }

  get currentTenantId(): string | null {
    return this.tenantId;
  }

  get finished(): boolean {
    return this.ending !== null;
  }

  async manager(): Promise<EntityManager> {
    return (await this.open()).manager;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.open()).query(sql, params) as Promise<T[]>;
  }

  /**
   * A read on a hot path as a prepared (named) statement (issue 18): PostgreSQL parses and plans it once
   * per connection instead of on every request. The name is derived from the text, so one name never
   * stands for two statements. Plain rows (node-postgres), no entity hydration; counted like the others.
   */
  async prepared<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = await this.open();
    const client = (runner as unknown as { databaseConnection?: PgClient }).databaseConnection;
    if (!client) return runner.query(sql, params) as Promise<T[]>;
    if (this.ending) throw new RequestDbFinishedError();
    this.statements += 1;
    const started = performance.now();
    try {
      const result = await client.query({ name: statementName(sql), text: sql, values: params });
      return result.rows as T[];
    } finally {
      this.sqlMs += performance.now() - started;
    }
  }

  /** Runs `work` in a savepoint: its writes are undone if it throws, the request goes on. */
  async savepoint<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = await this.open();
    await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /**
   * Ends the request: commit (or roll back) and give the connection back to the pool. Idempotent; an
   * abandoned request is always rolled back. A failed COMMIT rejects (the caller reports it) after the
   * connection is released.
   */
  finish(commit: boolean): Promise<void> {
    this.ending ??= this.end(commit && !this.abandoned);
    return this.ending;
  }

  /** The response is closed or can no longer reach its client (see the class comment). */
  abandon(): Promise<void> {
    this.abandoned = true;
    if (this.busy) return Promise.resolve();
    return this.finish(false).catch(() => undefined);
  }

  /**
   * Shutdown past its grace period: the connection is closed under the running statement, so
   * PostgreSQL rolls the transaction back and nothing more runs on it (issue 8 item 6).
   */
  terminate(): void {
    this.abandoned = true;
    if (this.runner) void discard(this.runner, new Error('request terminated by shutdown'));
  }

  private async end(commit: boolean): Promise<void> {
    const runner = this.runner ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.runner = null;
    if (!runner) return;
    if (runner.isReleased) {
      // The connection was lost or terminated: PostgreSQL has rolled the transaction back.
      if (commit) throw new Error('the database connection was lost before commit');
      return;
    }
    const raw = rawQueries.get(runner)!;
    this.statements += 1;
    try {
      await raw(commit ? 'COMMIT' : 'ROLLBACK');
    } catch (error) {
      // A connection whose transaction could not be ended cleanly never goes back to the pool.
      await discard(runner, error);
      throw error;
    }
    await runner.release();
  }

  private open(): Promise<QueryRunner> {
    if (this.ending) return Promise.reject(new RequestDbFinishedError());
    if (this.runner) return Promise.resolve(this.runner);
    this.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      const query = runner.query.bind(runner);
      rawQueries.set(runner, (sql) => query(sql));
      runner.query = ((...args: Parameters<QueryRunner['query']>) => {
        // After finish began, no statement may run outside the request's transaction.
        if (this.ending) return Promise.reject(new RequestDbFinishedError());
        this.statements += 1;
        const started = performance.now();
        return query(...args).finally(() => (this.sqlMs += performance.now() - started));
      }) as QueryRunner['query'];
      try {
        await runner.connect();
        await begin(runner, this.tenantId, this.options.readOnly === true);
      } catch (error) {
        await discard(runner, error);
        throw error;
      }
      if (!this.ending) this.runner = runner;
      return runner;
    })();
    return this.opening;
  }
}

/** The subset of node-postgres' client used for prepared statements. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** A stable statement name for a SQL text (`jx_` + 24 hex digits of its SHA-1). */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `jx_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size > 5000) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * Opens the request's transaction and sets its tenant in ONE round trip (issue 18: the per-request
 * preamble folded): `START TRANSACTION; SET LOCAL …` as one simple-protocol message. TypeORM's own
 * bookkeeping is set as `startTransaction()` would, so savepoints nest under it as before.
 */
async function begin(runner: QueryRunner, tenantId: string | null, readOnly: boolean): Promise<void> {
  const start = readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION';
  await runner.query(tenantId ? `${start}; ${setTenantSql(tenantId)}` : start);
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

/** The unwrapped `query` of each runner, for the statements that end the transaction. */
const rawQueries = new WeakMap<QueryRunner, (sql: string) => Promise<unknown>>();

/**
 * Gives a connection back so the pool destroys it instead of reusing it. TypeORM keeps this path
 * private (`releasePostgresConnection(err)`: pg-pool's `release(err)`); a plain release is the fallback.
 */
async function discard(runner: QueryRunner, error: unknown): Promise<void> {
  const internal = runner as unknown as { releasePostgresConnection?: (err: unknown) => Promise<void> };
  try {
    if (typeof internal.releasePostgresConnection === 'function') {
      await internal.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
    } else {
      await runner.release();
    }
  } catch {
    // Already released (e.g. the connection died and TypeORM released it on its 'error' event).
  }
}
