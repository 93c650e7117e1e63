import { GraphQLError } from 'graphql';
import { ErrorCode, msg, PAYLOAD_CODES, type Message, type Principle } from './error-code';
import { problem, type Problem, type ProblemExtras } from './problem';

/** How a refusal travels as a top-level error besides its problem (HTTP status, retry hint). */
export interface Transport {
  httpStatus?: number;
  /** For RATE_LIMITED, TIMEOUT and SERVICE_UNAVAILABLE: when a retry may succeed. */
  retryAfterSeconds?: number;
}

/**
 * The one mapping of a problem to a top-level error's `extensions` (issue 10 item 5): the stable code,
 * both languages, the field, the rule's reason and principle, the details. `format-error.ts` and every
 * refusal use it; `userErrorOf` (user-error.ts) is its twin for payloads.
 */
export function extensionsOf(p: Problem, transport: Transport = {}): Record<string, unknown> {
  return {
    code: p.code,
    messageZh: p.message.zh,
    messageEn: p.message.en,
    ...(p.field.length > 0 ? { field: [...p.field] } : {}),
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.principle ? { principle: p.principle } : {}),
    ...(p.details && p.details.length > 0 ? { details: p.details } : {}),
    ...(transport.httpStatus ? { http: { status: transport.httpStatus } } : {}),
    ...(transport.retryAfterSeconds ? { retryAfterSeconds: transport.retryAfterSeconds } : {}),
  };
}

/**
 * 拒绝 — the one way to raise an expected failure: `throw refusal(...)` or `abort(problems)`. Inside a
 * mutation whose payload has `userErrors` (runMutation, or any refusal reaching the mutation field) it
 * becomes the payload's user errors and the mutation's savepoint is rolled back; anywhere else it is a
 * top-level error whose `message` is English and whose `extensions` are `extensionsOf(first problem)`
 * plus `problems` when there are several.
 */
export class RefusalError extends GraphQLError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], transport: Transport = {}) {
    const first =
      problems[0] ?? problem(ErrorCode.BAD_USER_INPUT, [], msg('请求被拒绝', 'The request was refused'));
    super(first.message.en, {
      extensions: {
        ...extensionsOf(first, transport),
        ...(problems.length > 1 ? { problems: problems.map((p) => extensionsOf(p)) } : {}),
      },
    });
    this.problems = problems;
  }

  get code(): ErrorCode {
    return this.problems[0].code;
  }

  /** Whether a mutation payload with `userErrors` answers it (FORBIDDEN, NOT_FOUND, input and state). */
  get belongsInPayload(): boolean {
    return this.problems.every((p) => PAYLOAD_CODES.has(p.code));
  }
}

function refusalOfOne(
  code: ErrorCode,
  field: readonly string[],
  message: Message,
  extras: ProblemExtras = {},
  transport: Transport = {},
): RefusalError {
  return new RefusalError([problem(code, field, message, extras)], transport);
}

const DEFAULT_FORBIDDEN = msg('无权执行此操作', 'You are not allowed to do this');

/**
 * `throw refusal(code, field, message, { reason, principle, details })`, plus shorthands; a fifth
 * argument gives a top-level error's transport (HTTP status, retry hint), e.g. TIMEOUT.
 */
export const refusal = Object.assign(refusalOfOne, {
  /** A permission principle of DOMAIN §8 refuses the call. */
  forbidden(
    principle?: Principle | string,
    message: Message = DEFAULT_FORBIDDEN,
    field: readonly string[] = [],
  ) {
    return refusalOfOne(ErrorCode.FORBIDDEN, field, message, principle ? { principle } : {});
  },
  /** P6: an id outside the caller's jurisdiction reads exactly like a missing one. */
  notFound(message: Message, field: readonly string[] = ['input', 'id']) {
    return refusalOfOne(ErrorCode.NOT_FOUND, field, message);
  },
  unauthenticated() {
    return new RefusalError(
      [
        problem(
          ErrorCode.UNAUTHENTICATED,
          [],
          msg(
            '未登录或登录已失效，请重新登录',
            'Not signed in, or the session has expired; please sign in again',
          ),
        ),
      ],
      { httpStatus: 401 },
    );
  },
});

/**
 * Aborts with every problem at once (e.g. all of a pure rule's findings). `under` prefixes their paths
 * (pure rules report paths relative to the input: `abort(problems, { under: ['input'] })`); `code`
 * overrides their codes (e.g. WORKFLOW_VIOLATION for a gate).
 */
export function abort(
  problems: readonly Problem[],
  options: { code?: ErrorCode; under?: readonly string[] } = {},
): never {
  const prefix = options.under ?? [];
  throw new RefusalError(
    problems.map((p) => ({
      ...p,
      field: [...prefix, ...p.field],
      ...(options.code ? { code: options.code } : {}),
    })),
  );
}

/** The refusal an error is or wraps (GraphQL wraps resolver errors as `originalError`), if any. */
export function refusalIn(error: unknown): RefusalError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if (current instanceof RefusalError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return null;
}
