/**
 * Funds and projects: `availableActions` tells the truth (issue 11 item 2) — the same pure decisions as
 * the mutations (funds/rules/fund-decision.ts, project-decision.ts): allowed ⇒ the mutation succeeds;
 * refused ⇒ the mutation is refused the same way (P1 谁分配预算、谁设定目标; P2 谁申请资金、谁编制目标; the
 * library gate of DOMAIN §5–6). And `updateFund` / `updateProject` are partial updates (issue 11 item 1):
 * an omitted field is unchanged, an explicit null clears where clearing is allowed, else BAD_USER_INPUT
 * with the field's path and nothing written.
 */
import { TestApp } from '../harness/app';
import {
  actionsApi,
  availableActionsSelection,
  type ActionsObject,
  type ActionsPayload,
} from '../harness/available-actions';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { USER_ERRORS } from '../harness/mutations';

let app: TestApp;

type Obj = ActionsObject;
type Payload = ActionsPayload;

const ACTIONS = availableActionsSelection();
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id rowVersion ${ACTIONS} } ${USER_ERRORS} } }`;
const UPDATE_FUND = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id rowVersion ${ACTIONS} } ${USER_ERRORS} } }`;
const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { fund { id rowVersion ${ACTIONS} } ${USER_ERRORS} } }`;
const FUND = `query($id: ID!) { fund(id: $id) { id rowVersion ${ACTIONS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id rowVersion ${ACTIONS} } ${USER_ERRORS} } }`;
const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id rowVersion ${ACTIONS} } ${USER_ERRORS} } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id rowVersion ${ACTIONS} } }`;
const ENTER = `mutation($input: EnterProjectLibraryInput!) { enterProjectLibrary(input: $input) { project { id } ${USER_ERRORS} } }`;

const { call, actions } = actionsApi(() => app);

const fundInput = {
  name: '2025年张店区可办理操作专项资金',
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', ownLevel: '1000000.00', lowerLevel: '0.00' },
};

let fund: Obj;
let project: Obj;

beforeAll(async () => {
  app = await TestApp.start();
  const f = await call(CREATE_FUND, { ...fundInput, isEmergency: false }, 'transport.zhangdian');
  if (!f.fund) throw new Error(JSON.stringify(f.userErrors));
  fund = f.fund;
  // DOMAIN §4: allocated to 车站街道, the fund is visible to its units (and can finance their projects).
  const set = await call(
    SET_ALLOCATIONS,
    {
      fundId: fund.id,
      expectedVersion: fund.rowVersion,
      allocations: [{ regionId: await regionGid(app, '370303001'), amount: '600000.00' }],
    },
    'transport.zhangdian',
  );
  if (!set.fund) throw new Error(JSON.stringify(set.userErrors));
  fund = set.fund;
  const p = await call(
    CREATE_PROJECT,
    {
      name: '车站街道可办理操作项目',
      implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
      fundId: fund.id,
      year: 2025,
      fiscalAmount: '100000.00',
      otherAmount: '0.00',
      isNew: true,
      requiresAssessment: true,
    },
    'unit.chezhan',
  );
  if (!p.project) throw new Error(JSON.stringify(p.userErrors));
  project = p.project;
});
afterAll(async () => app.stop());

const fundRow = async () =>
  (
    await app.sql<{ name: string; upper_fund_id: string | null; is_emergency: boolean; start_year: number }>(
      'SELECT name, upper_fund_id, is_emergency, start_year FROM fund WHERE id = $1',
      [uuidOf(fund.id)],
    )
  )[0];

describe('Fund.availableActions = the mutations’ decision (DOMAIN §4; P1, 002 第十条(二))', () => {
  test('the fund’s own department: EDIT and SET_ALLOCATIONS allowed, and updateFund succeeds', async () => {
    const own = await actions(FUND, fund.id, 'transport.zhangdian');
    expect(own.EDIT).toMatchObject({ allowed: true });
    expect(own.SET_ALLOCATIONS).toMatchObject({ allowed: true });
    const saved = await call(
      UPDATE_FUND,
      { id: fund.id, expectedVersion: fund.rowVersion, name: '改名后的专项资金' },
      'transport.zhangdian',
    );
    expect(saved.userErrors).toEqual([]);
    fund = saved.fund!;
  });

  test('finance (sees the fund, is not its department): refused (P1) in availableActions and by the mutation', async () => {
    const other = await actions(FUND, fund.id, 'finance.zhangdian');
    expect(other.EDIT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P1' });
    expect(other.SET_ALLOCATIONS).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P1' });
    const before = await app.tableDigests();
    const res = await app.gql<Record<string, Payload>>(
      UPDATE_FUND,
      { input: { id: fund.id, expectedVersion: fund.rowVersion, name: 'x' } },
      { as: 'finance.zhangdian' },
    );
    const refused =
      Object.values(res.data ?? {})[0]?.userErrors ?? res.errors?.map((e) => e.extensions) ?? [];
    expect(refused[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(await app.tableDigests()).toEqual(before);
  });
});

describe('updateFund is a partial update (issue 11 item 1)', () => {
  test('omitted fields are unchanged (the name set above, the flags, the year)', async () => {
    const saved = await call(
      UPDATE_FUND,
      { id: fund.id, expectedVersion: fund.rowVersion, isEmergency: true },
      'transport.zhangdian',
    );
    expect(saved.userErrors).toEqual([]);
    fund = saved.fund!;
    expect(await fundRow()).toEqual({
      name: '改名后的专项资金',
      upper_fund_id: null,
      is_emergency: true,
      start_year: 2025,
    });
  });

  test('null on a required field (name, budgetBook, isEmergency) or on both year and period: BAD_USER_INPUT with the path, nothing written', async () => {
    const before = await app.tableDigests();
    const refused = await call(
      UPDATE_FUND,
      {
        id: fund.id,
        expectedVersion: fund.rowVersion,
        name: null,
        budgetBook: null,
        isEmergency: null,
        year: null,
      },
      'transport.zhangdian',
    );
    expect(refused.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual(
      expect.arrayContaining([
        ['BAD_USER_INPUT', 'input.name'],
        ['BAD_USER_INPUT', 'input.budgetBook'],
        ['BAD_USER_INPUT', 'input.isEmergency'],
        ['BAD_USER_INPUT', 'input.year'],
      ]),
    );
    expect(await app.tableDigests()).toEqual(before);
  });
});

const projectRow = async () =>
  (
    await app.sql<{
      name: string;
      fund_id: string | null;
      fiscal_amount: string;
      is_new: boolean;
      library_status: string;
    }>('SELECT name, fund_id, fiscal_amount, is_new, library_status FROM project WHERE id = $1', [
      uuidOf(project.id),
    ])
  )[0];

describe('Project.availableActions = the mutations’ decision (P2; DOMAIN §5–6 library gate)', () => {
  test('EDIT: the unit allowed ⇒ updateProject succeeds; another department refused (P2) ⇒ refused', async () => {
    expect((await actions(PROJECT, project.id, 'unit.chezhan')).EDIT).toMatchObject({ allowed: true });
    const saved = await call(
      UPDATE_PROJECT,
      { id: project.id, expectedVersion: project.rowVersion, fiscalAmount: '120000.00' },
      'unit.chezhan',
    );
    expect(saved.userErrors).toEqual([]);
    project = saved.project!;
    const finance = await actions(PROJECT, project.id, 'finance.zhangdian');
    expect(finance.EDIT).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P2' });
    const refused = await call(
      UPDATE_PROJECT,
      { id: project.id, expectedVersion: project.rowVersion, name: 'x' },
      'finance.zhangdian',
    );
    expect(refused.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P2' });
  });

  test('ENTER_LIBRARY without a goal and an assessment: refused with the same reason the mutation gives', async () => {
    const finance = await actions(PROJECT, project.id, 'finance.zhangdian');
    expect(finance.ENTER_LIBRARY).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    const before = await app.tableDigests();
    const refused = await call(ENTER, { projectId: project.id }, 'finance.zhangdian');
    expect(refused.userErrors.map((e) => e.code)).toEqual(['WORKFLOW_VIOLATION']);
    expect(await app.tableDigests()).toEqual(before);
    // The unit may never put a project in the library (the shield and the decision agree).
    expect((await actions(PROJECT, project.id, 'unit.chezhan')).ENTER_LIBRARY).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
  });

  test('updateProject is partial: omitted kept; fundId: null clears the fund; name: null → BAD_USER_INPUT, nothing written', async () => {
    const saved = await call(
      UPDATE_PROJECT,
      { id: project.id, expectedVersion: project.rowVersion, isNew: false },
      'unit.chezhan',
    );
    expect(saved.userErrors).toEqual([]);
    project = saved.project!;
    expect(await projectRow()).toMatchObject({
      name: '车站街道可办理操作项目',
      fund_id: uuidOf(fund.id),
      fiscal_amount: '120000.00',
      is_new: false,
    });
    const cleared = await call(
      UPDATE_PROJECT,
      { id: project.id, expectedVersion: project.rowVersion, fundId: null },
      'unit.chezhan',
    );
    expect(cleared.userErrors).toEqual([]);
    project = cleared.project!;
    expect(await projectRow()).toMatchObject({
      name: '车站街道可办理操作项目',
      fund_id: null,
      fiscal_amount: '120000.00',
    });
    const before = await app.tableDigests();
    const refused = await call(
      UPDATE_PROJECT,
      { id: project.id, expectedVersion: project.rowVersion, name: null, fiscalAmount: null },
      'unit.chezhan',
    );
    expect(refused.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.fiscalAmount'],
    ]);
    expect(await app.tableDigests()).toEqual(before);
  });
});
