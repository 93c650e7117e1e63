import { GraphQLError } from 'graphql';

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

/** A sentence for people, in Chinese and English. */
export interface Message {
  zh: string;
  en: string;
}

export const msg = (zh: string, en: string): Message => ({ zh, en });

export interface AppErrorOptions {
  field?: string[];
  /** The permission principle of DOMAIN §8 that refused the call (P1…P8). */
  principle?: string;
  httpStatus?: number;
  /** For TIMEOUT and SERVICE_UNAVAILABLE: when a retry may succeed (`extensions.retryAfterSeconds`). */
  retryAfterSeconds?: number;
}

/**
 * A typed failure that is not part of a mutation payload. Its `extensions` carry the stable code,
 * both languages, the field and the principle.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: Message,
    options: AppErrorOptions = {},
  ) {
    super(`${message.zh} (${message.en})`, {
      extensions: {
        code,
        messageZh: message.zh,
        messageEn: message.en,
        ...(options.field ? { field: options.field } : {}),
        ...(options.principle ? { principle: options.principle } : {}),
        ...(options.httpStatus ? { http: { status: options.httpStatus } } : {}),
        ...(options.retryAfterSeconds ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
      },
    });
  }

  /** P6: an id outside the caller's jurisdiction reads exactly like a missing one. */
  static notFound(entity: string, field: string[] = ['id']): AppError {
    return new AppError(ErrorCode.NOT_FOUND, msg(`未找到该${entity}`, `${entity} not found`), { field });
  }

  static unauthenticated(): AppError {
    return new AppError(
      ErrorCode.UNAUTHENTICATED,
      msg(
        '未登录或登录已失效，请重新登录',
        'Not signed in, or the session has expired; please sign in again',
      ),
      { httpStatus: 401 },
    );
  }

  static forbidden(principle?: string, message?: Message): AppError {
    return new AppError(
      ErrorCode.FORBIDDEN,
      message ?? msg('无权执行此操作', 'You are not allowed to do this'),
      principle ? { principle } : {},
    );
  }
}
