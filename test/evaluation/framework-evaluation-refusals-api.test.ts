/**
 * Bad framework input as userErrors with nothing written (OUTPUT + BENEFIT ≥ 60 points, 002 第二十一条(二)),
 * and P8: a submitted department evaluation is frozen in the API and in the database.
 */
import { asApiRole } from '../harness/app';
import { uuidOf } from '../harness/ids';
import {
  app,
  ok,
  refused,
  CREATE_DEPT,
  SAVE,
  SUBMIT,
  FRAMEWORK,
  SECTIONS,
  issuedGoal,
  useFrameworkEvaluationApi,
} from './framework-evaluation-api-fixtures';

useFrameworkEvaluationApi();

describe('bad framework input (issue #4): userErrors with code and field, nothing written', () => {
  test('OUTPUT + BENEFIT below 60 points without a justification → BAD_USER_INPUT citing 002 第二十一条(二)', async () => {
    const goal = await issuedGoal('产出效益权重');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    const indicators = [
      { code: 'PROJECT_BASIS', points: '25' },
      { code: 'FUND_ARRIVAL_RATE', points: '20' },
      { code: 'COMPLETION_RATE', points: '35' },
      { code: 'SATISFACTION', points: '20' },
    ];
    const errors = await refused(
      SAVE,
      { id: e.id, expectedVersion: e.rowVersion, indicators, sections: [] },
      'transport.chezhan',
    );
    // Issue 9 item 18: 原则上 — a justification would allow it (test/evaluation/framework-fidelity-api.test.ts).
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'weightJustification'] }),
    ]);
    expect(errors[0].message).toContain('002 第二十一条(二)');
    expect(errors[0].messageEn).toContain('55');
  });

  test('points not totalling 100, a score above its points, a repeated indicator or section', async () => {
    const goal = await issuedGoal('指标分值校验');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    const indicators = [
      { code: 'COMPLETION_RATE', points: '40', score: '41' },
      { code: 'IMPLEMENTATION_BENEFIT', points: '30' },
      { code: 'IMPLEMENTATION_BENEFIT', points: '20' },
    ];
    const sections = [
      { key: 'OVERALL_CONCLUSION', body: '甲' },
      { key: 'OVERALL_CONCLUSION', body: '乙' },
    ];
    const errors = await refused(
      SAVE,
      { id: e.id, expectedVersion: e.rowVersion, indicators, sections },
      'transport.chezhan',
    );
    expect(errors.map((x) => x.field.join('.')).sort()).toEqual([
      'input.indicators',
      'input.indicators.0.score',
      'input.indicators.2.code',
      'input.sections.1.key',
    ]);
  });

  test('submitting an unscored framework or an incomplete report → WORKFLOW_VIOLATION per problem', async () => {
    const goal = await issuedGoal('报告不完整');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    const unscored = FRAMEWORK.map((f, k) => (k === 0 ? { code: f.code, points: f.points } : f));
    const saved = await ok(
      SAVE,
      { id: e.id, expectedVersion: e.rowVersion, indicators: unscored, sections: SECTIONS.slice(0, 4) },
      'transport.chezhan',
    );
    const errors = await refused(
      SUBMIT,
      { id: saved.id, expectedVersion: saved.rowVersion },
      'transport.chezhan',
    );
    expect(errors.every((x) => x.code === 'WORKFLOW_VIOLATION')).toBe(true);
    // issue 11 item 4: submitEvaluation's input is { id, expectedVersion }: every problem of the stored
    // framework is reported at input.id, one per missing item (the unscored indicator, two sections).
    expect(errors.map((x) => x.field.join('.'))).toEqual(['input.id', 'input.id', 'input.id']);
    expect(new Set(errors.map((x) => x.message)).size).toBe(3);
  });
});

describe('P8: a submitted department evaluation is frozen', () => {
  test('the API and the database refuse changes to its framework and report', async () => {
    const goal = await issuedGoal('部门评价冻结');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    const saved = await ok(
      SAVE,
      { id: e.id, expectedVersion: e.rowVersion, indicators: FRAMEWORK, sections: SECTIONS },
      'transport.chezhan',
    );
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'transport.chezhan');
    const [e1] = await refused(
      SAVE,
      { id: done.id, expectedVersion: done.rowVersion, indicators: FRAMEWORK, sections: SECTIONS },
      'transport.chezhan',
    );
    expect(e1).toMatchObject({ code: 'WORKFLOW_VIOLATION', principle: 'P8' });
    const id = uuidOf(done.id);
    const [{ tenant_id: tenant }] = await app.sql<{ tenant_id: string }>(
      'SELECT tenant_id FROM evaluation WHERE id = $1',
      [id],
    );
    await asApiRole(app, tenant, async (refusal) => {
      for (const sql of [
        `DELETE FROM evaluation_framework_score WHERE evaluation_id = $1`,
        `DELETE FROM evaluation_report_section WHERE evaluation_id = $1`,
      ]) {
        expect(await refusal(sql, [id])).toBe('ck_evaluation_content_frozen');
      }
    });
  });
});
