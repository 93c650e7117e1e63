/**
 * Tenant administrators build and maintain the hierarchy (DOMAIN §3), every change leaves an audit
 * record (DOMAIN §15), stale edits are refused (optimistic concurrency, DOMAIN §15), and refused
 * changes leave no trace. Outcomes are asserted in the database through the owner connection.
 */
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import { TestApp, type GraphQLResponse } from '../harness/app';
import { organizationGid, regionGid } from '../harness/ids';
import type { UserErrorRow } from '../harness/mutations';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

// ---------------------------------------------------------------------------------------------------
// GraphQL documents and shapes

type UserErrorShape = Omit<UserErrorRow, 'principle'>;

interface RegionShape {
  id: string;
  code: string;
  name: string;
  level: string;
  version: number;
  parent: { code: string } | null;
}

interface OrganizationShape {
  id: string;
  kind: string;
  name: string;
  sector: string | null;
  creditCode: string | null;
  version: number;
  supervisingDepartment: { id: string } | null;
}

interface UserShape {
  id: string;
  login: string;
  isActive: boolean;
  isTenantAdmin: boolean;
  version: number;
}

const USER_ERRORS = 'userErrors { code field message messageEn }';
const REGION_FIELDS = 'id code name level version: rowVersion parent { code }';
const ORGANIZATION_FIELDS = 'id kind name sector creditCode version: rowVersion supervisingDepartment { id }';
const USER_FIELDS = 'id login isActive isTenantAdmin version: rowVersion';

const CREATE_REGION = `mutation($input: CreateRegionInput!) {
  createRegion(input: $input) { region { ${REGION_FIELDS} } ${USER_ERRORS} } }`;
const UPDATE_REGION = `mutation($input: UpdateRegionInput!) {
  updateRegion(input: $input) { region { ${REGION_FIELDS} } ${USER_ERRORS} } }`;
const DELETE_REGION = `mutation($input: DeleteRegionInput!) {
  deleteRegion(input: $input) { deletedId ${USER_ERRORS} } }`;
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { ${ORGANIZATION_FIELDS} } ${USER_ERRORS} } }`;
const DELETE_ORGANIZATION = `mutation($input: DeleteOrganizationInput!) {
  deleteOrganization(input: $input) { deletedId ${USER_ERRORS} } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { ${USER_FIELDS} } ${USER_ERRORS} } }`;
const UPDATE_USER = `mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { ${USER_FIELDS} } ${USER_ERRORS} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token ${USER_ERRORS} } }`;
const ME = '{ me { user { login } organization { name } region { code } } }';

type RegionPayload = { region: RegionShape | null; userErrors: UserErrorShape[] };
type OrganizationPayload = { organization: OrganizationShape | null; userErrors: UserErrorShape[] };
type UserPayload = { user: UserShape | null; userErrors: UserErrorShape[] };
type DeletePayload = { deletedId: string | null; userErrors: UserErrorShape[] };

/** The payload of a mutation that must not fail at the GraphQL level. */
function payload<T>(res: GraphQLResponse<Record<string, T>>, field: string): T {
  expect(res.errors).toBeUndefined();
  const value = res.data?.[field];
  if (value === undefined) throw new Error(`no ${field} in ${JSON.stringify(res)}`);
  return value;
}

function ok<T extends { userErrors: UserErrorShape[] }>(p: T): T {
  expect(p.userErrors).toEqual([]);
  return p;
}

/** A refusal: exactly one user error with this code and field, in both languages. */
function refused(p: { userErrors: UserErrorShape[] }, code: string, field: string[]): void {
  expect(p.userErrors).toHaveLength(1);
  const [e] = p.userErrors;
  expect({ code: e.code, field: e.field }).toEqual({ code, field });
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.messageEn).toMatch(/[A-Za-z]/);
  expect(e.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
}

// ---------------------------------------------------------------------------------------------------
// Database helpers (owner connection)

function dbId(globalId: string): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new Error(`not a global id: ${globalId}`);
  return parsed.id;
}

interface RegionRow {
  id: string;
  parent_id: string | null;
  level: string;
  name: string;
  code: string;
  path: string;
  version: number;
}

async function regionRow(id: string): Promise<RegionRow | undefined> {
  const [row] = await app.sql<RegionRow & Record<string, unknown>>(
    'SELECT id, parent_id, level, name, code, path, version FROM region WHERE id = $1',
    [id],
  );
  return row;
}

async function regionByCode(code: string): Promise<RegionRow> {
  const [row] = await app.sql<RegionRow & Record<string, unknown>>(
    'SELECT id, parent_id, level, name, code, path, version FROM region WHERE code = $1',
    [code],
  );
  if (!row) throw new Error(`no region ${code}`);
  return row;
}

interface AuditRow {
  actor_user_id: string;
  actor_organization_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  region_path: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function auditOf(entityId: string): Promise<AuditRow[]> {
  return app.sql<AuditRow & Record<string, unknown>>(
    `SELECT actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path, before, after
       FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, id`,
    [entityId],
  );
}

async function actor(login: string): Promise<{ id: string; organization_id: string }> {
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
const snapshot = () => app.tableDigests();

async function auditCount(): Promise<number> {
  const [row] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
  return row.n;
}

// ---------------------------------------------------------------------------------------------------
// Arranging through the API

async function createTownship(code: string, name: string, as = 'admin.zhangdian'): Promise<RegionShape> {
  const res = await app.gql<{ createRegion: RegionPayload }>(
    CREATE_REGION,
    { input: { parentId: await regionGid(app, '370303'), level: 'TOWNSHIP', code, name } },
    { as },
  );
  const region = ok(payload(res, 'createRegion')).region;
  if (!region) throw new Error('no region');
  return region;
}

async function createOrganization(
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

async function createUser(input: Record<string, unknown>, as = 'admin.zhangdian'): Promise<UserShape> {
  const res = await app.gql<{ createUser: UserPayload }>(CREATE_USER, { input }, { as });
  const user = ok(payload(res, 'createUser')).user;
  if (!user) throw new Error('no user');
  return user;
}

async function signIn(
  login: string,
  password: string,
): Promise<{ token: string | null; userErrors: UserErrorShape[] }> {
  const res = await app.gql<{ login: { token: string | null; userErrors: UserErrorShape[] } }>(LOGIN, {
    input: { login, password, tenant: await app.tenantOf(login) },
  });
  return payload(res, 'login');
}

/** A syntactically valid 统一社会信用代码 (GB 32100-2015 alphabet, 18 characters). */
const CREDIT_CODE = '12370303MB0000001X';
const NEW_PASSWORD = 'Kaoping2025x';

// ---------------------------------------------------------------------------------------------------

describe('DOMAIN §3: a tenant administrator builds the hierarchy of its subtree', () => {
  test('admin.zhangdian creates a township under 张店区: row, materialized path and CREATE audit record', async () => {
    const before = await auditCount();
    const region = await createTownship('370303201', '测试一街道');
    // DOMAIN §3: a township sits under a district, with a 9-digit code of its district's prefix.
    expect(region).toMatchObject({ code: '370303201', name: '测试一街道', level: 'TOWNSHIP', version: 1 });
    expect(region.parent).toEqual({ code: '370303' });

    const parent = await regionByCode('370303');
    const row = await regionRow(dbId(region.id));
    expect(row).toMatchObject({
      parent_id: parent.id,
      level: 'TOWNSHIP',
      code: '370303201',
      name: '测试一街道',
    });
    // DOMAIN §3: the subtree test is a path prefix — the child's path is its parent's path plus its id.
    expect(row?.path).toBe(`${parent.path}${dbId(region.id)}/`);

    // DOMAIN §15: who (user and organisation), what (entity, action), after.
    const admin = await actor('admin.zhangdian');
    const audit = await auditOf(dbId(region.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_type: 'Region',
      action: 'CREATE',
      actor_user_id: admin.id,
      actor_organization_id: admin.organization_id,
      region_path: row?.path,
      before: null,
    });
    expect(audit[0].after).toMatchObject({
      id: dbId(region.id),
      code: '370303201',
      name: '测试一街道',
      level: 'TOWNSHIP',
    });
    expect(await auditCount()).toBe(before + 1);
  });

  test('admin.zhangdian staffs the township: finance bureau, department, units (own and district supervisor), a user who signs in', async () => {
    const township = await createTownship('370303202', '测试二街道');
    const townshipRow = await regionByCode('370303202');

    // DOMAIN §3: every region has its own finance bureau (no sector) …
    const finance = await createOrganization({
      regionId: township.id,
      kind: 'FINANCE_BUREAU',
      name: '测试二街道财政所',
      creditCode: CREDIT_CODE,
    });
    expect(finance).toMatchObject({
      kind: 'FINANCE_BUREAU',
      sector: null,
      creditCode: CREDIT_CODE,
      version: 1,
    });
    // … and competent departments by sector.
    const department = await createOrganization({
      regionId: township.id,
      kind: 'COMPETENT_DEPARTMENT',
      sector: 'TRANSPORT',
      name: '测试二街道建设办公室',
    });
    expect(department).toMatchObject({ kind: 'COMPETENT_DEPARTMENT', sector: 'TRANSPORT' });
    // DOMAIN §3: an implementing unit is attached to a region and to the department supervising it …
    const unit = await createOrganization({
      regionId: township.id,
      kind: 'IMPLEMENTING_UNIT',
      sector: 'TRANSPORT',
      name: '测试二街道道路养护站',
      supervisingDepartmentId: department.id,
    });
    expect(unit.supervisingDepartment).toEqual({ id: department.id });
    // … which may sit in an ancestor region (a township school answering to the district education bureau).
    const districtEducation = await organizationGid(app, '张店区教育局');
    const school = await createOrganization({
      regionId: township.id,
      kind: 'IMPLEMENTING_UNIT',
      sector: 'EDUCATION',
      name: '测试二街道中心小学',
      supervisingDepartmentId: districtEducation,
    });
    expect(school.supervisingDepartment).toEqual({ id: districtEducation });

    const rows = await app.sql<{
      id: string;
      kind: string;
      sector: string | null;
      region_id: string;
      region_path: string;
      supervising_department_id: string | null;
    }>(
      `SELECT id, kind, sector, region_id, region_path, supervising_department_id
         FROM organization WHERE region_id = $1 ORDER BY name`,
      [townshipRow.id],
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.region_path).toBe(townshipRow.path);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(dbId(finance.id))).toMatchObject({
      kind: 'FINANCE_BUREAU',
      sector: null,
      supervising_department_id: null,
    });
    expect(byId.get(dbId(department.id))).toMatchObject({
      kind: 'COMPETENT_DEPARTMENT',
      sector: 'TRANSPORT',
    });
    expect(byId.get(dbId(unit.id))?.supervising_department_id).toBe(dbId(department.id));
    expect(byId.get(dbId(school.id))?.supervising_department_id).toBe(dbId(districtEducation));

    // DOMAIN §15: one CREATE record per organization, by the administrator.
    const admin = await actor('admin.zhangdian');
    for (const org of [finance, department, unit, school]) {
      const audit = await auditOf(dbId(org.id));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        entity_type: 'Organization',
        action: 'CREATE',
        actor_user_id: admin.id,
        actor_organization_id: admin.organization_id,
        region_path: townshipRow.path,
        before: null,
      });
    }

    // A user for the unit; it can sign in and acts for that unit in that township.
    const user = await createUser({
      organizationId: unit.id,
      login: 'unit.ceshi202',
      displayName: '测试用户',
      password: NEW_PASSWORD,
    });
    expect(user).toMatchObject({ login: 'unit.ceshi202', isActive: true, isTenantAdmin: false, version: 1 });
    const [userRow] = await app.sql<{ organization_id: string; region_path: string; password_hash: string }>(
      'SELECT organization_id, region_path, password_hash FROM app_user WHERE id = $1',
      [dbId(user.id)],
    );
    expect(userRow.organization_id).toBe(dbId(unit.id));
    expect(userRow.region_path).toBe(townshipRow.path);
    expect(userRow.password_hash).not.toContain(NEW_PASSWORD);
    // The login directory holds the new one (logins are unique per tenant).
    expect(await app.sql('SELECT user_id FROM user_login WHERE login = $1', ['unit.ceshi202'])).toEqual([
      { user_id: dbId(user.id) },
    ]);

    const signedIn = await signIn('unit.ceshi202', NEW_PASSWORD);
    expect(signedIn.userErrors).toEqual([]);
    expect(signedIn.token).toEqual(expect.any(String));
    const me = await app.gql<{
      me: { user: { login: string }; organization: { name: string }; region: { code: string } };
    }>(ME, {}, { token: signedIn.token ?? '' });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({
      user: { login: 'unit.ceshi202' },
      organization: { name: '测试二街道道路养护站' },
      region: { code: '370303202' },
    });

    // DOMAIN §15: no secrets in history.
    const [userAudit] = await auditOf(dbId(user.id));
    expect(userAudit).toMatchObject({ entity_type: 'User', action: 'CREATE', actor_user_id: admin.id });
    expect(userAudit.after).toMatchObject({ login: 'unit.ceshi202', isActive: true });
    expect(userAudit.after).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(userAudit)).not.toContain(userRow.password_hash);
  });

  test('updateRegion renames with expectedVersion: version increments, UPDATE audit has before and after', async () => {
    const region = await createTownship('370303203', '测试三街道');
    const res = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      // Naming the current parent is not a move, so it is accepted.
      {
        input: {
          id: region.id,
          expectedVersion: 1,
          name: '测试三街道（更名）',
          parentId: await regionGid(app, '370303'),
        },
      },
      { as: 'admin.zhangdian' },
    );
    const updated = ok(payload(res, 'updateRegion')).region;
    expect(updated).toMatchObject({ name: '测试三街道（更名）', code: '370303203', version: 2 });

    const row = await regionRow(dbId(region.id));
    expect(row).toMatchObject({ name: '测试三街道（更名）', version: 2, code: '370303203' });

    const audit = await auditOf(dbId(region.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ name: '测试三街道', version: 1 });
    expect(audit[1].after).toMatchObject({ name: '测试三街道（更名）', version: 2 });

    // A recode within the district prefix is accepted too.
    const recode = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 2, code: '370303213' } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(recode, 'updateRegion')).region).toMatchObject({ code: '370303213', version: 3 });
    expect(await regionRow(dbId(region.id))).toMatchObject({ code: '370303213', version: 3 });
  });

  test('updateUser deactivates a user: its login fails and its old token stops working; reactivating restores it', async () => {
    const unitGid = await organizationGid(app, '车站街道中心小学');
    const user = await createUser({
      organizationId: unitGid,
      login: 'teacher.chezhan',
      displayName: '李老师',
      password: NEW_PASSWORD,
    });
    const oldToken = await app.tokenFor('teacher.chezhan', NEW_PASSWORD);

    const res = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 1, isActive: false } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'updateUser')).user).toMatchObject({ isActive: false, version: 2 });
    const [row] = await app.sql<{ is_active: boolean; version: number }>(
      'SELECT is_active, version FROM app_user WHERE id = $1',
      [dbId(user.id)],
    );
    expect(row).toEqual({ is_active: false, version: 2 });

    const failed = await signIn('teacher.chezhan', NEW_PASSWORD);
    expect(failed.token).toBeNull();
    expect(failed.userErrors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    const withOldToken = await app.gql(ME, {}, { token: oldToken });
    expect(withOldToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const audit = await auditOf(dbId(user.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DEACTIVATE']);
    expect(audit[1].before).toMatchObject({ isActive: true });
    expect(audit[1].after).toMatchObject({ isActive: false });
    for (const a of audit) {
      expect(a.before ?? {}).not.toHaveProperty('passwordHash');
      expect(a.after ?? {}).not.toHaveProperty('passwordHash');
    }

    const again = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 2, isActive: true } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(again, 'updateUser')).user).toMatchObject({ isActive: true, version: 3 });
    expect((await signIn('teacher.chezhan', NEW_PASSWORD)).token).toEqual(expect.any(String));
    expect((await auditOf(dbId(user.id))).map((a) => a.action)).toEqual([
      'CREATE',
      'DEACTIVATE',
      'REACTIVATE',
    ]);
  });

  test('deleteRegion deletes an empty township: row gone, DELETE audit record keeps the before image', async () => {
    const region = await createTownship('370303204', '测试四街道');
    const path = (await regionRow(dbId(region.id)))?.path;
    const res = await app.gql<{ deleteRegion: DeletePayload }>(
      DELETE_REGION,
      { input: { id: region.id } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'deleteRegion')).deletedId).toBe(region.id);
    expect(await regionRow(dbId(region.id))).toBeUndefined();

    const admin = await actor('admin.zhangdian');
    const audit = await auditOf(dbId(region.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
    expect(audit[1]).toMatchObject({
      entity_type: 'Region',
      actor_user_id: admin.id,
      actor_organization_id: admin.organization_id,
      region_path: path,
      after: null,
    });
    expect(audit[1].before).toMatchObject({ id: dbId(region.id), code: '370303204', name: '测试四街道' });
  });

  test('deleteOrganization deletes an organization without users or units, with a DELETE audit record', async () => {
    const township = await createTownship('370303205', '测试五街道');
    const org = await createOrganization({
      regionId: township.id,
      kind: 'THIRD_PARTY',
      name: '测试评价咨询公司',
    });
    const res = await app.gql<{ deleteOrganization: DeletePayload }>(
      DELETE_ORGANIZATION,
      { input: { id: org.id } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(res, 'deleteOrganization')).deletedId).toBe(org.id);
    expect(await app.sql('SELECT 1 FROM organization WHERE id = $1', [dbId(org.id)])).toEqual([]);
    const audit = await auditOf(dbId(org.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
    expect(audit[1].before).toMatchObject({ name: '测试评价咨询公司', kind: 'THIRD_PARTY' });
  });

  test('admin.zibo creates a district under the city, and a township under that district', async () => {
    const city = await regionByCode('370300');
    const res = await app.gql<{ createRegion: RegionPayload }>(
      CREATE_REGION,
      {
        input: {
          parentId: toGlobalId('Region', city.id),
          level: 'DISTRICT',
          code: '370390',
          name: '测试新区',
        },
      },
      { as: 'admin.zibo' },
    );
    const district = ok(payload(res, 'createRegion')).region;
    // DOMAIN §3: a district sits under the city, with a 6-digit code of the city's prefix.
    expect(district).toMatchObject({
      level: 'DISTRICT',
      code: '370390',
      version: 1,
      parent: { code: '370300' },
    });
    const districtRow = await regionByCode('370390');
    expect(districtRow.parent_id).toBe(city.id);
    expect(districtRow.path).toBe(`${city.path}${districtRow.id}/`);

    const township = await app.gql<{ createRegion: RegionPayload }>(
      CREATE_REGION,
      { input: { parentId: district?.id, level: 'TOWNSHIP', code: '370390001', name: '测试新区一街道' } },
      { as: 'admin.zibo' },
    );
    expect(ok(payload(township, 'createRegion')).region).toMatchObject({
      level: 'TOWNSHIP',
      parent: { code: '370390' },
    });
    const townshipRow = await regionByCode('370390001');
    expect(townshipRow.path).toBe(`${districtRow.path}${townshipRow.id}/`);

    const admin = await actor('admin.zibo');
    const [audit] = await auditOf(districtRow.id);
    expect(audit).toMatchObject({
      entity_type: 'Region',
      action: 'CREATE',
      actor_user_id: admin.id,
      actor_organization_id: admin.organization_id,
    });
  });

  test('DOMAIN §15: the audit trail never holds a password hash, even after a password reset', async () => {
    const user = await createUser({
      organizationId: await organizationGid(app, '公园街道财政所'),
      login: 'clerk.gongyuan',
      displayName: '出纳',
      password: NEW_PASSWORD,
    });
    const res = await app.gql<{ updateUser: UserPayload }>(
      UPDATE_USER,
      { input: { id: user.id, expectedVersion: 1, password: 'Reset2025abc', displayName: '出纳员' } },
      { as: 'admin.zhangdian' },
    );
    ok(payload(res, 'updateUser'));
    expect((await signIn('clerk.gongyuan', 'Reset2025abc')).token).toEqual(expect.any(String));
    expect((await signIn('clerk.gongyuan', NEW_PASSWORD)).token).toBeNull();

    const audit = await auditOf(dbId(user.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ displayName: '出纳' });
    expect(audit[1].after).toMatchObject({ displayName: '出纳员' });

    // Across the whole trail of every test in this file: no password field, no argon2 hash.
    const hashes = await app.sql<{ password_hash: string }>('SELECT password_hash FROM app_user');
    const trail = await app.sql<{ before: unknown; after: unknown }>('SELECT before, after FROM audit_event');
    expect(trail.length).toBeGreaterThan(0);
    const text = JSON.stringify(trail);
    expect(text).not.toMatch(/password/i);
    for (const { password_hash } of hashes) expect(text).not.toContain(password_hash);
  });
});

describe('DOMAIN §15: optimistic concurrency', () => {
  test('two edits based on the same version: the first wins, the second is refused with CONFLICT and changes nothing', async () => {
    const region = await createTownship('370303206', '并发一街道');
    const first = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 1, name: '并发一街道甲' } },
      { as: 'admin.zhangdian' },
    );
    expect(ok(payload(first, 'updateRegion')).region?.version).toBe(2);

    const before = await snapshot();
    // DOMAIN §15: stale edit → CONFLICT on the expectedVersion field.
    const second = await app.gql<{ updateRegion: RegionPayload }>(
      UPDATE_REGION,
      { input: { id: region.id, expectedVersion: 1, name: '并发一街道乙' } },
      { as: 'admin.zhangdian' },
    );
    const p = payload(second, 'updateRegion');
    refused(p, 'CONFLICT', ['input', 'expectedVersion']);
    expect(p.region).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(await regionRow(dbId(region.id))).toMatchObject({ name: '并发一街道甲', version: 2 });
  });

  test('a true race: two concurrent updateRegion requests on the same version → exactly one success, one CONFLICT', async () => {
    const region = await createTownship('370303207', '并发二街道');
    await app.tokenFor('admin.zhangdian');
    for (let round = 0; round < 5; round++) {
      const { version } = (await regionRow(dbId(region.id))) ?? { version: -1 };
      const auditsBefore = await auditCount();
      const names = [`并发二街道A${round}`, `并发二街道B${round}`];
      const results = await Promise.all(
        names.map((name) =>
          app.gql<{ updateRegion: RegionPayload }>(
            UPDATE_REGION,
            { input: { id: region.id, expectedVersion: version, name } },
            { as: 'admin.zhangdian' },
          ),
        ),
      );
      const payloads = results.map((r) => payload(r, 'updateRegion'));
      const winners = payloads.filter((p) => p.userErrors.length === 0);
      const losers = payloads.filter((p) => p.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      refused(losers[0], 'CONFLICT', ['input', 'expectedVersion']);
      expect(losers[0].region).toBeNull();

      const row = await regionRow(dbId(region.id));
      expect(row?.version).toBe(version + 1);
      expect(row?.name).toBe(winners[0].region?.name);
      // Only the winner left an audit record.
      expect(await auditCount()).toBe(auditsBefore + 1);
    }
  });
});

describe('refused changes leave no trace (DOMAIN §3, §15)', () => {
  /** Runs a refused mutation and proves nothing was written: no row, no audit record, no version bump. */
  async function expectRefused<T extends { userErrors: UserErrorShape[] }>(
    query: string,
    field: string,
    input: Record<string, unknown>,
    as: string,
    code: string,
    errorField: string[],
  ): Promise<T> {
    const before = await snapshot();
    const auditsBefore = await auditCount();
    const res = await app.gql<Record<string, T>>(query, { input }, { as });
    const p = payload(res, field);
    refused(p, code, errorField);
    expect(await auditCount()).toBe(auditsBefore);
    expect(await snapshot()).toEqual(before);
    return p;
  }

  test('deleteRegion on a township that holds organizations → CONFLICT, nothing deleted', async () => {
    // DOMAIN §15: nothing is hard-deleted while it holds data.
    const chezhan = await regionByCode('370303001');
    const p = await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370303001') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
    expect(p.deletedId).toBeNull();
    expect(await regionRow(chezhan.id)).toEqual(chezhan);
  });

  test('deleteRegion on a district that holds townships → CONFLICT', async () => {
    await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370302') },
      'admin.zibo',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteRegion on the city → BAD_USER_INPUT', async () => {
    // DOMAIN §3: the tenant is the city's tree; its root cannot go.
    await expectRefused<DeletePayload>(
      DELETE_REGION,
      'deleteRegion',
      { id: await regionGid(app, '370300') },
      'admin.zibo',
      'BAD_USER_INPUT',
      ['input', 'id'],
    );
  });

  test('updateRegion with a different parentId → BAD_USER_INPUT on parentId, nothing changed', async () => {
    // DOMAIN §3: regions never move (the path is derived once from the parent).
    const gongyuan = await regionByCode('370303002');
    await expectRefused<RegionPayload>(
      UPDATE_REGION,
      'updateRegion',
      {
        id: toGlobalId('Region', gongyuan.id),
        expectedVersion: gongyuan.version,
        parentId: await regionGid(app, '370302'),
        name: '公园街道（移走）',
      },
      'admin.zibo',
      'BAD_USER_INPUT',
      ['input', 'parentId'],
    );
    expect(await regionRow(gongyuan.id)).toEqual(gongyuan);
  });

  test('deleteOrganization with users → CONFLICT', async () => {
    // 车站街道财政所 has the demo user finance.chezhan.
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '车站街道财政所') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteOrganization of a department that supervises units → CONFLICT', async () => {
    // 湖田街道农业办公室 has no users but supervises 湖田街道农业综合服务站.
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '湖田街道农业办公室') },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'id'],
    );
  });

  test('deleteOrganization of the administrator’s own organization → BAD_USER_INPUT', async () => {
    await expectRefused<DeletePayload>(
      DELETE_ORGANIZATION,
      'deleteOrganization',
      { id: await organizationGid(app, '张店区财政局') },
      'admin.zhangdian',
      'BAD_USER_INPUT',
      ['input', 'id'],
    );
  });

  test('a rolled-back createUser (login taken in the same tenant) leaves no user, login entry or audit record', async () => {
    // Logins are unique per tenant (issue 8 item 13; another tenant's logins: test/auth/tenant-logins.test.ts).
    await expectRefused<UserPayload>(
      CREATE_USER,
      'createUser',
      {
        organizationId: await organizationGid(app, '车站街道财政所'),
        login: 'finance.zibo',
        displayName: '重名用户',
        password: NEW_PASSWORD,
      },
      'admin.zhangdian',
      'CONFLICT',
      ['input', 'login'],
    );
    expect(
      await app.sql('SELECT count(*)::int AS n FROM app_user WHERE login = $1', ['finance.zibo']),
    ).toEqual([{ n: 1 }]);
  });
});
