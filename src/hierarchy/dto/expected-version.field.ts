import { Field, Int } from 'type-graphql';

/**
 * The `expectedVersion` of an update of a region, organization or user: the `version` the change is based
 * on; a stale one is refused with CONFLICT and changes nothing (optimistic concurrency, DOMAIN §15).
 */
export function ExpectedVersionField(): PropertyDecorator {
  return Field(() => Int, {
    description: '基于版本 — the version the change is based on; a stale one is refused (CONFLICT)',
  });
}
