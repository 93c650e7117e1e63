/**
 * The department-wide demo of seeds/demo-department.ts (docs/demo.md "Department and unit overall performance";
 * DOMAIN §5, §7, §9, §10; 004 二(二)3, 二(三)1, 二(四)): two departments' overall goals in different states, a unit
 * goal waiting for its department, a flagged and acknowledged June check and a reviewed self-evaluation — each
 * readable and actionable through the API by the demo logins the walk-through names.
 */
import { Decimal } from '../../src/common/decimal';
import { toGlobalId } from '../../src/common/global-id';
import { demoTenants } from '../../seeds';
import { DEPARTMENT_DEMO } from '../../seeds/demo-department';
import { demoGoalId } from '../../seeds/demo-goals';
import { seedId } from '../../seeds/ids';
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const key = demoTenants.zibo.cityCode;
const gid = (k: string) => toGlobalId('PerformanceGoal', demoGoalId(key, k));
const allowed = async (k: string, as: string) => {
  const res = await app.gql<{
    goal: { status: string; availableActions: { action: string; allowed: boolean }[] };
  }>(
    'query($id: ID!) { goal(id: $id) { status availableActions { action allowed } } }',
    { id: gid(k) },
    { as },
  );
  const g = res.data!.goal;
  return { status: g.status, actions: g.availableActions.filter((a) => a.allowed).map((a) => a.action) };
};

test('two departments’ overall goals in different states and a unit goal waiting for its department (DOMAIN §7)', async () => {
  expect(await allowed(DEPARTMENT_DEMO.agriGoal, 'agri.zichuan')).toMatchObject({ status: 'ISSUED' });
  expect(await allowed(DEPARTMENT_DEMO.eduGoal, 'finance.zichuan')).toEqual({
    status: 'SUBMITTED',
    actions: expect.arrayContaining(['APPROVE', 'RETURN']),
  });
  // 单位整体: 淄川区实验中学 → its department 淄川区教育局 first, finance second (003 第十三条).
  expect((await allowed(DEPARTMENT_DEMO.schoolGoal, 'edu.zichuan')).actions).toContain('APPROVE');
  expect((await allowed(DEPARTMENT_DEMO.schoolGoal, 'finance.zichuan')).actions).not.toContain('APPROVE');
  const [row] = await app.sql<{ subject: string; drafter: string }>(
    `SELECT s.name AS subject, d.name AS drafter FROM performance_goal g JOIN organization s ON s.id = g.department_id
       JOIN organization d ON d.id = g.drafter_organization_id WHERE g.id = $1`,
    [demoGoalId(key, DEPARTMENT_DEMO.schoolGoal)],
  );
  expect(row).toEqual({ subject: '淄川区实验中学', drafter: '淄川区实验中学' });
  // P6: the unit sees its own unit goal, another unit does not; audit of another district neither.
  const seen = async (as: string) =>
    (
      await app.gql<{ goal: { id: string } | null }>(
        'query($id: ID!) { goal(id: $id) { id } }',
        { id: gid(DEPARTMENT_DEMO.schoolGoal) },
        { as },
      )
    ).data?.goal ?? null;
  expect(await seen('unit.zichuan')).not.toBeNull();
  for (const as of ['unit.zhangdian', 'unit.chezhan', 'audit.zhangdian'])
    expect([as, await seen(as)]).toEqual([as, null]);
});

test('every 淄川区 overall goal carries finance’s 共性 list unchanged, points totalling 100 (003 第十二条(二))', async () => {
  const rows = await app.sql<{ goal: string; commons: string; total: string }>(
    `SELECT g.name AS goal,
            string_agg(gi.name, ',' ORDER BY gi.position) FILTER (WHERE gi.category = 'COMMON') AS commons,
            sum(gi.points)::text AS total
       FROM performance_goal g JOIN goal_indicator gi ON gi.goal_id = g.id
      WHERE g.scope = 'DEPARTMENT' AND g.region_path LIKE (SELECT path || '%' FROM region WHERE code = '370302')
      GROUP BY g.name ORDER BY g.name`,
  );
  const [list] = await app.sql<{ names: string }>(
    `SELECT string_agg(c.name, ',' ORDER BY c.position) AS names FROM department_common_indicator c
       JOIN department_common_indicator_set s ON s.id = c.set_id JOIN region r ON r.id = s.region_id WHERE r.code = '370302'`,
  );
  expect(rows).toHaveLength(3);
  for (const r of rows) expect(r).toEqual({ goal: r.goal, commons: list!.names, total: '100.00' });
});

test('the June check is flagged SLOW_EXECUTION and acknowledged by 淄川区财政局 (004 二(三)1)', async () => {
  const id = toGlobalId('MonitoringReport', seedId(key, 'monitoring-report', DEPARTMENT_DEMO.juneCheck));
  const res = await app.gql<{ monitoringReport: { month: number; status: string; flags: string[] } }>(
    'query($id: ID!) { monitoringReport(id: $id) { month status flags } }',
    { id },
    { as: 'finance.zichuan' },
  );
  expect(res.data!.monitoringReport).toEqual({ month: 6, status: 'ACKNOWLEDGED', flags: ['SLOW_EXECUTION'] });
  const missing = await app.gql<{ departmentGoalsMissingMidYearCheck: { nodes: { id: string }[] } }>(
    '{ departmentGoalsMissingMidYearCheck(year: 2025, first: 100) { nodes { id } } }',
    {},
    { as: 'finance.zichuan' },
  );
  expect(missing.data!.departmentGoalsMissingMidYearCheck.nodes.map((n) => n.id)).not.toContain(
    gid(DEPARTMENT_DEMO.agriGoal),
  );
});

test('the self-evaluation is REVIEWED: 97.00 as scored by the engine, 优 changed to 良 with a reason (004 二(四))', async () => {
  const id = toGlobalId('Evaluation', seedId(key, 'evaluation', DEPARTMENT_DEMO.selfEvaluation));
  const res = await app.gql<{
    node: { status: string; total: string; grade: string; scoreLines: { score: string }[] };
    departmentSelfEvaluationReview: { selfGrade: string; confirmedGrade: string; changed: boolean };
  }>(
    `query($id: ID!) { node(id: $id) { ... on Evaluation { status total grade scoreLines { score } } }
       departmentSelfEvaluationReview(evaluationId: $id) { selfGrade confirmedGrade changed } }`,
    { id },
    { as: 'agri.zichuan' },
  );
  expect(res.errors).toBeUndefined();
  const e = res.data!.node;
  expect(e).toMatchObject({ status: 'REVIEWED', total: '97.00', grade: 'EXCELLENT' });
  // The stored total is what the scoring engine gives for the stored actuals (DOMAIN §10.3–6).
  expect(e.scoreLines.reduce((s, l) => s.plus(l.score), new Decimal(0)).toFixed(2)).toBe('97.00');
  expect(res.data!.departmentSelfEvaluationReview).toEqual({
    selfGrade: 'EXCELLENT',
    confirmedGrade: 'GOOD',
    changed: true,
  });
});
