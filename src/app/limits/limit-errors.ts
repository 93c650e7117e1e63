import { ErrorCode, msg } from '../../common/error-code';
import { refusal, type RefusalError } from '../../common/refusal';

/** The four limits checked before execution (issue 8 item 2). */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'cost';

/** Who the limits are for: anonymous callers have much lower ones. */
export type Audience = 'signedIn' | 'anonymous';

const NAMES: Record<LimitName, { zh: string; en: string }> = {
  depth: { zh: '查询深度', en: 'Query depth' },
  aliases: { zh: '别名数量', en: 'Number of aliases' },
  tokens: { zh: '词法单元数量', en: 'Number of tokens' },
  cost: { zh: '查询成本', en: 'Query cost' },
};

/**
 * QUERY_TOO_COMPLEX, naming the limit, its value and the measured one; nothing was executed. For
 * anonymous callers it says that signing in raises the limit.
 */
export function tooComplex(
  limitName: LimitName,
  limit: number,
  measured: number,
  audience: Audience,
): RefusalError {
  const name = NAMES[limitName];
  const anonymous = audience === 'anonymous';
  const error = refusal(
    ErrorCode.QUERY_TOO_COMPLEX,
    [],
    msg(
      `${name.zh}为 ${measured}，超过${anonymous ? '未登录调用的' : ''}上限 ${limit}，请求未执行${anonymous ? '（登录后上限更高）' : ''}`,
      `${name.en} is ${measured}, over the ${anonymous ? 'anonymous ' : ''}limit of ${limit}; nothing was executed${anonymous ? ' (signed-in callers have higher limits)' : ''}`,
    ),
    {},
    { httpStatus: 400 },
  );
  Object.assign(error.extensions, { limitName, limit, measured, audience });
  return error;
}

/** RATE_LIMITED: the caller's cost budget is spent; `retryAfterSeconds` says when this cost fits. */
export function rateLimited(cost: number, remaining: number, retryAfterSeconds: number): RefusalError {
  const error = refusal(
    ErrorCode.RATE_LIMITED,
    [],
    msg(
      `请求过于频繁：本次成本 ${cost}，剩余额度 ${remaining}，请 ${retryAfterSeconds} 秒后重试`,
      `Rate limited: this request costs ${cost} and ${remaining} points remain; retry after ${retryAfterSeconds} s`,
    ),
    {},
    { httpStatus: 429 },
  );
  Object.assign(error.extensions, { cost, remaining, retryAfterSeconds });
  return error;
}
