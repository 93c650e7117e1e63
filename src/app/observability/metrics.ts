import { createHash, timingSafeEqual } from 'node:crypto';
import type { GraphQLRequestContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { AdmissionQueue } from '../admission';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { aggregateCacheStats, rollUpCacheStats } from '../../common/cache-stats';

/** The pg pool behind the API's DataSource (typeorm's `driver.master`), when it is initialized. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

export function poolOf(dataSource: DataSource): PoolStats | null {
  const master = (dataSource.driver as unknown as { master?: PoolStats }).master;
  return master && typeof master.waitingCount === 'number' ? master : null;
}

/** Compares without leaking, by timing, how much of the token was right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/** Distinct operation names kept as label values; later ones count as `(other)` (clients choose names). */
const MAX_OPERATION_NAMES = 200;

/** What one GraphQL request did, measured when its transaction has ended (lifecycle.ts). */
export interface RequestMeasure {
  operation: string;
  outcome: string;
  seconds: number;
  statements: number;
  sqlSeconds: number;
}

/**
 * Prometheus metrics (issue 16 "Metrics and traces"), one registry per server: GraphQL requests by
 * operation and outcome, latency, SQL statements and SQL time per request, pool usage, roll-up cache
 * lookups, and the process's memory, CPU and event loop (prom-client's default metrics).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;
  private readonly statements: Histogram<'operation'>;
  private readonly sqlTime: Histogram<'operation'>;

  constructor(dataSource: DataSource, admission: AdmissionQueue | null = null) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'jixiao_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'jixiao_graphql_request_duration_seconds',
      help: 'GraphQL request latency, from the request start until its transaction ended',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.statements = new Histogram({
      name: 'jixiao_sql_statements_per_request',
      help: 'SQL statements of one GraphQL request (including BEGIN/COMMIT)',
      labelNames: ['operation'],
      buckets: [1, 2, 3, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    this.sqlTime = new Histogram({
      name: 'jixiao_sql_seconds_per_request',
      help: 'Time one GraphQL request spent waiting for its SQL statements',
      labelNames: ['operation'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Gauge({
      name: 'jixiao_db_pool_connections',
      help: 'Connections of the API pool: total open, idle, clients waiting for one, and the maximum',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = poolOf(dataSource);
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
        this.set({ state: 'max' }, pool.options.max);
      },
    });
    if (admission) {
      new Gauge({
        name: 'jixiao_requests',
        help: 'Requests that need the database: served now, waiting for a turn, and the most served at once',
        labelNames: ['state'],
        registers,
        collect() {
          const s = admission.stats;
          this.set({ state: 'running' }, s.running);
          this.set({ state: 'waiting' }, s.waiting);
          this.set({ state: 'max' }, s.concurrency);
        },
      });
      new Counter({
        name: 'jixiao_requests_refused_total',
        help: 'Requests refused a turn (503): queue full, no progress, waited too long, or shutting down',
        labelNames: ['reason'],
        registers,
        collect() {
          this.reset();
          for (const [reason, count] of Object.entries(admission.refused)) this.inc({ reason }, count);
        },
      });
    }
    for (const [name, help, stats] of [
      [
        'jixiao_rollup_cache_lookups_total',
        'Leaf roll-up results looked up in the process cache, by result (hit or miss)',
        rollUpCacheStats,
      ],
      [
        'jixiao_aggregate_cache_lookups_total',
        'Table-form aggregates over the region cells: reused from the process (hit) or the database (kept), or computed (miss)',
        aggregateCacheStats,
      ],
    ] as const) {
      new Counter({
        name,
        help,
        labelNames: ['result'],
        registers,
        collect() {
          this.reset();
          this.inc({ result: 'hit' }, stats.hits);
          this.inc({ result: 'miss' }, stats.misses);
          if ('kept' in stats) this.inc({ result: 'kept' }, stats.kept);
        },
      });
    }
  }

  /** The label of an operation: its name, `(anonymous)`, or `(invalid)` when it did not resolve. */
  operationLabel(ctx: GraphQLRequestContext<RequestContext>): string {
    if (!ctx.operation) return '(invalid)';
    const name = ctx.operationName ?? '(anonymous)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return '(other)';
    this.names.add(name);
    return name;
  }

  record(m: RequestMeasure): void {
    this.requests.inc({ operation: m.operation, outcome: m.outcome });
    this.duration.observe({ operation: m.operation, outcome: m.outcome }, m.seconds);
    this.statements.observe({ operation: m.operation }, m.statements);
    this.sqlTime.observe({ operation: m.operation }, m.sqlSeconds);
  }

  /** GET /metrics (Prometheus text format); with METRICS_TOKEN set, only for `Bearer <token>`. */
  handler(config: AppConfig): RequestHandler {
    return async (req, res) => {
      if (config.METRICS_TOKEN && !sameSecret(req.headers.authorization, `Bearer ${config.METRICS_TOKEN}`)) {
        res.setHeader('www-authenticate', 'Bearer');
        res
          .status(401)
          .json({ errors: [{ message: 'metrics token required', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      res.setHeader('content-type', this.registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(await this.registry.metrics());
    };
  }
}
