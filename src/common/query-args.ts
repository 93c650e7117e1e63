import { Arg, ID, type ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { SortColumn } from './cursor';
import { idOfType } from './global-id';

/**
 * The arguments every single-object and list query spells the same way (DOMAIN §16; issue 10: one home
 * for a repeated shape), so a resolver names only what differs: the type, the filter, the default order.
 */

/** `id: ID!` — the global id of a single-object query (`fund(id)`, `goal(id)`…). */
export function IdArg() {
  return Arg('id', () => ID, { description: '全局标识 — global id' });
}

/** `filter: <Type>Filter` — a list query's optional filters; all given must hold. */
export function FilterArg(type: ClassType) {
  return Arg('filter', () => type, { nullable: true, description: '筛选 — filters' });
}

/** `orderBy: <Type>Order` — a list query's optional order; `byDefault` names the default, e.g. `name ascending`. */
export function OrderByArg(type: ClassType, byDefault: string) {
  return Arg('orderBy', () => type, {
    nullable: true,
    description: `排序 — sort order (default: ${byDefault})`,
  });
}

/**
 * One object by its global id through the request's scoped loader (P6): null when the id is malformed or
 * names another type, or the object is missing or out of the caller's view.
 */
export function loadByGlobalId<T>(
  loader: { load(id: string): Promise<T | null> },
  id: string,
  type: string,
): Promise<T | null> | null {
  const uuid = idOfType(id, type);
  return uuid ? loader.load(uuid) : null;
}

/**
 * The sort columns of a list query's `<Type>SortField`s, each `field name → read`, on the query's `alias`;
 * `CREATED_AT` (alias.created_at, a timestamp) is added to every list: `sortColumns<FundEntity>('f', …)`.
 */
export function sortColumns<E extends ObjectLiteral, F extends string = string>(
  alias: string,
  columns: Record<Exclude<F, 'CREATED_AT'>, [column: string, read: (row: E) => string | number | Date]>,
): Record<F, SortColumn> {
  const sorts: Record<string, SortColumn> = {};
  for (const [field, [column, read]] of Object.entries(columns) as [
    string,
    [string, (row: E) => string | number | Date],
  ][]) {
    sorts[field] = { expression: `${alias}.${column}`, read: (row) => read(row as E) };
  }
  sorts.CREATED_AT = {
    expression: `${alias}.created_at`,
    read: (row) => (row as E & { createdAt: Date }).createdAt,
    timestamp: true,
  };
  return sorts as Record<F, SortColumn>;
}
