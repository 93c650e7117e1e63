/**
 * Every grading path takes the tenant policy (DOMAIN §10 rule 7: bands and the over-target threshold are
 * tenant policy; issue 9 item 15 "the rules take it as input"): a draft self-evaluation's live score lines
 * use the policy in force for its year, and the live roll-up of a parent goal (DOMAIN §11) is graded with
 * the bands of its year — not with the default constants.
 */
import { TestApp } from '../harness/app';
import { A_RESULT, B_RESULT, gid, REGION, submitRegional, workedExampleGoal } from '../rollup/fixtures';
import { issuedGoal, selfEvaluate, YEAR } from '../spot-check/fixtures';

let app: TestApp;
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { id version } userErrors { code field } } }`;
const LINES = `query($id: ID!) { node(id: $id) { ... on Evaluation { status scoreLines { name flags score } policy { version } } } }`;
const ROLLUP = `query($id: ID!) { goal(id: $id) { rollUp { total grade } } }`;

async function setPolicy(input: Record<string, unknown>) {
  const res = await app.gql<{ updatePolicy: { policy: { version: number } | null; userErrors: unknown[] } }>(
    POLICY,
    { input },
    { as: 'finance.zibo' },
  );
  expect(res.data!.updatePolicy.userErrors).toEqual([]);
  return res.data!.updatePolicy.policy!;
}

type Lines = { status: string; scoreLines: { name: string; flags: string[]; score: string }[] };
const linesOf = async (id: string, as: string) => {
  const res = await app.gql<{ node: Lines }>(LINES, { id }, { as });
  expect(res.errors).toBeUndefined();
  return res.data!.node;
};

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

test('a draft’s score lines flag OVER_TARGET by the policy’s threshold (DOMAIN §10.3, §10.7)', async () => {
  const goal = await issuedGoal(app, 'unit.chezhan', '草稿预览参数');
  // 道路养护里程 ≥ 100, actual 125: a ÷ t = 1.25 — over 1.2 (the default), not over 1.3.
  const draft = await selfEvaluate(app, goal, { actuals: ['125', '100', '90'], submit: false });
  const before = await linesOf(draft, 'unit.chezhan');
  expect(before.status).toBe('DRAFT');
  expect(before.scoreLines.find((l) => l.name === '道路养护里程')!.flags).toContain('OVER_TARGET');

  await setPolicy({ year: YEAR, expectedVersion: 0, overTargetThreshold: '1.3' });
  const [stored] = await app.sql<{ t: string }>(
    'SELECT over_target_threshold::text AS t FROM tenant_policy WHERE year = $1',
    [YEAR],
  );
  expect(Number(stored.t)).toBe(1.3);
  const after = await linesOf(draft, 'unit.chezhan');
  expect(after.scoreLines.find((l) => l.name === '道路养护里程')!.flags).not.toContain('OVER_TARGET');
});

test('the live roll-up of the worked example is graded with the bands of its year (DOMAIN §11, §10.7)', async () => {
  const overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  await submitRegional(app, await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A), A_RESULT);
  await submitRegional(app, await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B), B_RESULT);
  const read = async () => {
    const res = await app.gql<{ goal: { rollUp: { total: string; grade: string } } }>(
      ROLLUP,
      { id: gid('PerformanceGoal', overall) },
      { as: 'finance.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.goal.rollUp;
  };
  expect(await read()).toEqual({ total: '98.13', grade: 'EXCELLENT' }); // DOMAIN §11 worked example

  // 002 第二十五条 "具体分值和等级可根据不同评价内容确定": finance raises 优 to 99 for 2025.
  await setPolicy({ year: 2025, expectedVersion: 1, gradeExcellent: '99' });
  expect(await read()).toEqual({ total: '98.13', grade: 'GOOD' });
});
