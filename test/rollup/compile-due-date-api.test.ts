/**
 * Compiling with children missing after the tenant's self-evaluation due date, and the township finance
 * step of a compiled regional result (issue 9 items 12–13; DOMAIN §11, §10 rule 7; 003 转移支付 第二十三条
 * "镇办业务主管部门…汇总形成本地区自评结果报送同级财政部门，并逐级上报区业务主管部门"). On the worked example
 * fund: township A's result is in, township B's is missing.
 */
import { TestApp } from '../harness/app';
import {
  A_RESULT,
  B_RESULT,
  evaluationCalls,
  gid,
  REGION,
  submitRegional,
  workedExampleGoal,
} from './fixtures';

let app: TestApp;
let overall: string;
let regionA: string;
let regionB: string;

const ERR = 'userErrors { code field message messageEn principle }';
const EVAL = 'evaluation { id status total grade rowVersion policy { version } }';
const COMPILE = `mutation($input: CompileRollUpInput!) { compileRollUp(input: $input) { ${EVAL} ${ERR} } }`;
const REVIEW = `mutation($input: ReviewEvaluationInput!) { reviewEvaluation(input: $input) { ${EVAL} ${ERR} } }`;
const FINANCE = `mutation($input: ReviewCompiledResultAsFinanceInput!) { reviewCompiledResultAsFinance(input: $input) { ${EVAL} ${ERR} } }`;
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { id version } ${ERR} } }`;
const ROLLUP = `query($id: ID!) { goal(id: $id) { rollUp(basis: REVIEWED) { total provisional coverage { counted total } } } }`;

interface Evaluation {
  id: string;
  status: string;
  total: string | null;
  rowVersion: number;
  policy: { version: number };
}
type Payload = {
  evaluation: Evaluation | null;
  userErrors: { code: string; field: string[]; messageEn: string; principle: string | null }[];
};

const { call, refused } = evaluationCalls<Evaluation, Payload['userErrors'][number]>(() => app);
async function setDueDate(date: string, expectedVersion: number) {
  const res = await app.gql<{ updatePolicy: { policy: { id: string; version: number } | null } }>(
    POLICY,
    { input: { year: 2025, expectedVersion, selfEvaluationDueDate: date } },
    { as: 'finance.zibo' },
  );
  return res.data!.updatePolicy.policy!;
}

beforeAll(async () => {
  app = await TestApp.start();
  overall = await workedExampleGoal(app, 'TRANSFER_OVERALL', REGION.district);
  regionA = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.A);
  regionB = await workedExampleGoal(app, 'TRANSFER_REGIONAL', REGION.B);
  await submitRegional(app, regionA, A_RESULT, 'REVIEWED'); // A reviewed; B has nothing
});
afterAll(async () => app.stop());

describe('item 13: missing children before and after the self-evaluation due date (DOMAIN §11)', () => {
  test('before the due date (set to 2027-03-31) only a complete roll-up compiles: refused, nothing written', async () => {
    expect(await setDueDate('2027-03-31', 0)).toMatchObject({ version: 1 });
    const errors = await refused(COMPILE, { goalId: gid('PerformanceGoal', overall) }, 'transport.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'basis'] });
    expect(errors[0]!.messageEn).toContain('1 of 2 counted');
    expect(errors[0]!.messageEn).toContain('due date 2027-03-31');
  });

  test('after the due date (2026-03-31) it compiles with B missing — not 0 — and states the coverage', async () => {
    const policy = await setDueDate('2026-03-31', 1);
    const live = (
      await app.gql<{
        goal: {
          rollUp: { total: string; provisional: boolean; coverage: { counted: number; total: number } };
        };
      }>(ROLLUP, { id: gid('PerformanceGoal', overall) }, { as: 'transport.zhangdian' })
    ).data!.goal.rollUp;
    expect(live).toMatchObject({ provisional: true, coverage: { counted: 1, total: 2 } });
    // The compiler explains every line below its points (DOMAIN §10.5): here all of them, B being missing.
    const indicators = await app.sql<{ id: string; name: string }>(
      'SELECT id, name FROM goal_indicator WHERE goal_id = $1',
      [overall],
    );
    const p = await call(
      COMPILE,
      {
        goalId: gid('PerformanceGoal', overall),
        entries: indicators.map((i) => ({
          indicatorId: gid('GoalIndicator', i.id),
          explanation: `${i.name}：公园街道缺报`,
        })),
        fundArrivalExplanation: '公园街道缺报',
        budgetExecutionExplanation: '公园街道缺报',
      },
      'transport.zhangdian',
    );
    expect(p.userErrors).toEqual([]);
    // scored over the counted child only (A's actuals against the overall targets), never B as 0
    expect(p.evaluation).toMatchObject({ status: 'SUBMITTED', total: live.total, policy: { version: 2 } });
    const uuid = Buffer.from(p.evaluation!.id, 'base64url').toString('utf8').split(':')[1];
    const [row] = await app.sql<{ policy_id: string; comment: string }>(
      `SELECT e.policy_id, t.comment FROM evaluation e JOIN evaluation_transition t ON t.evaluation_id = e.id AND t.action = 'SUBMIT'
        WHERE e.id = $1`,
      [uuid],
    );
    expect(row!.policy_id).toBe(policy.id);
    expect(row!.comment).toContain('覆盖 1/2');
    expect(row!.comment).toContain('缺报 1 个（不计为 0 分）');
  });
});

describe('item 12: a compiled regional result passes the township finance office first (003 转移支付 第二十三条)', () => {
  let b: { id: string };
  test('the district department cannot review it before 公园街道财政所 has: WORKFLOW_VIOLATION, nothing written', async () => {
    b = await submitRegional(app, regionB, B_RESULT, 'SUBMITTED');
    // As compileRollUp writes it: the fund's department is the reviewer (arranged as the owner).
    await app.sql(`ALTER TABLE evaluation DISABLE TRIGGER trg_evaluation_before_write`);
    await app.sql(
      `UPDATE evaluation SET reviewer_organization_id = (SELECT organization_id FROM app_user WHERE login = 'transport.zhangdian') WHERE id = $1`,
      [b.id],
    );
    await app.sql(`ALTER TABLE evaluation ENABLE TRIGGER trg_evaluation_before_write`);
    const errors = await refused(
      REVIEW,
      { id: gid('Evaluation', b.id), expectedVersion: 1, decision: 'APPROVE' },
      'transport.zhangdian',
    );
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'id'] });
  });

  test('only the township’s own finance office takes the step (P3): others refused, nothing written', async () => {
    const input = { id: gid('Evaluation', b.id), expectedVersion: 1, decision: 'APPROVE' };
    expect((await refused(FINANCE, input, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    // P6: the sibling township's finance office does not even see it
    expect((await refused(FINANCE, input, 'finance.chezhan'))[0]!.code).toBe('NOT_FOUND');
    for (const as of ['transport.gongyuan', 'transport.zhangdian', 'unit.gongyuan']) {
      expect((await refused(FINANCE, input, as))[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
    }
    expect((await refused(FINANCE, input, 'finance.rizhao'))[0]!.code).toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  test('公园街道财政所 passes it (history kept); then the district department reviews it', async () => {
    const input = {
      id: gid('Evaluation', b.id),
      expectedVersion: 1,
      decision: 'APPROVE',
      comment: '同意上报',
    };
    const passed = await call(FINANCE, input, 'finance.gongyuan');
    expect(passed.userErrors).toEqual([]);
    expect(passed.evaluation).toMatchObject({ status: 'SUBMITTED' });
    const steps = await app.sql<{ action: string; org: string }>(
      `SELECT t.action, o.name AS org FROM evaluation_transition t JOIN organization o ON o.id = t.actor_organization_id
        WHERE t.evaluation_id = $1 ORDER BY t.at`,
      [b.id],
    );
    expect(steps).toEqual([{ action: 'APPROVE', org: '公园街道财政所' }]);
    const reviewed = await call(REVIEW, { ...input, comment: null }, 'transport.zhangdian');
    expect(reviewed.userErrors).toEqual([]);
    expect(reviewed.evaluation).toMatchObject({ status: 'REVIEWED' });
  });
});
