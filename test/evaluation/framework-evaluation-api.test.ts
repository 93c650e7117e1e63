/**
 * Department and finance evaluations through GraphQL on a real database (DOMAIN §10, §8 P6/P7/P8):
 * framework indicators (002 附件7) with OUTPUT + BENEFIT ≥ 60 points (002 第二十一条(二)), the report as
 * structured sections (002 附件8), commissioning a third party that then sees and edits only that
 * evaluation, the separation of evaluator and implementing unit (P7), and the freeze after submission.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { projectGoal, roadIndicatorsWithout } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations, USER_ERRORS as ERRORS, forbidden, forbiddenFor } from '../harness/mutations';
import { framework9350, REPORT_SECTION_KEYS, reportSections } from '../harness/evaluation-fixtures';

let app: TestApp;
const { call, ok, refused, denied, expectRefusedFor } = mutations<EvaluationRow>(() => app, 'evaluation');

interface EvaluationRow {
  id: string;
  kind: string;
  rowVersion: number;
  status: string;
  total: string | null;
  grade: string | null;
  frameworkScores: { code: string; category: string; name: string; points: string; score: string | null }[];
  reportSections: { key: string; title: string; body: string }[];
  commissionedOrganization: { name: string } | null;
}

const E_FIELDS =
  'id kind rowVersion status total grade frameworkScores { code category name points score } reportSections { key title body } commissionedOrganization { name }';
const CREATE_DEPT = `mutation($input: CreateDepartmentEvaluationInput!) { createDepartmentEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const CREATE_FIN = `mutation($input: CreateFinanceEvaluationInput!) { createFinanceEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SAVE = `mutation($input: SaveFrameworkEvaluationInput!) { saveFrameworkEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const COMMISSION = `mutation($input: CommissionEvaluationInput!) { commissionEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { evaluation { ${E_FIELDS} } ${ERRORS} } }`;
const CREATE_SELF = `mutation($input: CreateSelfEvaluationInput!) { createSelfEvaluation(input: $input) { evaluation { id } ${ERRORS} } }`;

let unitGid = '';
let thirdPartyGid = '';

const INDICATORS = roadIndicatorsWithout('验收合格率');

/** A framework of 100 points: DECISION 15, PROCESS 20, OUTPUT 40, BENEFIT 25 (OUTPUT + BENEFIT = 65). */
const FRAMEWORK = framework9350();
const SECTION_KEYS = [...REPORT_SECTION_KEYS];
const SECTIONS = reportSections();

/** An issued PROJECT goal of 车站街道市政道路养护站 (project of 车站街道建设办公室). */
const issuedGoal = (name: string) => projectGoal(app, { name, unitId: unitGid, indicators: INDICATORS });

beforeAll(async () => {
  app = await TestApp.start();
  unitGid = await organizationGid(app, '车站街道市政道路养护站');
  thirdPartyGid = await organizationGid(app, '山东正信绩效评价咨询有限公司');
});
afterAll(async () => app.stop());

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

describe('commissioning a third party (委托第三方, 002 第十七条; P6, P7)', () => {
  test('the third party sees and edits only what it is commissioned for; the commissioner no longer edits', async () => {
    const goal = await issuedGoal('委托第三方评价');
    const e = await ok(CREATE_FIN, { goalId: goal.id }, 'finance.zhangdian');
    const read = `query($id: ID!) { evaluation(id: $id) { id } }`;
    const save = { id: e.id, expectedVersion: e.rowVersion, indicators: FRAMEWORK, sections: SECTIONS };
    // Not yet commissioned: the third party sees nothing and edits nothing.
    expect(
      (await app.gql<{ evaluation: unknown }>(read, { id: e.id }, { as: 'thirdparty.zibo' })).data
        ?.evaluation,
    ).toBeNull();
    expect((await refused(SAVE, save, 'thirdparty.zibo'))[0]).toMatchObject({ code: 'NOT_FOUND' });

    const commission = { id: e.id, expectedVersion: e.rowVersion, thirdPartyOrganizationId: thirdPartyGid };
    await expectRefusedFor(COMMISSION, commission, {
      ...forbiddenFor('P7', 'unit.chezhan', 'thirdparty.zibo'),
    });
    expect((await refused(COMMISSION, commission, 'finance.chezhan'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    // An implementing unit is no third party (P7: the evaluator is never the implementing unit).
    expect(
      (
        await refused(COMMISSION, { ...commission, thirdPartyOrganizationId: unitGid }, 'finance.zhangdian')
      )[0],
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'thirdPartyOrganizationId'],
    });
    const commissioned = await ok(COMMISSION, commission, 'finance.zhangdian');
    expect(commissioned.commissionedOrganization).toBeNull(); // a city-level third party is outside 张店区's view
    const [row] = await app.sql<{ commissioned_organization_id: string }>(
      'SELECT commissioned_organization_id FROM evaluation WHERE id = $1',
      [uuidOf(e.id)],
    );
    expect(row.commissioned_organization_id).toBe(uuidOf(thirdPartyGid));
    expect(
      (
        await refused(
          COMMISSION,
          { ...commission, expectedVersion: commissioned.rowVersion },
          'finance.zhangdian',
        )
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');

    // The commissioner no longer fills it in; the third party does, and submits.
    const next = { ...save, expectedVersion: commissioned.rowVersion };
    expect((await refused(SAVE, next, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P7',
    });
    const saved = await ok(SAVE, next, 'thirdparty.zibo');
    const list = await app.gql<{ evaluations: { totalCount: number } }>(
      `{ evaluations { totalCount } }`,
      {},
      { as: 'thirdparty.zibo' },
    );
    expect(list.data?.evaluations.totalCount).toBe(1);
    const done = await ok(SUBMIT, { id: saved.id, expectedVersion: saved.rowVersion }, 'thirdparty.zibo');
    expect(done).toMatchObject({ status: 'SUBMITTED', total: '93.50', grade: 'EXCELLENT' });
    // The goal itself stays out of the third party's view (P6: only what it is commissioned for).
    const goalRead = await app.gql<{ evaluation: { goal: unknown } }>(
      `query($id: ID!) { evaluation(id: $id) { goal { id } } }`,
      { id: e.id },
      { as: 'thirdparty.zibo' },
    );
    expect(goalRead.data?.evaluation.goal).toBeNull();
  });

  test('a third party commissioned for another evaluation sees nothing of this one', async () => {
    const goal = await issuedGoal('未受托第三方');
    const e = await ok(CREATE_DEPT, { goalId: goal.id }, 'transport.chezhan');
    // A second third party (owner SQL), commissioned here; thirdparty.zibo is not.
    const [city] = await app.sql<{ id: string; tenant_id: string; path: string }>(
      `SELECT id, tenant_id, path FROM region WHERE code = '370300'`,
    );
    const otherId = randomUUID();
    await app.sql(
      `INSERT INTO organization (tenant_id, id, region_id, region_path, kind, name) VALUES ($1, $2, $3, $4, 'THIRD_PARTY', '淄博华信评估事务所')`,
      [city.tenant_id, otherId, city.id, city.path],
    );
    await ok(
      COMMISSION,
      {
        id: e.id,
        expectedVersion: e.rowVersion,
        thirdPartyOrganizationId: toGlobalId('Organization', otherId),
      },
      'transport.chezhan',
    );
    const read = await app.gql<{ evaluation: unknown }>(
      `query($id: ID!) { evaluation(id: $id) { id } }`,
      { id: e.id },
      { as: 'thirdparty.zibo' },
    );
    expect(read.data?.evaluation).toBeNull();
    expect(
      (
        await refused(
          SAVE,
          { id: e.id, expectedVersion: 2, indicators: FRAMEWORK, sections: [] },
          'thirdparty.zibo',
        )
      )[0].code,
    ).toBe('NOT_FOUND');
    expect((await refused(SUBMIT, { id: e.id, expectedVersion: 2 }, 'thirdparty.zibo'))[0].code).toBe(
      'NOT_FOUND',
    );
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
    const api = new Client({ connectionString: app.db.appUrl });
    await api.connect();
    try {
      for (const sql of [
        `DELETE FROM evaluation_framework_score WHERE evaluation_id = $1`,
        `DELETE FROM evaluation_report_section WHERE evaluation_id = $1`,
      ]) {
        await api.query('BEGIN');
        await api.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenant]);
        await expect(api.query(sql, [id])).rejects.toMatchObject({
          constraint: 'ck_evaluation_content_frozen',
        });
        await api.query('ROLLBACK');
      }
    } finally {
      await api.end();
    }
  });
});
