/**
 * Results application through GraphQL on a real database (DOMAIN §13; 001 三(四); 002 第二十八条(二); 003
 * 第二十六条, 转移支付 第三十–三十三条; 004 二(五)): a POOR finance evaluation of the demo transfer fund
 * 农村公路提档升级专项资金 produces a finding with its due dates and a recommendation with its minimum cut;
 * who gives feedback, responds and verifies — both ways; bad input writes nothing; lists and overrides.
 * A funding hold as a source: results-hold-api.test.ts.
 */
import { toGlobalId } from '../../src/common/global-id';
import { useTestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';
import {
  DECIDE,
  F,
  FEEDBACK,
  OPEN,
  poorFinanceEvaluation,
  PROPOSE,
  REOPEN,
  RESPOND,
  resultCalls,
  shanghaiDue,
  VERIFY,
  type FindingRow,
} from './results-fixtures';

const app = useTestApp();
const { fi, rec, dec } = resultCalls(app);

let goalGid = '';
let fundGid = '';

let evaluationGid = '';
let finding: FindingRow;
let second: FindingRow;

beforeAll(async () => {
  const [goal] = await app.sql<{ id: string; fund_id: string }>(
    `SELECT id, fund_id FROM performance_goal WHERE name = '农村公路提档升级专项资金整体绩效目标' AND status = 'ISSUED'`,
  );
  goalGid = toGlobalId('PerformanceGoal', goal.id);
  fundGid = toGlobalId('Fund', goal.fund_id);
  evaluationGid = await poorFinanceEvaluation(app, goalGid);
});

describe('a POOR finance evaluation of a transfer fund, end to end (DOMAIN §13; 003 转移支付 第三十一、三十三条)', () => {
  test('finance opens a finding: OPEN, feedback due 1 month after completion, rectification 2 months after that', async () => {
    finding = await fi.ok(
      OPEN,
      { evaluationId: evaluationGid, description: '农村公路提档升级完成率低，质量达标率不足' },
      'finance.zhangdian',
    );
    const oneMonth = await shanghaiDue(app, evaluationGid, 1);
    const threeMonths = await shanghaiDue(app, evaluationGid, 3);
    expect(finding).toMatchObject({ state: 'OPEN', overdue: false, feedbackDueOn: oneMonth });
    const [row] = await app.sql<Record<string, string>>(
      `SELECT f.state, f.grade, f.source_kind, to_char(f.feedback_due_on, 'YYYY-MM-DD') AS feedback_due,
              to_char(f.rectification_due_on, 'YYYY-MM-DD') AS rectification_due,
              (SELECT name FROM organization o WHERE o.id = f.responsible_organization_id) AS responsible,
              (SELECT name FROM organization o WHERE o.id = f.verifier_organization_id) AS verifier,
              (SELECT count(*)::text FROM audit_event a WHERE a.entity_id = f.id AND a.action = 'OPEN') AS audits
         FROM result_finding f WHERE f.source_id = $1`,
      [uuidOf(evaluationGid)],
    );
    expect(row).toMatchObject({
      state: 'OPEN',
      grade: 'POOR',
      source_kind: 'EVALUATION',
      feedback_due: oneMonth,
      // Before feedback: 2 months after the feedback due date, the latest it can be (DOMAIN §13).
      rectification_due: threeMonths,
      audits: '1',
    });
    expect(row.responsible).toContain('交通运输局');
    expect(row.verifier).toContain('财政');
  });

  test('finance proposes next year’s recommendation: cut at least 10% of this year’s amount, as an amount', async () => {
    const proposed = await rec.ok(PROPOSE, { year: 2025, fundId: fundGid }, 'finance.zhangdian');
    const fund = proposed.find((r) => r.goalId === goalGid)!;
    expect(fund).toMatchObject({ subjectKind: 'FUND', action: 'CUT_AT_LEAST', status: 'PROPOSED' });
    expect(fund.rule).toContain('003 转移支付 第三十一条');
    const [row] = await app.sql<Record<string, string>>(
      `SELECT current_amount::text, minimum_cut::text, recommended_change::text, budget_year::text, basis_id::text,
              (SELECT annual_amount::text FROM performance_goal g WHERE g.id = r.goal_id) AS goal_amount,
              (SELECT (annual_amount * 0.10)::numeric(14,2)::text FROM performance_goal g WHERE g.id = r.goal_id) AS tenth
         FROM result_recommendation r WHERE r.id = $1`,
      [uuidOf(fund.id)],
    );
    expect(row).toMatchObject({
      current_amount: row.goal_amount,
      minimum_cut: row.tenth,
      recommended_change: `-${row.tenth}`,
      budget_year: '2026',
      basis_id: uuidOf(evaluationGid),
    });
    expect(row.current_amount).toBe('10000000.00');
    // Proposing again adds nothing new.
    expect(await rec.ok(PROPOSE, { year: 2025, fundId: fundGid }, 'finance.zhangdian')).toEqual([]);
    // Finance accepts; an override needs a reason.
    const noReason = await dec.refused(DECIDE, { id: fund.id, change: '-2000000' }, 'finance.zhangdian');
    expect(noReason.map((u) => [u.code, u.field.join('.')])).toEqual([['BAD_USER_INPUT', 'input.reason']]);
    expect((await dec.denied(DECIDE, { id: fund.id }, 'transport.zhangdian')).code).toBe('FORBIDDEN');
    expect((await dec.ok(DECIDE, { id: fund.id }, 'finance.zhangdian')).status).toBe('ACCEPTED');
    const [decided] = await app.sql<{ status: string; decided_change: string }>(
      'SELECT status, decided_change::text FROM result_recommendation WHERE id = $1',
      [uuidOf(fund.id)],
    );
    expect(decided).toEqual({ status: 'ACCEPTED', decided_change: '-1000000.00' });
    // P6 both ways: district finance and its audit office read it; a unit of the fund's own district (no
    // subtree jurisdiction), a township unit, the sibling district's finance and another city read none.
    const LIST = `query { budgetRecommendations(budgetYear: 2026, first: 100) { nodes { id } } }`;
    for (const as of ['finance.zhangdian', 'audit.zhangdian']) {
      const res = await app.gql<{ budgetRecommendations: { nodes: { id: string }[] } }>(LIST, {}, { as });
      expect(res.data?.budgetRecommendations.nodes.map((r) => r.id)).toContain(fund.id);
    }
    for (const as of ['unit.zhangdian', 'unit.chezhan', 'finance.zichuan', 'finance.rizhao']) {
      const res = await app.gql<{ budgetRecommendations: { nodes: { id: string }[] } }>(LIST, {}, { as });
      expect(res.data?.budgetRecommendations.nodes).toEqual([]);
    }
  });
});

describe('who gives feedback, who responds, who verifies (DOMAIN §13) — both ways', () => {
  test('the evaluating body gives feedback, the evaluated body responds, finance at the level verifies', async () => {
    const input = (text: string) => ({ id: finding.id, text });
    expect((await fi.refused(FEEDBACK, input('反馈'), 'transport.zhangdian'))[0].code).toBe('FORBIDDEN');
    expect((await fi.denied(FEEDBACK, input('反馈'), 'audit.zhangdian')).code).toBe('FORBIDDEN');
    const fed = await fi.ok(FEEDBACK, input('请于两个月内整改'), 'finance.zhangdian');
    expect(fed.state).toBe('FEEDBACK_GIVEN');
    const [row] = await app.sql<{ due: string; expected: string }>(
      `SELECT to_char(rectification_due_on, 'YYYY-MM-DD') AS due,
              to_char(feedback_given_on + interval '2 months', 'YYYY-MM-DD') AS expected
         FROM result_finding WHERE id = $1`,
      [uuidOf(finding.id)],
    );
    expect(row.due).toBe(row.expected);
    // Verifying before a response: WORKFLOW_VIOLATION, nothing written.
    expect((await fi.refused(VERIFY, input('核实'), 'finance.zhangdian'))[0].code).toBe('WORKFLOW_VIOLATION');
    expect((await fi.refused(RESPOND, input('整改'), 'finance.zhangdian'))[0].code).toBe('FORBIDDEN');
    const responded = await fi.ok(RESPOND, input('已制定整改方案并实施'), 'transport.zhangdian');
    expect(responded.state).toBe('RESPONDED');
    expect(responded.availableActions.filter((a) => a.allowed)).toEqual([]);
    expect((await fi.denied(VERIFY, input('核实'), 'transport.zhangdian')).code).toBe('FORBIDDEN');
    expect((await fi.ok(REOPEN, input('整改不到位'), 'finance.zhangdian')).state).toBe('REOPENED');
    await fi.ok(RESPOND, input('补充整改材料'), 'transport.zhangdian');
    // Finance above the level (the city) sees the finding but does not verify it.
    expect((await fi.refused(VERIFY, input('核实'), 'finance.zibo'))[0].code).toBe('FORBIDDEN');
    expect((await fi.ok(VERIFY, input('整改到位'), 'finance.zhangdian')).state).toBe('VERIFIED');
    const audits = await app.sql<{ action: string }>(
      'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at, action',
      [uuidOf(finding.id)],
    );
    expect(audits.map((a) => a.action)).toContain('VERIFY');
  });
});

describe('bad input: a clear error with a stable code, nothing written (DOMAIN §13, P6)', () => {
  test('feedback on another jurisdiction’s finding reads as missing; a fund outside the jurisdiction too', async () => {
    expect((await fi.refused(FEEDBACK, { id: finding.id, text: '反馈' }, 'finance.zichuan'))[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await rec.refused(PROPOSE, { year: 2025, fundId: fundGid }, 'finance.zichuan'))[0]).toMatchObject(
      {
        code: 'NOT_FOUND',
        field: ['input', 'fundId'],
      },
    );
    // A township's finance office is below the fund's level: the fund is outside its jurisdiction.
    expect((await rec.refused(PROPOSE, { year: 2025, fundId: fundGid }, 'finance.chezhan'))[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await rec.denied(PROPOSE, { year: 2025 }, 'transport.zhangdian')).code).toBe('FORBIDDEN');
    // One finding per source.
    expect(
      (await fi.refused(OPEN, { evaluationId: evaluationGid, description: '重复' }, 'finance.zhangdian'))[0]
        .code,
    ).toBe('CONFLICT');
  });
});

describe('lists by jurisdiction with filters; OVERDUE computed from today (DOMAIN §13)', () => {
  test('an overdue finding is listed as overdue; another district sees none', async () => {
    second = await fi.ok(
      OPEN,
      { evaluationId: await poorFinanceEvaluation(app, goalGid), description: '第二次评价发现的问题' },
      'finance.zhangdian',
    );
    // Arrange a feedback due date in the past (the rule itself is tested in results-rules.test.ts).
    await app.sql(`UPDATE result_finding SET feedback_due_on = '2000-01-31' WHERE id = $1`, [
      uuidOf(second.id),
    ]);
    const list = async (as: string, args: string) =>
      (
        await app.gql<{ findings: { nodes: FindingRow[] } }>(
          `{ findings${args} { nodes { ${F} } } }`,
          {},
          { as },
        )
      ).data!.findings.nodes;
    const overdue = await list('finance.zhangdian', '(overdue: true, year: 2025)');
    expect(overdue.map((f) => f.id)).toEqual([second.id]);
    expect(overdue[0].overdue).toBe(true);
    const verified = await list('finance.zhangdian', '(state: VERIFIED)');
    expect(verified.map((f) => f.id)).toContain(finding.id);
    expect(verified.map((f) => f.id)).not.toContain(second.id);
    expect(await list('finance.zichuan', '')).toEqual([]);
    expect((await list('transport.zhangdian', '')).map((f) => f.id)).toEqual(
      expect.arrayContaining([finding.id, second.id]),
    );
  });
});

describe('unrectified findings and overrides (DOMAIN §13 "findings not rectified": reduce further; "accepted by finance")', () => {
  test('a finding past its rectification date produces its own recommendation; finance overrides with a reason', async () => {
    await fi.ok(FEEDBACK, { id: second.id, text: '请整改' }, 'finance.zhangdian');
    // Arrange a rectification due date in the past, no report yet.
    await app.sql(`UPDATE result_finding SET rectification_due_on = '2000-03-31' WHERE id = $1`, [
      uuidOf(second.id),
    ]);
    const proposed = await rec.ok(PROPOSE, { year: 2025, fundId: fundGid }, 'finance.zhangdian');
    const further = proposed.filter((r) => r.action === 'REDUCE_FURTHER');
    expect(further).toHaveLength(1);
    expect(further[0].rule).toContain('002 第二十八条(二)');
    const [row] = await app.sql<{ basis_kind: string; basis_id: string }>(
      'SELECT basis_kind, basis_id::text FROM result_recommendation WHERE id = $1',
      [uuidOf(further[0].id)],
    );
    expect(row).toEqual({ basis_kind: 'FINDING', basis_id: uuidOf(second.id) });
    const overridden = await dec.ok(
      DECIDE,
      { id: further[0].id, change: '-3000000.00', reason: '连续两年评价为差，压减30%' },
      'finance.zhangdian',
    );
    expect(overridden.status).toBe('OVERRIDDEN');
    const [decided] = await app.sql<{ decided_change: string; decision_reason: string }>(
      'SELECT decided_change::text, decision_reason FROM result_recommendation WHERE id = $1',
      [uuidOf(further[0].id)],
    );
    expect(decided).toEqual({ decided_change: '-3000000.00', decision_reason: '连续两年评价为差，压减30%' });
    // Decided once: a second decision is a WORKFLOW_VIOLATION, nothing written.
    expect((await dec.refused(DECIDE, { id: further[0].id }, 'finance.zhangdian'))[0].code).toBe(
      'WORKFLOW_VIOLATION',
    );
  });
});
