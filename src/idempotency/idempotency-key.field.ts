import { Field } from 'type-graphql';

/** 1–128 characters of letters, digits and `_ - : .` (issue 8 item 15; also a CHECK on idempotency_key). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_:.-]{1,128}$/;

/**
 * The optional `idempotencyKey` of a create or submit input (issue 8 item 15). Only on inputs of
 * mutations decorated with `@Idempotent()`, which honours it.
 */
export function IdempotencyKeyField(): PropertyDecorator {
  return Field(() => String, {
    nullable: true,
    description:
      '幂等键 — optional, 1–128 characters of [A-Za-z0-9_-:.]; a retry with the same key and input returns the first result and writes nothing again; the same key with another input is refused (CONFLICT); remembered per user for IDEMPOTENCY_KEY_TTL',
  });
}
