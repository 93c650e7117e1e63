/**
 * Shared setup of the goal workflow API tests (goals-*-api.test.ts, DOMAIN §5, §7, §8, §15): the goal
 * mutations and their selection, a PROJECT goal's input, a goal brought to a given step, its
 * availableActions as a caller sees them.
 */
import { TestApp } from '../harness/app';
import { ROAD_INDICATORS } from '../harness/goal-fixtures';
import { organizationGid } from '../harness/ids';
import { mutations, type UserErrorRow, USER_ERRORS as ERRORS } from '../harness/mutations';

export let app: TestApp;
export const { call: mutate, ok, refused, denied, expectRefusedFor } = mutations<GoalRow>(() => app, 'goal');

export interface Availability {
  action: string;
  allowed: boolean;
  code: string | null;
  principle: string | null;
  requires: string | null;
}
export interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  currentStep: number;
  reviewChain: {
    index: number;
    role: string;
    final: boolean;
    current: boolean;
    organization: { name: string } | null;
  }[];
}
export type GoalPayload = { goal: GoalRow | null; userErrors: UserErrorRow[] };

export const G_FIELDS =
  'id rowVersion status currentStep reviewChain { index role final current organization { name } }';
export const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const APPROVE = `mutation($input: ApproveGoalInput!) { approveGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const RETURN = `mutation($input: ReturnGoalInput!) { returnGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const ISSUE = `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
export const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`;

export const org: Record<string, string> = {};

export const INDICATORS = ROAD_INDICATORS;

export async function newProject(name: string): Promise<string> {
  const res = await mutate<{ createProject: { project: { id: string } | null } }>(
    CREATE_PROJECT,
    {
      name,
      implementingUnitId: org['车站街道市政道路养护站'],
      year: 2025,
      fiscalAmount: '800000.00',
      otherAmount: '50000.00',
      isNew: false,
      requiresAssessment: false,
    },
    'transport.chezhan',
  );
  if (!res.data?.createProject.project) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return res.data.createProject.project.id;
}

export function goalInput(projectId: string, overrides: Record<string, unknown> = {}) {
  return {
    scope: 'PROJECT',
    year: 2025,
    name: '车站街道2025年道路养护绩效目标',
    projectId,
    implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
    annualObjective: '2025年养护道路12.5公里，验收合格率不低于95%',
    annualAmount: '850000.00',
    fiscalAmount: '800000.00',
    otherAmount: '50000.00',
    indicators: INDICATORS,
    ...overrides,
  };
}

/** A goal drafted by unit.chezhan and taken as far as `until`. */
export async function goalAt(
  until: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'ISSUED',
): Promise<GoalRow> {
  const project = await newProject(`道路养护项目（${until}）`);
  let g = await ok(CREATE, goalInput(project), 'unit.chezhan');
  if (until === 'DRAFT') return g;
  g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
  if (until === 'SUBMITTED') return g;
  g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
  if (until === 'IN_REVIEW') return g;
  g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
  if (until === 'APPROVED') return g;
  return ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
}

export async function actions(goalId: string, as: string): Promise<Record<string, Availability>> {
  const res = await app.gql<{ goal: { availableActions: Availability[] } | null }>(
    `query($id: ID!) { goal(id: $id) { availableActions { action allowed code principle requires } } }`,
    { id: goalId },
    { as },
  );
  return Object.fromEntries(res.data!.goal!.availableActions.map((a) => [a.action, a]));
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useGoalsApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    for (const name of ['车站街道市政道路养护站', '车站街道建设办公室', '车站街道财政所'])
      org[name] = await organizationGid(app, name);
  });
  afterAll(async () => app.stop());
}
