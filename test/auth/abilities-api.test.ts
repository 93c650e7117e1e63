/**
 * me.abilities (issue 11 item 5; DOMAIN §8, §16): one ability per menu, granted exactly when the
 * permission rule of its operation admits the caller — for every demo role. The table reads the rules
 * from the permission tree the shield enforces; every rule deciding a root field has an ability (or a
 * stated reason not to); and real operations succeed iff the ability is present.
 */
import { ABILITY_OPERATIONS, ruleOf } from '../../src/app/abilities';
import { rootPermissions } from '../../src/app/permissions';
import { p6SignedInWithinJurisdiction, publicAccess } from '../../src/auth/rules';
import type { Principal } from '../../src/auth/principal';
import { demoLogins } from '../../seeds';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

const ACTIVE = demoLogins.map((l) => l.login).filter((l) => !l.startsWith('inactive.'));

type AnyRule = { name?: string; getRules?: () => AnyRule[] };
/** A rule's identity: its name, or the names of an or/and rule's parts. */
const ruleKey = (r: AnyRule): string =>
  r.getRules ? `(${r.getRules().map(ruleKey).sort().join('|')})` : (r.name ?? '?');

// Rules that need no menu: signing in, reading within jurisdiction (READ_SUBTREE/READ_OWN say how far),
// and steps that follow from an object the caller already holds (its availableActions say when).
const NO_MENU: Record<string, string> = {
  [ruleKey(publicAccess as AnyRule)]: 'signing in',
  [ruleKey(p6SignedInWithinJurisdiction as AnyRule)]: 'reads, limited by READ_SUBTREE / READ_OWN',
  'P6 evaluator: not an audit office': 'submitting an evaluation follows from filling one in',
  'P7 evaluated body responds': 'answering a preliminary result is offered on the evaluation itself',
};

async function principalOf(login: string): Promise<Principal> {
  const [row] = await app.sql<Record<string, string & boolean>>(
    `SELECT u.id AS user_id, u.login, u.display_name, u.tenant_id, u.is_tenant_admin, o.id AS organization_id,
            o.kind, o.supervising_department_id, r.id AS region_id, r.level, r.path
       FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
       JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id WHERE u.login = $1`,
    [login],
  );
  return {
    userId: row.user_id,
    login: row.login,
    displayName: row.display_name,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    organizationKind: row.kind as never,
    supervisingDepartmentId: row.supervising_department_id,
    regionId: row.region_id,
    regionLevel: row.level as never,
    regionPath: row.path,
    isTenantAdmin: row.is_tenant_admin,
  };
}

async function abilities(login: string): Promise<string[]> {
  const res = await app.gql<{ me: { abilities: string[] } }>('{ me { abilities } }', {}, { as: login });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.me.abilities;
}

test('every rule that decides a root field has an ability (or a stated reason not to)', () => {
  const abilityRules = new Set(Object.values(ABILITY_OPERATIONS).map((op) => ruleKey(ruleOf(op) as AnyRule)));
  const uncovered = new Set<string>();
  for (const type of ['Query', 'Mutation'] as const)
    for (const [field, rule] of Object.entries(rootPermissions[type] as Record<string, AnyRule>)) {
      const key = ruleKey(rule);
      if (!abilityRules.has(key) && !(key in NO_MENU)) uncovered.add(`${type}.${field}: ${key}`);
    }
  expect([...uncovered]).toEqual([]);
  // The table names real root fields, each with the shield's own rule object.
  for (const op of Object.values(ABILITY_OPERATIONS)) {
    const [type, field] = op.split('.') as ['Query' | 'Mutation', string];
    expect(ruleOf(op)).toBe((rootPermissions[type] as Record<string, unknown>)[field]);
  }
});

test.each(ACTIVE)('%s: me.abilities is exactly what the permission rules admit', async (login) => {
  const principal = await principalOf(login);
  const probe = { principal, _shield: { cache: {} } };
  const expected: string[] = [];
  for (const [ability, op] of Object.entries(ABILITY_OPERATIONS)) {
    const verdict = await ruleOf(op).resolve(undefined, {}, probe, undefined, {
      debug: false,
      allowExternalErrors: true,
      hashFunction: () => 'x',
    });
    if (verdict === true) expected.push(ability);
  }
  const got = await abilities(login);
  const reach = ['FINANCE_BUREAU', 'COMPETENT_DEPARTMENT', 'AUDIT_OFFICE'].includes(
    principal.organizationKind,
  )
    ? 'READ_SUBTREE'
    : 'READ_OWN';
  expect(got).toEqual([reach, ...expected]);
});

test('the roles as DOMAIN §8 describes them (finance reads the audit trail; audit offices only read)', async () => {
  // 003 第七条; 002 第四条(二): finance reads the audit trail of its subtree (the old abilities said only READ_SUBTREE).
  expect(await abilities('finance.zhangdian')).toEqual(
    expect.arrayContaining([
      'READ_SUBTREE',
      'READ_AUDIT_TRAIL',
      'REVIEW_ASSESSMENTS',
      'HOLD_FUNDING',
      'FINANCE_EVALUATE',
    ]),
  );
  expect(await abilities('finance.zhangdian')).not.toContain('SET_POLICY'); // only the city's finance (DOMAIN §10.7)
  expect(await abilities('finance.zibo')).toContain('SET_POLICY');
  // P6, 003 第七条: audit offices read their subtree, the audit trail and the reports, and write nothing.
  expect(await abilities('audit.zibo')).toEqual(['READ_SUBTREE', 'READ_AUDIT_TRAIL', 'READ_REPORTS']);
  // P6, DOMAIN §16: cross-level reports for finance, departments, audit and units (their own items), not third parties.
  expect(await abilities('transport.zhangdian')).toContain('READ_REPORTS');
  // P1, P2, P4: a competent department manages funds and compiles; never reviews assessments (P3).
  const department = await abilities('transport.zhangdian');
  expect(department).toEqual(
    expect.arrayContaining(['MANAGE_FUNDS', 'COMPILE_RESULTS', 'REPORT_MONITORING']),
  );
  expect(department).not.toContain('REVIEW_ASSESSMENTS');
  expect(department).not.toContain('READ_AUDIT_TRAIL');
  // P4 谁支出、谁自评: the unit self-evaluates and reports; it never spot-checks (P7).
  const unit = await abilities('unit.chezhan');
  expect(unit).toEqual(expect.arrayContaining(['READ_OWN', 'SELF_EVALUATE', 'REPORT_MONITORING']));
  expect(unit).not.toContain('SPOT_CHECK');
  expect(await abilities('admin.zibo')).toEqual(
    expect.arrayContaining(['ADMINISTER_HIERARCHY', 'READ_AUDIT_TRAIL', 'SET_MONITORING_POLICY']),
  );
});

test.each(ACTIVE)(
  '%s: the audit trail and the user list answer iff the ability is present',
  async (login) => {
    const mine = await abilities(login);
    const trail = await app.gql<{ auditEvents: { totalCount: number } | null }>(
      '{ auditEvents(first: 1) { totalCount } }',
      {},
      { as: login },
    );
    expect(Boolean(trail.data?.auditEvents)).toBe(mine.includes('READ_AUDIT_TRAIL'));
    if (!mine.includes('READ_AUDIT_TRAIL')) expect(trail.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const users = await app.gql<{ users: { totalCount: number } | null }>(
      '{ users(first: 1) { totalCount } }',
      {},
      { as: login },
    );
    expect(Boolean(users.data?.users)).toBe(mine.includes('ADMINISTER_HIERARCHY'));
  },
);
