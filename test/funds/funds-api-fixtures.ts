/**
 * Shared setup of the fund API tests (funds-*-api.test.ts, DOMAIN §4, §11): the fund and project mutations,
 * and the worked example of DOMAIN §11 arranged once per file — 张店区交通运输局's factor-method fund of
 * 10,000,000.00 allocated to 车站街道 and 公园街道, a project-method fund and 车站街道's project.
 */
import { TestApp } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import { mutations, type UserErrorRow, USER_ERRORS as ERRORS } from '../harness/mutations';

export let app: TestApp;

export interface FundRow {
  id: string;
  version: number;
  name: string;
  ownLevelAmount: string;
  totalAmount: string;
  allocationMethod: string;
}
export type FundPayload = { fund: FundRow | null; userErrors: UserErrorRow[] };
export type ProjectPayload = {
  project: { id: string; version: number; libraryStatus: string; annualAmount: string } | null;
  userErrors: UserErrorRow[];
};

export const FUND_FIELDS = 'id version: rowVersion name ownLevelAmount totalAmount allocationMethod';
export const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
export const UPDATE_FUND = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
export const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { fund { ${FUND_FIELDS} } ${ERRORS} } }`;
export const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id version: rowVersion libraryStatus annualAmount } ${ERRORS} } }`;
export const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id version: rowVersion libraryStatus annualAmount } ${ERRORS} } }`;

export const region: Record<string, string> = {};
export const org: Record<string, string> = {};
/** The worked example: 张店区交通运输局's factor-method fund, allocated to 车站街道 and 公园街道. */
export let factorFund: FundRow;
/** A project-method fund of the same department. */
export let projectFund: FundRow;
/** A test that changes the project-method fund hands its new state (version) to the tests after it. */
export function setProjectFund(next: FundRow): void {
  projectFund = next;
}
export let chezhanProject: string;

export const fundInput = (overrides: Record<string, unknown> = {}) => ({
  name: '2025年张店区农村公路养护专项资金',
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', ownLevel: '10000000.00', lowerLevel: '0.00' },
  ...overrides,
});

/** One mutation with `input` as `as`: the whole response. */
export const { call: mutate } = mutations(() => app, 'fund');

export async function currentVersion(globalFundId: string): Promise<number> {
  const id = Buffer.from(globalFundId, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{ version: number }>('SELECT version FROM fund WHERE id = $1', [id]);
  return row.version;
}

/** Projects of the demo data (seeds/demo-goals.ts): listings below count only this file's own. */
export let demoProjects = new Set<string>();

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useFundsApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    demoProjects = new Set((await app.sql<{ id: string }>('SELECT id FROM project')).map((r) => r.id));
    for (const code of ['370300', '370303', '370302', '370303001', '370303002', '371102001'])
      region[code] = await regionGid(app, code);
    for (const name of [
      '张店区交通运输局',
      '车站街道市政道路养护站',
      '公园街道市政道路养护站',
      '车站街道建设办公室',
    ])
      org[name] = await organizationGid(app, name);

    const created = await mutate<{ createFund: FundPayload }>(
      CREATE_FUND,
      fundInput(),
      'transport.zhangdian',
    );
    if (!created.data?.createFund.fund) throw new Error(`arranging failed: ${JSON.stringify(created)}`);
    factorFund = created.data.createFund.fund;
    const set = await mutate<{ setAllocations: FundPayload }>(
      SET_ALLOCATIONS,
      {
        fundId: factorFund.id,
        expectedVersion: 1,
        allocations: [
          { regionId: region['370303001'], amount: '6000000.00' },
          { regionId: region['370303002'], amount: '4000000.00' },
        ],
      },
      'transport.zhangdian',
    );
    if (!set.data?.setAllocations.fund) throw new Error(`arranging failed: ${JSON.stringify(set)}`);
    factorFund = set.data.setAllocations.fund;

    const p = await mutate<{ createFund: FundPayload }>(
      CREATE_FUND,
      fundInput({ name: '2025年张店区道路维修项目资金', allocationMethod: 'PROJECT' }),
      'transport.zhangdian',
    );
    projectFund = p.data!.createFund.fund!;

    const proj = await mutate<{ createProject: ProjectPayload }>(
      CREATE_PROJECT,
      {
        name: '车站街道2025年市政道路养护',
        implementingUnitId: org['车站街道市政道路养护站'],
        fundId: factorFund.id,
        year: 2025,
        fiscalAmount: '1500000.00',
        otherAmount: '0.50',
        isNew: false,
      },
      'unit.chezhan',
    );
    if (!proj.data?.createProject.project) throw new Error(`arranging failed: ${JSON.stringify(proj)}`);
    chezhanProject = proj.data.createProject.project.id;
  });
  afterAll(async () => app.stop());
}
