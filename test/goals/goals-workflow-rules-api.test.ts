/**
 * Goal workflow rules and bad input (DOMAIN §7, §8): a return's comment, P8 after issue, stale versions and
 * racing edits, bad indicators, and the database's own refusal of status skips.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  mutate,
  ok,
  refused,
  GoalPayload,
  CREATE,
  UPDATE,
  SUBMIT,
  APPROVE,
  RETURN,
  ISSUE,
  INDICATORS,
  newProject,
  goalInput,
  goalAt,
  actions,
  useGoalsApi,
} from './goals-api-fixtures';

useGoalsApi();

describe('workflow rules and bad input', () => {
  test('a return needs a comment; with one the goal goes back to the drafter and can be resubmitted', async () => {
    const g = await goalAt('IN_REVIEW');
    expect(await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    ]);
    expect(
      await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion, comment: '  ' }, 'finance.chezhan'),
    ).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] })]);
    const returned = await ok(
      RETURN,
      { id: g.id, expectedVersion: g.rowVersion, comment: '请细化时效指标' },
      'finance.chezhan',
    );
    expect(returned).toMatchObject({ status: 'RETURNED', currentStep: 0 });
    const again = await ok(SUBMIT, { id: g.id, expectedVersion: returned.rowVersion }, 'unit.chezhan');
    expect(again).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
  });

  test('P8: an issued goal cannot be edited or re-reviewed; the wrong state is a WORKFLOW_VIOLATION', async () => {
    const g = await goalAt('ISSUED');
    const project = (
      await app.sql<{ id: string }>(`SELECT project_id AS id FROM performance_goal WHERE id = $1`, [
        uuidOf(g.id),
      ])
    )[0];
    expect(project).toBeDefined();
    const edit = await refused(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, name: '改', indicators: INDICATORS },
      'unit.chezhan',
    );
    expect(edit).toEqual([expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: 'P8' })]);
    expect(
      (await refused(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan'))[0].code,
    ).toBe('WORKFLOW_VIOLATION');
    expect(
      (await refused(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan'))[0].code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('a stale edit gets CONFLICT and changes nothing; a fresh one replaces the indicators as a set', async () => {
    const g = await goalAt('DRAFT');
    const edit = (expectedVersion: number) => ({
      id: g.id,
      expectedVersion,
      name: '车站街道2025年道路养护绩效目标（修订）',
      implementationPeriodObjective: '完成辖区道路养护',
      annualObjective: '养护道路12.5公里',
      annualAmount: '850000.00',
      fiscalAmount: '800000.00',
      otherAmount: '50000.00',
      indicators: INDICATORS.slice(0, 2),
    });
    const fresh = await ok(UPDATE, edit(1), 'unit.chezhan');
    expect(fresh.rowVersion).toBe(2);
    expect(await refused(UPDATE, edit(1), 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: 1 }, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
      [uuidOf(g.id)],
    );
    expect(row.n).toBe(2);
  });

  test('two racing edits on the same version: exactly one wins, the other gets CONFLICT', async () => {
    const g = await goalAt('DRAFT');
    const edit = (name: string) =>
      mutate<{ updateGoal: GoalPayload }>(
        UPDATE,
        { id: g.id, expectedVersion: g.rowVersion, name, indicators: INDICATORS },
        'unit.chezhan',
      );
    const results = await Promise.all([edit('甲'), edit('乙')]);
    const codes = results.map((r) => r.data!.updateGoal.userErrors.map((e) => e.code)).sort();
    expect(codes).toEqual([[], ['CONFLICT']]);
    const [row] = await app.sql<{ row_version: number }>(
      `SELECT row_version FROM performance_goal WHERE id = $1`,
      [uuidOf(g.id)],
    );
    expect(row.row_version).toBe(2);
  });

  test('bad indicators: a wrong category/subcategory pair, a quantitative target that is no number; each a user error', async () => {
    const project = await newProject('指标校验项目');
    const wrongPair = await refused(
      CREATE,
      goalInput(project, {
        indicators: [{ ...INDICATORS[0], category: 'BENEFIT', subcategory: 'QUANTITY' }],
      }),
      'unit.chezhan',
    );
    expect(wrongPair).toContainEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: expect.arrayContaining(['input', 'indicators', '0']),
      }),
    );
    const noNumber = await refused(
      CREATE,
      goalInput(project, { indicators: [{ ...INDICATORS[0], target: '大约十公里' }] }),
      'unit.chezhan',
    );
    expect(noNumber).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '0', 'target'] }),
    );
    const missingTarget = await refused(
      CREATE,
      goalInput(project, { indicators: [{ ...INDICATORS[0], target: null }] }),
      'unit.chezhan',
    );
    expect(missingTarget).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '0', 'target'] }),
    );
  });

  test('no OUTPUT indicator: the draft is saved, but submission is refused with the reason', async () => {
    const project = await newProject('无产出指标项目');
    const g = await ok(CREATE, goalInput(project, { indicators: INDICATORS.slice(2) }), 'unit.chezhan');
    expect((await actions(g.id, 'unit.chezhan')).SUBMIT).toMatchObject({
      allowed: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'id', 'indicators'] }),
    );
  });

  test('the database refuses status skips, frozen indicators and changes of the history, even for the owner', async () => {
    const g = await goalAt('DRAFT');
    const id = uuidOf(g.id);
    await expect(
      app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot become/);
    await expect(
      app.sql(`UPDATE performance_goal SET status = 'APPROVED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot become/);
    const issued = await goalAt('ISSUED');
    await expect(
      app.sql(`DELETE FROM goal_indicator WHERE goal_id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/frozen/);
    await expect(
      app.sql(`UPDATE goal_transition SET comment = 'x' WHERE goal_id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/append-only/);
    await expect(
      app.sql(`UPDATE performance_goal SET name = 'x' WHERE id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/cannot become/);
  });
});
