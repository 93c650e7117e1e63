/**
 * Shared by the results API tests (DOMAIN §13): the finding and recommendation operations, their
 * `ok`/`refused`/`denied` calls (test/harness/mutations.ts), a POOR finance evaluation to open findings
 * from, and the due dates PostgreSQL computes as an independent oracle.
 */
import type { TestApp } from '../harness/app';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { uuidOf } from '../harness/ids';
import { rateFramework, reportSections } from '../harness/evaluation-fixtures';

export { ERRORS };

export interface FindingRow {
  id: string;
  state: string;
  overdue: boolean;
  completedOn: string;
  feedbackDueOn: string;
  rectificationDueOn: string;
  availableActions: { action: string; allowed: boolean; code: string | null }[];
}
export interface RecommendationRow {
  id: string;
  subjectKind: string;
  goalId: string;
  action: string;
  currentAmount: string;
  minimumCut: string | null;
  recommendedChange: string;
  status: string;
  rule: string;
}

export const E = 'id rowVersion status grade';
export const evalPayload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { evaluation { ${E} } ${ERRORS} } }`;
export const F = `id state overdue completedOn feedbackDueOn rectificationDueOn availableActions { action allowed code }`;
export const findingPayload = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { finding { ${F} } ${ERRORS} } }`;
export const OPEN = findingPayload('openFinding', 'OpenFindingInput');
export const FEEDBACK = findingPayload('giveFindingFeedback', 'GiveFindingFeedbackInput');
export const RESPOND = findingPayload('respondToFinding', 'RespondToFindingInput');
export const VERIFY = findingPayload('verifyFinding', 'VerifyFindingInput');
export const REOPEN = findingPayload('reopenFinding', 'ReopenFindingInput');
export const R = 'id subjectKind goalId action currentAmount minimumCut recommendedChange status rule';
export const PROPOSE = `mutation($input: ProposeRecommendationsInput!) { proposeRecommendations(input: $input) { recommendations { ${R} } ${ERRORS} } }`;
export const DECIDE = `mutation($input: DecideRecommendationInput!) { decideRecommendation(input: $input) { recommendation { ${R} } ${ERRORS} } }`;

/** The calls on each payload the results tests read. */
export const resultCalls = (app: TestApp) => ({
  ev: mutations<{ id: string; rowVersion: number; status: string; grade: string | null }>(
    () => app,
    'evaluation',
  ),
  fi: mutations<FindingRow>(() => app, 'finding'),
  rec: mutations<RecommendationRow[]>(() => app, 'recommendations'),
  dec: mutations<RecommendationRow>(() => app, 'recommendation'),
});

/** A FINANCE evaluation of the fund's overall goal scoring 38.54: POOR (DOMAIN §10.7), finalized (002 第二十六条(二)). */
export async function poorFinanceEvaluation(app: TestApp, goalGid: string): Promise<string> {
  const ev = resultCalls(app).ev;
  const created = await ev.ok(
    evalPayload('createFinanceEvaluation', 'CreateFinanceEvaluationInput'),
    { goalId: goalGid },
    'finance.zhangdian',
  );
  const saved = await ev.ok(
    evalPayload('saveFrameworkEvaluation', 'SaveFrameworkEvaluationInput'),
    {
      id: created.id,
      expectedVersion: created.rowVersion,
      indicators: rateFramework({
        basis: '2',
        reasonableness: '2',
        compliance: '3',
        benefit: '3',
        satisfaction: '3',
      }),
      sections: reportSections(),
      figures: {
        plannedOutput: '50',
        actualOutput: '10',
        standardOutput: '5',
        plannedCost: '1000000.00',
        actualCost: '1100000.00',
        budgeted: '1000000.00',
        inPlace: '950000.00',
        spent: '900000.00',
      },
    },
    'finance.zhangdian',
  );
  const act = (e: { id: string; rowVersion: number }) => ({ id: e.id, expectedVersion: e.rowVersion });
  const submitted = await ev.ok(
    evalPayload('submitEvaluation', 'SubmitEvaluationInput'),
    act(saved),
    'finance.zhangdian',
  );
  const responded = await ev.ok(
    evalPayload('respondToEvaluation', 'RespondToEvaluationInput'),
    { ...act(submitted), decision: 'AGREE' },
    'transport.zhangdian',
  );
  const final = await ev.ok(
    evalPayload('finalizeEvaluation', 'FinalizeEvaluationInput'),
    act(responded),
    'finance.zhangdian',
  );
  expect(final).toMatchObject({ status: 'FINALIZED', grade: 'POOR' });
  return final.id;
}

/** Reviewed self-evaluations of both regional goals (copied from the demo's), so the performance factor divides. */
export async function regionalResults(app: TestApp): Promise<void> {
  for (const [name, total] of [
    ['车站街道', '90.00'],
    ['公园街道', '60.00'],
  ] as const) {
    const [existing] = await app.sql<{ id: string }>(
      `SELECT e.id FROM evaluation e JOIN performance_goal g ON g.id = e.goal_id
        WHERE e.kind = 'SELF' AND g.scope = 'TRANSFER_REGIONAL' AND g.name LIKE '%' || $1 || '%'`,
      [name],
    );
    const [row] = existing
      ? [existing]
      : await app.sql<{ id: string }>(
          `INSERT INTO evaluation SELECT (jsonb_populate_record(e, jsonb_build_object('id', gen_random_uuid(), 'goal_id', g.id,
                  'status', 'DRAFT', 'region_path', g.region_path))).*
             FROM evaluation e, performance_goal g
            WHERE e.kind = 'SELF' AND e.status = 'REVIEWED' AND g.scope = 'TRANSFER_REGIONAL' AND g.name LIKE '%' || $1 || '%'
              AND e.goal_id <> ALL (SELECT id FROM performance_goal WHERE scope = 'TRANSFER_REGIONAL')
           RETURNING id`,
          [name],
        );
    for (const status of ['SUBMITTED', 'REVIEWED'])
      await app.sql(`UPDATE evaluation SET status = $2, total = $3::numeric, grade = 'GOOD' WHERE id = $1`, [
        row!.id,
        status,
        total,
      ]);
  }
}

export const shanghaiDue = async (app: TestApp, evaluationId: string, months: number) =>
  (
    await app.sql<{ d: string }>(
      // PostgreSQL's own month arithmetic clamps to the month's end too: an independent oracle.
      `SELECT to_char((finalized_at AT TIME ZONE 'Asia/Shanghai')::date + make_interval(months => $2::int), 'YYYY-MM-DD') AS d
         FROM evaluation WHERE id = $1`,
      [uuidOf(evaluationId), months],
    )
  )[0].d;
