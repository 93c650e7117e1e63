import { createMethodMiddlewareDecorator } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/error-code';
import { problem } from '../common/problem';
import { userErrorsOf, type UserError } from '../common/user-error';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-key.field';
import { claimKey, describePayload, replayPayload, storeResponse } from './idempotency.service';
import { requestHash } from './request-hash';

const KEY_FIELD = ['input', 'idempotencyKey'];

type Payload = Record<string, unknown> & { userErrors?: UserError[] };

/** Carries a refused first attempt out of the savepoint, so its key claim is undone with it. */
class Refused extends Error {
  constructor(readonly payload: Payload) {
    super('refused');
  }
}

/**
 * 幂等 — makes a create or submit mutation honour `input.idempotencyKey` (issue 8 item 15), in the
 * request's transaction: the key is claimed for (tenant, user) before the mutation runs, in one savepoint
 * with it. A retry with the same key and input waits for the first attempt, then answers its result
 * (the same objects, reloaded) and writes nothing; the same key with another input or mutation is refused
 * with CONFLICT. A refused attempt (user errors) or a failed one keeps no key: its writes are rolled back,
 * so a corrected retry under the same key may still succeed — the key records only what was done.
 */
export function Idempotent(): MethodDecorator {
  return createMethodMiddlewareDecorator<RequestContext>(async ({ args, context, info }, next) => {
    const key = (args.input as { idempotencyKey?: string | null } | undefined)?.idempotencyKey;
    if (key === undefined || key === null) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      return {
        userErrors: userErrorsOf([
          problem(
            ErrorCode.BAD_USER_INPUT,
            KEY_FIELD,
            msg(
              '幂等键须为 1–128 个字母、数字或 _-:. 字符',
              'The idempotency key must be 1–128 characters of A–Z, a–z, 0–9 and _-:.',
            ),
            { reason: 'IDEMPOTENCY_KEY_INVALID' },
          ),
        ]),
      };
    }
    const operation = info.fieldName;
    const hash = requestHash(args);
    try {
      return await context.db.savepoint(async () => {
        const claim = await claimKey(context, key, operation, hash);
        if (claim.kind === 'replay') return replayPayload(context, claim.response);
        if (claim.kind === 'conflict') {
          return {
            userErrors: userErrorsOf([
              problem(
                ErrorCode.CONFLICT,
                KEY_FIELD,
                msg(
                  '该幂等键已用于另一个请求',
                  'This idempotency key was already used for a different request',
                ),
                { reason: 'IDEMPOTENCY_KEY_REUSED' },
              ),
            ]),
          };
        }
        const payload = (await next()) as Payload;
        if (payload.userErrors && payload.userErrors.length > 0) throw new Refused(payload);
        await storeResponse(context, key, describePayload(context.services.dataSource, payload));
        return payload;
      });
    } catch (error) {
      if (error instanceof Refused) return error.payload;
      throw error;
    }
  });
}
