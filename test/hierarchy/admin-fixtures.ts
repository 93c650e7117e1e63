/**
 * Shared setup of the tenant-administration tests (admin-*-api.test.ts, DOMAIN §3, §15): the hierarchy
 * mutations, payload checks, owner-connection readers (rows, audit records) and arranging through the API.
 */
import { fromGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';
import { regionGid } from '../harness/ids';
import type { UserErrorRow } from '../harness/mutations';

export let app: TestApp;

// ---------------------------------------------------------------------------------------------------
// GraphQL documents and shapes

export type UserErrorShape = Omit<UserErrorRow, 'principle'>;

export interface RegionShape {
  id: string;
  code: string;
  name: string;
  level: string;
  version: number;
  parent: { code: string } | null;
}

export interface OrganizationShape {
  id: string;
  kind: string;
  name: string;
  sector: string | null;
  creditCode: string | null;
  version: number;
  supervisingDepartment: { id: string } | null;
}

export interface UserShape {
  id: string;
  login: string;
  isActive: boolean;
  isTenantAdmin: boolean;
  version: number;
}

export const USER_ERRORS = 'userErrors { code field message messageEn }';
export const REGION_FIELDS = 'id code name level version: rowVersion parent { code }';
export const ORGANIZATION_FIELDS =
  'id kind name sector creditCode version: rowVersion supervisingDepartment { id }';
export const USER_FIELDS = 'id login isActive isTenantAdmin version: rowVersion';

export const CREATE_REGION = `mutation($input: CreateRegionInput!) {
  createRegion(input: $input) { region { ${REGION_FIELDS} } ${USER_ERRORS} } }`;
export const UPDATE_REGION = `mutation($input: UpdateRegionInput!) {
  updateRegion(input: $input) { region { ${REGION_FIELDS} } ${USER_ERRORS} } }`;
export const DELETE_REGION = `mutation($input: DeleteRegionInput!) {
  deleteRegion(input: $input) { deletedId ${USER_ERRORS} } }`;
export const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { ${ORGANIZATION_FIELDS} } ${USER_ERRORS} } }`;
export const DELETE_ORGANIZATION = `mutation($input: DeleteOrganizationInput!) {
  deleteOrganization(input: $input) { deletedId ${USER_ERRORS} } }`;
export const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { ${USER_FIELDS} } ${USER_ERRORS} } }`;
export const UPDATE_USER = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { ${USER_FIELDS} } ${USER_ERRORS} } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token ${USER_ERRORS} } }`;
export const ME = '{ me { user { login } organization { name } region { code } } }';

export type RegionPayload = { region: RegionShape | null; userErrors: UserErrorShape[] };
export type OrganizationPayload = { organization: OrganizationShape | null; userErrors: UserErrorShape[] };
export type UserPayload = { user: UserShape | null; userErrors: UserErrorShape[] };
export type DeletePayload = { deletedId: string | null; userErrors: UserErrorShape[] };

/** The payload of a mutation that must not fail at the GraphQL level. */
export function payload<T>(res: GraphQLResponse<Record<string, T>>, field: string): T {
  expect(res.errors).toBeUndefined();
  const value = res.data?.[field];
  if (value === undefined) throw new Error(`no ${field} in ${JSON.stringify(res)}`);
  return value;
}

export function ok<T extends { userErrors: UserErrorShape[] }>(p: T): T {
  expect(p.userErrors).toEqual([]);
  return p;
}

/** A refusal: exactly one user error with this code and field, in both languages. */
export function refused(p: { userErrors: UserErrorShape[] }, code: string, field: string[]): void {
  expect(p.userErrors).toHaveLength(1);
  const [e] = p.userErrors;
  expect({ code: e.code, field: e.field }).toEqual({ code, field });
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.messageEn).toMatch(/[A-Za-z]/);
  expect(e.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
}

// ---------------------------------------------------------------------------------------------------
// Database helpers (owner connection)

export function dbId(globalId: string): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new Error(`not a global id: ${globalId}`);
  return parsed.id;
}

export interface RegionRow {
  id: string;
  parent_id: string | null;
  level: string;
  name: string;
  code: string;
  path: string;
  version: number;
}

export async function regionRow(id: string): Promise<RegionRow | undefined> {
  const [row] = await app.sql<RegionRow & Record<string, unknown>>(
    'SELECT id, parent_id, level, name, code, path, version FROM region WHERE id = $1',
    [id],
  );
  return row;
}

export async function regionByCode(code: string): Promise<RegionRow> {
  const [row] = await app.sql<RegionRow & Record<string, unknown>>(
    'SELECT id, parent_id, level, name, code, path, version FROM region WHERE code = $1',
    [code],
  );
  if (!row) throw new Error(`no region ${code}`);
  return row;
}

export interface AuditRow {
  actor_user_id: string;
  actor_organization_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  region_path: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function auditOf(entityId: string): Promise<AuditRow[]> {
  return app.sql<AuditRow & Record<string, unknown>>(
    `SELECT actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path, before, after
       FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`,
    [entityId],
  );
}

export async function actor(login: string): Promise<{ id: string; organization_id: string }> {
  const [row] = await app.sql<{ id: string; organization_id: string }>(
    'SELECT id, organization_id FROM app_user WHERE login = $1',
    [login],
  );
  if (!row) throw new Error(`no user ${login}`);
  return row;
}

/**
 * Everything the hierarchy mutations may write, as counts and content digests: a refused mutation
 * must leave all of it exactly as it was.
 */
export const snapshot = () => app.tableDigests();

export async function auditCount(): Promise<number> {
  const [row] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
  return row.n;
}

// ---------------------------------------------------------------------------------------------------
// Arranging through the API

export async function createTownship(
  code: string,
  name: string,
  as = 'admin.zhangdian',
): Promise<RegionShape> {
  const res = await app.gql<{ createRegion: RegionPayload }>(
    CREATE_REGION,
    { input: { parentId: await regionGid(app, '370303'), level: 'TOWNSHIP', code, name } },
    { as },
  );
  const region = ok(payload(res, 'createRegion')).region;
  if (!region) throw new Error('no region');
  return region;
}

export async function createOrganization(
  input: Record<string, unknown>,
  as = 'admin.zhangdian',
): Promise<OrganizationShape> {
  const res = await app.gql<{ createOrganization: OrganizationPayload }>(
    CREATE_ORGANIZATION,
    { input },
    { as },
  );
  const organization = ok(payload(res, 'createOrganization')).organization;
  if (!organization) throw new Error('no organization');
  return organization;
}

export async function createUser(input: Record<string, unknown>, as = 'admin.zhangdian'): Promise<UserShape> {
  const res = await app.gql<{ createUser: UserPayload }>(CREATE_USER, { input }, { as });
  const user = ok(payload(res, 'createUser')).user;
  if (!user) throw new Error('no user');
  return user;
}

export async function signIn(
  login: string,
  password: string,
): Promise<{ token: string | null; userErrors: UserErrorShape[] }> {
  const res = await app.gql<{ login: { token: string | null; userErrors: UserErrorShape[] } }>(LOGIN, {
    input: { login, password, tenant: await app.tenantOf(login) },
  });
  return payload(res, 'login');
}

/** A syntactically valid 统一社会信用代码 (GB 32100-2015 alphabet, 18 characters). */
export const CREDIT_CODE = '12370303MB0000001X';
export const NEW_PASSWORD = 'Kaoping2025x';

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useAdminApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());
}
