/**
 * Issue 17 with issue 8 item 8: the field of an unmapped database refusal when the error comes from a
 * Citus coordinator. The coordinator re-raises a worker's error with only its state, message and
 * detail — no `constraint`, no `table` — and the shard's constraint carries the shard id
 * (`ck_organization_name_probe_102345`). The field is read from the message and the suffix stripped
 * (src/db/db-errors.ts constraintOf), as plain PostgreSQL's fields give it.
 */
import type { DataSource } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { databaseProblem, DATABASE_REFUSALS } from '../../src/common/database-errors';
import { ErrorCode } from '../../src/common/error-code';

/** What fieldOf reads of a DataSource: the entity tables and their columns. */
const dataSource = {
  entityMetadatas: [
    { tableName: 'organization', columns: ['id', 'tenant_id', 'name', 'region_id'] },
    { tableName: 'goal_indicator', columns: ['id', 'tenant_id', 'goal_id', 'weight', 'position'] },
    { tableName: 'performance_goal', columns: ['id', 'tenant_id', 'status', 'parent_goal_id'] },
  ].map((t) => ({ tableName: t.tableName, columns: t.columns.map((databaseName) => ({ databaseName })) })),
} as unknown as DataSource;

const failed = (driverError: Record<string, unknown>) =>
  new QueryFailedError('UPDATE …', [], Object.assign(new Error(String(driverError.message)), driverError));

const problemOf = (driverError: Record<string, unknown>) => databaseProblem(failed(driverError), dataSource);

describe('database refusals from a Citus coordinator (issue 17)', () => {
  it('names the field of a check constraint from the shard-suffixed name in the message', () => {
    const citus = problemOf({
      code: '23514',
      message:
        'new row for relation "organization_102345" violates check constraint "ck_organization_name_probe_102345"',
      detail: 'Failing row contains (…).',
    });
    const plain = problemOf({
      code: '23514',
      message: 'new row for relation "organization" violates check constraint "ck_organization_name_probe"',
      constraint: 'ck_organization_name_probe',
      table: 'organization',
    });
    expect(citus).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: ['input', 'name'] });
    expect(citus?.message).toEqual(DATABASE_REFUSALS.rule);
    expect(citus).toEqual(plain);
  });

  it('reads a foreign key named after its relation (`fk_<table>_<relation>_<shard>`)', () => {
    expect(
      problemOf({
        code: '23503',
        message:
          'insert or update on table "performance_goal_102377" violates foreign key constraint "fk_performance_goal_parent_goal_102377"',
      }),
    ).toMatchObject({ code: ErrorCode.NOT_FOUND, field: ['input', 'parentGoalId'] });
  });

  it('recognizes a workflow constraint of a shard as a workflow violation', () => {
    expect(
      problemOf({
        code: '23514',
        message:
          'new row for relation "performance_goal_102361" violates check constraint "ck_performance_goal_transition_102361"',
      }),
    ).toMatchObject({ code: ErrorCode.WORKFLOW_VIOLATION, message: DATABASE_REFUSALS.workflow });
  });

  it('keeps a constraint whose own name ends in digits as itself, and the whole input when nothing fits', () => {
    expect(
      problemOf({
        code: '23514',
        message:
          'new row for relation "goal_indicator" violates check constraint "ck_goal_indicator_weight_100"',
        constraint: 'ck_goal_indicator_weight_100',
        table: 'goal_indicator',
      }),
    ).toMatchObject({ field: ['input', 'weight'] });
    expect(
      problemOf({ code: '23514', message: 'violates check constraint "ck_unknown_thing_102345"' }),
    ).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: ['input'] });
  });
});
