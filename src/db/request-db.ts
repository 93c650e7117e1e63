import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The database of one request: one connection, one transaction, the tenant set with
 * `set_config('jixiao.tenant_id', …, true)` so it ends with the transaction and never leaks through the
 * pool (row-level security reads it). Mutations run in savepoints inside it. Every SQL statement is
 * counted (query-count tests, benchmarks).
 */
export class RequestDb {
  private runner: QueryRunner | null = null;
  private opening: Promise<QueryRunner> | null = null;
  private tenantId: string | null = null;
  statements = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Sets the tenant for the rest of the transaction (on first use, or at once if already open). */
  async setTenant(tenantId: string): Promise<void> {
    this.tenantId = tenantId;
    if (this.runner) await this.runner.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
  }

  get currentTenantId(): string | null {
    return this.tenantId;
  }

  async manager(): Promise<EntityManager> {
    return (await this.open()).manager;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.open()).query(sql, params) as Promise<T[]>;
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

  /** Ends the request: commit (or roll back) and give the connection back to the pool. */
  async finish(commit: boolean): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = null;
    this.opening = null;
    try {
      if (runner.isTransactionActive) {
        if (commit) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  private open(): Promise<QueryRunner> {
    if (this.runner) return Promise.resolve(this.runner);
    this.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      const query = runner.query.bind(runner);
      runner.query = ((...args: Parameters<QueryRunner['query']>) => {
        this.statements += 1;
        return query(...args);
      }) as QueryRunner['query'];
      await runner.connect();
      await runner.startTransaction();
      if (this.tenantId)
        await runner.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [this.tenantId]);
      this.runner = runner;
      return runner;
    })();
    return this.opening;
  }
}
