import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { idOfType } from './global-id';
import { escapeLike, NO_ID } from './sql';

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

/**
 * Adds `column = :param` for a filter by global id when it is given. An id of another type, or not an id at
 * all, matches nothing (NO_ID), as does one of an object out of view: neither reveals anything (P6).
 */
export function whereGlobalId<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  param: string,
  globalId: string | null | undefined,
  type: string,
): SelectQueryBuilder<E> {
  return globalId ? qb.andWhere(`${column} = :${param}`, { [param]: idOfType(globalId, type) ?? NO_ID }) : qb;
}

/**
 * Adds a "contains" filter when the text is given: `column ILIKE '%text%'`, the text's LIKE wildcards
 * matched literally; with several columns, any of them may contain it.
 */
export function whereContains<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  columns: string | readonly string[],
  param: string,
  text: string | null | undefined,
): SelectQueryBuilder<E> {
  if (!text) return qb;
  const matches = (typeof columns === 'string' ? [columns] : columns).map((c) => `${c} ILIKE :${param}`);
  const condition = matches.length === 1 ? matches[0] : `(${matches.join(' OR ')})`;
  return qb.andWhere(condition, { [param]: `%${escapeLike(text)}%` });
}
