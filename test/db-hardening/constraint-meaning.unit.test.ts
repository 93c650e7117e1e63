/**
 * Issue 17: on a Citus cluster a constraint violation comes from a shard, whose constraint names carry
 * the shard id (`uq_app_user_login_102345`), and the coordinator re-raises it without the `constraint`
 * field (verified on Citus 13.2.2: only state, message and detail). The module's meaning of the
 * constraint must still apply — a duplicate login answers CONFLICT on the field `login` on both engines.
 */
import { constraintMeaning, constraintOf } from '../../src/db/db-errors';

describe('the constraint an error names', () => {
  test('the field PostgreSQL sends comes first', () => {
    expect(
      constraintOf({ constraint: 'uq_app_user_login', message: 'violates unique constraint "other"' }),
    ).toBe('uq_app_user_login');
  });

  test("without the field (a Citus worker's error), the name is read from the message", () => {
    // The message as the coordinator re-raised it in the probe of issue 17.
    const citus = { message: 'duplicate key value violates unique constraint "uq_app_user_login_102016"' };
    expect(constraintOf(citus)).toBe('uq_app_user_login_102016');
    expect(
      constraintOf({
        message:
          'insert or update on table "goal_102040" violates foreign key constraint "fk_goal_parent_102040"',
      }),
    ).toBe('fk_goal_parent_102040');
    expect(constraintOf({ message: 'new row for relation "x" violates check constraint "ck_x_total"' })).toBe(
      'ck_x_total',
    );
  });

  test('an error that names no constraint has none', () => {
    expect(constraintOf({ message: 'canceling statement due to statement timeout' })).toBeUndefined();
    expect(constraintOf({ constraint: '', message: 42 })).toBeUndefined();
    expect(constraintOf({})).toBeUndefined();
  });
});

const known = {
  uq_app_user_login: 'login taken',
  pk_user_login: 'login taken (directory)',
  ck_annex_2: 'annex 2 rule',
  ck_annex: 'annex rule',
};

test('the exact name matches as itself', () => {
  expect(constraintMeaning('uq_app_user_login', known)).toBe('login taken');
  expect(constraintMeaning('pk_user_login', known)).toBe('login taken (directory)');
});

test('a shard suffix is stripped when the exact name is unknown', () => {
  expect(constraintMeaning('uq_app_user_login_102345', known)).toBe('login taken');
  expect(constraintMeaning('pk_user_login_102008', known)).toBe('login taken (directory)');
  expect(constraintMeaning('ck_annex_2_102111', known)).toBe('annex 2 rule');
});

test('a name ending in digits that is known keeps its own meaning, not that of its prefix', () => {
  expect(constraintMeaning('ck_annex_2', known)).toBe('annex 2 rule');
});

test('unknown names, names without a suffix, and a missing name have no meaning', () => {
  expect(constraintMeaning('uq_app_user_email_102345', known)).toBeUndefined();
  expect(constraintMeaning('uq_app_user_login_shard', known)).toBeUndefined();
  expect(constraintMeaning('uq_app_user_login_102345_7', known)).toBeUndefined();
  expect(constraintMeaning(undefined, known)).toBeUndefined();
  expect(constraintMeaning('', known)).toBeUndefined();
  // Only the table's own entries count, never what an object inherits.
  expect(constraintMeaning('constructor', known)).toBeUndefined();
  expect(constraintMeaning('toString_1', known)).toBeUndefined();
});
