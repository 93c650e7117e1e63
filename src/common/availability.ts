import { Field, ObjectType } from 'type-graphql';
import { ErrorCode, type Message } from './errors';

/**
 * Whether the caller may take one action now and, if not, why (for UI buttons): the fields every
 * "available actions" list shares — goals (DOMAIN §7) and evaluations (DOMAIN §10). Each module's type
 * extends it with its own `action` enum (type-graphql emits only reachable types, so this base stays out
 * of the schema).
 */
@ObjectType('ActionAvailabilityBase', {
  description:
    '可办理操作（基类） — base of the modules’ action availability types; not in the schema itself',
})
export abstract class ActionAvailabilityBase {
  @Field({ description: '可办理 — the caller may take it now' })
  allowed!: boolean;

  @Field(() => ErrorCode, { nullable: true, description: '错误代码 — why not: the stable code' })
  code!: ErrorCode | null;

  @Field(() => String, { nullable: true, description: '原因 — why not, in Chinese' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: '原因（英文） — why not, in English' })
  reasonEn!: string | null;

  @Field(() => String, { nullable: true, description: '原则 — the principle of DOMAIN §8 behind a refusal' })
  principle!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '须填写 — free text the action still needs, e.g. "comment" (return) or "reason" (adjustment)',
  })
  requires!: string | null;
}

/** A rule's answer (reason as a bilingual message) as the GraphQL fields above. */
export function availabilityFields(a: {
  allowed: boolean;
  code?: ErrorCode | null;
  reason?: Message | null;
  principle?: string | null;
  requires?: string | null;
}): ActionAvailabilityBase {
  return {
    allowed: a.allowed,
    code: a.code ?? null,
    reason: a.reason?.zh ?? null,
    reasonEn: a.reason?.en ?? null,
    principle: a.principle ?? null,
    requires: a.requires ?? null,
  };
}
