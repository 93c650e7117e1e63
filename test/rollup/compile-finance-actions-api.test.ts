/**
 * The township finance step shows in `availableActions` (DOMAIN §16) by the same decision the mutations take
 * (DOMAIN §11; 003 转移支付 第二十三条 "汇总形成本地区自评结果报送同级财政部门，并逐级上报区业务主管部门";
 * issue 9 item 12): on a submitted compiled regional result, the township finance office may FINANCE_REVIEW
 * it; the fund's department may not APPROVE/RETURN it until that step is done, and says why.
 */
import { randomUUID } from 'node:crypto';
import { TestApp } from '../harness/app';
import { gid, REGION, workedExampleGoal } from './fixtures';

let app: TestApp;
let evaluationId: string;
let uuid: string;

const ACTIONS = `query($id: ID!) { evaluation(id: $id) { status availableActions { action allowed code reasonEn principle requires } } }`;
const FINANCE = `mutation($input: ReviewCompiledResultAsFinanceInput!) { reviewCompiledResultAsFinance(input: $input) { evaluation { id status rowVersion } userErrors { code field principle } } }`;
const REVIEW = `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { evaluation { id status rowVersion } userErrors { code field principle } } }`;

interface Action {
  action: string;
  allowed: boolean;
  code: string | null;
  reasonEn: string | null;
  principle: string | null;
  requires: string | null;
}
const actionsOf = async (as: string) => {
  const res = await app.gql<{ evaluation: { status: string; availableActions: Action[] } }>(
    ACTIONS,
    { id: evaluationId },
    { as },
  );
  expect(res.errors).toBeUndefined();
  const all = res.data!.evaluation.availableActions;
  return (action: string) => all.find((a) => a.action === action)!;
};
const rowVersion = async () =>
  (await app.sql<{ v: number }>('SELECT row_version AS v FROM evaluation WHERE id = $1', [uuid]))[0].v;

beforeAll(async () => {
  app = await TestApp.start();
  const goal = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  // The compiled result of 车站街道 (DOMAIN §11 worked example: 96.08), written as compileRollUp writes it:
  // evaluated by the goal's drafter (the township department), reviewed by the fund's department.
  uuid = randomUUID();
  await app.sql(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id,
       reviewer_organization_id, budgeted, in_place, spent, region_path)
     SELECT g.tenant_id, $2, g.id, 'SELF', g.year, 'DRAFT', g.drafter_organization_id, u.organization_id,
            6000000, 6000000, 5700000, ''
       FROM performance_goal g, app_user u WHERE g.id = $1 AND u.login = 'transport.zhangdian'`,
    [goal, uuid],
  );
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 96.08, grade = 'EXCELLENT', submitted_at = now() WHERE id = $1`,
    [uuid],
  );
  evaluationId = gid('Evaluation', uuid);
});
afterAll(async () => app.stop());

test('submitted: the township finance office may FINANCE_REVIEW; the department may not review yet, with the reason', async () => {
  const finance = await actionsOf('finance.chezhan');
  expect(finance('FINANCE_REVIEW')).toMatchObject({ allowed: true, requires: 'decision' });
  expect(finance('APPROVE')).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P4' });

  const department = await actionsOf('transport.zhangdian');
  for (const a of ['APPROVE', 'RETURN']) {
    expect(department(a)).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
    expect(department(a).reasonEn).toContain('township finance office');
  }
  expect(department('FINANCE_REVIEW')).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P3' });

  // The mutation refuses by the same decision, and writes nothing.
  const before = await app.tableDigests();
  const refused = await app.gql<{ reviewEvaluation: { userErrors: { code: string }[] } }>(
    REVIEW,
    { input: { id: evaluationId, expectedVersion: await rowVersion(), decision: 'APPROVE' } },
    { as: 'transport.zhangdian' },
  );
  expect(refused.data!.reviewEvaluation.userErrors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION' });
  expect(await app.tableDigests()).toEqual(before);
});

test('once the finance office has passed it, FINANCE_REVIEW is done and the department’s review is open', async () => {
  const input = {
    id: evaluationId,
    expectedVersion: await rowVersion(),
    decision: 'APPROVE',
    idempotencyKey: 'finance-step-1',
  };
  const passed = await app.gql<{ reviewCompiledResultAsFinance: { userErrors: unknown[] } }>(
    FINANCE,
    { input },
    { as: 'finance.chezhan' },
  );
  expect(passed.data!.reviewCompiledResultAsFinance.userErrors).toEqual([]);
  // issue 8 item 15: a retry with the same key answers the first result and writes nothing.
  const before = await app.tableDigests();
  const retry = await app.gql<{
    reviewCompiledResultAsFinance: { evaluation: { status: string } | null; userErrors: unknown[] };
  }>(FINANCE, { input }, { as: 'finance.chezhan' });
  expect(retry.data!.reviewCompiledResultAsFinance).toMatchObject({
    evaluation: { status: 'SUBMITTED' },
    userErrors: [],
  });
  expect(await app.tableDigests()).toEqual(before);
  const [step] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM evaluation_transition WHERE evaluation_id = $1 AND action = 'APPROVE'
        AND from_status = 'SUBMITTED' AND to_status = 'SUBMITTED'`,
    [uuid],
  );
  expect(step.n).toBe(1);

  const finance = await actionsOf('finance.chezhan');
  expect(finance('FINANCE_REVIEW')).toMatchObject({ allowed: false, code: 'WORKFLOW_VIOLATION' });
  const department = await actionsOf('transport.zhangdian');
  expect(department('APPROVE')).toMatchObject({ allowed: true });
  expect(department('RETURN')).toMatchObject({ allowed: true, requires: 'comment' });

  const reviewed = await app.gql<{ reviewEvaluation: { userErrors: unknown[] } }>(
    REVIEW,
    { input: { id: evaluationId, expectedVersion: await rowVersion(), decision: 'APPROVE' } },
    { as: 'transport.zhangdian' },
  );
  expect(reviewed.data!.reviewEvaluation.userErrors).toEqual([]);
  const [row] = await app.sql<{ status: string }>('SELECT status FROM evaluation WHERE id = $1', [uuid]);
  expect(row.status).toBe('REVIEWED');
});
