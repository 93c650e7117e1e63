import { thenOrNow, type MaybePromise } from './peekable-loader';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  connectionOf,
  SortDirection,
  toConnection,
  type Connection,
  type ConnectionArgs,
} from './connection';
import { decodeCursor, invalidCursor, keyKind, sortKey, type SortColumn } from './cursor';
import { ErrorCode, msg } from './error-code';
import { refusal } from './refusal';

export {
  ConnectionArgs,
  connectionOf,
  connectionType,
  mapConnection,
  orderInput,
  PageInfo,
  SortDirection,
  toConnection,
  type Connection,
} from './connection';
export { decodeCursor, encodeCursor, type KeyKind, type SortColumn } from './cursor';

/** DOMAIN §16: cursor pagination, `first` capped at 100. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(value: number | undefined, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      [field],
      msg(`每页数量须在 0 到 ${MAX_PAGE_SIZE} 之间`, `${field} must be between 0 and ${MAX_PAGE_SIZE}`),
    );
  }
  return value;
}

/** The page asked for: `first` or `last` (not both), each at most 100, 20 when neither is given. */
function pageBounds(args: ConnectionArgs): { limit: number; backward: boolean } {
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  if (first !== undefined && last !== undefined) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['last'],
      msg('first 与 last 不能同时使用', 'Use either first or last, not both'),
    );
  }
  const backward = last !== undefined;
  return { limit: (backward ? last : first) ?? DEFAULT_PAGE_SIZE, backward };
}

/**
 * Keyset pagination over (sort key, id): stable under inserts, one statement per page plus one for
 * `totalCount` when asked. `qb` must already carry the scope and filters; `idExpression` is the
 * tie-breaker column.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  sort: SortColumn,
  direction: SortDirection,
  idExpression: string,
): Promise<Connection<T>> {
  const { limit, backward } = pageBounds(args);
  const countQuery = qb.clone();
  const ascending = (direction === SortDirection.ASC) !== backward;

  const kind = args.after || args.before ? keyKind(qb, sort) : 'text';
  const key = sortKey(qb, sort);
  const beyond = (field: 'after' | 'before', cursor: string | undefined, following: boolean) => {
    if (!cursor) return;
    const [v, id] = decodeCursor(cursor, field, kind);
    const op = following === (direction === SortDirection.ASC) ? '>' : '<';
    qb.andWhere(`(${key}, ${idExpression}) ${op} (:${field}Value, :${field}Id)`, {
      [`${field}Value`]: v,
      [`${field}Id`]: id,
    });
  };
  beyond('after', args.after, true);
  beyond('before', args.before, false);
  const order = ascending ? 'ASC' : 'DESC';
  const rows = await qb
    .orderBy(key, order)
    .addOrderBy(idExpression, order)
    .limit(limit + 1)
    .getMany();
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  return connectionOf(
    page,
    (node) => [sort.read(node), node.id],
    {
      hasNextPage: backward ? Boolean(args.before) : hasMore,
      hasPreviousPage: backward ? hasMore : Boolean(args.after),
    },
    () => countQuery.getCount(),
  );
}

/**
 * Cursor pagination over a list already loaded in its display order (issue 11 item 7): for the lists
 * under one parent (a region's children, a fund's allocations) whose rows come from one batched loader
 * for all parents, so the statements of a request stay independent of page size. The cursor is the
 * item's id in the same [key, id] encoding; a cursor naming no item of the list is refused.
 */
export function paginateList<T extends { id: string }>(
  items: readonly T[],
  args: ConnectionArgs,
  read: (item: T) => string | number | Date,
): Connection<T> {
  const { limit, backward } = pageBounds(args);
  const position = (cursor: string, field: string): number => {
    const [, id] = decodeCursor(cursor, field, 'text');
    const at = items.findIndex((item) => item.id === id);
    if (at < 0) throw invalidCursor(field);
    return at;
  };
  const start = args.after ? position(args.after, 'after') + 1 : 0;
  const end = args.before ? position(args.before, 'before') : items.length;
  const window = items.slice(start, Math.max(start, end));
  const page = backward ? window.slice(Math.max(0, window.length - limit)) : window.slice(0, limit);
  const hasMore = window.length > limit;
  return connectionOf(
    page,
    (node) => [read(node), node.id],
    {
      hasNextPage: backward ? end < items.length : hasMore,
      hasPreviousPage: backward ? hasMore : start > 0,
    },
    () => Promise.resolve(items.length),
  );
}

/**
 * A connection of the emitted type over a list loaded under one parent (`paginateList`), e.g. a region's
 * children from one batched loader: `listConnection(RegionConnection, loader.load(id), page, (r) => r.code)`.
 */
export function listConnection<C extends { count: () => Promise<number> }, T extends { id: string }>(
  type: new () => C,
  items: MaybePromise<readonly T[]>,
  args: ConnectionArgs,
  read: (item: T) => string | number | Date,
): MaybePromise<C> {
  // Synchronous over held items (issue 18: PeekableLoader.loadNow), so a prefetched tree needs no promises.
  return thenOrNow(items, (list) => toConnection(type, paginateList(list, args, read)));
}

/** A connection of the emitted type over a scoped, filtered query (`paginate`) in the chosen order. */
export async function queryConnection<
  C extends { count: () => Promise<number> },
  T extends ObjectLiteral & { id: string },
>(
  type: new () => C,
  qb: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  order: { sort: SortColumn; direction: SortDirection },
  idExpression: string,
): Promise<C> {
  return toConnection(type, await paginate(qb, args, order.sort, order.direction, idExpression));
}

/**
 * The sort a list query was asked for (`orderBy: { field, direction }`), or its default, as the column
 * to page by: `sortedBy(goalSort, orderBy, GoalSortField.NAME)` (a bare field: ascending), or
 * `{ field, direction }` for another default direction.
 */
export function sortedBy<F extends string>(
  columns: Record<F, SortColumn>,
  asked: { field: F; direction: SortDirection } | null | undefined,
  fallback: F | { field: F; direction: SortDirection },
): { sort: SortColumn; direction: SortDirection } {
  const order =
    asked ?? (typeof fallback === 'string' ? { field: fallback, direction: SortDirection.ASC } : fallback);
  return { sort: columns[order.field], direction: order.direction };
}

/**
 * Cost of a connection under one parent whose size the domain bounds (common/list-cost.ts LIST_SIZE):
 * the selection is paid for the page size asked, but never more than the bound — a region's children
 * page of 100 holds at most 30 (DOMAIN §3). Used as the field's `complexity` option.
 */
export function boundedPageCost(bound: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const asked = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
    const size = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_PAGE_SIZE, bound) : bound;
    return 1 + size * Math.max(childComplexity, 1);
  };
}
