/**
 * Self-evaluation permissions (DOMAIN §8 P4 谁支出、谁自评, P6): only the spending unit evaluates, only the
 * level above reviews, reads within jurisdiction; and reads in one request (DOMAIN §16).
 */
import { forbidden, forbiddenFor } from '../harness/mutations';
import {
  app,
  ok,
  refused,
  denied,
  expectRefusedFor,
  CREATE_SELF,
  SAVE,
  SUBMIT,
  REVIEW,
  projectGoal,
  saveInput,
  draftEvaluation,
  submitted,
  useSelfEvaluationApi,
} from './self-evaluation-api-fixtures';

useSelfEvaluationApi();

describe('P4 谁支出、谁自评 and P6: only the spending unit evaluates, only the level above reviews', () => {
  test('createSelfEvaluation: the unit succeeds (above); sibling unit, other tenant, department, finance, audit, third party are refused', async () => {
    const goal = await projectGoal('自评权限');
    for (const as of ['unit.gongyuan', 'unit.rizhao']) {
      expect((await refused(CREATE_SELF, { goalId: goal.id }, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    }
    await expectRefusedFor(
      CREATE_SELF,
      { goalId: goal.id },
      {
        ...forbiddenFor('P4', 'transport.chezhan', 'finance.chezhan', 'thirdparty.zibo'),
        'audit.zhangdian': forbidden('P6'),
      },
    );
    await ok(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan');
    // One self-evaluation per goal (unique partial index).
    expect((await refused(CREATE_SELF, { goalId: goal.id }, 'unit.chezhan'))[0]).toMatchObject({
      code: 'CONFLICT',
      field: ['input', 'goalId'],
    });
  });

  test('saveEvaluationActuals and submitEvaluation: only the evaluating unit', async () => {
    const { goal, evaluation } = await draftEvaluation('填报权限');
    const input = saveInput(evaluation, goal);
    for (const as of ['unit.gongyuan', 'unit.rizhao']) {
      expect((await refused(SAVE, input, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    }
    await expectRefusedFor(SAVE, input, {
      ...forbiddenFor('P4', 'transport.chezhan', 'thirdparty.zibo'),
      'audit.zhangdian': forbidden('P6'),
    });
    const saved = await ok(SAVE, input, 'unit.chezhan');
    const submit = { id: saved.id, expectedVersion: saved.rowVersion };
    // The supervising department sees the evaluation but may not submit it for the unit (P4).
    expect((await refused(SUBMIT, submit, 'transport.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await refused(SUBMIT, submit, 'unit.gongyuan'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(SUBMIT, submit, 'thirdparty.zibo'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(await denied(SUBMIT, submit, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    await ok(SUBMIT, submit, 'unit.chezhan');
  });

  test('reviewEvaluation: only the project’s competent department', async () => {
    const { evaluation } = await submitted('审核权限');
    const input = { id: evaluation.id, expectedVersion: evaluation.rowVersion, decision: 'APPROVE' };
    expect(await denied(REVIEW, input, 'unit.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P4' });
    // Finance reviews compiled overall results only (DOMAIN §11): not a project's self-evaluation.
    expect((await refused(REVIEW, input, 'finance.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect(await denied(REVIEW, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect((await refused(REVIEW, input, 'transport.gongyuan'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(REVIEW, input, 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await ok(REVIEW, input, 'transport.chezhan')).status).toBe('REVIEWED');
  });

  test('reads: the unit, its department and the district audit office see it; siblings and other tenants do not (P6)', async () => {
    const { goal, evaluation } = await submitted('查阅权限');
    const read = `query($id: ID!) { evaluation(id: $id) { id status } }`;
    for (const as of ['unit.chezhan', 'transport.chezhan', 'finance.zhangdian', 'audit.zhangdian']) {
      const res = await app.gql<{ evaluation: { id: string } | null }>(read, { id: evaluation.id }, { as });
      expect(res.data?.evaluation?.id).toBe(evaluation.id);
    }
    for (const as of ['unit.gongyuan', 'finance.gongyuan', 'thirdparty.zibo', 'finance.rizhao']) {
      const res = await app.gql<{ evaluation: { id: string } | null }>(read, { id: evaluation.id }, { as });
      expect(res.data?.evaluation).toBeNull();
    }
    const list = await app.gql<{ evaluations: { totalCount: number; nodes: { id: string }[] } }>(
      `query($goalId: ID!) { evaluations(filter: { goalId: $goalId, kind: SELF, year: 2025 }) { totalCount nodes { id } } }`,
      { goalId: goal.id },
      { as: 'audit.zhangdian' },
    );
    expect(list.data?.evaluations).toEqual({ totalCount: 1, nodes: [{ id: evaluation.id }] });
    const goalRead = await app.gql<{
      goal: { evaluations: { totalCount: number; nodes: { id: string; kind: string }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { evaluations { totalCount nodes { id kind } } } }`,
      { id: goal.id },
      { as: 'transport.chezhan' },
    );
    expect(goalRead.data?.goal.evaluations).toEqual({
      totalCount: 1,
      nodes: [{ id: evaluation.id, kind: 'SELF' }],
    });
    const actions = await app.gql<{
      evaluation: { availableActions: { action: string; allowed: boolean; requires: string | null }[] };
    }>(
      `query($id: ID!) { evaluation(id: $id) { availableActions { action allowed requires } } }`,
      { id: evaluation.id },
      { as: 'transport.chezhan' },
    );
    const allowed = actions.data!.evaluation.availableActions.filter((a) => a.allowed);
    expect(allowed).toEqual([
      { action: 'APPROVE', allowed: true, requires: null },
      { action: 'RETURN', allowed: true, requires: 'comment' },
    ]);
  });
});

describe('reads in one request (DOMAIN §16, STYLE "Performance shape")', () => {
  test('PerformanceGoal.evaluations with their score lines: the number of SQL statements does not grow with the goals', async () => {
    const query = `{ goals(first: 100, filter: { year: 2025, scope: PROJECT }) { nodes { evaluations { nodes { id total scoreLines { key score } availableActions { action allowed } actuals { indicatorId score } transitions { action actorOrganization { name } } } } } } }`;
    await submitted('语句数一');
    await draftEvaluation('语句数草稿'); // a draft previews its lines: one more kind of statement
    const before = await app.gql<{ goals: { nodes: { evaluations: { nodes: unknown[] } }[] } }>(
      query,
      {},
      { as: 'transport.chezhan' },
    );
    const evaluatedBefore = before.data!.goals.nodes.filter((g) => g.evaluations.nodes.length > 0).length;
    await submitted('语句数二');
    await draftEvaluation('语句数三');
    const after = await app.gql<{ goals: { nodes: { evaluations: { nodes: unknown[] } }[] } }>(
      query,
      {},
      { as: 'transport.chezhan' },
    );
    expect(after.data!.goals.nodes.filter((g) => g.evaluations.nodes.length > 0).length).toBe(
      evaluatedBefore + 2,
    ); // 语句数二, 语句数三
    expect(after.extensions?.sqlStatements).toBe(before.extensions?.sqlStatements);
  });
});
