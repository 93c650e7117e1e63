/**
 * Shared setup of the spot-check recording tests (spot-check-record*-api.test.ts; DOMAIN §12 抽查复核): sampled
 * self-evaluated goals, their drawn items, and the recordSpotCheck mutation.
 */
import { TestApp } from '../harness/app';
import {
  actualsFor,
  agriSelfImplementedGoal,
  DRAW,
  issuedGoal,
  MONEY,
  RECORD,
  selfEvaluate,
  uuidOf,
  YEAR,
  type ArrangedGoal,
  type DrawResult,
  type ItemRow,
  type UserErrorRow,
} from './fixtures';

export let app: TestApp;
export const goals: ArrangedGoal[] = [];
export let agriGoal: ArrangedGoal;
export let missingGoal: ArrangedGoal;
/** Item (by goal id) of the one sample drawn by 张店区财政局. */
export const items = new Map<string, ItemRow>();

export interface RecordPayload {
  item:
    | (ItemRow & {
        checkEvaluation: { id: string; kind: string; status: string; total: string; grade: string } | null;
      })
    | null;
  userErrors: UserErrorRow[];
}
export const record = (
  as: string,
  goal: ArrangedGoal,
  actuals: [string, string, string],
  extra: Record<string, unknown> = {},
) =>
  app.gql<{ recordSpotCheck: RecordPayload }>(
    RECORD,
    {
      input: {
        itemId: items.get(goal.goalId)!.id,
        expectedVersion: 1,
        actuals: actualsFor(goal, actuals),
        money: MONEY,
        ...extra,
      },
    },
    { as },
  );

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useSpotCheckRecordApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    for (let k = 0; k < 6; k += 1) {
      const goal = await issuedGoal(app, 'unit.chezhan', `复核目标${k}`);
      await selfEvaluate(app, goal); // every target met: 100, EXCELLENT
      goals.push(goal);
    }
    missingGoal = await issuedGoal(app, 'unit.chezhan', '复核未自评目标');
    agriGoal = await agriSelfImplementedGoal(app);
    // DOMAIN §12 (issue 9 item 16): "by the deadline" is the tenant's self-evaluation due date (31 March of the
    // next year by default), not the draw — these self-evaluations count as submitted on time (March 2025).
    await app.sql(`ALTER TABLE evaluation DISABLE TRIGGER trg_evaluation_before_write`);
    await app.sql(
      `UPDATE evaluation SET submitted_at = '2025-03-01T10:00:00+08:00' WHERE kind = 'SELF' AND year = $1`,
      [YEAR],
    );
    await app.sql(`ALTER TABLE evaluation ENABLE TRIGGER trg_evaluation_before_write`);

    const res = await app.gql<DrawResult>(
      DRAW,
      { input: { year: YEAR, ratio: '1', seed: 1 } },
      { as: 'finance.zhangdian' },
    );
    for (const item of res.data!.drawSpotCheckSample.sample!.items) items.set(uuidOf(item.goal!.id), item);
  });
  afterAll(async () => {
    await app.stop();
  });
}
