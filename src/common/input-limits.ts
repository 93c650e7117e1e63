import { Extensions } from 'type-graphql';

/**
 * Bounded list inputs (issue 8 item 8: "5,000 indicators in one goal" must be BAD_USER_INPUT naming
 * the field and the limit, not a long transaction or INTERNAL). Every list argument and list input
 * field is capped: at `DEFAULT_MAX_ITEMS`, or at the `maxItems` marked on the field with `@MaxItems`.
 * The input hygiene (input-hygiene.ts) checks the caps before any resolver runs.
 */
export const DEFAULT_MAX_ITEMS = 1000;

/**
 * Limits from the domain's reality (DOMAIN §5 indicators: a goal has a few dozen at most; the limits
 * are generous so that no real form is refused).
 */
export const MAX_INDICATORS = 500;

/** Caps a list input field at `max` items (read by the input hygiene from the field's extensions). */
export const MaxItems = (max: number) => Extensions({ maxItems: max });
