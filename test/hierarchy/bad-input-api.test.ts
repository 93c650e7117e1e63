/**
 * Bad input on every hierarchy mutation: each case answers with user errors that carry a stable code,
 * the input field, a Chinese `message` and an English `messageEn` — and writes nothing (every table the
 * mutations touch is counted and digested before and after). Also the input checks of pagination and
 * lookups, and pagination behaviour.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import type { UserErrorRow } from '../harness/mutations';

let app: TestApp;

// ---------------------------------------------------------------------------------------------------
// Fixtures: global ids and current versions of demo objects, resolved once.

interface Fixtures {
  region: Record<string, string>;
  org: Record<string, string>;
  user: Record<string, string>;
  /** Current version by global id (after the arranging edits below). */
  version: Record<string, number>;
}

const f: Fixtures = { region: {}, org: {}, user: {}, version: {} };

const REGION_CODES = ['370300', '370303', '370302', '370303001', '370303002', '371102', '371102001'];
const ORGANIZATIONS = [
  '张店区财政局',
  '张店区审计局',
  '张店区交通运输局',
  '淄川区财政局',
  '车站街道财政所',
  '车站街道审计办公室',
  '车站街道建设办公室',
  '车站街道市政道路养护站',
  '公园街道建设办公室',
  '日照街道建设办公室',
];
const LOGINS = ['admin.zhangdian', 'finance.chezhan', 'audit.zhangdian', 'finance.zichuan', 'unit.rizhao'];

/** An id of the right shape that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  app = await TestApp.start();
  for (const code of REGION_CODES) f.region[code] = await regionGid(app, code);
  for (const name of ORGANIZATIONS) f.org[name] = await organizationGid(app, name);
  for (const login of LOGINS) f.user[login] = await userGid(app, login);

  // Arrange one stale version per entity type through the API (each bumps the version to 2).
  const bumps: [string, string, Record<string, unknown>][] = [
    [
      'updateRegion',
      'UpdateRegionInput',
      { id: f.region['370303002'], expectedVersion: 1, name: '公园街道' },
    ],
    [
      'updateOrganization',
      'UpdateOrganizationInput',
      { id: f.org['车站街道市政道路养护站'], expectedVersion: 1, name: '车站街道市政道路养护站' },
    ],
    [
      'updateUser',
      'UpdateUserInput',
      { id: f.user['finance.chezhan'], expectedVersion: 1, displayName: '徐立新' },
    ],
  ];
  for (const [field, type, input] of bumps) {
    const res = await app.gql<Record<string, { userErrors: unknown[] }>>(
      `mutation($input: ${type}!) { ${field}(input: $input) { userErrors { code field } } }`,
      { input },
      { as: 'admin.zhangdian' },
    );
    if (res.errors || res.data?.[field].userErrors.length)
      throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  }

  const versions = await app.sql<{ type: string; id: string; version: number }>(`
    SELECT 'Region' AS type, id, version FROM region
    UNION ALL SELECT 'Organization', id, version FROM organization
    UNION ALL SELECT 'User', id, version FROM app_user`);
  for (const v of versions) f.version[toGlobalId(v.type, v.id)] = v.version;
  expect(f.version[f.region['370303002']]).toBe(2);
});
afterAll(async () => app.stop());

// ---------------------------------------------------------------------------------------------------
// Running a mutation and proving nothing was written

type UserErrorShape = Omit<UserErrorRow, 'principle'>;

type MutationName =
  | 'createRegion'
  | 'updateRegion'
  | 'deleteRegion'
  | 'createOrganization'
  | 'updateOrganization'
  | 'deleteOrganization'
  | 'createUser'
  | 'updateUser';

/** Input type and the object field of each mutation's payload. */
const MUTATIONS: Record<MutationName, { input: string; result: string }> = {
  createRegion: { input: 'CreateRegionInput', result: 'region { id }' },
  updateRegion: { input: 'UpdateRegionInput', result: 'region { id }' },
  deleteRegion: { input: 'DeleteRegionInput', result: 'deletedId' },
  createOrganization: { input: 'CreateOrganizationInput', result: 'organization { id }' },
  updateOrganization: { input: 'UpdateOrganizationInput', result: 'organization { id }' },
  deleteOrganization: { input: 'DeleteOrganizationInput', result: 'deletedId' },
  createUser: { input: 'CreateUserInput', result: 'user { id }' },
  updateUser: { input: 'UpdateUserInput', result: 'user { id }' },
};

function document(name: MutationName): string {
  const { input, result } = MUTATIONS[name];
  return `mutation($input: ${input}!) { ${name}(input: $input) { ${result} userErrors { code field message messageEn } } }`;
}

/**
 * Everything the hierarchy mutations may write, as row counts and content digests (a digest also
 * catches an UPDATE: a bumped version, a changed name).
 */
const snapshot = () => app.tableDigests();

/** [code, field path joined with '.'] */
type Expected = [code: string, field: string];

interface Case {
  name: string;
  mutation: MutationName;
  /** Defaults to admin.zhangdian (张店区财政局, district 370303). */
  as?: string;
  input: () => Record<string, unknown>;
  expected: Expected[];
}

async function expectBadInput({ mutation, as, input, expected }: Case): Promise<void> {
  const before = await snapshot();
  const res = await app.gql<Record<string, Record<string, unknown> & { userErrors: UserErrorShape[] }>>(
    document(mutation),
    { input: input() },
    { as: as ?? 'admin.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  const payload = res.data?.[mutation];
  if (!payload) throw new Error(`no payload: ${JSON.stringify(res)}`);

  const got = payload.userErrors.map((e): Expected => [e.code, e.field.join('.')]);
  expect(got.slice().sort()).toEqual(expected.slice().sort());
  for (const e of payload.userErrors) {
    // A sentence for people in both languages (DOMAIN §8: a stable code plus a human sentence).
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.messageEn.trim().length).toBeGreaterThan(5);
    expect(e.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
  }
  // Refused: no object in the payload, and nothing written — not a row, not an audit record.
  const objectField = Object.keys(payload).find((k) => k !== 'userErrors') ?? '';
  expect(payload[objectField]).toBeNull();
  expect(await snapshot()).toEqual(before);
}

const v = (gid: string): number => {
  const version = f.version[gid];
  if (version === undefined) throw new Error(`no version for ${gid}`);
  return version;
};

// ---------------------------------------------------------------------------------------------------
// Regions

const township = (over: Record<string, unknown> = {}) => ({
  parentId: f.region['370303'],
  level: 'TOWNSHIP',
  name: '新建街道',
  code: '370303301',
  ...over,
});
const district = (over: Record<string, unknown> = {}) => ({
  parentId: f.region['370300'],
  level: 'DISTRICT',
  name: '新建区',
  code: '370391',
  ...over,
});

const regionCases: Case[] = [
  // P6: a parent that does not exist, or lies outside the caller's subtree, reads as not found.
  {
    name: 'unknown parentId',
    mutation: 'createRegion',
    input: () => township({ parentId: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: "malformed parentId 'abc'",
    mutation: 'createRegion',
    input: () => township({ parentId: 'abc' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parentId of another type (an organization)',
    mutation: 'createRegion',
    input: () => township({ parentId: f.org['张店区财政局'] }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parent outside the caller’s subtree (sibling district 淄川区)',
    mutation: 'createRegion',
    input: () => township({ parentId: f.region['370302'], code: '370302301' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parent in another tenant (日照 东港区)',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => township({ parentId: f.region['371102'], code: '371102301' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  // DOMAIN §3: a district sits under the city, a township under a district, nothing under a township.
  {
    name: 'TOWNSHIP under the city',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => township({ parentId: f.region['370300'], code: '370300301' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'DISTRICT under a district',
    mutation: 'createRegion',
    input: () => district({ parentId: f.region['370303'], code: '370392' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'CITY under the city',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ level: 'CITY', code: '370393' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'TOWNSHIP under a township',
    mutation: 'createRegion',
    input: () => township({ parentId: f.region['370303001'], code: '370303302' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  // DOMAIN §3: 6-digit codes for county level, 9-digit for townships, with the parent's prefix.
  {
    name: 'township code with 8 digits',
    mutation: 'createRegion',
    input: () => township({ code: '37030330' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'township code with 10 digits',
    mutation: 'createRegion',
    input: () => township({ code: '3703033011' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'district code with 9 digits',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '370391001' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with a letter',
    mutation: 'createRegion',
    input: () => township({ code: '37030330A' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with full-width digits',
    mutation: 'createRegion',
    input: () => township({ code: '３７０３０３３０１' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with surrounding space',
    mutation: 'createRegion',
    input: () => township({ code: ' 370303301' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'empty code',
    mutation: 'createRegion',
    input: () => township({ code: '' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'township code with another district’s prefix',
    mutation: 'createRegion',
    input: () => township({ code: '370302301' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'district code with another city’s prefix',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '371191' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  // DOMAIN §3: division codes are unique per tenant.
  {
    name: 'duplicate township code (车站街道 370303001)',
    mutation: 'createRegion',
    input: () => township({ code: '370303001' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'duplicate district code (淄川区 370302)',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '370302' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'empty name',
    mutation: 'createRegion',
    input: () => township({ name: '' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'blank name',
    mutation: 'createRegion',
    input: () => township({ name: ' \t　 ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 101 characters',
    mutation: 'createRegion',
    input: () => township({ name: '街'.repeat(101) }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createRegion',
    input: () => township({ level: 'DISTRICT', name: '  ', code: '12' }),
    expected: [
      ['BAD_USER_INPUT', 'input.level'],
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.code'],
    ],
  },

  // updateRegion. 公园街道 (370303002) was renamed in beforeAll: its version is 2.
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']) - 1,
      name: '公园新街道',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'expectedVersion from the future',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']) + 5,
      name: '公园新街道',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    // DOMAIN §3: the townships' codes carry the district's prefix, so a district with townships keeps its code.
    name: 'recoding a district that has townships',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303'], expectedVersion: v(f.region['370303']), code: '370399' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'code with the wrong digit count',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303002'], expectedVersion: v(f.region['370303002']), code: '370303' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with another district’s prefix',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      code: '370302099',
    }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code taken by a sibling',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      code: '370303001',
    }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'blank name',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303002'], expectedVersion: v(f.region['370303002']), name: '   ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 101 characters',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      name: 'x'.repeat(101),
    }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    // DOMAIN §3: regions never move.
    name: 'a different parentId',
    mutation: 'updateRegion',
    as: 'admin.zibo',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      parentId: f.region['370302'],
    }),
    expected: [['BAD_USER_INPUT', 'input.parentId']],
  },
  {
    name: 'unknown id',
    mutation: 'updateRegion',
    input: () => ({ id: toGlobalId('Region', MISSING), expectedVersion: 1, name: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    // P6: never on an ancestor.
    name: 'the city, an ancestor of the caller',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370300'], expectedVersion: v(f.region['370300']), name: '淄博' }),
    expected: [['NOT_FOUND', 'input.id']],
  },

  // deleteRegion
  {
    name: 'unknown id',
    mutation: 'deleteRegion',
    input: () => ({ id: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: "malformed id 'abc'",
    mutation: 'deleteRegion',
    input: () => ({ id: 'abc' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a township of another tenant',
    mutation: 'deleteRegion',
    input: () => ({ id: f.region['371102001'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a township that holds organizations',
    mutation: 'deleteRegion',
    input: () => ({ id: f.region['370303001'] }),
    expected: [['CONFLICT', 'input.id']],
  },
  {
    name: 'the city',
    mutation: 'deleteRegion',
    as: 'admin.zibo',
    input: () => ({ id: f.region['370300'] }),
    expected: [['BAD_USER_INPUT', 'input.id']],
  },
];

// ---------------------------------------------------------------------------------------------------
// Organizations

const CREDIT_CODE = '12370303MB0000002X';
const organization = (over: Record<string, unknown> = {}) => ({
  regionId: f.region['370303001'],
  kind: 'IMPLEMENTING_UNIT',
  sector: 'TRANSPORT',
  name: '车站街道新建单位',
  ...over,
});

const organizationCases: Case[] = [
  {
    name: 'unknown regionId',
    mutation: 'createOrganization',
    input: () => organization({ regionId: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.regionId']],
  },
  {
    name: 'region of another tenant',
    mutation: 'createOrganization',
    input: () => organization({ regionId: f.region['371102001'] }),
    expected: [['NOT_FOUND', 'input.regionId']],
  },
  // DOMAIN §3: competent departments are by sector; finance and audit have none.
  {
    name: 'COMPETENT_DEPARTMENT without sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'COMPETENT_DEPARTMENT', sector: null, name: '车站街道卫生办公室' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'FINANCE_BUREAU with a sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'FINANCE_BUREAU', sector: 'TRANSPORT' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'AUDIT_OFFICE with a sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'AUDIT_OFFICE', sector: 'HEALTH' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  // DOMAIN §3: one finance bureau and one audit office per region, one department per sector.
  {
    name: 'a second FINANCE_BUREAU in the same region',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'FINANCE_BUREAU', sector: null, name: '车站街道第二财政所' }),
    expected: [['CONFLICT', 'input.kind']],
  },
  {
    name: 'a second AUDIT_OFFICE in the same region',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'AUDIT_OFFICE', sector: null, name: '车站街道第二审计办公室' }),
    expected: [['CONFLICT', 'input.kind']],
  },
  // DOMAIN §3 (corrected, issue 9 item 5): two departments of a region may share a sector — no longer bad
  // input; test/hierarchy/counterparts-api.test.ts creates one.
  // DOMAIN §3: only implementing units have a supervising department — a competent department of the
  // unit's own region or of a region above it.
  {
    name: 'supervisingDepartmentId on a non-unit',
    mutation: 'createOrganization',
    input: () =>
      organization({
        kind: 'COMPETENT_DEPARTMENT',
        sector: 'HEALTH',
        supervisingDepartmentId: f.org['张店区交通运输局'],
      }),
    expected: [['BAD_USER_INPUT', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor that is a finance bureau',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['车站街道财政所'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor that is an implementing unit',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['车站街道市政道路养护站'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in a sibling region (公园街道)',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['公园街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in a region below the unit’s',
    mutation: 'createOrganization',
    input: () =>
      organization({ regionId: f.region['370303'], supervisingDepartmentId: f.org['车站街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in another tenant',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['日照街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: "malformed supervisor id 'abc'",
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: 'abc' }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  // 统一社会信用代码 (GB 32100-2015): 18 characters, no I, O, S, V, Z.
  ...[
    'ABC',
    CREDIT_CODE.slice(0, 17),
    `${CREDIT_CODE}1`,
    '12370303MB0000002I',
    CREDIT_CODE.toLowerCase(),
    '1237030AMB0000002X',
  ].map(
    (creditCode): Case => ({
      name: `malformed creditCode '${creditCode}'`,
      mutation: 'createOrganization',
      input: () => organization({ creditCode }),
      expected: [['BAD_USER_INPUT', 'input.creditCode']],
    }),
  ),
  {
    name: 'blank name',
    mutation: 'createOrganization',
    input: () => organization({ name: '  ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 201 characters',
    mutation: 'createOrganization',
    input: () => organization({ name: '单'.repeat(201) }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'COMPETENT_DEPARTMENT', sector: null, name: '', creditCode: 'X' }),
    expected: [
      ['BAD_USER_INPUT', 'input.sector'],
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.creditCode'],
    ],
  },

  // updateOrganization. 车站街道市政道路养护站 was renamed in beforeAll: its version is 2.
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']) - 1,
      name: '车站街道养护中心',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'malformed creditCode',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      creditCode: '12370303MB000000OO',
    }),
    expected: [['BAD_USER_INPUT', 'input.creditCode']],
  },
  {
    name: 'blank name',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      name: ' ',
    }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'a sector for a finance bureau',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道财政所'],
      expectedVersion: v(f.org['车站街道财政所']),
      sector: 'EDUCATION',
    }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'a supervisor for a non-unit',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道建设办公室'],
      expectedVersion: v(f.org['车站街道建设办公室']),
      supervisingDepartmentId: f.org['张店区交通运输局'],
    }),
    expected: [['BAD_USER_INPUT', 'input.supervisingDepartmentId']],
  },
  {
    name: 'a supervisor in a sibling region',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      supervisingDepartmentId: f.org['公园街道建设办公室'],
    }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'unknown id',
    mutation: 'updateOrganization',
    input: () => ({ id: toGlobalId('Organization', MISSING), expectedVersion: 1, name: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization outside the caller’s subtree',
    mutation: 'updateOrganization',
    input: () => ({ id: f.org['淄川区财政局'], expectedVersion: v(f.org['淄川区财政局']), name: '淄川' }),
    expected: [['NOT_FOUND', 'input.id']],
  },

  // deleteOrganization
  {
    name: 'unknown id',
    mutation: 'deleteOrganization',
    input: () => ({ id: toGlobalId('Organization', MISSING) }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: "malformed id 'abc'",
    mutation: 'deleteOrganization',
    input: () => ({ id: 'abc' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a region id instead of an organization id',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.region['370303001'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization of another tenant',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['日照街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization with users',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['车站街道财政所'] }),
    expected: [['CONFLICT', 'input.id']],
  },
  {
    name: 'the caller’s own organization',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['张店区财政局'] }),
    expected: [['BAD_USER_INPUT', 'input.id']],
  },
];

// ---------------------------------------------------------------------------------------------------
// Users

const PASSWORD = 'Kaoping2025x';
const newUser = (over: Record<string, unknown> = {}) => ({
  organizationId: f.org['车站街道财政所'],
  login: 'new.clerk',
  displayName: '新用户',
  password: PASSWORD,
  ...over,
});

const userCases: Case[] = [
  ...['AB', 'ab', 'has space', 'a'.repeat(65), '', '.dotfirst', 'wang@lei', '王磊'].map(
    (login): Case => ({
      name: `bad login '${login.length > 20 ? `${login.slice(0, 8)}…(${login.length})` : login}'`,
      mutation: 'createUser',
      input: () => newUser({ login }),
      expected: [['BAD_USER_INPUT', 'input.login']],
    }),
  ),
  {
    name: 'duplicate login in the same tenant',
    mutation: 'createUser',
    input: () => newUser({ login: 'finance.chezhan' }),
    expected: [['CONFLICT', 'input.login']],
  },
  // Logins are unique per tenant (issue 8 item 13): another city's login is no conflict, and the
  // answer must not reveal it; test/auth/tenant-logins.test.ts proves that both ways.
  ...[
    ['too short', 'Ab12345'],
    ['no digit', 'Kaopingxyz'],
    ['no letter', '2025202520'],
    ['too long', `A1${'x'.repeat(127)}`],
    ['contains the login', 'new.clerk2025'],
    ['contains the login in other case', 'NEW.CLERK2025'],
  ].map(
    ([why, password]): Case => ({
      name: `weak password: ${why}`,
      mutation: 'createUser',
      input: () => newUser({ password }),
      expected: [['BAD_USER_INPUT', 'input.password']],
    }),
  ),
  {
    name: 'blank displayName',
    mutation: 'createUser',
    input: () => newUser({ displayName: '   ' }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    name: 'displayName of 101 characters',
    mutation: 'createUser',
    input: () => newUser({ displayName: '名'.repeat(101) }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    // P6: audit offices read and write nothing, so their users never administer.
    name: 'isTenantAdmin=true for an audit office user',
    mutation: 'createUser',
    input: () => newUser({ organizationId: f.org['车站街道审计办公室'], isTenantAdmin: true }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    name: 'unknown organizationId',
    mutation: 'createUser',
    input: () => newUser({ organizationId: toGlobalId('Organization', MISSING) }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
  {
    name: 'an organization outside the caller’s subtree',
    mutation: 'createUser',
    input: () => newUser({ organizationId: f.org['淄川区财政局'] }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createUser',
    input: () => newUser({ login: 'AB', displayName: '', password: 'short' }),
    expected: [
      ['BAD_USER_INPUT', 'input.login'],
      ['BAD_USER_INPUT', 'input.displayName'],
      ['BAD_USER_INPUT', 'input.password'],
    ],
  },

  // updateUser. finance.chezhan was edited in beforeAll: its version is 2.
  {
    // An administrator cannot lock itself out.
    name: 'the administrator deactivating itself',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['admin.zhangdian'],
      expectedVersion: v(f.user['admin.zhangdian']),
      isActive: false,
    }),
    expected: [['BAD_USER_INPUT', 'input.isActive']],
  },
  {
    name: 'the administrator removing its own admin flag',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['admin.zhangdian'],
      expectedVersion: v(f.user['admin.zhangdian']),
      isTenantAdmin: false,
    }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']) - 1,
      displayName: '徐立',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'weak password',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      password: 'short1',
    }),
    expected: [['BAD_USER_INPUT', 'input.password']],
  },
  {
    name: 'password containing the login',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      password: 'Finance.Chezhan2025',
    }),
    expected: [['BAD_USER_INPUT', 'input.password']],
  },
  {
    name: 'blank displayName',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      displayName: '',
    }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    name: 'making an audit office user an administrator',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['audit.zhangdian'],
      expectedVersion: v(f.user['audit.zhangdian']),
      isTenantAdmin: true,
    }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    name: 'unknown id',
    mutation: 'updateUser',
    input: () => ({ id: toGlobalId('User', MISSING), expectedVersion: 1, displayName: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a user outside the caller’s subtree',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.zichuan'],
      expectedVersion: v(f.user['finance.zichuan']),
      displayName: '吴',
    }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a user of another tenant',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['unit.rizhao'],
      expectedVersion: v(f.user['unit.rizhao']),
      displayName: '唐',
    }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'moving a user to an organization outside the caller’s subtree',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      organizationId: f.org['淄川区财政局'],
    }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
];

describe('bad input on region mutations', () => {
  test.each(regionCases)('$mutation: $name', expectBadInput);
});

describe('bad input on organization mutations', () => {
  test.each(organizationCases)('$mutation: $name', expectBadInput);
});

describe('bad input on user mutations', () => {
  test.each(userCases)('$mutation: $name', expectBadInput);
});

test('every mutation has bad-input cases', () => {
  const covered = new Set([...regionCases, ...organizationCases, ...userCases].map((c) => c.mutation));
  expect([...covered].sort()).toEqual(Object.keys(MUTATIONS).sort());
});

// ---------------------------------------------------------------------------------------------------
// Inputs that do not pass GraphQL validation never reach a resolver

interface GraphQLCase {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  code: string;
}

const graphqlCases: GraphQLCase[] = [
  {
    name: 'createRegion without code (literal input)',
    query: `mutation { createRegion(input: { parentId: "x", level: TOWNSHIP, name: "新建街道" }) { region { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'createRegion without code (variables)',
    query: `mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id } } }`,
    variables: () => ({ input: { parentId: f.region['370303'], level: 'TOWNSHIP', name: '新建街道' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createRegion with an unknown level',
    query: `mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id } } }`,
    variables: () => ({
      input: { parentId: f.region['370303'], level: 'VILLAGE', name: '新村', code: '370303301' },
    }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateRegion without expectedVersion',
    query: `mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { region { id } } }`,
    variables: () => ({ input: { id: f.region['370303002'], name: '公园新街道' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateRegion with a non-integer expectedVersion',
    query: `mutation { updateRegion(input: { id: "x", expectedVersion: "two", name: "公园新街道" }) { region { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'createOrganization with an unknown kind',
    query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    variables: () => ({ input: { regionId: f.region['370303001'], kind: 'BANK', name: '银行' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createUser without password',
    query: `mutation { createUser(input: { organizationId: "x", login: "new.clerk", displayName: "新用户" }) { user { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'deleteOrganization without input',
    query: `mutation { deleteOrganization { deletedId } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];

describe('missing or mistyped GraphQL fields', () => {
  test.each(graphqlCases)('$name → $code, nothing written', async ({ query, variables, code }) => {
    const before = await snapshot();
    const res = await app.gql(query, variables ? variables() : {}, { as: 'admin.zhangdian' });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------
// Pagination and lookup input (DOMAIN §16: cursor pagination, first ≤ 100)

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const queryInputCases: { name: string; query: string; variables?: () => Record<string, unknown> }[] = [
  { name: 'regions(first: 101)', query: '{ regions(first: 101) { totalCount } }' },
  { name: 'regions(first: -1)', query: '{ regions(first: -1) { totalCount } }' },
  { name: 'regions(last: 101)', query: '{ regions(last: 101) { totalCount } }' },
  { name: 'regions(first and last)', query: '{ regions(first: 2, last: 2) { totalCount } }' },
  { name: 'regions(after: garbage)', query: '{ regions(first: 2, after: "garbage") { nodes { id } } }' },
  { name: 'regions(before: garbage)', query: '{ regions(last: 2, before: "%%%") { nodes { id } } }' },
  {
    name: 'regions(after: a cursor that is JSON but not a cursor)',
    query: 'query($after: String) { regions(first: 2, after: $after) { nodes { id } } }',
    variables: () => ({ after: cursorOf({ code: '370303' }) }),
  },
  {
    name: 'regions(after: a forged cursor whose id is not a uuid)',
    query: 'query($after: String) { regions(first: 2, after: $after) { nodes { id } } }',
    variables: () => ({ after: cursorOf(['370303', 'not-a-uuid']) }),
  },
  {
    name: 'regions(after: a forged CREATED_AT cursor whose value is not a time)',
    query:
      'query($after: String) { regions(first: 2, after: $after, orderBy: { field: CREATED_AT }) { nodes { id } } }',
    variables: () => ({ after: cursorOf(['not-a-time', MISSING]) }),
  },
  {
    name: 'region with both id and code',
    query: 'query($id: ID) { region(id: $id, code: "370303") { id } }',
    variables: () => ({ id: f.region['370303'] }),
  },
  { name: 'region with neither id nor code', query: '{ region { id } }' },
];

describe('pagination and lookup input', () => {
  test.each(queryInputCases)('$name → BAD_USER_INPUT', async ({ query, variables }) => {
    const res = await app.gql(query, variables ? variables() : {}, { as: 'admin.zibo' });
    expect(res.errors).toHaveLength(1);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    // issue 11 item 4: the message is English, its Chinese in extensions.messageZh (never mixed)
    expect(error?.extensions?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    // No result: data is null (non-null connection) or the nullable root field is null.
    expect(Object.values(res.data ?? {}).filter((value) => value !== null)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Pagination behaviour

interface Page {
  regions: {
    totalCount: number;
    nodes: { id: string; code: string; name: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: RegionOrder) {
  regions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount nodes { id code name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function page(variables: Record<string, unknown>): Promise<Page['regions']> {
  const res: GraphQLResponse<Page> = await app.gql<Page>(PAGE, variables, { as: 'admin.zibo' });
  expect(res.errors).toBeUndefined();
  const regions = res.data?.regions;
  if (!regions) throw new Error(JSON.stringify(res));
  return regions;
}

/** The regions of 淄博市 in the database, in the given SQL order (admin.zibo sees the whole tenant). */
async function ziboRegions(order: string): Promise<string[]> {
  const rows = await app.sql<{ id: string }>(
    `SELECT r.id FROM region r JOIN region city ON city.tenant_id = r.tenant_id AND city.code = '370300'
      ORDER BY ${order}`,
  );
  return rows.map((r) => toGlobalId('Region', r.id));
}

describe('pagination behaviour (DOMAIN §16)', () => {
  test('first/after pages do not overlap and cover the tenant; last/before walks back the same order', async () => {
    const expected = await ziboRegions('r.code, r.id');
    expect(expected.length).toBeGreaterThan(6);

    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p = await page({ first: 3, after });
      pages += 1;
      // totalCount counts the filter, not the page.
      expect(p.totalCount).toBe(expected.length);
      expect(p.nodes.length).toBeLessThanOrEqual(3);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const n of p.nodes) expect(forward).not.toContain(n.id);
      forward.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      expect(p.nodes).toHaveLength(3);
      after = p.pageInfo.endCursor;
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(forward).toEqual(expected);
    expect(new Set(forward).size).toBe(forward.length);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p = await page({ last: 3, before });
      expect(p.nodes.length).toBeLessThanOrEqual(3);
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      backward.unshift(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
      expect(backward.length).toBeLessThan(expected.length + 3);
    }
    expect(backward).toEqual(expected);
  });

  test('orderBy NAME DESC is sorted by pinyin (zh_pinyin collation), and pages continue the order', async () => {
    const expected = await ziboRegions('r.name COLLATE zh_pinyin DESC, r.id DESC');
    const first = await page({ first: 5, orderBy: { field: 'NAME', direction: 'DESC' } });
    const second = await page({
      first: 5,
      after: first.pageInfo.endCursor,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(expected.slice(0, 10));
    const ascending = await ziboRegions('r.name COLLATE zh_pinyin ASC, r.id ASC');
    expect(expected).toEqual(ascending.slice().reverse());
    // Names really descend by pinyin (DOMAIN §16, issue 11 item 8) from one item to the next.
    const names = [...first.nodes, ...second.nodes].map((n) => n.name);
    const [{ sorted }] = await app.sql<{ sorted: boolean }>(
      `SELECT bool_and(a COLLATE zh_pinyin >= b COLLATE zh_pinyin) AS sorted FROM unnest($1::text[], $2::text[]) AS t(a, b)`,
      [names.slice(0, -1), names.slice(1)],
    );
    expect(sorted).toBe(true);
  });
});
