/**
 * Partial updates (issue 11 item 1) of updateOrganization, updateRegion, updateUser and updatePolicy: an
 * omitted field keeps its value, an explicit null clears it where clearing is allowed, and is refused
 * with BAD_USER_INPUT at its field otherwise — with nothing written (asserted in the database).
 */
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

const ERRORS = 'userErrors { code field }';
type Payload = { userErrors: { code: string; field: string[] }[] };
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

async function call(mutation: string, input: Record<string, unknown>, as = 'admin.zibo'): Promise<Payload> {
  const res = await app.gql<Record<string, Payload>>(mutation, { input }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0];
}

const ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id } ${ERRORS} } }`;
const REGION = `mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { region { id } ${ERRORS} } }`;
const USER = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { id } ${ERRORS} } }`;
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { version } ${ERRORS} } }`;

const orgRow = async (name: string) =>
  (
    await app.sql<{
      id: string;
      name: string;
      sector: string | null;
      credit_code: string | null;
      supervising_department_id: string | null;
      version: number;
    }>(
      'SELECT id, name, sector, credit_code, supervising_department_id, version FROM organization WHERE name = $1',
      [name],
    )
  )[0];

describe('updateOrganization', () => {
  test('omitted fields keep their values; null clears the credit code and a unit’s supervisor', async () => {
    const unit = '车站街道市政道路养护站';
    await app.sql(`UPDATE organization SET credit_code = '91370303MA3C5QXK1X' WHERE name = $1`, [unit]);
    const before = await orgRow(unit);
    expect(before.supervising_department_id).not.toBeNull();
    expect(
      await call(ORG, {
        id: gid('Organization', before.id),
        expectedVersion: before.version,
        name: '车站街道道路养护站',
      }),
    ).toMatchObject({ userErrors: [] });
    const renamed = await orgRow('车站街道道路养护站');
    expect(renamed).toEqual({ ...before, name: '车站街道道路养护站', version: before.version + 1 });

    expect(
      await call(ORG, {
        id: gid('Organization', before.id),
        expectedVersion: renamed.version,
        creditCode: null,
        supervisingDepartmentId: null,
      }),
    ).toMatchObject({ userErrors: [] });
    expect(await orgRow('车站街道道路养护站')).toEqual({
      ...renamed,
      credit_code: null,
      supervising_department_id: null,
      version: renamed.version + 1,
    });
  });

  test('null is refused where a value is required: the name, and a department’s sector', async () => {
    const [{ name: department }] = await app.sql<{ name: string }>(
      `SELECT o.name FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.login = 'transport.zhangdian'`,
    );
    const before = await orgRow(department);
    const digest = await app.tableDigests();
    const refused = await call(ORG, {
      id: gid('Organization', before.id),
      expectedVersion: before.version,
      name: null,
      sector: null,
    });
    expect(refused.userErrors).toEqual(
      expect.arrayContaining([
        { code: 'BAD_USER_INPUT', field: ['input', 'name'] },
        { code: 'BAD_USER_INPUT', field: ['input', 'sector'] },
      ]),
    );
    expect(await app.tableDigests()).toEqual(digest);
  });
});

describe('updateRegion', () => {
  test('a name alone keeps the code; null name, code or parent is refused and nothing is written', async () => {
    const [r] = await app.sql<{ id: string; code: string; version: number }>(
      `SELECT id, code, version FROM region WHERE code = '370303002'`,
    );
    expect(
      await call(REGION, { id: gid('Region', r.id), expectedVersion: r.version, name: '公园路街道' }),
    ).toMatchObject({ userErrors: [] });
    expect(await app.sql('SELECT name, code, version FROM region WHERE id = $1', [r.id])).toEqual([
      { name: '公园路街道', code: '370303002', version: r.version + 1 },
    ]);
    const digest = await app.tableDigests();
    for (const field of ['name', 'code', 'parentId']) {
      const res = await call(REGION, {
        id: gid('Region', r.id),
        expectedVersion: r.version + 1,
        [field]: null,
      });
      expect(res.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', field] }]);
    }
    expect(await app.tableDigests()).toEqual(digest);
  });
});

describe('updateUser', () => {
  test('a display name alone keeps the rest; a null flag or password is refused and nothing is written', async () => {
    const [u] = await app.sql<{
      id: string;
      version: number;
      is_active: boolean;
      is_tenant_admin: boolean;
      organization_id: string;
      password_hash: string;
    }>(
      `SELECT id, version, is_active, is_tenant_admin, organization_id, password_hash FROM app_user WHERE login = 'transport.chezhan'`,
    );
    expect(
      await call(USER, { id: gid('User', u.id), expectedVersion: u.version, displayName: '李新' }),
    ).toMatchObject({ userErrors: [] });
    const [after] = await app.sql(
      'SELECT display_name, is_active, is_tenant_admin, organization_id, password_hash FROM app_user WHERE id = $1',
      [u.id],
    );
    expect(after).toEqual({
      display_name: '李新',
      is_active: u.is_active,
      is_tenant_admin: u.is_tenant_admin,
      organization_id: u.organization_id,
      password_hash: u.password_hash,
    });
    const digest = await app.tableDigests();
    for (const field of ['displayName', 'organizationId', 'isActive', 'isTenantAdmin', 'password']) {
      const res = await call(USER, { id: gid('User', u.id), expectedVersion: u.version + 1, [field]: null });
      expect(res.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', field] }]);
    }
    expect(await app.tableDigests()).toEqual(digest);
  });
});

describe('updatePolicy (DOMAIN §10.7)', () => {
  test('one setting changes, every other keeps the version read; a null setting is refused', async () => {
    const first = await app.gql<{ updatePolicy: { policy: { version: number }; userErrors: unknown[] } }>(
      POLICY,
      { input: { year: 2026, expectedVersion: 0, gradeExcellent: '92', spotCheckRatio: '0.2' } },
      { as: 'finance.zibo' },
    );
    expect(first.data!.updatePolicy.userErrors).toEqual([]);
    const version = first.data!.updatePolicy.policy.version;
    expect(
      await call(POLICY, { year: 2026, expectedVersion: version, gradeGood: '82' }, 'finance.zibo'),
    ).toMatchObject({ userErrors: [] });
    const rows = await app.sql<{ grade_excellent: string; grade_good: string; spot_check_ratio: string }>(
      'SELECT grade_excellent::text, grade_good::text, spot_check_ratio::text FROM tenant_policy WHERE year = 2026 ORDER BY version DESC LIMIT 1',
    );
    expect(Number(rows[0].grade_excellent)).toBe(92);
    expect(Number(rows[0].grade_good)).toBe(82);
    expect(Number(rows[0].spot_check_ratio)).toBe(0.2);
    const count = await app.sql('SELECT count(*)::int AS n FROM tenant_policy');
    const refused = await call(
      POLICY,
      { year: 2026, expectedVersion: version + 1, gradeFair: null, monitoringDueDay: null },
      'finance.zibo',
    );
    expect(refused.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'gradeFair'] },
      { code: 'BAD_USER_INPUT', field: ['input', 'monitoringDueDay'] },
    ]);
    expect(await app.sql('SELECT count(*)::int AS n FROM tenant_policy')).toEqual(count);
  });
});
