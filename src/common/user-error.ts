import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from './error-code';
import type { Problem } from './problem';

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

  @Field(() => [String], {
    description:
      '字段 — path of the input field concerned, e.g. ["input", "entries", "4", "explanation"]; empty when the whole call is refused',
  })
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

  @Field(() => String, {
    nullable: true,
    description:
      '规则原因 — the rule-specific reason code (规则原因代码), e.g. `EXPLANATION_REQUIRED`, stable for a UI to tell findings apart; null when the code says it all',
  })
  reason?: string | null;
}

/**
 * The one mapping of a problem to a payload's user error (issue 10 item 5); `extensionsOf`
 * (refusal.ts) is its twin for top-level errors. Detail sentences become user errors of their own on
 * the same field, so a form can list them.
 */
export function userErrorsOf(problems: readonly Problem[]): UserError[] {
  return problems.flatMap((p) => [
    {
      code: p.code,
      field: [...p.field],
      message: p.message.zh,
      messageEn: p.message.en,
      principle: p.principle ?? null,
      reason: p.reason ?? null,
    },
    ...(p.details ?? []).map((d) => ({
      code: p.code,
      field: [...p.field],
      message: d.zh,
      messageEn: d.en,
      principle: p.principle ?? null,
      reason: p.reason ?? null,
    })),
  ]);
}
