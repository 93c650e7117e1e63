import { ErrorCode, msg } from '../common/errors';
import { refusal, type RefusalError } from '../common/refusal';

/** SQLSTATEs of a statement or lock wait that ran out of time (issue 8 item 5). */
const TIMEOUT_STATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);

/** SQLSTATEs of a database that does not take work right now. */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** pg-pool and pg messages of a connection that could not be had in time or was lost. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
];

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** Seconds after which a retry is likely to succeed (`extensions.retryAfterSeconds`). */
export const RETRY_AFTER_TIMEOUT_SECONDS = 2;
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

export function timeoutError(httpStatus?: number): RefusalError {
  return refusal(
    ErrorCode.TIMEOUT,
    [],
    msg(
      '数据库繁忙，操作超时，请稍后重试',
      'The database is busy and the operation timed out; please retry later',
    ),
    {},
    { retryAfterSeconds: RETRY_AFTER_TIMEOUT_SECONDS, ...(httpStatus ? { httpStatus } : {}) },
  );
}

export function unavailableError(httpStatus?: number): RefusalError {
  return refusal(
    ErrorCode.SERVICE_UNAVAILABLE,
    [],
    msg('服务暂时不可用，请稍后重试', 'The service is temporarily unavailable; please retry later'),
    {},
    { retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_SECONDS, ...(httpStatus ? { httpStatus } : {}) },
  );
}

/** The error and what it wraps (GraphQLError.originalError, TypeORM driverError, Error.cause). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.originalError ?? record.driverError ?? record.cause;
  }
}

/**
 * A database failure that means "busy or unreachable, try again" rather than a bug: TIMEOUT for a
 * statement or lock that ran out of time, SERVICE_UNAVAILABLE for no connection; null otherwise.
 */
export function availabilityError(error: unknown, httpStatus?: number): RefusalError | null {
  for (const link of chain(error)) {
    const code = typeof link.code === 'string' ? link.code : '';
    const message = typeof link.message === 'string' ? link.message : '';
    if (TIMEOUT_STATES.has(code)) return timeoutError(httpStatus);
    if (
      UNAVAILABLE_STATES.has(code) ||
      UNAVAILABLE_NODE_CODES.has(code) ||
      UNAVAILABLE_MESSAGES.some((m) => message.includes(m))
    ) {
      return unavailableError(httpStatus);
    }
  }
  return null;
}

/** The shard suffix Citus appends to a constraint's name on a worker (`uq_app_user_login_102345`). */
const SHARD_SUFFIX = /_\d+$/;

/** PostgreSQL's sentence of an integrity violation, which names the constraint. */
const VIOLATED_CONSTRAINT = /violates (?:unique|foreign key|check|exclusion|not-null) constraint "([^"]+)"/;

/**
 * The constraint a database error names (issue 17). PostgreSQL sends it as a field of the error; a
 * Citus coordinator re-raises a worker's error without that field (only state, message, detail), so
 * there it is read from the message — with the shard's name, see `constraintMeaning`.
 */
export function constraintOf(driverError: { constraint?: unknown; message?: unknown }): string | undefined {
  if (typeof driverError.constraint === 'string' && driverError.constraint) return driverError.constraint;
  const message = typeof driverError.message === 'string' ? driverError.message : '';
  return VIOLATED_CONSTRAINT.exec(message)?.[1];
}

/**
 * What a table of known constraints says about a constraint (issue 17). On a Citus cluster the error
 * comes from a shard, whose constraints carry the shard id as a suffix; the suffix is stripped only
 * when the exact name is unknown, so a constraint whose own name ends in digits matches as itself first.
 */
export function constraintMeaning<T>(
  constraint: string | undefined,
  known: Readonly<Record<string, T>>,
): T | undefined {
  if (!constraint) return undefined;
  if (Object.hasOwn(known, constraint)) return known[constraint];
  const shardless = constraint.replace(SHARD_SUFFIX, '');
  return shardless !== constraint && Object.hasOwn(known, shardless) ? known[shardless] : undefined;
}
