import type { DataSource } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { constraintOf } from '../db/db-errors';
import { ErrorCode, msg, type Message } from './error-code';
import { problem, type Problem } from './problem';

/**
 * Database refusals a module did not map itself (issue 8 item 8: "an unmapped database check
 * violation … must be a BAD_USER_INPUT (or the fitting code) with the field path"). The module's own
 * `ConstraintMeanings` come first (mutation.ts); this is the stable fallback by SQLSTATE, so a missing
 * validation reads as a refusal of the input, not as INTERNAL. Only integrity (class 23), data
 * exceptions (class 22) and trigger exceptions (P0001) are mapped — anything else is a bug or an
 * outage and keeps its own path. The mutation's savepoint has already rolled everything back.
 */

interface PgError {
  code?: string;
  message?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/** Constraints written by state triggers (migrations: "…_transition", "…_frozen", "…_in_force" …). */
const WORKFLOW_CONSTRAINT =
  /_(transition|frozen|in_force|append_only|commission_once|hold|not_held|unchanged|fixed|immovable)$/;

/** The sentences of the fallback, one per kind of refusal. */
export const DATABASE_REFUSALS = {
  duplicate: msg('与已有记录重复', 'This duplicates an existing record'),
  overlap: msg('与已有记录冲突', 'This overlaps an existing record'),
  stillReferenced: msg('仍被其他记录引用，不能删除或修改', 'It is still referenced by other records'),
  missingReference: msg('引用的对象不存在', 'A referenced object does not exist'),
  missingValue: msg('缺少必填的值', 'A required value is missing'),
  workflow: msg('当前状态不允许此修改', 'The current state does not allow this change'),
  rule: msg('输入的值不符合数据规则', 'A value does not satisfy the rules of the data'),
  tooLong: msg('文本过长', 'A text is too long'),
  outOfRange: msg('数值超出允许范围', 'A number is out of range'),
  format: msg('值的格式无效', 'A value has an invalid format'),
  trigger: msg('此修改不符合数据规则', 'The change breaks a rule of the data'),
  invalid: msg('输入的值无效', 'A value is not valid'),
} satisfies Record<string, Message>;

/** The shard id Citus appends to a constraint's name on a worker (`ck_goal_indicator_weight_102345`). */
const SHARD_SUFFIX = /_\d+$/;

/**
 * The names the violated constraint may have (issue 17): as the database names it — pg's `constraint`
 * field, or on a Citus coordinator, which drops that field, the name in the message (`constraintOf`) —
 * then, when it ends in a shard id, without it. The exact name comes first, so a constraint whose own
 * name ends in digits is read as itself.
 */
function constraintNames(pg: PgError): string[] {
  const name = constraintOf(pg);
  if (!name) return [];
  const shardless = name.replace(SHARD_SUFFIX, '');
  return shardless !== name ? [name, shardless] : [name];
}

function meaningOf(pg: PgError): { code: ErrorCode; message: Message } | null {
  const r = DATABASE_REFUSALS;
  const state = pg.code ?? '';
  switch (state) {
    case '23505':
      return { code: ErrorCode.CONFLICT, message: r.duplicate };
    case '23P01':
      return { code: ErrorCode.CONFLICT, message: r.overlap };
    case '23503':
      return /still referenced/.test(pg.detail ?? '')
        ? { code: ErrorCode.CONFLICT, message: r.stillReferenced }
        : { code: ErrorCode.NOT_FOUND, message: r.missingReference };
    case '23502':
      return { code: ErrorCode.BAD_USER_INPUT, message: r.missingValue };
    case '23514':
      return constraintNames(pg).some((name) => WORKFLOW_CONSTRAINT.test(name))
        ? { code: ErrorCode.WORKFLOW_VIOLATION, message: r.workflow }
        : { code: ErrorCode.BAD_USER_INPUT, message: r.rule };
    case '22001':
      return { code: ErrorCode.BAD_USER_INPUT, message: r.tooLong };
    case '22003':
      return { code: ErrorCode.BAD_USER_INPUT, message: r.outOfRange };
    case '22P02':
      return { code: ErrorCode.BAD_USER_INPUT, message: r.format };
    case 'P0001':
      return { code: ErrorCode.BAD_USER_INPUT, message: r.trigger };
    default:
      return state.startsWith('22') ? { code: ErrorCode.BAD_USER_INPUT, message: r.invalid } : null;
  }
}

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Column names by table, from the entity metadata (no SQL). */
function columnsByTable(dataSource: DataSource): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const meta of dataSource.entityMetadatas) {
    tables.set(meta.tableName, new Set(meta.columns.map((c) => c.databaseName)));
  }
  return tables;
}

/**
 * The input field a refusal concerns, when the database names it: the column (not-null), the key of
 * a foreign key (`Key (tenant_id, region_id)`), or the column a constraint is named after
 * (`ck_<table>_<column>…`, `uq_<table>_<column>`, `fk_<table>_<relation>`). Otherwise the whole input.
 */
function fieldOf(pg: PgError, dataSource: DataSource): string[] {
  if (pg.column) return ['input', camel(pg.column)];
  const key = /^Key \(([^)]*)\)/.exec(pg.detail ?? '')?.[1];
  const keyColumn = key
    ?.split(',')
    .map((c) => c.trim())
    .find((c) => c !== 'tenant_id');
  if (keyColumn) return ['input', camel(keyColumn)];
  for (const constraint of constraintNames(pg)) {
    const column = columnOfConstraint(constraint, pg.table, dataSource);
    if (column) return ['input', camel(column)];
  }
  return ['input'];
}

/**
 * The column a constraint is named after (`ck_<table>_<column>…`, `uq_<table>_<column>`,
 * `fk_<table>_<relation>`). The table is pg's `table` field when given — a Citus coordinator drops it,
 * and a shard's table name would carry the shard id anyway — else the longest entity table the name
 * starts with.
 */
function columnOfConstraint(
  constraint: string,
  pgTable: string | undefined,
  dataSource: DataSource,
): string | undefined {
  const name = /^(ck|uq|fk|ex|pk)_(.+)$/.exec(constraint);
  if (!name) return undefined;
  const tables = columnsByTable(dataSource);
  const table =
    (pgTable && tables.has(pgTable) ? pgTable : undefined) ??
    [...tables.keys()].sort((a, b) => b.length - a.length).find((t) => name[2].startsWith(`${t}_`));
  const columns = table ? tables.get(table) : undefined;
  if (!table || !columns) return undefined;
  const rest = name[2].slice(table.length + 1);
  return [...columns]
    .sort((a, b) => b.length - a.length)
    .find((c) => c !== 'tenant_id' && (rest === c || rest.startsWith(`${c}_`) || `${rest}_id` === c));
}

/** The stable problem of a database refusal, or null when the error is not one. */
export function databaseProblem(error: unknown, dataSource: DataSource): Problem | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as PgError;
  const meaning = meaningOf(pg);
  return meaning ? problem(meaning.code, fieldOf(pg, dataSource), meaning.message) : null;
}
