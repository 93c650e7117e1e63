/**
 * Relay completeness (issue 11 item 7; DOMAIN §16): every object type with an id is a Node, fetchable
 * with node(id) — the four that were not (MonitoringReport, Finding, GoalIndicator, AuditEvent) and
 * BudgetRecommendation — through the same scoped reads as their lists: out of jurisdiction reads as null.
 */
import { getNamedType, isObjectType } from 'graphql';
import { buildBareSchema } from '../../src/app/schema';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

// Types with an id that are deliberately not nodes, and why.
const NOT_NODES: Record<string, string> = {
  PublicGoal: 'public disclosure projection of a goal, read without signing in (DOMAIN §14)',
  PublicEvaluation: 'public disclosure projection of an evaluation, read without signing in (DOMAIN §14)',
  TenantPolicy: 'a version of the tenant policy, read by year through policy(year) (DOMAIN §10.7)',
  CommonIndicatorSetType: 'department common indicators, read by region and year (not yet a node)',
  CommonIndicatorType: 'a line of a common indicator set (not yet a node)',
  AllocationSimulation: 'a saved factor-allocation simulation (DOMAIN §13), new this round (not yet a node)',
};

test('every object type with an id implements Node (or is listed with a reason)', () => {
  const schema = buildBareSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const id = type.getFields().id;
    if (!id || getNamedType(id.type).name !== 'ID') continue;
    if (!type.getInterfaces().some((i) => i.name === 'Node') && !(type.name in NOT_NODES))
      missing.push(type.name);
  }
  expect(missing).toEqual([]);
});

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
async function node(id: string, as: string) {
  const res = await app.gql<{ node: { __typename: string; id: string } | null }>(NODE, { id }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.node;
}

test('MonitoringReport: its goal’s side and finance see it; a sibling region reads null', async () => {
  const [r] = await app.sql<{ id: string }>('SELECT id FROM monitoring_report LIMIT 1');
  const id = gid('MonitoringReport', r.id);
  expect(await node(id, 'finance.zichuan')).toEqual({ __typename: 'MonitoringReport', id });
  expect(await node(id, 'finance.zhangdian')).toBeNull();
});

test('GoalIndicator: through its goal’s visibility', async () => {
  const [i] = await app.sql<{ id: string }>(
    `SELECT gi.id FROM goal_indicator gi JOIN performance_goal g ON g.id = gi.goal_id WHERE g.name = '公园街道农村公路提档升级工程绩效目标' LIMIT 1`,
  );
  const id = gid('GoalIndicator', i.id);
  expect(await node(id, 'transport.zhangdian')).toEqual({ __typename: 'GoalIndicator', id });
  expect(await node(id, 'finance.zichuan')).toBeNull();
});

test('AuditEvent: its readers (audit, finance, administrators) only (003 第七条)', async () => {
  const [a] = await app.sql<{ id: string }>(
    `SELECT id FROM audit_event WHERE region_path LIKE (SELECT path FROM region WHERE code = '370303') || '%' LIMIT 1`,
  );
  const id = gid('AuditEvent', a.id);
  expect(await node(id, 'audit.zhangdian')).toEqual({ __typename: 'AuditEvent', id });
  expect(await node(id, 'finance.zhangdian')).toEqual({ __typename: 'AuditEvent', id });
  expect(await node(id, 'transport.zhangdian')).toBeNull(); // not a reader of the audit trail
  expect(await node(id, 'audit.zibo')).not.toBeNull();
  expect(await node(id, 'finance.zichuan')).toBeNull(); // another district
});

test('Finding and BudgetRecommendation: named parties and the subtree see them; others read null', async () => {
  const [e] = await app.sql<{ id: string; goal_id: string; tenant_id: string; region_path: string }>(
    `SELECT id, goal_id, tenant_id, region_path FROM evaluation WHERE kind = 'SELF' AND status = 'REVIEWED'`,
  );
  const [g] = await app.sql<{ region_id: string }>('SELECT region_id FROM performance_goal WHERE id = $1', [
    e.goal_id,
  ]);
  const org = async (login: string) =>
    (await app.sql<{ id: string }>('SELECT organization_id AS id FROM app_user WHERE login = $1', [login]))[0]
      .id;
  const [f] = await app.sql<{ id: string }>(
    `INSERT INTO result_finding (tenant_id, id, source_kind, source_id, goal_id, year, region_id, region_path,
       feedback_organization_id, responsible_organization_id, verifier_organization_id, description, completed_on,
       feedback_due_on, rectification_due_on, state)
     VALUES ($1, gen_random_uuid(), 'EVALUATION', $2, $3, 2025, $4, $5, $6, $7, $8, '资金拨付滞后', '2026-01-10', '2026-02-10', '2026-04-10', 'OPEN')
     RETURNING id`,
    [
      e.tenant_id,
      e.id,
      e.goal_id,
      g.region_id,
      e.region_path,
      await org('agri.zichuan'),
      await org('unit.zichuan'),
      await org('finance.zichuan'),
    ],
  );
  const finding = gid('Finding', f.id);
  expect(await node(finding, 'unit.zichuan')).toEqual({ __typename: 'Finding', id: finding });
  expect(await node(finding, 'finance.zibo')).toEqual({ __typename: 'Finding', id: finding });
  expect(await node(finding, 'finance.zhangdian')).toBeNull();
  expect(await node(finding, 'unit.chezhan')).toBeNull();
  // Objects, not bare ids: the finding links its goal and parties (scoped; the ids stay).
  const linked = await app.gql<{ node: Record<string, unknown> }>(
    `query($id: ID!) { node(id: $id) { ... on Finding { goalId goal { id } responsibleOrganization { name } verifierOrganization { name } } } }`,
    { id: finding },
    { as: 'finance.zichuan' },
  );
  expect(linked.data!.node).toMatchObject({
    goalId: gid('PerformanceGoal', e.goal_id),
    goal: { id: gid('PerformanceGoal', e.goal_id) },
    verifierOrganization: { name: expect.stringContaining('财政') },
  });
  expect(linked.data!.node.responsibleOrganization).not.toBeNull();

  const [r] = await app.sql<{ id: string }>(
    `INSERT INTO result_recommendation (tenant_id, id, budget_year, subject_kind, goal_id, region_id, region_path, basis_id,
       basis_kind, action, rule, current_amount, recommended_change, status, proposed_by_organization_id)
     VALUES ($1, gen_random_uuid(), 2026, 'PROJECT', $2, $3, $4, $5, 'EVALUATION', 'SUPPORT', '002 第二十八条(二)', 100000, 0, 'PROPOSED', $6)
     RETURNING id`,
    [e.tenant_id, e.goal_id, g.region_id, e.region_path, e.id, await org('finance.zichuan')],
  );
  const rec = gid('BudgetRecommendation', r.id);
  expect(await node(rec, 'finance.zichuan')).toEqual({ __typename: 'BudgetRecommendation', id: rec });
  expect(await node(rec, 'finance.zhangdian')).toBeNull();
  expect(await node(rec, 'unit.zichuan')).toBeNull(); // no subtree jurisdiction (P6)
  const recLinked = await app.gql<{ node: Record<string, unknown> }>(
    `query($id: ID!) { node(id: $id) { ... on BudgetRecommendation { goal { id } region { id } fund { id } } } }`,
    { id: rec },
    { as: 'finance.zichuan' },
  );
  expect(recLinked.data!.node).toEqual({
    goal: { id: gid('PerformanceGoal', e.goal_id) },
    region: { id: gid('Region', g.region_id) },
    fund: null,
  });
});
