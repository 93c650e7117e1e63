/** Stable error codes, the `extensions.code` of GraphQL errors and the `code` of user errors. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  WORKFLOW_VIOLATION = 'WORKFLOW_VIOLATION',
  RATE_LIMITED = 'RATE_LIMITED',
  /** An operation over a depth, alias, token or cost limit; refused before execution (issue 8 item 2). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A statement or lock wait ran out of time (DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS); retry later. */
  TIMEOUT = 'TIMEOUT',
  /** No database connection within DB_POOL_ACQUIRE_TIMEOUT_MS, database unreachable, or shutting down. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/**
 * The codes of expected refusals a caller can act on (issue 11 item 4): a mutation whose payload has
 * `userErrors` answers them there. The others (not signed in, rate limits, timeouts, outages, bugs)
 * concern the request, not the form, and stay top-level errors.
 */
export const PAYLOAD_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.WORKFLOW_VIOLATION,
]);

/** A sentence for people, in Chinese and English — never both in one string. */
export interface Message {
  zh: string;
  en: string;
}

export const msg = (zh: string, en: string): Message => ({ zh, en });

/** The permission principles of DOMAIN §8. */
export type Principle = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8';
