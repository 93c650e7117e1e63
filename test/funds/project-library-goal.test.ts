/**
 * Issue 9 item 8 (DOMAIN §5; 003 第十二条(一) 绩效目标…作为申请预算和项目入库的前置条件; 002 第九条): a project enters
 * the project library only with a goal submitted at least, besides the ex-ante gate (§6).
 */
import { TestApp } from '../harness/app';
import { arrangeProject, goalStep, projectGoalInput } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations } from '../harness/mutations';

let app: TestApp;
const { ok, refused, denied } = mutations<{ id: string; libraryStatus: string }>(() => app, 'project');
const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id libraryStatus } userErrors { code field message messageEn principle } } }`;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

test('no goal, or only a draft: refused (WORKFLOW_VIOLATION citing 003 第十二条(一)), nothing written; once submitted it enters', async () => {
  const unit = await organizationGid(app, '车站街道市政道路养护站');
  const projectId = await arrangeProject(
    app,
    { name: '入库前置测试项目', implementingUnitId: unit },
    'transport.chezhan',
  );
  const noGoal = await refused(ENTER, { projectId }, 'transport.chezhan');
  expect(noGoal).toEqual([
    expect.objectContaining({ code: 'WORKFLOW_VIOLATION', field: ['input', 'projectId'] }),
  ]);
  expect(noGoal[0].message).toContain('003 第十二条(一)');

  const draft = await goalStep(
    app,
    'createGoal',
    projectGoalInput(projectId, '入库前置测试绩效目标'),
    'unit.chezhan',
  );
  expect((await refused(ENTER, { projectId }, 'transport.chezhan'))[0].code).toBe('WORKFLOW_VIOLATION');

  await goalStep(app, 'submitGoal', { id: draft.id, expectedVersion: draft.rowVersion }, 'unit.chezhan');
  // Still only the library keepers (DOMAIN §6): not the unit, not the audit office.
  expect((await denied(ENTER, { projectId }, 'unit.chezhan')).code).toBe('FORBIDDEN');
  expect((await denied(ENTER, { projectId }, 'audit.zhangdian')).code).toBe('FORBIDDEN');
  const entered = await ok(ENTER, { projectId }, 'transport.chezhan');
  expect(entered.libraryStatus).toBe('IN_LIBRARY');
  const [row] = await app.sql<{ library_status: string }>(
    `SELECT library_status FROM project WHERE id = $1`,
    [uuidOf(projectId)],
  );
  expect(row.library_status).toBe('IN_LIBRARY');
});
