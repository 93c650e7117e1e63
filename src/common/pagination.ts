import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NAME_COLUMNS, byPinyin } from './collation';
import { ErrorCode, msg } from './error-code';
import { refusal } from './refusal';
import { uuidPattern } from './global-id';

/** DOMAIN §16: cursor pagination, `first` capped at 100. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: '排序方向 — sort direction',
  valuesConfig: { ASC: { description: '升序 — ascending' }, DESC: { description: '降序 — descending' } },
});

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '前N条 — page size from the start (at most 100)' })
  first?: number;

  @Field({ nullable: true, description: '游标之后 — return items after this cursor' })
  after?: string;

  @Field(() => Int, { nullable: true, description: '后N条 — page size from the end (at most 100)' })
  last?: number;

  @Field({ nullable: true, description: '游标之前 — return items before this cursor' })
  before?: string;
}

@ObjectType({ description: '分页信息 — page information of a connection' })
export class PageInfo {
  @Field({ description: '有下一页 — more items follow' })
  hasNextPage!: boolean;

  @Field({ description: '有上一页 — items precede' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '起始游标 — cursor of the first item' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '结束游标 — cursor of the last item' })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` types of a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string, zh: string) {
  @ObjectType(`${name}Edge`, { description: `${zh}（边） — an edge of ${name}Connection` })
  class Edge {
    @Field({ description: '游标 — opaque cursor of this item' })
    cursor!: string;

    @Field(() => node, { description: `${zh} — the item` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${zh}列表 — a page of ${name} items` })
  class ConnectionClass implements Omit<Connection<T>, 'totalCount'> {
    @Field(() => [Edge], { description: '边 — items with their cursors' })
    edges!: Edge[];

    @Field(() => [node], { description: '节点 — the items of this page' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息 — page information' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { name: 'totalCount', description: '总数 — number of items matching the filter' })
    resolveTotalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionClass;
}

export interface SortColumn {
  /** SQL expression of the sort key, e.g. `r.code`. */
  expression: string;
  /** Reads the sort key from a row, for its cursor. */
  read: (row: ObjectLiteral) => string | number | Date;
  /** The key is a timestamp: a cursor must carry a valid ISO date. */
  timestamp?: boolean;
  /**
   * Sort in pinyin order (issue 11 item 8). Default: on for a text column named `name` or `display_name`
   * (see common/collation.ts), off otherwise; `false` turns it off.
   */
  pinyin?: boolean;
}

/** The SQL sort key: a name column collated for pinyin order, anything else as given. */
function sortKey<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: SortColumn): string {
  if (sort.pinyin === false || sort.timestamp) return sort.expression;
  if (sort.pinyin) return byPinyin(sort.expression);
  const [, column] = sort.expression.split('.');
  return column && NAME_COLUMNS.has(column) && keyKind(qb, sort) === 'text'
    ? byPinyin(sort.expression)
    : sort.expression;
}

export function encodeCursor(value: string | number | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id]), 'utf8').toString('base64url');
}

/** What a cursor's sort key must be to reach SQL without a database error. */
export type KeyKind = 'text' | 'integer' | 'number' | 'timestamp';

const INTEGER_TYPES = new Set<unknown>(['int', 'int4', 'integer', 'smallint', 'int2', Number]);
const NUMBER_TYPES = new Set<unknown>([
  'bigint',
  'int8',
  'numeric',
  'decimal',
  'real',
  'float',
  'double precision',
]);
const INT4_MAX = 2147483647;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The kind of the sort column, read from the entity metadata of `alias.column` (no SQL). */
function keyKind<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: SortColumn): KeyKind {
  if (sort.timestamp) return 'timestamp';
  const [alias, column] = sort.expression.split('.');
  const meta = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  const type = meta?.columns.find((c) => c.databaseName === column)?.type;
  if (INTEGER_TYPES.has(type)) return 'integer';
  return NUMBER_TYPES.has(type) ? 'number' : 'text';
}

function keyFits(value: unknown, kind: KeyKind): value is string | number {
  switch (kind) {
    case 'timestamp':
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX;
    case 'number':
      // bigint and numeric come back from pg as strings, and go into their cursors as such.
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && /^-?\d{1,30}(\.\d{1,30})?$/.test(value))
      );
    default:
      // PostgreSQL refuses a NUL in text (22021); the server never writes one into a cursor.
      return (
        (typeof value === 'string' && !value.includes('\u0000')) ||
        (typeof value === 'number' && Number.isFinite(value))
      );
  }
}

/**
 * A cursor is [sort key, uuid] with a key of the sort column's kind (issue 8 item 8); anything else —
 * forged, stale or from another sort — is refused as bad input on its argument, before any SQL.
 */
export function decodeCursor(cursor: string, field: string, kind: KeyKind): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, id] = parsed as unknown[];
      if (keyFits(value, kind) && typeof id === 'string' && uuidPattern.test(id)) return [value, id];
    }
  } catch {
    // fall through to the error below
  }
  throw refusal(ErrorCode.BAD_USER_INPUT, [field], msg('分页游标无效', 'The cursor is not valid'), {
    reason: 'CURSOR_INVALID',
  });
}

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
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  if (first !== undefined && last !== undefined) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['last'],
      msg('first 与 last 不能同时使用', 'Use either first or last, not both'),
    );
  }
  const countQuery = qb.clone();
  const backward = last !== undefined;
  const limit = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const ascending = (direction === SortDirection.ASC) !== backward;
  const op = ascending ? '>' : '<';

  const kind = args.after || args.before ? keyKind(qb, sort) : 'text';
  const key = sortKey(qb, sort);
  if (args.after) {
    const [v, id] = decodeCursor(args.after, 'after', kind);
    qb.andWhere(
      `(${key}, ${idExpression}) ${direction === SortDirection.ASC ? '>' : '<'} (:afterValue, :afterId)`,
      {
        afterValue: v,
        afterId: id,
      },
    );
  }
  if (args.before) {
    const [v, id] = decodeCursor(args.before, 'before', kind);
    qb.andWhere(
      `(${key}, ${idExpression}) ${direction === SortDirection.ASC ? '<' : '>'} (:beforeValue, :beforeId)`,
      {
        beforeValue: v,
        beforeId: id,
      },
    );
  }
  const order = op === '>' ? 'ASC' : 'DESC';
  const rows = await qb
    .orderBy(key, order)
    .addOrderBy(idExpression, order)
    .limit(limit + 1)
    .getMany();
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(sort.read(node), node.id), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: backward ? Boolean(args.before) : hasMore,
      hasPreviousPage: backward ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => countQuery.getCount(),
  };
}

/** Turns a page of entities into a connection object of the emitted type. */
export function toConnection<C extends { count: () => Promise<number> }, T>(
  type: new () => C,
  page: Connection<T>,
): C {
  return Object.assign(new type(), {
    edges: page.edges,
    nodes: page.nodes,
    pageInfo: page.pageInfo,
    count: page.totalCount,
  });
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
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  if (first !== undefined && last !== undefined) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['last'],
      msg('first 与 last 不能同时使用', 'Use either first or last, not both'),
    );
  }
  const position = (cursor: string, field: string): number => {
    const [, id] = decodeCursor(cursor, field, 'text');
    const at = items.findIndex((item) => item.id === id);
    if (at < 0) {
      throw refusal(ErrorCode.BAD_USER_INPUT, [field], msg('分页游标无效', 'The cursor is not valid'), {
        reason: 'CURSOR_INVALID',
      });
    }
    return at;
  };
  const start = args.after ? position(args.after, 'after') + 1 : 0;
  const end = args.before ? position(args.before, 'before') : items.length;
  const window = items.slice(start, Math.max(start, end));
  const backward = last !== undefined;
  const limit = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const page = backward ? window.slice(Math.max(0, window.length - limit)) : window.slice(0, limit);
  const hasMore = window.length > limit;
  const edges = page.map((node) => ({ cursor: encodeCursor(read(node), node.id), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: backward ? end < items.length : hasMore,
      hasPreviousPage: backward ? hasMore : start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => Promise.resolve(items.length),
  };
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

/** The same page with each node turned into its view (the cursors stay those of the rows). */
export function mapConnection<T, V>(page: Connection<T>, view: (node: T) => V): Connection<V> {
  const nodes = page.nodes.map(view);
  return {
    edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })),
    nodes,
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
