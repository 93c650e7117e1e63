/**
 * Shared setup of the bad-input tests on the hierarchy mutations (bad-input-*-api.test.ts): global ids
 * and current versions of demo objects, and `expectBadInput` — each case answers with user errors that
 * carry a stable code, the input field, a Chinese `message` and an English `messageEn` — and writes
 * nothing (every table the mutations touch is counted and digested before and after).
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import type { UserErrorRow } from '../harness/mutations';

export let app: TestApp;

// ---------------------------------------------------------------------------------------------------
// Fixtures: global ids and current versions of demo objects, resolved once.

export interface Fixtures {
  region: Record<string, string>;
  org: Record<string, string>;
  user: Record<string, string>;
  /** Current version by global id (after the arranging edits below). */
  version: Record<string, number>;
}

export const f: Fixtures = { region: {}, org: {}, user: {}, version: {} };

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
export const MISSING = '00000000-0000-4000-8000-000000000000';

/** Starts the app and resolves the fixtures, once per test file (call at the top of the file). */
export function useBadInputFixtures(): void {
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
}

// ---------------------------------------------------------------------------------------------------
// Running a mutation and proving nothing was written

type UserErrorShape = Omit<UserErrorRow, 'principle'>;

export type MutationName =
  | 'createRegion'
  | 'updateRegion'
  | 'deleteRegion'
  | 'createOrganization'
  | 'updateOrganization'
  | 'deleteOrganization'
  | 'createUser'
  | 'updateUser';

/** Input type and the object field of each mutation's payload. */
export const MUTATIONS: Record<MutationName, { input: string; result: string }> = {
  createRegion: { input: 'CreateRegionInput', result: 'region { id }' },
  updateRegion: { input: 'UpdateRegionInput', result: 'region { id }' },
  deleteRegion: { input: 'DeleteRegionInput', result: 'deletedId' },
  createOrganization: { input: 'CreateOrganizationInput', result: 'organization { id }' },
  updateOrganization: { input: 'UpdateOrganizationInput', result: 'organization { id }' },
  deleteOrganization: { input: 'DeleteOrganizationInput', result: 'deletedId' },
  createUser: { input: 'CreateUserInput', result: 'user { id }' },
  updateUser: { input: 'UpdateUserInput', result: 'user { id }' },
};

export function document(name: MutationName): string {
  const { input, result } = MUTATIONS[name];
  return `mutation($input: ${input}!) { ${name}(input: $input) { ${result} userErrors { code field message messageEn } } }`;
}

/**
 * Everything the hierarchy mutations may write, as row counts and content digests (a digest also
 * catches an UPDATE: a bumped version, a changed name).
 */
export const snapshot = () => app.tableDigests();

/** [code, field path joined with '.'] */
export type Expected = [code: string, field: string];

export interface Case {
  name: string;
  mutation: MutationName;
  /** Defaults to admin.zhangdian (张店区财政局, district 370303). */
  as?: string;
  input: () => Record<string, unknown>;
  expected: Expected[];
}

export async function expectBadInput({ mutation, as, input, expected }: Case): Promise<void> {
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

export const v = (gid: string): number => {
  const version = f.version[gid];
  if (version === undefined) throw new Error(`no version for ${gid}`);
  return version;
};

// ---------------------------------------------------------------------------------------------------
// Regions

export const township = (over: Record<string, unknown> = {}) => ({
  parentId: f.region['370303'],
  level: 'TOWNSHIP',
  name: '新建街道',
  code: '370303301',
  ...over,
});
export const district = (over: Record<string, unknown> = {}) => ({
  parentId: f.region['370300'],
  level: 'DISTRICT',
  name: '新建区',
  code: '370391',
  ...over,
});
