import pino, { type LoggerOptions } from 'pino';

/**
 * Issue 8 item 10: no password, password hash, token or secret reaches a log line, whatever fails.
 * Every line is scrubbed before it is written: errors are serialized first (a TypeORM QueryFailedError
 * carries the statement's `parameters`, which hold the new user's argon2 hash; PostgreSQL's `detail`
 * repeats the failing row), then every plain object is walked and
 * - values under sensitive keys (password, hash, token, secret, authorization, cookie, parameters) are
 *   replaced,
 * - strings lose argon2 hashes, bearer tokens (JWTs), passwords in connection URLs and every registered
 *   secret (the token signing secret registers itself, whether configured or generated).
 */
const REDACTED = '[Redacted]';
const secrets = new Set<string>();

/** Registers a secret value that must never appear in a log line (e.g. TOKEN_SECRET). */
export function redactSecret(secret: string): void {
  if (secret.length >= 8) secrets.add(secret);
}

const sensitiveKey = /pass(word|wd)?|hash|token|secret|authorization|cookie|^parameters$/i;
const patterns: [RegExp, string][] = [
  // PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (base64 without padding).
  [/\$argon2(?:id|i|d)\$[\w+/=,$.-]*/g, REDACTED],
  [/eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]{2,}/g, REDACTED],
  [/(\/\/[^:/@\s]+:)[^@/\s]+@/g, `$1${REDACTED}@`],
];

export function scrubString(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** A plain object, or an error pino already serialized (its own prototype, `message` and `stack`). */
function isWalkable(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) return true;
  const record = value as Record<string, unknown>;
  return typeof record.message === 'string' && typeof record.stack === 'string';
}

/**
 * A scrubbed copy of a log value. Only strings, arrays, plain objects and errors are walked; other
 * objects (a request, a response) are left to their serializers (pino-http redacts their headers).
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > 10) return '[Circular or too deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
  // pino's error serializer copies the enumerable fields (query, parameters, driverError, detail …).
  const source: object = value instanceof Error ? pino.stdSerializers.err(value) : value;
  if (!(value instanceof Error) && !isWalkable(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) {
    out[key] = sensitiveKey.test(key) && v != null ? REDACTED : scrub(v, depth + 1, seen);
  }
  return out;
}

/** The options of every logger of the service (main.ts; tests capture lines with the same options). */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubString(a) : a)) as typeof args);
      },
    },
  };
}
