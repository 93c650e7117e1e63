import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Issue 11 item 7: list filters on status, kind, scope, level… take lists (`status: [SUBMITTED, IN_REVIEW]`)
 * and match any of the values. A single value still works (GraphQL coerces `status: SUBMITTED` to
 * `[SUBMITTED]`); an omitted, null or empty list filters nothing out.
 */
export const ANY_OF_NOTE = 'any of these (a single value is accepted; empty or omitted: no filter)';

/** The distinct values to filter on, or null when the filter is absent or empty. */
export function anyOf<T>(values: readonly T[] | T | null | undefined): T[] | null {
  if (values === null || values === undefined) return null;
  const list = Array.isArray(values) ? (values as readonly T[]) : [values as T];
  return list.length ? [...new Set(list)] : null;
}

/** Adds `column IN (…values)` when the filter has values. `param` must be unique within the query. */
export function whereAnyOf<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  column: string,
  param: string,
  values: readonly T[] | T | null | undefined,
): SelectQueryBuilder<E> {
  const list = anyOf(values);
  return list ? qb.andWhere(`${column} IN (:...${param})`, { [param]: list }) : qb;
}
