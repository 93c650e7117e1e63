import { ErrorCode, type Message } from '../../common/errors';

/** The permission principles of DOMAIN §8 that goal rules enforce. */
export type Principle = 'P1' | 'P2' | 'P3' | 'P6' | 'P8';

/** The stable codes a goal rule may refuse with (DOMAIN §8: a stable code plus a human sentence). */
export type RefusalCode = ErrorCode.FORBIDDEN | ErrorCode.WORKFLOW_VIOLATION | ErrorCode.BAD_USER_INPUT;

/**
 * An expected refusal, returned as data (STYLE principle 5). `details` carries the errors passed in by
 * the caller (completeness, gate, consistency), so the payload can list them.
 *
 * A `P6` refusal means "outside the caller's jurisdiction": services answer it exactly like a missing
 * object (NOT_FOUND), never revealing that the goal exists (DOMAIN §8).
 */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  principle?: Principle;
  message: Message;
  details?: readonly Message[];
}

export function forbidden(principle: Principle, message: Message): Refusal {
  return { ok: false, code: ErrorCode.FORBIDDEN, principle, message };
}

export function violation(message: Message, principle?: Principle, details?: readonly Message[]): Refusal {
  return {
    ok: false,
    code: ErrorCode.WORKFLOW_VIOLATION,
    message,
    ...(principle ? { principle } : {}),
    ...(details && details.length > 0 ? { details } : {}),
  };
}

export function badInput(message: Message, details?: readonly Message[]): Refusal {
  return {
    ok: false,
    code: ErrorCode.BAD_USER_INPUT,
    message,
    ...(details && details.length > 0 ? { details } : {}),
  };
}

/**
 * Subtree test on materialized paths (`/city/district/township/`, DOMAIN §3): `path` lies in the
 * subtree of `ancestorPath` (itself included). The trailing slash makes a prefix test exact.
 */
export function isWithin(path: string, ancestorPath: string): boolean {
  return ancestorPath.length > 0 && path.startsWith(ancestorPath);
}
