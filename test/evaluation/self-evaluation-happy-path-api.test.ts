/**
 * Self-evaluation happy path through GraphQL (DOMAIN §10, §8 P4, §15): the spending unit evaluates its issued
 * project goal, the engine scores it on submit, the competent department reviews or returns it.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  ok,
  refused,
  SAVE,
  SUBMIT,
  REVIEW,
  fullActuals,
  saveInput,
  draftEvaluation,
  submitted,
  useSelfEvaluationApi,
} from './self-evaluation-api-fixtures';

useSelfEvaluationApi();

describe('happy path: the unit evaluates, the engine scores on submit, the department reviews', () => {
  test('create → save → submit → approve, with stored lines, history and audit (DOMAIN §10 rules 1–7, P4)', async () => {
    const { goal, evaluation } = await draftEvaluation('自评全流程');
    // 003 转移支付 第二十三条 / DOMAIN §10: the level above is the project's competent department.
    expect(evaluation).toMatchObject({
      status: 'DRAFT',
      rowVersion: 1,
      reviewer: { name: '车站街道建设办公室' },
    });

    const saved = await ok(SAVE, saveInput(evaluation, goal), 'unit.chezhan');
    expect(saved.rowVersion).toBe(2);
    // Live preview while editable: the same engine, every line explains itself.
    const preview = Object.fromEntries(saved.scoreLines.map((l) => [l.name, l.score]));
    expect(preview).toMatchObject({
      资金到位率: '5.00',
      预算执行率: '4.71',
      养护道路里程: '25.00',
      道路通行条件: '27.00',
    });

    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // 5 + 4.71 + 25 + 25 + 27 + 10 = 96.71 → 优 (002 第二十五条).
    expect(done).toMatchObject({ status: 'SUBMITTED', total: '96.71', grade: 'EXCELLENT' });
    const execution = done.scoreLines.find((l) => l.key === 'COMMON:BUDGET_EXECUTION')!;
    expect(execution).toMatchObject({ category: 'COMMON', points: '5', rule: 'RATE', score: '4.71' });
    expect(execution.ruleText).toContain('800000');
    const qualitative = done.scoreLines.find((l) => l.name === '道路通行条件')!;
    expect(qualitative).toMatchObject({ points: '30', rule: 'QUALITATIVE_TIER', score: '27.00' });
    expect(qualitative.inputs).toEqual(expect.arrayContaining([{ name: 'tier', value: 'ACHIEVED' }]));

    const id = uuidOf(done.id);
    const stored = await app.sql<{ score: string; rule: string }>(
      'SELECT score::text, rule FROM evaluation_actual WHERE evaluation_id = $1 ORDER BY score',
      [id],
    );
    expect(stored).toEqual([
      { score: '10.00', rule: 'GTE_MET' },
      { score: '25.00', rule: 'GTE_MET' },
      { score: '25.00', rule: 'GTE_MET' },
      { score: '27.00', rule: 'QUALITATIVE_TIER' },
    ]);
    const [row] = await app.sql<{
      total: string;
      grade: string;
      status: string;
      region_path: string;
      year: number;
    }>('SELECT total::text, grade, status, region_path, year FROM evaluation WHERE id = $1', [id]);
    expect(row).toMatchObject({ total: '96.71', grade: 'EXCELLENT', status: 'SUBMITTED', year: 2025 });
    const [goalRow] = await app.sql<{ region_path: string }>(
      'SELECT region_path FROM performance_goal WHERE id = $1',
      [uuidOf(goal.id)],
    );
    expect(row.region_path).toBe(goalRow.region_path);

    const reviewed = await ok(
      REVIEW,
      { id: done.id, expectedVersion: done.rowVersion, decision: 'APPROVE' },
      'transport.chezhan',
    );
    expect(reviewed.status).toBe('REVIEWED');
    const history = await app.sql<{ action: string; from_status: string; to_status: string }>(
      'SELECT action, from_status, to_status FROM evaluation_transition WHERE evaluation_id = $1 ORDER BY at',
      [id],
    );
    expect(history.map((h) => [h.action, h.from_status, h.to_status])).toEqual([
      ['CREATE', 'DRAFT', 'DRAFT'],
      ['SUBMIT', 'DRAFT', 'SUBMITTED'],
      ['APPROVE', 'SUBMITTED', 'REVIEWED'],
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'Evaluation' AND entity_id = $1 ORDER BY occurred_at`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'SAVE_ACTUALS', 'SUBMIT', 'APPROVE']);
  });

  test('a return needs a comment; a returned evaluation is editable and resubmitted (DOMAIN §10)', async () => {
    const { goal, evaluation } = await submitted('自评退回');
    const errors = await refused(
      REVIEW,
      { id: evaluation.id, expectedVersion: evaluation.rowVersion, decision: 'RETURN', comment: '  ' },
      'transport.chezhan',
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] });
    const returned = await ok(
      REVIEW,
      {
        id: evaluation.id,
        expectedVersion: evaluation.rowVersion,
        decision: 'RETURN',
        comment: '满意度调查样本不足，请补充',
      },
      'transport.chezhan',
    );
    expect(returned.status).toBe('RETURNED');
    const saved = await ok(
      SAVE,
      saveInput(returned, goal, {
        actuals: fullActuals(goal, { 3: { actual: '88', explanation: '补充调查后满意度为88%' } }),
      }),
      'unit.chezhan',
    );
    const again = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'unit.chezhan');
    // 10 × 88 ÷ 90 = 9.777… → 9.78; total 96.71 − 10 + 9.78 = 96.49.
    expect(again).toMatchObject({ status: 'SUBMITTED', total: '96.49' });
    const [t] = await app.sql<{ comment: string }>(
      `SELECT comment FROM evaluation_transition WHERE evaluation_id = $1 AND action = 'RETURN'`,
      [uuidOf(again.id)],
    );
    expect(t.comment).toBe('满意度调查样本不足，请补充');
  });
});
