/**
 * Ex-ante assessments: `availableActions` tells the truth (issue 11 item 2; DOMAIN §6) — the same pure
 * decision as the mutations (rules/assessment-decision.ts): allowed ⇒ the mutation succeeds; refused ⇒
 * refused the same way; the assessor never reviews its own (P7, 002 第十七条), finance reviews (P3). Then
 * the project's ENTER_LIBRARY turns allowed and `enterProjectLibrary` succeeds. `updateAssessment` is a
 * partial update (issue 11 item 1): omitted fields kept, `score: null` clears, `dimensions: null` refused.
 */
import { TestApp } from '../harness/app';
import { actionsApi, availableActionsSelection, type ActionsObject } from '../harness/available-actions';
import { organizationGid, uuidOf } from '../harness/ids';
import { submittedGoalFor } from '../harness/goal-fixtures';
import { USER_ERRORS } from '../harness/mutations';

let app: TestApp;

type Obj = ActionsObject;

const ACTIONS = availableActionsSelection(true);
const A = `assessment { id rowVersion ${ACTIONS} }`;
const CREATE = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { ${A} ${USER_ERRORS} } }`;
const UPDATE = `mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { ${A} ${USER_ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { ${A} ${USER_ERRORS} } }`;
const REVIEW = `mutation($input: ReviewAssessmentInput!) { reviewAssessment(input: $input) { ${A} ${USER_ERRORS} } }`;
const READ = `query($id: ID!) { assessment(id: $id) { id rowVersion ${ACTIONS} } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id ${ACTIONS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } ${USER_ERRORS} } }`;
const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id libraryStatus } ${USER_ERRORS} } }`;

const DIMENSIONS = [
  { dimension: 'NECESSITY', conclusion: '立项必要' },
  { dimension: 'ECONOMY', conclusion: '投入合理' },
  { dimension: 'GOAL_REASONABLENESS', conclusion: '目标明确' },
  { dimension: 'FEASIBILITY', conclusion: '方案可行' },
  { dimension: 'FINANCING_COMPLIANCE', conclusion: '筹资合规' },
];

// Top-level errors come back as userErrors here (issue 11 item 4: one place to read a refusal).
const { call, actions } = actionsApi(() => app, { errorsAsUserErrors: true });

const row = async (id: string) =>
  (
    await app.sql<{ status: string; score: string | null; grade: string | null; dims: string }>(
      `SELECT status, score, grade, (SELECT string_agg(conclusion, ',' ORDER BY dimension) FROM ex_ante_assessment_dimension d
         WHERE d.assessment_id = a.id) AS dims FROM ex_ante_assessment a WHERE id = $1`,
      [uuidOf(id)],
    )
  )[0];

let project: string;
let a: Obj;

beforeAll(async () => {
  app = await TestApp.start();
  const p = await call(
    CREATE_PROJECT,
    {
      name: '可办理操作评估项目',
      implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
      year: 2025,
      fiscalAmount: '800000.00',
      otherAmount: '0.00',
      isNew: true,
      requiresAssessment: true,
    },
    'transport.zhangdian',
  );
  project = p.project!.id;
  await submittedGoalFor(app, project);
  const created = await call(
    CREATE,
    { subjectId: project, dimensions: DIMENSIONS, score: '85.50' },
    'transport.zhangdian',
  );
  a = created.assessment!;
});
afterAll(async () => app.stop());

describe('availableActions of an assessment = the mutations’ decision (DOMAIN §6)', () => {
  test('a DRAFT: the assessor may EDIT and SUBMIT; finance may not (FORBIDDEN); nobody may review yet', async () => {
    const mine = Object.fromEntries(a.availableActions.map((x) => [x.action, x]));
    expect(mine.EDIT.allowed && mine.SUBMIT.allowed).toBe(true);
    expect(mine.ACCEPT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P7' });
    const finance = await actions(READ, a.id, 'finance.zhangdian');
    expect(finance.EDIT).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(finance.ACCEPT).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    const refused = await call(
      UPDATE,
      { id: a.id, expectedVersion: a.rowVersion, score: '90.00' },
      'finance.zhangdian',
    );
    expect(refused.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('partial update: omitted conclusions kept, a new score re-derives the grade; score: null with a grade clears the score', async () => {
    const s = await call(
      UPDATE,
      { id: a.id, expectedVersion: a.rowVersion, score: '92.00' },
      'transport.zhangdian',
    );
    expect(s.userErrors).toEqual([]);
    expect(await row(a.id)).toMatchObject({
      score: '92.00',
      grade: 'EXCELLENT',
      dims: expect.stringContaining('立项必要'),
    });
    const c = await call(
      UPDATE,
      { id: a.id, expectedVersion: s.assessment!.rowVersion, score: null, grade: 'GOOD' },
      'transport.zhangdian',
    );
    expect(c.userErrors).toEqual([]);
    expect(await row(a.id)).toMatchObject({
      score: null,
      grade: 'GOOD',
      dims: expect.stringContaining('筹资合规'),
    });
    a = c.assessment!;
    const before = await app.tableDigests();
    const bad = await call(
      UPDATE,
      { id: a.id, expectedVersion: a.rowVersion, dimensions: null },
      'transport.zhangdian',
    );
    expect(bad.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.dimensions'],
    ]);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('SUBMIT allowed ⇒ submitted; then finance: ACCEPT allowed, RETURN requires a comment; the assessor refused (P7)', async () => {
    const sub = await call(SUBMIT, { id: a.id, expectedVersion: a.rowVersion }, 'transport.zhangdian');
    expect(sub.userErrors).toEqual([]);
    a = sub.assessment!;
    const mine = Object.fromEntries(a.availableActions.map((x) => [x.action, x]));
    expect(mine.EDIT).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    expect(mine.ACCEPT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P7' });
    // P3: an audit office never reviews (the shield and the decision agree).
    expect((await actions(READ, a.id, 'audit.zhangdian')).ACCEPT).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    const finance = await actions(READ, a.id, 'finance.zhangdian');
    expect(finance.ACCEPT).toMatchObject({ allowed: true });
    expect(finance.RETURN).toMatchObject({ allowed: true, requires: 'comment' });
    const own = await call(
      REVIEW,
      { id: a.id, expectedVersion: a.rowVersion, outcome: 'ACCEPTED' },
      'transport.zhangdian',
    );
    expect(own.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
    const accepted = await call(
      REVIEW,
      { id: a.id, expectedVersion: a.rowVersion, outcome: 'ACCEPTED' },
      'finance.zhangdian',
    );
    expect(accepted.userErrors).toEqual([]);
    expect((await row(a.id)).status).toBe('ACCEPTED');
  });

  test('the project’s ENTER_LIBRARY is now allowed for its department and enterProjectLibrary succeeds; the unit is refused', async () => {
    expect((await actions(PROJECT, project, 'unit.chezhan')).ENTER_LIBRARY).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect((await actions(PROJECT, project, 'transport.zhangdian')).ENTER_LIBRARY).toMatchObject({
      allowed: true,
    });
    const entered = await call(ENTER, { projectId: project }, 'transport.zhangdian');
    expect(entered.userErrors).toEqual([]);
    const [p] = await app.sql<{ library_status: string }>(
      'SELECT library_status FROM project WHERE id = $1',
      [uuidOf(project)],
    );
    expect(p.library_status).toBe('IN_LIBRARY');
    expect((await actions(PROJECT, project, 'transport.zhangdian')).ENTER_LIBRARY).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
  });
});
