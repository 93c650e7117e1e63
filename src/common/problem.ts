import type { ErrorCode, Message, Principle } from './error-code';

/**
 * One expected failure (issue 10 item 5), as pure rules and services report it — the single shape every
 * refusal has, whether it ends up in a mutation's `userErrors` or in a top-level error's `extensions`:
 * the stable code, the input field's path, a sentence in Chinese and English, the rule-specific reason
 * (e.g. `TARGET_NOT_MET`) and the permission principle of DOMAIN §8 (P1…P8) behind it, when there is one,
 * and optional detail sentences (e.g. the gate errors behind a refused submit).
 */
export interface Problem {
  code: ErrorCode;
  field: string[];
  message: Message;
  reason?: string;
  principle?: Principle | string;
  details?: readonly Message[];
}

/** What a problem may carry besides code, field and message. */
export type ProblemExtras = Pick<Problem, 'reason' | 'principle' | 'details'>;

export function problem(
  code: ErrorCode,
  field: readonly string[],
  message: Message,
  extras: ProblemExtras = {},
): Problem {
  return {
    code,
    field: [...field],
    message,
    ...(extras.reason ? { reason: extras.reason } : {}),
    ...(extras.principle ? { principle: extras.principle } : {}),
    ...(extras.details && extras.details.length > 0 ? { details: extras.details } : {}),
  };
}

/** Problems of a pure rule (paths relative to its input) under a prefix, e.g. `['input']`. */
export function under(prefix: readonly string[], problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, field: [...prefix, ...p.field] }));
}
