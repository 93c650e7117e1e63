/**
 * The demo shows the 附件6 fields of a self-evaluation (DOMAIN §10.8; issue 9 item 17 "the demo data shows
 * the new fields"): 年初预算数 / 全年预算数 / 执行数 with the execution rate on the full-year budget, the
 * annual objective and what was achieved, 整改措施 (execution below the 90% threshold, 002 第二十八条(一)) and
 * the 自评报告 as sections — submitted, scored exactly as the engine scores it on submission (DOMAIN §10).
 */
import { toGlobalId } from '../../src/common/global-id';
import { demoTenants } from '../../seeds';
import { demoGoalId } from '../../seeds/demo-goals';
import { DEMO_SELF_EVALUATION } from '../../seeds/demo-self-evaluation';
import { seedId } from '../../seeds/ids';
import { TestApp } from '../harness/app';
import { REPORT_SECTION_KEYS } from '../harness/evaluation-fixtures';

let app: TestApp;
const key = demoTenants.zibo.cityCode;
const id = seedId(key, 'evaluation', DEMO_SELF_EVALUATION.evaluation);

const READ = `query($id: ID!) { evaluation(id: $id) {
  kind status total grade initialBudget budgeted inPlace spent formExecutionRate
  annualObjective achievement rectificationMeasures
  reportSections { key title body }
  scoreLines { name score }
  goal { name status }
  availableActions { action allowed }
} }`;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('a submitted self-evaluation of an issued own-level project carries every 附件6 field', async () => {
  const [goal] = await app.sql<{ status: string; scope: string }>(
    'SELECT status, scope FROM performance_goal WHERE id = $1',
    [demoGoalId(key, DEMO_SELF_EVALUATION.project)],
  );
  expect(goal).toEqual({ status: 'ISSUED', scope: 'PROJECT' });

  const res = await app.gql<{ evaluation: Record<string, unknown> }>(
    READ,
    { id: toGlobalId('Evaluation', id) },
    { as: 'unit.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  const e = res.data!.evaluation as Record<string, unknown> & {
    reportSections: { key: string; body: string }[];
    scoreLines: { name: string; score: string }[];
    availableActions: { action: string; allowed: boolean }[];
  };
  expect(e).toMatchObject({
    kind: 'SELF',
    status: 'SUBMITTED',
    initialBudget: '2800000.00',
    budgeted: '3000000.00',
    spent: '2550000.00',
    formExecutionRate: '0.85', // 执行数 ÷ 全年预算数
    // DOMAIN §10.1–7: 20×36/40 + 15 + 15×90/100 + 30×90% + 10 + 5×1 + 5×0.85 = 92.75, ≥ 90 优
    total: '92.75',
    grade: 'EXCELLENT',
    goal: { name: '张店区农村公路安全生命防护工程绩效目标', status: 'ISSUED' },
  });
  for (const text of ['annualObjective', 'achievement', 'rectificationMeasures'])
    expect(String(e[text]).length).toBeGreaterThan(10);
  expect(e.reportSections.map((s) => s.key)).toEqual(REPORT_SECTION_KEYS);
  // Frozen once submitted (P8); the stored lines add up to the stored total (DOMAIN §10.6).
  expect(e.availableActions.filter((a) => a.allowed)).toEqual([]);
  const sum = e.scoreLines.reduce((s, l) => s + Math.round(Number(l.score) * 100), 0);
  expect((sum / 100).toFixed(2)).toBe(e.total);

  const [row] = await app.sql<{ total: string; grade: string; transitions: number }>(
    `SELECT e.total::text, e.grade,
            (SELECT count(*)::int FROM evaluation_transition t WHERE t.evaluation_id = e.id) AS transitions
       FROM evaluation e WHERE e.id = $1`,
    [id],
  );
  expect(row).toMatchObject({ total: e.total, grade: e.grade, transitions: 2 });
});

test('the department that reviews it sees it awaiting its review (003 转移支付 第二十三条; P4)', async () => {
  const res = await app.gql<{ evaluation: { availableActions: { action: string; allowed: boolean }[] } }>(
    `query($id: ID!) { evaluation(id: $id) { availableActions { action allowed } } }`,
    { id: toGlobalId('Evaluation', id) },
    { as: 'transport.zhangdian' },
  );
  const allowed = res.data!.evaluation.availableActions.filter((a) => a.allowed).map((a) => a.action);
  expect(allowed).toEqual(['APPROVE', 'RETURN']);
});
