import { ArgsType, Field, Int } from 'type-graphql';
import { connectionOf, type Connection } from './connection';
import { decodeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE, pageSize } from './pagination';

/**
 * Forward paging only (`first`/`after`): for lists read through a SQL function that pages by keyset
 * itself (the anonymous disclosure lists, DOMAIN §14), where the database decides what a caller may see
 * and the API passes the cursor on.
 */
@ArgsType()
export class ForwardConnectionArgs {
  @Field(() => Int, { nullable: true, description: '前N条 — page size from the start (at most 100)' })
  first?: number;

  @Field({ nullable: true, description: '游标之后 — return items after this cursor' })
  after?: string;
}

/** What a keyset SQL function is asked for: the page size, one row more, and the cursor's [key, id]. */
export interface KeysetRequest {
  limit: number;
  fetch: number;
  afterKey: string | null;
  afterId: string | null;
}

/** Reads `first`/`after` (issue 8 item 8: a forged or stale cursor is refused before any SQL). */
export function keysetRequest(args: ForwardConnectionArgs): KeysetRequest {
  const limit = pageSize(args.first, 'first') ?? DEFAULT_PAGE_SIZE;
  if (!args.after) return { limit, fetch: limit + 1, afterKey: null, afterId: null };
  const [key, id] = decodeCursor(args.after, 'after', 'text');
  return { limit, fetch: limit + 1, afterKey: String(key), afterId: id };
}

/**
 * The connection of rows a keyset function returned for `request` (one more than the page when a next
 * page exists); each cursor is the row's [sort key, id], the same encoding as `paginate`.
 */
export function keysetConnection<T>(
  rows: readonly T[],
  request: KeysetRequest,
  cursorOf: (row: T) => [string, string],
  totalCount: () => Promise<number>,
): Connection<T> {
  return connectionOf(
    rows.slice(0, request.limit),
    cursorOf,
    { hasNextPage: rows.length > request.limit, hasPreviousPage: request.afterId !== null },
    totalCount,
  );
}
