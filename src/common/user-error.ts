import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode, type Message } from './errors';

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: '错误代码 — stable error codes shared by user errors and `extensions.code`',
  valuesConfig: {
    UNAUTHENTICATED: { description: '未登录 — not signed in or the token is invalid' },
    FORBIDDEN: { description: '无权限 — a permission principle (DOMAIN §8) refuses the call' },
    NOT_FOUND: { description: '不存在 — missing, or outside the caller’s jurisdiction' },
    BAD_USER_INPUT: { description: '输入有误 — a field is missing or malformed' },
    CONFLICT: { description: '冲突 — duplicate, stale version, or the object is still in use' },
    WORKFLOW_VIOLATION: { description: '流程不允许 — the action does not fit the current state' },
    RATE_LIMITED: { description: '请求过于频繁 — too many attempts, try again later' },
    QUERY_TOO_COMPLEX: {
      description: '查询过于复杂 — over a depth, alias, token or cost limit; refused before it ran',
    },
    TIMEOUT: {
      description:
        '超时 — a statement or lock wait ran out of time; retry after `extensions.retryAfterSeconds`',
    },
    SERVICE_UNAVAILABLE: {
      description: '服务暂不可用 — no database connection in time, or shutting down; retry later',
    },
    INTERNAL: { description: '内部错误 — an unexpected failure' },
  },
});

/** 操作错误 — an expected failure of a mutation, returned in its payload; nothing was written. */
@ObjectType({ description: '操作错误 — an expected failure of a mutation; nothing was written' })
export class UserError {
  @Field(() => ErrorCode, { description: '错误代码 — stable code' })
  code!: ErrorCode;

  @Field(() => [String], { description: '字段 — path of the input field concerned, e.g. ["input", "code"]' })
  field!: string[];

  @Field({ description: '错误信息 — the message in Chinese' })
  message!: string;

  @Field({ description: '错误信息（英文） — the message in English' })
  messageEn!: string;

  @Field(() => String, {
    nullable: true,
    description: '违反的原则 — the permission principle of DOMAIN §8 that refused it (P1…P8), when one did',
  })
  principle?: string | null;
}

export function userError(
  code: ErrorCode,
  field: string[],
  message: Message,
  principle?: string | null,
): UserError {
  return { code, field, message: message.zh, messageEn: message.en, ...(principle ? { principle } : {}) };
}

/** Thrown inside a mutation to roll it back and answer with user errors in the payload. */
export class UserErrorsAbort extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.messageEn).join('; '));
  }
}

export function abortWith(code: ErrorCode, field: string[], message: Message): never {
  throw new UserErrorsAbort([userError(code, field, message)]);
}
