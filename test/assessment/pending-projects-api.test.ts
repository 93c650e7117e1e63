/**
 * Government pre-approval of projects (DOMAIN §6; 002 第七条): a new project that requires an ex-ante
 * assessment but was pre-approved by the government passes the project-library gate while its
 * assessment is pending, and is listed on `assessmentPendingProjects` in the caller's jurisdiction (P6)
 * until a finance-accepted assessment exists. Projects without the flag stay blocked and unlisted.
 */
import { TestApp } from '../harness/app';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { submittedGoalFor } from '../harness/goal-fixtures';

let app: TestApp;

const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id governmentPreApproved } userErrors { code messageEn } } }`;
const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id governmentPreApproved } userErrors { code messageEn } } }`;
const PENDING = `query($filter: AssessmentPendingFilter) { assessmentPendingProjects(first: 100, filter: $filter) { nodes { id name assessmentGate { passes pending basis } } } }`;
const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id libraryStatus } userErrors { code } } }`;

let unit: string;
let preApproved: string;
let blocked: string;

async function newProject(name: string, governmentPreApproved: boolean): Promise<string> {
  const res = await app.gql<{
    createProject: { project: { id: string; governmentPreApproved: boolean } | null };
  }>(
    CREATE_PROJECT,
    {
      input: {
        name,
        implementingUnitId: unit,
        year: 2025,
        fiscalAmount: '2000000.00',
        otherAmount: '0.00',
        isNew: true,
        requiresAssessment: true,
        governmentPreApproved,
      },
    },
    { as: 'transport.chezhan' },
  );
  const project = res.data?.createProject.project;
  if (!project) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  expect(project.governmentPreApproved).toBe(governmentPreApproved);
  // DOMAIN §5 (003 第十二条(一)): a project enters the library only with a submitted goal.
  await submittedGoalFor(app, project.id);
  return project.id;
}

async function pendingIds(as: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const res = await app.gql<{ assessmentPendingProjects: { nodes: { id: string }[] } }>(
    PENDING,
    { filter },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.assessmentPendingProjects.nodes.map((n) => n.id);
}

beforeAll(async () => {
  app = await TestApp.start();
  unit = await organizationGid(app, '车站街道市政道路养护站');
  preApproved = await newProject('车站街道老旧小区道路改造（政府先行安排）', true);
  blocked = await newProject('车站街道桥梁加固（未先行安排）', false);
});
afterAll(async () => app.stop());

test('the flag is stored on the project (migration ProjectPreApproval1763820000000)', async () => {
  const rows = await app.sql<{ id: string; government_pre_approved: boolean }>(
    'SELECT id, government_pre_approved FROM project WHERE id = ANY($1) ORDER BY government_pre_approved',
    [[uuidOf(preApproved), uuidOf(blocked)]],
  );
  expect(rows).toEqual([
    { id: uuidOf(blocked), government_pre_approved: false },
    { id: uuidOf(preApproved), government_pre_approved: true },
  ]);
});

test('DOMAIN §6, 002 第七条: pre-approved passes the gate as pending; the other is blocked', async () => {
  const res = await app.gql<{ p: { assessmentGate: unknown }; b: { assessmentGate: unknown } }>(
    `query($p: ID!, $b: ID!) { p: project(id: $p) { assessmentGate { passes pending basis } } b: project(id: $b) { assessmentGate { passes pending basis } } }`,
    { p: preApproved, b: blocked },
    { as: 'finance.zhangdian' },
  );
  expect(res.data!.p.assessmentGate).toMatchObject({ passes: true, pending: true });
  expect(res.data!.b.assessmentGate).toMatchObject({ passes: false, pending: false });
});

test('listed for the callers whose jurisdiction holds it (P6), and for no one else', async () => {
  for (const as of [
    'finance.zhangdian',
    'finance.chezhan',
    'transport.chezhan',
    'audit.zhangdian',
    'finance.zibo',
  ]) {
    const ids = await pendingIds(as);
    expect(ids).toContain(preApproved);
    expect(ids).not.toContain(blocked);
  }
  for (const as of ['finance.zichuan', 'admin.rizhao', 'unit.gongyuan']) {
    expect(await pendingIds(as)).not.toContain(preApproved);
  }
  expect(await pendingIds('finance.zibo', { year: 2024 })).not.toContain(preApproved);
  expect(await pendingIds('finance.zibo', { within: await regionGid(app, '370302') })).not.toContain(
    preApproved,
  );
  expect(await pendingIds('finance.zibo', { within: await regionGid(app, '370303') })).toContain(preApproved);
});

test('the pre-approved project enters the library; the other is refused by the gate', async () => {
  const ok = await app.gql<{ enterProjectLibrary: { project: { libraryStatus: string } | null } }>(
    ENTER,
    { input: { projectId: preApproved } },
    { as: 'transport.chezhan' },
  );
  expect(ok.data!.enterProjectLibrary.project).toMatchObject({ libraryStatus: 'IN_LIBRARY' });
  const no = await app.gql<{ enterProjectLibrary: { project: unknown; userErrors: { code: string }[] } }>(
    ENTER,
    { input: { projectId: blocked } },
    { as: 'transport.chezhan' },
  );
  expect(no.data!.enterProjectLibrary.userErrors[0].code).toBe('WORKFLOW_VIOLATION');
  // Still pending after entering the library: the assessment is owed until finance accepts one.
  expect(await pendingIds('finance.zhangdian')).toContain(preApproved);
});

test('setting the flag later puts the project on the list', async () => {
  const [{ version }] = await app.sql<{ version: number }>('SELECT version FROM project WHERE id = $1', [
    uuidOf(blocked),
  ]);
  const res = await app.gql<{ updateProject: { project: { governmentPreApproved: boolean } | null } }>(
    UPDATE_PROJECT,
    { input: { id: blocked, expectedVersion: version, governmentPreApproved: true } },
    { as: 'transport.chezhan' },
  );
  expect(res.data!.updateProject.project).toEqual({ id: blocked, governmentPreApproved: true });
  expect(await pendingIds('finance.zhangdian')).toContain(blocked);
});
