/**
 * Ex-ante assessment (事前绩效评估) and the project-library gate through GraphQL (DOMAIN §6, §8, §15) on a
 * real database: the happy path from draft to library, each gate refusal with its reason and nothing
 * written, the emergency exemption, the assessment-pending list, the permissions both ways, bad input,
 * stale versions, the database's own refusal of status skips, and a constant number of SQL statements.
 */
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { submittedGoalFor } from '../harness/goal-fixtures';
import { refusalOf, type UserErrorRow } from '../harness/mutations';

let app: TestApp;

interface AssessmentRow {
  id: string;
  version: number;
  status: string;
  score: string | null;
  grade: string | null;
}
type AssessmentPayload = { assessment: AssessmentRow | null; userErrors: UserErrorRow[] };
type ProjectPayload = { project: { id: string; libraryStatus: string } | null; userErrors: UserErrorRow[] };
type FundPayload = { fund: { id: string } | null; userErrors: UserErrorRow[] };

const ERRORS = 'userErrors { code field message messageEn }';
const A_FIELDS = 'id version: rowVersion status score grade';
const CREATE = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
const REVIEW = `mutation($input: ReviewAssessmentInput!) { reviewAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id libraryStatus } ${ERRORS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id libraryStatus } ${ERRORS} } }`;
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } ${ERRORS} } }`;

const org: Record<string, string> = {};
const region: Record<string, string> = {};

const DIMENSIONS = [
  { dimension: 'NECESSITY', conclusion: '道路破损严重，立项必要' },
  { dimension: 'ECONOMY', conclusion: '投入成本合理' },
  { dimension: 'GOAL_REASONABLENESS', conclusion: '绩效目标明确、可衡量' },
  { dimension: 'FEASIBILITY', conclusion: '实施方案可行' },
  { dimension: 'FINANCING_COMPLIANCE', conclusion: '资金来源合规' },
];

async function mutate<T>(
  query: string,
  input: Record<string, unknown>,
  as: string,
): Promise<GraphQLResponse<T>> {
  return app.gql<T>(query, { input }, { as });
}

async function newProject(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await mutate<{ createProject: ProjectPayload }>(
    CREATE_PROJECT,
    {
      name,
      implementingUnitId: org['车站街道市政道路养护站'],
      year: 2025,
      fiscalAmount: '800000.00',
      otherAmount: '0.00',
      isNew: true,
      requiresAssessment: true,
      ...overrides,
    },
    'transport.zhangdian',
  );
  if (!res.data?.createProject.project) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  // DOMAIN §5 (003 第十二条(一)): a project enters the library only with a submitted goal.
  await submittedGoalFor(app, res.data.createProject.project.id);
  return res.data.createProject.project.id;
}

async function newFund(name: string, flags: Record<string, unknown>): Promise<string> {
  const res = await mutate<{ createFund: FundPayload }>(
    CREATE_FUND,
    {
      name,
      year: 2025,
      budgetBook: 'GENERAL_PUBLIC',
      category: 'SPECIAL_TRANSFER',
      allocationMethod: 'PROJECT',
      amounts: { upperLevel: '0.00', ownLevel: '5000000.00', lowerLevel: '0.00' },
      ...flags,
    },
    'transport.zhangdian',
  );
  if (!res.data?.createFund.fund) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return res.data.createFund.fund.id;
}

async function ok(query: string, input: Record<string, unknown>, as: string): Promise<AssessmentRow> {
  const res = await mutate<Record<string, AssessmentPayload>>(query, input, as);
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.assessment) throw new Error(`expected success: ${JSON.stringify(res)}`);
  expect(payload.userErrors).toEqual([]);
  return payload.assessment;
}

/** Creates an assessment of the subject by transport.zhangdian and takes it as far as `until`. */
async function assessed(
  subjectId: string,
  until: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED',
  score = '85.50',
): Promise<AssessmentRow> {
  let a = await ok(CREATE, { subjectId, dimensions: DIMENSIONS, score }, 'transport.zhangdian');
  if (until === 'DRAFT') return a;
  a = await ok(SUBMIT, { id: a.id, expectedVersion: a.version }, 'transport.zhangdian');
  if (until === 'SUBMITTED') return a;
  return ok(
    REVIEW,
    {
      id: a.id,
      expectedVersion: a.version,
      outcome: until,
      comment: until === 'RETURNED' ? '经济性论证不足，请补充' : null,
    },
    'finance.zhangdian',
  );
}

/** Runs a mutation expected to be refused in its payload; asserts nothing was written anywhere. */
async function refused(query: string, input: Record<string, unknown>, as: string): Promise<UserErrorRow[]> {
  const before = await app.tableDigests();
  const res = await mutate<Record<string, { userErrors: UserErrorRow[] }>>(query, input, as);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0];
  expect(payload.userErrors.length).toBeGreaterThan(0);
  expect(await app.tableDigests()).toEqual(before);
  return payload.userErrors;
}

/** Runs a mutation expected to be refused by the shield (a GraphQL error); nothing written. */
async function denied(
  query: string,
  input: Record<string, unknown>,
  as: string,
): Promise<string | undefined> {
  const before = await app.tableDigests();
  const res = await mutate(query, input, as);
  expect(await app.tableDigests()).toEqual(before);
  const refused = refusalOf(res); // issue 11 item 4: in the payload's userErrors (top-level if no payload)
  expect(refused).toBeDefined();
  return refused?.code as string | undefined;
}

beforeAll(async () => {
  app = await TestApp.start();
  for (const name of ['车站街道市政道路养护站', '张店区财政局', '淄博市财政局', '公园街道财政所'])
    org[name] = await organizationGid(app, name);
  for (const code of ['370303', '370303001']) region[code] = await regionGid(app, code);
});
afterAll(async () => app.stop());

describe('happy path: department assesses its new major project, finance accepts, the project enters the library', () => {
  let project: string;
  let assessment: AssessmentRow;

  test('create (DRAFT) → submit → finance.zhangdian accepts', async () => {
    project = await newProject('车站街道2025年道路提升改造（新增重大）');
    assessment = await ok(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '85.50' },
      'transport.zhangdian',
    );
    expect(assessment).toMatchObject({ status: 'DRAFT', score: '85.50', grade: 'GOOD', version: 1 });
    assessment = await ok(SUBMIT, { id: assessment.id, expectedVersion: 1 }, 'transport.zhangdian');
    expect(assessment).toMatchObject({ status: 'SUBMITTED', version: 2 });
    assessment = await ok(
      REVIEW,
      { id: assessment.id, expectedVersion: 2, outcome: 'ACCEPTED' },
      'finance.zhangdian',
    );
    expect(assessment).toMatchObject({ status: 'ACCEPTED', version: 3 });

    const [row] = await app.sql<{
      status: string;
      score: string;
      grade: string;
      region_ok: boolean;
      reviewer: string;
      n: number;
    }>(
      `SELECT a.status, a.score::text AS score, a.grade, a.region_path = p.region_path AS region_ok, o.name AS reviewer,
              (SELECT count(*)::int FROM ex_ante_assessment_dimension d WHERE d.assessment_id = a.id) AS n
         FROM ex_ante_assessment a JOIN project p ON p.tenant_id = a.tenant_id AND p.id = a.project_id
         JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.reviewer_id WHERE a.id = $1`,
      [uuidOf(assessment.id)],
    );
    expect(row).toEqual({
      status: 'ACCEPTED',
      score: '85.50',
      grade: 'GOOD',
      region_ok: true,
      reviewer: '张店区财政局',
      n: 5,
    });
  });

  test('the project reads back with its assessment, dimensions, review and a passing gate; node(id) finds it', async () => {
    const res = await app.gql<{
      project: {
        assessments: {
          nodes: {
            status: string;
            assessor: { name: string };
            dimensions: { dimension: string; name: string }[];
            review: { outcome: string; reviewer: { name: string } };
            project: { id: string };
            fund: null;
          }[];
        };
        assessmentGate: {
          passes: boolean;
          pending: boolean;
          basis: string;
          reason: string;
          reasonEn: string;
        };
      };
      node: { status: string } | null;
    }>(
      `query($id: ID!, $a: ID!) { project(id: $id) { assessments { nodes { status assessor { name } dimensions { dimension name }
         review { outcome reviewer { name } } project { id } fund { id } } }
         assessmentGate { passes pending basis reason reasonEn } }
         node(id: $a) { ... on ExAnteAssessment { status } } }`,
      { id: project, a: assessment.id },
      { as: 'transport.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.project;
    expect(p.assessments.nodes).toHaveLength(1);
    expect(p.assessments.nodes[0]).toMatchObject({
      status: 'ACCEPTED',
      assessor: { name: '张店区交通运输局' },
      review: { outcome: 'ACCEPTED', reviewer: { name: '张店区财政局' } },
      project: { id: project },
      fund: null,
    });
    expect(p.assessments.nodes[0].dimensions.map((d) => d.name)).toEqual([
      '立项必要性',
      '投入经济性',
      '绩效目标合理性',
      '实施方案可行性',
      '筹资合规性',
    ]);
    expect(p.assessmentGate).toMatchObject({ passes: true, pending: false, basis: 'ASSESSMENT_PASSED' });
    expect(p.assessmentGate.reason).toContain('良');
    expect(res.data!.node).toEqual({ status: 'ACCEPTED' });
  });

  test('enterProjectLibrary moves it to IN_LIBRARY, and every write left an audit row', async () => {
    const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: project },
      'transport.zhangdian',
    );
    expect(res.data!.enterProjectLibrary).toEqual({
      project: { id: project, libraryStatus: 'IN_LIBRARY' },
      userErrors: [],
    });
    const [row] = await app.sql<{ library_status: string }>(
      'SELECT library_status FROM project WHERE id = $1',
      [uuidOf(project)],
    );
    expect(row.library_status).toBe('IN_LIBRARY');

    const audit = await app.sql<{ entity_type: string; action: string }>(
      `SELECT entity_type, action FROM audit_event WHERE entity_id = ANY($1) ORDER BY occurred_at, action`,
      [[uuidOf(project), uuidOf(assessment.id)]],
    );
    expect(audit.map((r) => `${r.entity_type}:${r.action}`)).toEqual([
      'Project:CREATE',
      'ExAnteAssessment:CREATE',
      'ExAnteAssessment:SUBMIT',
      'ExAnteAssessment:REVIEW_ACCEPTED',
      'Project:ENTER_LIBRARY',
    ]);
    // Entering twice is a workflow violation.
    const again = await refused(ENTER, { projectId: project }, 'transport.zhangdian');
    expect(again[0].code).toBe('WORKFLOW_VIOLATION');
  });

  test('an accepted assessment is frozen, also in the database (no status skip, no new conclusions)', async () => {
    const errors = await refused(
      UPDATE,
      { id: assessment.id, expectedVersion: assessment.version, dimensions: DIMENSIONS, score: '90' },
      'transport.zhangdian',
    );
    expect(errors[0].code).toBe('WORKFLOW_VIOLATION');
    await expect(
      app.sql(`UPDATE ex_ante_assessment SET status = 'DRAFT' WHERE id = $1`, [uuidOf(assessment.id)]),
    ).rejects.toThrow(/cannot become/);
    await expect(
      app.sql(`UPDATE ex_ante_assessment_dimension SET conclusion = 'x' WHERE assessment_id = $1`, [
        uuidOf(assessment.id),
      ]),
    ).rejects.toThrow(/frozen/);
  });
});

describe('the gate refuses a project without a finance-accepted assessment better than POOR (WORKFLOW_VIOLATION, nothing written)', () => {
  test.each([
    ['no assessment', null, 'NOT_ASSESSED', '未开展事前绩效评估'],
    ['an assessment graded POOR', 'ACCEPTED_POOR', 'ASSESSMENT_POOR', '评估结果为“差”'],
    ['an assessment not yet reviewed', 'SUBMITTED', 'AWAITING_FINANCE_REVIEW', '尚待财政部门审核'],
    ['an assessment returned by finance', 'RETURNED', 'RETURNED_BY_FINANCE', '被财政部门退回'],
    ['only a draft', 'DRAFT', 'NOT_ASSESSED', '未开展事前绩效评估'],
  ] as const)('%s', async (name, state, basis, reason) => {
    const project = await newProject(`闸门测试项目：${name}`);
    if (state === 'ACCEPTED_POOR') await assessed(project, 'ACCEPTED', '59.99');
    else if (state) await assessed(project, state);
    const gate = await app.gql<{ project: { assessmentGate: { passes: boolean; basis: string } } }>(
      `query($id: ID!) { project(id: $id) { assessmentGate { passes basis } } }`,
      { id: project },
      { as: 'finance.zhangdian' },
    );
    expect(gate.data!.project.assessmentGate).toEqual({ passes: false, basis });
    const errors = await refused(ENTER, { projectId: project }, 'finance.zhangdian');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION', field: ['input', 'projectId'] }),
    ]);
    expect(errors[0].message).toContain(reason);
    const [row] = await app.sql<{ library_status: string }>(
      'SELECT library_status FROM project WHERE id = $1',
      [uuidOf(project)],
    );
    expect(row.library_status).toBe('CANDIDATE');
  });

  test('a returned assessment is revised and resubmitted, and once accepted the gate opens', async () => {
    const project = await newProject('闸门测试项目：退回后修改');
    const returned = await assessed(project, 'RETURNED');
    const revised = await ok(
      UPDATE,
      {
        id: returned.id,
        expectedVersion: returned.version,
        dimensions: DIMENSIONS,
        score: null,
        grade: 'EXCELLENT',
      },
      'transport.zhangdian',
    );
    expect(revised).toMatchObject({ status: 'RETURNED', score: null, grade: 'EXCELLENT' });
    const resubmitted = await ok(
      SUBMIT,
      { id: revised.id, expectedVersion: revised.version },
      'transport.zhangdian',
    );
    await ok(
      REVIEW,
      { id: resubmitted.id, expectedVersion: resubmitted.version, outcome: 'ACCEPTED' },
      'finance.chezhan',
    );
    const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: project },
      'finance.chezhan',
    );
    expect(res.data!.enterProjectLibrary.project?.libraryStatus).toBe('IN_LIBRARY');
  });

  test('a project that does not require an assessment enters without one', async () => {
    const project = await newProject('延续项目：无需评估', { isNew: false, requiresAssessment: false });
    const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: project },
      'transport.zhangdian',
    );
    expect(res.data!.enterProjectLibrary.project?.libraryStatus).toBe('IN_LIBRARY');
  });
});

describe('exemptions and the assessment-pending list (DOMAIN §6, 002 第六–七条)', () => {
  test('an emergency fund is exempt, and so is a project it finances', async () => {
    const fund = await newFund('2025年疫情防控应急资金', { isNewMajor: true, isEmergency: true });
    const res = await app.gql<{
      fund: { assessmentGate: { passes: boolean; basis: string; reasonEn: string } };
    }>(
      `query($id: ID!) { fund(id: $id) { assessmentGate(purpose: GOAL_APPROVAL) { passes basis reasonEn } } }`,
      { id: fund },
      { as: 'finance.zhangdian' },
    );
    expect(res.data!.fund.assessmentGate).toMatchObject({ passes: true, basis: 'EMERGENCY_EXEMPT' });
    const project = await newProject('应急道路抢修', { fundId: fund });
    const entered = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: project },
      'transport.zhangdian',
    );
    expect(entered.data!.enterProjectLibrary.project?.libraryStatus).toBe('IN_LIBRARY');
  });

  test('a government pre-approved fund is on the pending list until its assessment is accepted', async () => {
    const fund = await newFund('2025年政府先行安排专项资金', {
      isNewMajor: true,
      governmentPreApproved: true,
    });
    await newFund('2025年设立时已评估资金', {
      isNewMajor: true,
      governmentPreApproved: true,
      assessedAtCreation: true,
    });
    const pending = async (as: string, filter: Record<string, unknown> = {}) => {
      const res = await app.gql<{
        assessmentsPending: { nodes: { id: string; assessmentGate: { pending: boolean; basis: string } }[] };
      }>(
        `query($filter: AssessmentPendingFilter) { assessmentsPending(first: 50, filter: $filter) { nodes { id assessmentGate { pending basis } } } }`,
        { filter },
        { as },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.assessmentsPending.nodes;
    };
    expect(await pending('finance.zhangdian')).toEqual([
      { id: fund, assessmentGate: { pending: true, basis: 'PRE_APPROVED_PENDING' } },
    ]);
    expect(await pending('finance.zibo', { within: region['370303'], year: 2025 })).toHaveLength(1);
    expect(await pending('finance.zhangdian', { within: region['370303001'] })).toEqual([]);
    expect(await pending('finance.zichuan')).toEqual([]);
    expect(await pending('finance.rizhao')).toEqual([]);

    const submitted = await assessed(fund, 'SUBMITTED');
    expect(await pending('finance.zhangdian')).toHaveLength(1);
    await ok(
      REVIEW,
      { id: submitted.id, expectedVersion: submitted.version, outcome: 'ACCEPTED' },
      'finance.zhangdian',
    );
    expect(await pending('finance.zhangdian')).toEqual([]);
  });
});

describe('permissions both ways (DOMAIN §6, §8)', () => {
  let project: string;
  let fund: string;
  beforeAll(async () => {
    project = await newProject('权限测试项目');
    fund = await newFund('权限测试专项资金', { isNewMajor: true });
  });
  const input = () => ({ subjectId: project, dimensions: DIMENSIONS, score: '80' });

  test('the assessor creates and submits; nobody else does', async () => {
    expect(await denied(CREATE, input(), 'audit.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'unit.chezhan')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'finance.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(CREATE, input(), 'finance.rizhao')).toBe('FORBIDDEN');
    expect((await refused(CREATE, input(), 'transport.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'subjectId'],
    });
    // A department in whose subtree the project lies, but which does not own it.
    expect((await refused(CREATE, input(), 'agri.zhangdian'))[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'assessorId'],
    });
    const draft = await ok(CREATE, input(), 'transport.zhangdian');
    expect((await refused(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.chezhan'))[0].code).toBe(
      'FORBIDDEN',
    );
    expect(await denied(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'unit.chezhan')).toBe('FORBIDDEN');
    await ok(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.zhangdian');
  });

  test('a third party assesses only when commissioned by finance at the subject’s level or above', async () => {
    const errors = await refused(CREATE, input(), 'thirdparty.zibo');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'commissionedById'] }),
    ]);
    expect(
      (await refused(CREATE, { ...input(), commissionedById: org['公园街道财政所'] }, 'thirdparty.zibo'))[0],
    ).toMatchObject({ field: ['input', 'commissionedById'] });
    const a = await ok(CREATE, { ...input(), commissionedById: org['淄博市财政局'] }, 'thirdparty.zibo');
    const [row] = await app.sql<{ assessor: string; commissioned: string }>(
      `SELECT o.name AS assessor, c.name AS commissioned FROM ex_ante_assessment a
         JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.assessor_id
         JOIN organization c ON c.tenant_id = a.tenant_id AND c.id = a.commissioned_by_id WHERE a.id = $1`,
      [uuidOf(a.id)],
    );
    expect(row).toEqual({ assessor: '山东正信绩效评价咨询有限公司', commissioned: '淄博市财政局' });
    expect((await refused(SUBMIT, { id: a.id, expectedVersion: 1 }, 'transport.zhangdian'))[0].code).toBe(
      'FORBIDDEN',
    );
  });

  test('finance at the subject’s level or above reviews; never the assessor, a sibling, a lower level or another tenant', async () => {
    const submitted = await assessed(fund, 'SUBMITTED');
    const review = (outcome: string, comment: string | null = null) => ({
      id: submitted.id,
      expectedVersion: submitted.version,
      outcome,
      comment,
    });
    expect(await denied(REVIEW, review('ACCEPTED'), 'transport.zhangdian')).toBe('FORBIDDEN');
    expect(await denied(REVIEW, review('ACCEPTED'), 'audit.zhangdian')).toBe('FORBIDDEN');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.chezhan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.zichuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(REVIEW, review('ACCEPTED'), 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect(await refused(REVIEW, review('RETURNED'), 'finance.zhangdian')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    );
    expect(await refused(REVIEW, review('RETURNED', '   '), 'finance.zhangdian')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    );
    const returned = await ok(REVIEW, review('RETURNED', '请补充筹资合规性论证'), 'finance.zibo');
    expect(returned.status).toBe('RETURNED');
    // A returned assessment is not reviewed again until resubmitted.
    expect(
      (await refused(REVIEW, { ...review('ACCEPTED'), expectedVersion: returned.version }, 'finance.zibo'))[0]
        .code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('enterProjectLibrary: the project’s department or finance at its region; not the unit, the audit office or a sibling', async () => {
    const free = await newProject('权限测试：无需评估', { requiresAssessment: false, isNew: false });
    expect(await denied(ENTER, { projectId: free }, 'unit.chezhan')).toBe('FORBIDDEN');
    expect(await denied(ENTER, { projectId: free }, 'audit.zhangdian')).toBe('FORBIDDEN');
    expect((await refused(ENTER, { projectId: free }, 'finance.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(ENTER, { projectId: free }, 'transport.chezhan'))[0].code).toBe('FORBIDDEN');
    const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(
      ENTER,
      { projectId: free },
      'finance.chezhan',
    );
    expect(res.data!.enterProjectLibrary.project?.libraryStatus).toBe('IN_LIBRARY');
  });

  test('reads: the sibling township and the other tenant do not see the assessment; the unit sees those of its project', async () => {
    const a = await assessed(project, 'DRAFT');
    const read = async (as: string) =>
      (
        await app.gql<{ assessment: { id: string } | null }>(
          `query($id: ID!) { assessment(id: $id) { id } }`,
          { id: a.id },
          { as },
        )
      ).data!.assessment;
    expect(await read('transport.gongyuan')).toBeNull();
    expect(await read('finance.rizhao')).toBeNull();
    expect(await read('finance.chezhan')).toEqual({ id: a.id });
    expect(await read('unit.chezhan')).toEqual({ id: a.id });
    expect(await read('audit.zhangdian')).toEqual({ id: a.id });
  });
});

describe('bad input: a user error with a stable code and field, and nothing written', () => {
  let project: string;
  beforeAll(async () => {
    project = await newProject('输入校验项目');
  });
  const create = (overrides: Record<string, unknown>) =>
    refused(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '85', ...overrides },
      'transport.zhangdian',
    );

  test('a missing dimension', async () => {
    expect(await create({ dimensions: DIMENSIONS.slice(0, 4) })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions'] }),
    ]);
  });

  test('a duplicate dimension', async () => {
    const errors = await create({
      dimensions: [...DIMENSIONS, { dimension: 'ECONOMY', conclusion: '重复' }],
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions', '5', 'dimension'] }),
    ]);
  });

  test('a blank conclusion', async () => {
    const dims = DIMENSIONS.map((d, i) => (i === 2 ? { ...d, conclusion: '   ' } : d));
    expect(await create({ dimensions: dims })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'dimensions', '2', 'conclusion'] }),
    ]);
  });

  test.each(['100.001', '101', '-1', '100.01'])('score %s', async (score) => {
    expect(await create({ score })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'score'] }),
    ]);
  });

  test('a grade that disagrees with the score, and neither', async () => {
    const errors = await create({ score: '89.99', grade: 'EXCELLENT' });
    expect(errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'grade'] })]);
    expect(errors[0].message).toContain('89.99');
    expect(await create({ score: null, grade: null })).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'grade'] }),
    ]);
  });

  test('a subject id of the wrong type reads as not found', async () => {
    expect((await create({ subjectId: org['张店区财政局'] }))[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a stale version is a CONFLICT and changes nothing', async () => {
    const draft = await ok(
      CREATE,
      { subjectId: project, dimensions: DIMENSIONS, score: '70' },
      'transport.zhangdian',
    );
    const updated = await ok(
      UPDATE,
      { id: draft.id, expectedVersion: 1, dimensions: DIMENSIONS, score: '75' },
      'transport.zhangdian',
    );
    expect(updated).toMatchObject({ version: 2, score: '75.00', grade: 'FAIR' });
    expect(
      await refused(
        UPDATE,
        { id: draft.id, expectedVersion: 1, dimensions: DIMENSIONS, score: '95' },
        'transport.zhangdian',
      ),
    ).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] })]);
    expect((await refused(SUBMIT, { id: draft.id, expectedVersion: 1 }, 'transport.zhangdian'))[0].code).toBe(
      'CONFLICT',
    );
  });
});

test('projects with assessments, dimensions, reviews and gates cost the same number of SQL statements for 1 and for 4 projects', async () => {
  for (let i = 1; i <= 4; i++) {
    const p = await newProject(`计数评估项目${i}`);
    await assessed(p, 'ACCEPTED');
  }
  const query = `query($first: Int!) { projects(first: $first, filter: { nameContains: "计数评估" }) {
    nodes { name assessments(first: 10) { nodes { status assessor { name } dimensions { name } review { reviewer { name } } } }
            assessmentGate { passes basis } } } }`;
  const one = await app.gql<{ projects: { nodes: unknown[] } }>(
    query,
    { first: 1 },
    { as: 'finance.zhangdian' },
  );
  const four = await app.gql<{ projects: { nodes: { assessmentGate: { passes: boolean } }[] } }>(
    query,
    { first: 4 },
    { as: 'finance.zhangdian' },
  );
  expect(one.errors).toBeUndefined();
  expect(four.errors).toBeUndefined();
  expect(four.data!.projects.nodes).toHaveLength(4);
  expect(four.data!.projects.nodes.every((n) => n.assessmentGate.passes)).toBe(true);
  expect(four.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
});
