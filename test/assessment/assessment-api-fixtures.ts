/**
 * Shared setup of the ex-ante assessment (事前绩效评估) API tests (assessment-*-api.test.ts, DOMAIN §6, §8,
 * §15): the assessment mutations, a new project or fund to assess, an assessment brought to acceptance,
 * and the outcomes every mutation test asserts (ok, refused with nothing written, denied).
 */
import { TestApp } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import { submittedGoalFor } from '../harness/goal-fixtures';
import { mutations, refusalOf, type UserErrorRow } from '../harness/mutations';

export let app: TestApp;

export interface AssessmentRow {
  id: string;
  version: number;
  status: string;
  score: string | null;
  grade: string | null;
}
export type AssessmentPayload = { assessment: AssessmentRow | null; userErrors: UserErrorRow[] };
export type ProjectPayload = {
  project: { id: string; libraryStatus: string } | null;
  userErrors: UserErrorRow[];
};
export type FundPayload = { fund: { id: string } | null; userErrors: UserErrorRow[] };

export const ERRORS = 'userErrors { code field message messageEn }';
export const A_FIELDS = 'id version: rowVersion status score grade';
export const CREATE = `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
export const UPDATE = `mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
export const REVIEW = `mutation($input: ReviewAssessmentInput!) { reviewAssessment(input: $input) { assessment { ${A_FIELDS} } ${ERRORS} } }`;
export const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id libraryStatus } ${ERRORS} } }`;
export const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id libraryStatus } ${ERRORS} } }`;
export const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } ${ERRORS} } }`;

export const org: Record<string, string> = {};
export const region: Record<string, string> = {};

export const DIMENSIONS = [
  { dimension: 'NECESSITY', conclusion: '道路破损严重，立项必要' },
  { dimension: 'ECONOMY', conclusion: '投入成本合理' },
  { dimension: 'GOAL_REASONABLENESS', conclusion: '绩效目标明确、可衡量' },
  { dimension: 'FEASIBILITY', conclusion: '实施方案可行' },
  { dimension: 'FINANCING_COMPLIANCE', conclusion: '资金来源合规' },
];

/** One mutation with `input` as `as`: the whole response. */
export const { call: mutate } = mutations(() => app, 'assessment');

/** `enterProjectLibrary` of `projectId` as `as`: the library status it answers (IN_LIBRARY once entered). */
export async function enterLibrary(projectId: string, as: string): Promise<string | undefined> {
  const res = await mutate<{ enterProjectLibrary: ProjectPayload }>(ENTER, { projectId }, as);
  return res.data!.enterProjectLibrary.project?.libraryStatus;
}

export async function newProject(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
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

export async function newFund(name: string, flags: Record<string, unknown>): Promise<string> {
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

export async function ok(query: string, input: Record<string, unknown>, as: string): Promise<AssessmentRow> {
  const res = await mutate<Record<string, AssessmentPayload>>(query, input, as);
  const payload = Object.values(res.data ?? {})[0];
  if (!payload?.assessment) throw new Error(`expected success: ${JSON.stringify(res)}`);
  expect(payload.userErrors).toEqual([]);
  return payload.assessment;
}

/** Creates an assessment of the subject by transport.zhangdian and takes it as far as `until`. */
export async function assessed(
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
export async function refused(
  query: string,
  input: Record<string, unknown>,
  as: string,
): Promise<UserErrorRow[]> {
  const before = await app.tableDigests();
  const res = await mutate<Record<string, { userErrors: UserErrorRow[] }>>(query, input, as);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0];
  expect(payload.userErrors.length).toBeGreaterThan(0);
  expect(await app.tableDigests()).toEqual(before);
  return payload.userErrors;
}

/** Runs a mutation expected to be refused by the shield (a GraphQL error); nothing written. */
export async function denied(
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

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useAssessmentApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    for (const name of ['车站街道市政道路养护站', '张店区财政局', '淄博市财政局', '公园街道财政所'])
      org[name] = await organizationGid(app, name);
    for (const code of ['370303', '370303001']) region[code] = await regionGid(app, code);
  });
  afterAll(async () => app.stop());
}
