import { ErrorCode, msg, type Message } from './error-code';
import { problem } from './problem';
import { refusal, RefusalError } from './refusal';

export { ErrorCode, msg, PAYLOAD_CODES, type Message, type Principle } from './error-code';

export interface AppErrorOptions {
  field?: string[];
  /** The permission principle of DOMAIN §8 that refused the call (P1…P8). */
  principle?: string;
  /** The rule-specific reason, e.g. `TARGET_NOT_MET`. */
  reason?: string;
  httpStatus?: number;
  /** For TIMEOUT and SERVICE_UNAVAILABLE: when a retry may succeed (`extensions.retryAfterSeconds`). */
  retryAfterSeconds?: number;
}

/**
 * A refusal with one problem, spelled the old way (`new AppError(code, message, { field })`). It is a
 * `RefusalError` (refusal.ts), so it maps exactly like `throw refusal(...)`: into `userErrors` of a
 * mutation payload, otherwise into top-level `extensions`.
 *
 * @deprecated for expected failures use `throw refusal(code, field, message, { principle, reason })`
 * (src/common/refusal.ts); kept for transport errors with an HTTP status or retry hint.
 */
export class AppError extends RefusalError {
  constructor(code: ErrorCode, message: Message, options: AppErrorOptions = {}) {
    super(
      [problem(code, options.field ?? [], message, { principle: options.principle, reason: options.reason })],
      {
        httpStatus: options.httpStatus,
        retryAfterSeconds: options.retryAfterSeconds,
      },
    );
  }

  /** @deprecated use `refusal.unauthenticated()`. */
  static unauthenticated(): RefusalError {
    return refusal.unauthenticated();
  }

  /** @deprecated use `refusal.forbidden(principle, message)`. */
  static forbidden(principle?: string, message?: Message): RefusalError {
    return refusal.forbidden(principle, message ?? msg('无权执行此操作', 'You are not allowed to do this'));
  }
}
