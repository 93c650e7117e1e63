import { z } from 'zod';

/**
 * Configuration, read from the environment and validated once at start-up.
 * Every variable is documented in `.env.example` and the README.
 */
const durationPattern = /^\d+[smhd]$/;

/** An IPv4/IPv6 address or CIDR range, or one of Express's named ranges. */
const trustedProxyPattern = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-f:.]+(\/\d{1,3})?)$/i;

const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Addresses to listen on, comma-separated, all on PORT (issue 16): by default both loopbacks, since
   * `localhost` resolves to ::1 first on dual-stack machines. `0.0.0.0` or `::` listen on every interface.
   */
  HOST: z.string().min(1).default('127.0.0.1,::1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Owner connection (runs migrations and seeds). Unset: an embedded PostgreSQL is started. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Runtime connection of the API: a role that owns nothing, is not superuser and has no BYPASSRLS. */
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Issue 18: worker processes serving the port (node:cluster), to use more than one core; 1 = the API
   * in this process. Each worker has its own pool of DB_POOL_SIZE connections and its own in-memory
   * caches, sign-in throttle, rate-limit buckets and /metrics registry (per-process state).
   */
  CLUSTER_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  DATA_DIR: z.string().min(1).default('.data'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL: z.string().regex(durationPattern, 'TOKEN_TTL looks like 30m, 8h or 1d').default('8h'),
  /** Failed sign-ins of one login from one address before the exponential back-off starts (1 s, 2 s, 4 s …). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Longest back-off of the sign-in throttle, in seconds (never a lock: the wait only grows to this). */
  LOGIN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  /** Password hashes (argon2) computed at once; more sign-ins wait in a queue (issue 8 item 12). */
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Sign-ins waiting for a hashing slot; beyond this they are refused with RATE_LIMITED at once. */
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(10000).default(32),
  /**
   * Proxies whose X-Forwarded-For is believed (Express "trust proxy": addresses, CIDR ranges or
   * loopback / linklocal / uniquelocal, comma-separated). Unset: none, the socket address is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0),
    )
    .refine((list) => list.every((p) => trustedProxyPattern.test(p)), {
      message: 'TRUSTED_PROXIES lists IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    }),
  /** Tenant code assumed when a sign-in names none (single-city deployments). */
  DEFAULT_TENANT: z.string().trim().min(1).max(64).optional(),
  SEED_DEMO: booleanFromEnv.default(true),
  /** Adds `extensions.sqlStatements` to responses (tests and benchmarks). Never on in production. */
  EXPOSE_SQL_COUNT: booleanFromEnv.default(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
  /** Longest single SQL statement of a request (PostgreSQL statement_timeout; 0 = none). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600000).default(15000),
  /** Longest wait for a row or table lock (lock_timeout; 0 = none). */
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(600000).default(5000),
  /** A transaction left idle this long is ended by PostgreSQL (idle_in_transaction_session_timeout). */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3600000).default(30000),
  /**
   * Issue 18: a pooled connection left unused this long is closed (pg-pool idleTimeoutMillis); 0 keeps the
   * pool's connections open. pg-pool's own default (10 s) made a request after ten quiet seconds open a
   * new connection to a cold PostgreSQL backend (its catalog caches and prepared statements gone).
   */
  DB_POOL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(86400000).default(0),
  /** Longest wait for a pooled connection before the request fails with SERVICE_UNAVAILABLE. */
  DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(120000).default(5000),
  /**
   * Issue 18 (W4): requests served at once (src/app/admission.ts); the rest wait their turn in arrival
   * order. Unset: the pool's size (DB_POOL_SIZE), each served request holding at most one connection.
   */
  REQUEST_CONCURRENCY: z.coerce.number().int().min(1).max(1000).optional(),
  /** Requests that may wait for a turn; one more is refused at once with SERVICE_UNAVAILABLE. */
  REQUEST_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100000).default(1000),
  /**
   * The longest wait for a turn. A waiting request is also refused when no request has finished for
   * DB_POOL_ACQUIRE_TIMEOUT_MS (the service is stuck, not busy).
   */
  REQUEST_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(60000),
  /** /readyz answers 503 when the database does not answer within this time. */
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  /** Schema introspection; unset: on except when NODE_ENV=production. */
  INTROSPECTION: booleanFromEnv.optional(),
  /** How long an idempotency key is remembered (issue 8 item 15); a later retry counts as new. */
  IDEMPOTENCY_KEY_TTL: z
    .string()
    .regex(durationPattern, 'IDEMPOTENCY_KEY_TTL looks like 30m, 24h or 7d')
    .default('24h'),
  // Query limits (issue 8 item 2), checked before execution; signed-in callers and anonymous ones.
  /** Deepest field nesting of an operation (fragments flattened, introspection counted). */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(15),
  QUERY_MAX_DEPTH_ANONYMOUS: z.coerce.number().int().min(1).max(100).default(8),
  /** Aliased fields of an operation. */
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).max(10000).default(30),
  QUERY_MAX_ALIASES_ANONYMOUS: z.coerce.number().int().min(0).max(10000).default(5),
  /** Lexical tokens of a request; the signed-in limit also aborts parsing (graphql parse maxTokens). */
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).max(1000000).default(5000),
  QUERY_MAX_TOKENS_ANONYMOUS: z.coerce.number().int().min(100).max(1000000).default(1000),
  /** Estimated cost: lists multiply their selection by `first` or by their largest real size. */
  QUERY_MAX_COST: z.coerce.number().int().min(1).max(100000000).default(1000000),
  QUERY_MAX_COST_ANONYMOUS: z.coerce.number().int().min(1).max(100000000).default(5000),
  // Per-caller rate limit (issue 8 item 16): a leaky bucket of cost points per user (anonymous: per address).
  /** Bucket size in cost points: the most a caller may spend at once. */
  RATE_LIMIT_BUCKET: z.coerce.number().int().min(1).max(100000000).default(10000000),
  RATE_LIMIT_BUCKET_ANONYMOUS: z.coerce.number().int().min(1).max(100000000).default(50000),
  /** Cost points the bucket regains per second. */
  RATE_LIMIT_LEAK_PER_SECOND: z.coerce.number().min(0.001).max(10000000).default(200000),
  RATE_LIMIT_LEAK_PER_SECOND_ANONYMOUS: z.coerce.number().min(0.001).max(10000000).default(500),
  // Operations (issue 16): browser IDE, CORS, metrics, persisted operations, log format.
  /** The self-hosted GraphiQL IDE at GET /graphql (a browser); unset: on except when NODE_ENV=production. */
  IDE_ENABLED: booleanFromEnv.optional(),
  /**
   * Browser origins allowed to call the API (CORS), comma-separated, e.g. https://ui.example.gov.cn;
   * `none` for none. Unset: none in production, the usual development servers' ports on localhost otherwise.
   */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : v
            .split(',')
            .map((o) => o.trim().replace(/\/$/, ''))
            .filter((o) => o.length > 0 && o !== 'none'),
    )
    .refine((list) => !list || list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), {
      message: 'CORS_ORIGINS lists origins like https://ui.example.org or http://localhost:5173, or none',
    }),
  /** Prometheus metrics at GET /metrics; unset: on except when NODE_ENV=production. */
  METRICS_ENABLED: booleanFromEnv.optional(),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /**
   * Persisted operations (issue 16): `off` (documents only), `allow` (ids from the manifest or
   * documents), `only` (ids, or documents that are in the manifest; anything else is refused).
   */
  PERSISTED_OPERATIONS: z.enum(['off', 'allow', 'only']).default('off'),
  /** The manifest of persisted operations: JSON `{ "<sha256 of the document>": "<document>" }`. */
  PERSISTED_OPERATIONS_FILE: z.string().min(1).default('schema/persisted-operations.json'),
  /**
   * Issue 18: how queries execute — `jit` (graphql-jit, each document compiled once; mutations and
   * anything it cannot compile stay on graphql-js) or `graphql-js` (the reference interpreter). With
   * OpenTelemetry tracing on, graphql-js (its instrumentation traces graphql-js).
   */
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  /**
   * Issue 18: fund trees (overall goals over regional goals, newest and largest first) whose roll-up is
   * computed at start, before the server listens, so the first reader after a restart does not wait for
   * it (src/rollup/rollup-warmup.ts). 0: none.
   */
  ROLLUP_WARMUP_LIMIT: z.coerce.number().int().min(0).max(1000).default(50),
  /**
   * Issue 18: how many times the roll-up screen of the largest fund tree and a BI overview run before the
   * server listens, and how many pairs of requests it sends itself once listening, so the first callers do
   * not run the request path cold (src/app/request-warmup.ts). 0: none.
   */
  REQUEST_WARMUP_ROUNDS: z.coerce.number().int().min(0).max(1000).default(60),
  /**
   * Issue 18: how far V8 grows the heap past the live data after a full collection, in percent (200: to
   * 3×; V8's own policy goes up to 4×). Lower saves memory and costs collections (src/app/heap-growth.ts).
   * 0: V8's own policy.
   */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(200),
  /** Log lines: `pretty` (one readable line each, for a terminal) or `json`; unset: pretty in development. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws one error listing every wrong variable, by name. */
export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (config.NODE_ENV === 'production' && !config.TOKEN_SECRET) {
    throw new ConfigError('Invalid configuration:\n  TOKEN_SECRET: required when NODE_ENV=production');
  }
  if (config.NODE_ENV === 'production' && config.EXPOSE_SQL_COUNT) {
    throw new ConfigError('Invalid configuration:\n  EXPOSE_SQL_COUNT: must be off when NODE_ENV=production');
  }
  return config;
}
