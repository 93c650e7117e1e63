import { z } from 'zod';

/**
 * Configuration, read from the environment and validated once at start-up.
 * Every variable is documented in `.env.example` and the README.
 */
const durationPattern = /^\d+[smhd]$/;

const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Owner connection (runs migrations and seeds). Unset: an embedded PostgreSQL is started. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Runtime connection of the API: a role that owns nothing, is not superuser and has no BYPASSRLS. */
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  DATA_DIR: z.string().min(1).default('.data'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL: z.string().regex(durationPattern, 'TOKEN_TTL looks like 30m, 8h or 1d').default('8h'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  SEED_DEMO: booleanFromEnv.default(true),
  /** Adds `extensions.sqlStatements` to responses (tests and benchmarks). Never on in production. */
  EXPOSE_SQL_COUNT: booleanFromEnv.default(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
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
