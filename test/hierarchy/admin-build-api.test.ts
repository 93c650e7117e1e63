/**
 * Tenant administrators build the hierarchy (DOMAIN §3): a township, its organizations and users, each with
 * its audit record (DOMAIN §15). Outcomes are asserted in the database through the owner connection.
 */
import { organizationGid } from '../harness/ids';
import {
  app,
  ME,
  dbId,
  regionRow,
  regionByCode,
  auditOf,
  actor,
  auditCount,
  createTownship,
  createOrganization,
  createUser,
  signIn,
  CREDIT_CODE,
  NEW_PASSWORD,
  useAdminApi,
} from './admin-fixtures';

useAdminApi();

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
});
