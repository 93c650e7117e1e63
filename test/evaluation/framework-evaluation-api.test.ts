/**
 * Department (部门评价) and finance (财政评价) evaluations through GraphQL (DOMAIN §10, §8 P6/P7): framework
 * indicators (002 附件7), score and grade; who may create, save and submit them, both ways.
 */
import { organizationGid, uuidOf } from '../harness/ids';
import { forbidden, forbiddenFor } from '../harness/mutations';
import {
  app,
  call,
  ok,
  refused,
  denied,
  expectRefusedFor,
  CREATE_DEPT,
  CREATE_FIN,
  SAVE,
  SUBMIT,
  CREATE_SELF,
  FRAMEWORK,
  SECTION_KEYS,
  SECTIONS,
  issuedGoal,
  useFrameworkEvaluationApi,
} from './framework-evaluation-api-fixtures';

useFrameworkEvaluationApi();

describe('department evaluation (部门评价): framework, report, score and grade', () => {
  test('the project’s department creates, fills and submits it; total and grade from the framework (DOMAIN §10)', async () => {
    const goal = await issuedGoal('部门评价项目');
    const created = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    expect(created).toMatchObject({ kind: 'DEPARTMENT', status: 'DRAFT' });
    const saved = await ok(
      SAVE,
      { id: created.id, expectedVersion: created.rowVersion, indicators: FRAMEWORK, sections: SECTIONS },
      'transport.chezhan',
    );
    expect(saved.frameworkScores[4]).toEqual({
      code: 'COMPLETION_RATE',
      category: 'OUTPUT',
      name: '实际完成率',
      points: '20.00',
      score: '20.00',
    });
    expect(saved.reportSections.map((s) => s.key)).toEqual(SECTION_KEYS);
    expect(saved.reportSections[0].title).toContain('基本情况');
    // P6: the evaluated unit does not see the draft; it gets the result once submitted (002 第二十八条(二) 反馈).
    const read = `query($id: ID!) { evaluation(id: $id) { id status } }`;
    const draftView = await app.gql<{ evaluation: unknown }>(read, { id: saved.id }, { as: 'unit.chezhan' });
    expect(draftView.data?.evaluation).toBeNull();
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'transport.chezhan');
    const unitView = await app.gql<{ evaluation: { status: string } | null }>(
      read,
      { id: saved.id },
      { as: 'unit.chezhan' },
    );
    expect(unitView.data?.evaluation?.status).toBe('SUBMITTED');
    const siblingView = await app.gql<{ evaluation: unknown }>(
      read,
      { id: saved.id },
      { as: 'unit.gongyuan' },
    );
    expect(siblingView.data?.evaluation).toBeNull();
    // 8 + 6 + 10 + 9 + 20 + 18.5 + 14 + 8 = 93.5 → 优 (002 第二十五条).
    expect(done).toMatchObject({ status: 'SUBMITTED', total: '93.50', grade: 'EXCELLENT' });
    const [row] = await app.sql<{ total: string; grade: string }>(
      'SELECT total::text, grade FROM evaluation WHERE id = $1',
      [uuidOf(done.id)],
    );
    expect(row).toEqual({ total: '93.50', grade: 'EXCELLENT' });
  });

  test('who may create it: the project’s own department; another department, the unit (P7), audit (P6), other tenants are refused', async () => {
    const goal = await issuedGoal('部门评价权限');
    expect((await refused(CREATE_DEPT, { goalId: goal.id }, 'agri.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await refused(CREATE_DEPT, { goalId: goal.id }, 'transport.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
    });
    // P7 委托人和项目实施主体相分离: the implementing unit — the self-evaluator — never evaluates what it checks.
    await expectRefusedFor(
      CREATE_DEPT,
      { goalId: goal.id },
      {
        ...forbiddenFor('P7', 'unit.chezhan', 'thirdparty.zibo', 'finance.rizhao'),
        'audit.zhangdian': forbidden('P6'),
      },
    );
    await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
  });

  test('the self-evaluator as department evaluator is refused (P7), also at the service when its kind would pass', async () => {
    const goal = await issuedGoal('自评单位不得复评');
    const self = await call<{ createSelfEvaluation: { evaluation: { id: string } | null } }>(
      CREATE_SELF,
      { goalId: goal.id },
      'unit.chezhan',
    );
    expect(self.data?.createSelfEvaluation.evaluation).not.toBeNull();
    expect(await denied(CREATE_DEPT, { goalId: goal.id }, 'unit.chezhan')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    // Make the department the self-evaluator of record (owner SQL): the service's P7 check refuses it too.
    const deptId = uuidOf(await organizationGid(app, '车站街道建设办公室'));
    await app.sql(`ALTER TABLE evaluation DISABLE TRIGGER trg_evaluation_before_write`);
    try {
      await app.sql(
        `UPDATE evaluation SET evaluator_organization_id = $1 WHERE goal_id = $2 AND kind = 'SELF'`,
        [deptId, uuidOf(goal.id)],
      );
    } finally {
      await app.sql(`ALTER TABLE evaluation ENABLE TRIGGER trg_evaluation_before_write`);
    }
    expect((await refused(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
  });
});

describe('saveFrameworkEvaluation and submitEvaluation: only the evaluating body (P6, P7)', () => {
  test('the department succeeds; another department, a sibling, the unit, audit, third party and other tenants are refused', async () => {
    const goal = await issuedGoal('部门评价填报权限');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    const save = { id: e.id, expectedVersion: e.rowVersion, indicators: FRAMEWORK, sections: SECTIONS };
    await expectRefusedFor(SAVE, save, {
      'unit.chezhan': forbidden('P7'),
      'audit.zhangdian': forbidden('P6'),
    });
    // 车站街道农业办公室 sees the evaluation (its subtree) but is not its evaluator.
    expect((await refused(SAVE, save, 'agri.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    for (const as of ['transport.gongyuan', 'thirdparty.zibo', 'finance.rizhao']) {
      expect((await refused(SAVE, save, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    }
    const saved = await ok(SAVE, save, 'transport.chezhan');
    const submit = { id: saved.id, expectedVersion: saved.rowVersion };
    expect((await refused(SUBMIT, submit, 'unit.chezhan'))[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(SUBMIT, submit, 'finance.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    expect(await denied(SUBMIT, submit, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect((await ok(SUBMIT, submit, 'transport.chezhan')).status).toBe('SUBMITTED');
  });
});

describe('finance evaluation (财政评价): finance at the goal’s region or above', () => {
  test('车站街道财政所 and 张店区财政局 may; a sibling township and another tenant may not; units and departments are refused', async () => {
    const goal = await issuedGoal('财政评价项目');
    expect((await ok(CREATE_FIN, { goalId: goal.id }, 'finance.chezhan')).kind).toBe('FINANCE');
    expect((await ok(CREATE_FIN, { goalId: goal.id }, 'finance.zhangdian')).kind).toBe('FINANCE');
    expect((await refused(CREATE_FIN, { goalId: goal.id }, 'finance.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await refused(CREATE_FIN, { goalId: goal.id }, 'finance.rizhao'))[0]).toMatchObject({
      code: 'NOT_FOUND',
    });
    await expectRefusedFor(
      CREATE_FIN,
      { goalId: goal.id },
      { ...forbiddenFor('P7', 'unit.chezhan', 'transport.chezhan'), 'audit.zibo': forbidden('P6') },
    );
  });
});
