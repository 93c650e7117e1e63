import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { registerTimestampParser } from './pg-timestamps';

/**
 * Time limits of the API's connections (issue 8 item 5): without them one held lock stalls every
 * tenant and a lost transaction keeps its connection for good. 0 means "no limit" for the three
 * PostgreSQL settings, as in PostgreSQL.
 */
export interface DbTimeouts {
  /** statement_timeout: a longer statement is cancelled (SQLSTATE 57014). */
  statementMs: number;
  /** lock_timeout: a longer lock wait fails (SQLSTATE 55P03). */
  lockMs: number;
  /** idle_in_transaction_session_timeout: PostgreSQL ends a session idle this long inside a transaction. */
  idleInTransactionMs: number;
  /** Longest wait for a pooled connection (pg-pool connectionTimeoutMillis, also bounds connecting). */
  acquireMs: number;
  /**
   * Issue 18: an unused pooled connection is closed after this long (pg-pool idleTimeoutMillis; 0: kept
   * open, like a fixed-size pool). A new connection starts a PostgreSQL backend with cold caches and
   * none of the prepared statements (RequestDb.prepared): a first request after pg-pool's default 10 quiet
   * seconds took 32–36 ms against 15 ms right after another (W1, bench/peers/probe.ts PROBE_PAUSE_MS).
   */
  poolIdleMs: number;
}

/** The timeouts of the configuration (src/config/config.ts, documented in .env.example). */
export function dbTimeouts(config: {
  DB_STATEMENT_TIMEOUT_MS: number;
  DB_LOCK_TIMEOUT_MS: number;
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
  DB_POOL_ACQUIRE_TIMEOUT_MS: number;
  DB_POOL_IDLE_TIMEOUT_MS: number;
}): DbTimeouts {
  return {
    statementMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    acquireMs: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
    poolIdleMs: config.DB_POOL_IDLE_TIMEOUT_MS,
  };
}

/**
 * TypeORM options for a connection URL. Schema changes come only from migrations (never synchronize).
 * With `timeouts` (the API's runtime pool), every connection starts with the session limits set in its
 * start-up packet, so no request can run without them.
 */
export function dataSourceOptions(url: string, poolSize = 10, timeouts?: DbTimeouts): DataSourceOptions {
  const limits = timeouts
    ? {
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
        connectionTimeoutMillis: timeouts.acquireMs,
        idleTimeoutMillis: timeouts.poolIdleMs,
      }
    : {};
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, application_name: 'jixiao', ...limits },
  };
}

export function createDataSource(url: string, poolSize?: number, timeouts?: DbTimeouts): DataSource {
  // Issue 18: timestamps read by character codes (pg-timestamps.ts), the same Date as postgres-date.
  registerTimestampParser();
  return new DataSource(dataSourceOptions(url, poolSize, timeouts));
}
