/**
 * Self-evaluation refusals: bad input as userErrors with nothing written (DOMAIN §10), P8 — a submitted
 * evaluation is frozen in the API and in the database — and of two racing edits exactly one wins (DOMAIN §15).
 */
import { asApiRole } from '../harness/app';
import { uuidOf } from '../harness/ids';
import {
  app,
  call,
  ok,
  refused,
  Payload,
  CREATE_SELF,
  SAVE,
  SUBMIT,
  projectGoal,
  fullActuals,
  saveInput,
  draftEvaluation,
  submitted,
  useSelfEvaluationApi,
} from './self-evaluation-api-fixtures';

useSelfEvaluationApi();

describe('bad input (issue #4): a clear userErrors entry with code and field, nothing written', () => {
  test('actuals for a goal not issued → WORKFLOW_VIOLATION', async () => {
    const goal = await projectGoal('未下达目标', 'DRAFT');
    const [e] = await refused(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    expect(e.messageEn).toContain('goal not issued');
  });

  test('a percentage outside its tier → BAD_USER_INPUT at the actual (DOMAIN §10.4, 002 第二十四条)', async () => {
    const { goal, evaluation } = await draftEvaluation('档次比例');
    const input = saveInput(evaluation, goal, {
      actuals: fullActuals(goal, { 2: { tier: 'ACHIEVED', percentage: '70' } }),
    });
    const [e] = await refused(SAVE, input, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'actuals', '2', 'percentage'] });
  });

  test('category points not totalling 100 → BAD_USER_INPUT at categoryPoints (002 第二十一条(一))', async () => {
    const { goal, evaluation } = await draftEvaluation('权重合计');
    const input = saveInput(evaluation, goal, {
      categoryPoints: { common: '10', output: '50', benefit: '30', satisfaction: '20' },
    });
    const [e] = await refused(SAVE, input, 'unit.chezhan');
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'categoryPoints'] });
  });

  test('a missing explanation or actual blocks submission → WORKFLOW_VIOLATION per problem (DOMAIN §10.5)', async () => {
    const { goal, evaluation } = await draftEvaluation('缺少说明');
    const saved = await ok(
      SAVE,
      saveInput(evaluation, goal, { actuals: fullActuals(goal, { 2: { explanation: null } }).slice(0, 3) }),
      'unit.chezhan',
    );
    const errors = await refused(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // issue 11 item 4: submitEvaluation's input is { id, expectedVersion }, so each problem of the stored
    // actuals is reported at input.id, one per indicator, naming the indicator.
    expect(errors.every((x) => x.code === 'WORKFLOW_VIOLATION' && x.field.join('.') === 'input.id')).toBe(
      true,
    );
    expect(errors).toHaveLength(2);
    expect(errors.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('沿线群众满意度'),
        expect.stringContaining('须说明理由'),
      ]),
    );
  });

  test('a stale rowVersion → CONFLICT', async () => {
    const { goal, evaluation } = await draftEvaluation('版本冲突');
    await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    const [e] = await refused(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(e).toMatchObject({ code: 'CONFLICT', field: ['input', 'expectedVersion'] });
  });
});

describe('P8: a submitted evaluation is frozen, in the API and in the database', () => {
  test('the API refuses edits and resubmission after submit', async () => {
    const { goal, evaluation } = await submitted('提交后冻结');
    const [e] = await refused(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(e).toMatchObject({ code: 'WORKFLOW_VIOLATION', principle: 'P8' });
    expect(
      (
        await refused(SUBMIT, { id: evaluation.id, expectedVersion: evaluation.rowVersion }, 'unit.chezhan')
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('the trigger refuses a direct UPDATE as the API role, a status skip, and history changes', async () => {
    const { evaluation } = await submitted('触发器冻结');
    const id = uuidOf(evaluation.id);
    const [{ tenant_id: tenant }] = await app.sql<{ tenant_id: string }>(
      'SELECT tenant_id FROM evaluation WHERE id = $1',
      [id],
    );
    await asApiRole(app, tenant, async (refusal) => {
      const asApi = (sql: string) => refusal(sql, [id]);
      expect(await asApi(`UPDATE evaluation SET total = 100 WHERE id = $1`)).toBe('ck_evaluation_frozen');
      expect(await asApi(`UPDATE evaluation_actual SET score = 0 WHERE evaluation_id = $1`)).toBe(
        'ck_evaluation_content_frozen',
      );
      expect(await asApi(`DELETE FROM evaluation_actual WHERE evaluation_id = $1`)).toBe(
        'ck_evaluation_content_frozen',
      );
      expect(await asApi(`UPDATE evaluation SET status = 'DRAFT' WHERE id = $1`)).toBe(
        'ck_evaluation_transition',
      );
    });
    // A fresh draft cannot skip to REVIEWED, and the history is append-only even for the owner.
    const { evaluation: draft } = await draftEvaluation('状态跳跃');
    await expect(
      app.sql(`UPDATE evaluation SET status = 'REVIEWED' WHERE id = $1`, [uuidOf(draft.id)]),
    ).rejects.toMatchObject({
      constraint: 'ck_evaluation_transition',
    });
    await expect(
      app.sql(`DELETE FROM evaluation_transition WHERE evaluation_id = $1`, [id]),
    ).rejects.toMatchObject({
      constraint: 'ck_evaluation_transition_append_only',
    });
  });
});

describe('concurrency (DOMAIN §15): two racing edits of the same version', () => {
  test('exactly one wins, the other gets CONFLICT', async () => {
    const { goal, evaluation } = await draftEvaluation('并发编辑');
    const a = saveInput(evaluation, goal, { budgetExecutionExplanation: '甲' });
    const b = saveInput(evaluation, goal, { budgetExecutionExplanation: '乙' });
    const results = await Promise.all([
      call<{ saveEvaluationActuals: Payload }>(SAVE, a, 'unit.chezhan'),
      call<{ saveEvaluationActuals: Payload }>(SAVE, b, 'unit.chezhan'),
    ]);
    const payloads = results.map((r) => r.data!.saveEvaluationActuals);
    expect(payloads.filter((p) => p.evaluation !== null)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['CONFLICT']);
    const [row] = await app.sql<{ row_version: number; budget_execution_explanation: string }>(
      'SELECT row_version, budget_execution_explanation FROM evaluation WHERE id = $1',
      [uuidOf(evaluation.id)],
    );
    expect(row.row_version).toBe(2);
    const winner = payloads.findIndex((p) => p.evaluation !== null);
    expect(row.budget_execution_explanation).toBe(winner === 0 ? '甲' : '乙');
  });
});
