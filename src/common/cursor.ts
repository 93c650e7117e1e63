import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NAME_COLUMNS, byPinyin } from './collation';
import { ErrorCode, msg } from './error-code';
import { refusal } from './refusal';
import { uuidPattern } from './global-id';

/** The sort key of a keyset page: its SQL expression and how a row's key is read for its cursor. */
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

/** The SQL sort key: a name column collated for pinyin order, anything else as given. */
export function sortKey<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: SortColumn): string {
  if (sort.pinyin === false || sort.timestamp) return sort.expression;
  if (sort.pinyin) return byPinyin(sort.expression);
  const [, column] = sort.expression.split('.');
  return column && NAME_COLUMNS.has(column) && keyKind(qb, sort) === 'text'
    ? byPinyin(sort.expression)
    : sort.expression;
}

/** The kind of the sort column, read from the entity metadata of `alias.column` (no SQL). */
export function keyKind<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: SortColumn): KeyKind {
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

export function encodeCursor(value: string | number | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id]), 'utf8').toString('base64url');
}

/** The refusal of a cursor on argument `field` (issue 8 item 8): bad input, never a database error. */
export function invalidCursor(field: string) {
  return refusal(ErrorCode.BAD_USER_INPUT, [field], msg('分页游标无效', 'The cursor is not valid'), {
    reason: 'CURSOR_INVALID',
  });
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
  throw invalidCursor(field);
}
