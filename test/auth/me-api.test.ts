/**
 * The caller's identity (`me`, DOMAIN §8 and §16): where the caller sits (organization, region, tenant)
 * and what it may do (abilities), named by the ids of the database rows; no token, no identity.
 */
import { useTestApp } from '../harness/app';
import { ME, type MeResult } from './login-fixtures';

/** issue 11 item 5: every ability the permission rules grant a tenant administrator (test/auth/abilities-api.test.ts). */
const TENANT_ADMIN_ABILITIES = [
  'ACKNOWLEDGE_MONITORING',
  'ADMINISTER_HIERARCHY',
  'COMMISSION_THIRD_PARTIES',
  'DECIDE_RECOMMENDATIONS',
  'DISCLOSE',
  'ENTER_PROJECT_LIBRARY',
  'FINANCE_EVALUATE',
  'FRAMEWORK_EVALUATE',
  'HOLD_FUNDING',
  'MANAGE_SERVICE_ACCOUNTS',
  'PASS_COMPILED_RESULTS',
  'READ_AUDIT_TRAIL',
  'READ_REPORTS',
  'READ_SUBTREE',
  'RECEIVE_DEPARTMENT_EVALUATIONS',
  'REVIEW_ASSESSMENTS',
  'REVIEW_DEPARTMENT_SELF_EVALUATIONS',
  'REVIEW_SELF_EVALUATIONS',
  'SET_COMMON_INDICATORS',
  'SET_MONITORING_POLICY',
  'SET_POLICY',
  'SPOT_CHECK',
  'WORK_ON_FINDINGS',
  'WORK_ON_GOALS',
];

describe('me', () => {
  const app = useTestApp();

  test.each([
    {
      login: 'admin.zibo',
      organization: { name: '淄博市财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '370300', name: '淄博市', level: 'CITY' },
      tenant: '淄博市',
      isTenantAdmin: true,
      abilities: TENANT_ADMIN_ABILITIES,
    },
    {
      login: 'finance.zhangdian',
      organization: { name: '张店区财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '370303', name: '张店区', level: 'DISTRICT' },
      tenant: '淄博市',
      isTenantAdmin: false,
      // every ability of a tenant administrator but the four below
      abilities: TENANT_ADMIN_ABILITIES.filter(
        (a) =>
          ![
            'ADMINISTER_HIERARCHY',
            'MANAGE_SERVICE_ACCOUNTS',
            'SET_MONITORING_POLICY',
            'SET_POLICY',
          ].includes(a),
      ),
    },
    {
      login: 'audit.zhangdian',
      organization: { name: '张店区审计局', kind: 'AUDIT_OFFICE' },
      region: { code: '370303', name: '张店区', level: 'DISTRICT' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: ['READ_AUDIT_TRAIL', 'READ_REPORTS', 'READ_SUBTREE'],
    },
    {
      login: 'unit.chezhan',
      organization: { name: '车站街道市政道路养护站', kind: 'IMPLEMENTING_UNIT' },
      region: { code: '370303001', name: '车站街道', level: 'TOWNSHIP' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: [
        'ACKNOWLEDGE_MONITORING',
        'DRAFT_DEPARTMENT_GOALS',
        'MANAGE_PROJECTS',
        'READ_OWN',
        'READ_REPORTS',
        'REPORT_MONITORING',
        'SELF_EVALUATE',
        'WORK_ON_FINDINGS',
        'WORK_ON_GOALS',
      ],
    },
    {
      login: 'thirdparty.zibo',
      organization: { name: '山东正信绩效评价咨询有限公司', kind: 'THIRD_PARTY' },
      region: { code: '370300', name: '淄博市', level: 'CITY' },
      tenant: '淄博市',
      isTenantAdmin: false,
      abilities: ['CREATE_ASSESSMENTS', 'FRAMEWORK_EVALUATE', 'READ_OWN', 'WORK_ON_FINDINGS'],
    },
    {
      login: 'admin.rizhao',
      organization: { name: '日照市财政局', kind: 'FINANCE_BUREAU' },
      region: { code: '371100', name: '日照市', level: 'CITY' },
      tenant: '日照市',
      isTenantAdmin: true,
      abilities: TENANT_ADMIN_ABILITIES,
    },
  ])('me of $login: its organization, region, tenant and abilities $abilities', async (expected) => {
    const res = await app.gql<MeResult>(ME, {}, { as: expected.login });
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    const [db] = await app.sql<{ user_id: string; org_id: string; region_id: string; tenant_id: string }>(
      `SELECT u.id AS user_id, o.id AS org_id, o.region_id, u.tenant_id
         FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
        WHERE u.login = $1`,
      [expected.login],
    );
    const [tenant] = await app.sql<{ name: string }>('SELECT name FROM tenant WHERE id = $1', [db.tenant_id]);
    expect(tenant.name).toBe(expected.tenant);
    expect(me.user).toMatchObject({
      login: expected.login,
      isActive: true,
      isTenantAdmin: expected.isTenantAdmin,
    });
    expect(me.organization).toMatchObject(expected.organization);
    expect(me.region).toMatchObject(expected.region);
    expect(me.tenant).toEqual({ id: db.tenant_id, name: expected.tenant });
    expect([...me.abilities].sort()).toEqual(expected.abilities);
    // the ids are those of the database rows
    expect(Buffer.from(me.user.id, 'base64url').toString()).toBe(`User:${db.user_id}`);
    expect(Buffer.from(me.organization.id, 'base64url').toString()).toBe(`Organization:${db.org_id}`);
    expect(Buffer.from(me.region.id, 'base64url').toString()).toBe(`Region:${db.region_id}`);
  });

  test('me without a token is UNAUTHENTICATED', async () => {
    const res = await app.gql(ME);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
