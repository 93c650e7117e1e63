/**
 * Spot checks under the tenant policy (issue 9 items 15–16; DOMAIN §12, §10 rule 7): "no self-evaluation by
 * the deadline" is judged by the tenant's self-evaluation due date of the year — not the moment of the draw;
 * department evaluations (部门评价, 002 第二十八条(二)) are candidates too; ratio and gap come from the policy,
 * and the sample names the policy version it used.
 */
import { randomUUID } from 'node:crypto';
import { TestApp } from '../harness/app';
import { regionGid } from '../harness/ids';
import {
  actualsFor,
  DRAW,
  ERRORS,
  issuedGoal,
  MONEY,
  RECORD,
  selfEvaluate,
  uuidOf,
  YEAR,
  type ArrangedGoal,
  type ItemRow,
} from './fixtures';

let app: TestApp;
let late: ArrangedGoal; // self-evaluated now, long after 31 March 2025
let onTime: ArrangedGoal; // self-evaluated, counted as submitted on 1 March 2025
let none: ArrangedGoal; // never self-evaluated
let departmental: ArrangedGoal; // evaluated by 张店区交通运输局 (部门评价)
let departmentEvaluationId: string;
let chezhan: string;

const SAMPLE = `id ratio scoreGapThreshold deadlinePassed selfEvaluationDueDate missingCount policy { version }
  items { id sampled flags goal { id } selfEvaluation { id } }`;
const DRAW_P = DRAW.replace(/sample \{[\s\S]*?\} \} userErrors/, `sample { ${SAMPLE} } userErrors`);
const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { version } ${ERRORS} } }`;

interface Sample {
  id: string;
  ratio: string;
  scoreGapThreshold: string;
  deadlinePassed: boolean;
  selfEvaluationDueDate: string | null;
  missingCount: number;
  policy: { version: number };
  items: Pick<ItemRow, 'id' | 'sampled' | 'flags' | 'goal' | 'selfEvaluation'>[];
}

async function draw(input: Record<string, unknown>): Promise<Sample> {
  const res = await app.gql<{ drawSpotCheckSample: { sample: Sample | null; userErrors: unknown[] } }>(
    DRAW_P,
    { input: { year: YEAR, within: chezhan, seed: 7, ...input } },
    { as: 'finance.zhangdian' },
  );
  if (!res.data?.drawSpotCheckSample.sample) throw new Error(JSON.stringify(res));
  return res.data.drawSpotCheckSample.sample;
}
const itemOf = (s: Sample, g: ArrangedGoal) => s.items.find((i) => i.goal && uuidOf(i.goal.id) === g.goalId);

beforeAll(async () => {
  app = await TestApp.start();
  chezhan = await regionGid(app, '370303001');
  late = await issuedGoal(app, 'unit.chezhan', '期限抽查迟报');
  onTime = await issuedGoal(app, 'unit.chezhan', '期限抽查按时');
  none = await issuedGoal(app, 'unit.chezhan', '期限抽查未自评');
  departmental = await issuedGoal(app, 'unit.chezhan', '期限抽查部门评价');
  await selfEvaluate(app, late);
  const onTimeId = uuidOf(await selfEvaluate(app, onTime));
  // Arranged as the owner: the on-time self-evaluation was submitted on 1 March 2025 (before the due date).
  await app.sql(`ALTER TABLE evaluation DISABLE TRIGGER trg_evaluation_before_write`);
  await app.sql(`UPDATE evaluation SET submitted_at = '2025-03-01T10:00:00+08:00' WHERE id = $1`, [onTimeId]);
  await app.sql(`ALTER TABLE evaluation ENABLE TRIGGER trg_evaluation_before_write`);
  // A department evaluation (部门评价) of 张店区交通运输局 on the fourth goal, submitted.
  departmentEvaluationId = randomUUID();
  await app.sql(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, region_path)
     SELECT g.tenant_id, $2, g.id, 'DEPARTMENT', g.year, 'DRAFT', u.organization_id, ''
       FROM performance_goal g, app_user u WHERE g.id = $1 AND u.login = 'transport.zhangdian'`,
    [departmental.goalId, departmentEvaluationId],
  );
  await app.sql(
    `UPDATE evaluation SET status = 'SUBMITTED', total = 92, grade = 'EXCELLENT', submitted_at = now() WHERE id = $1`,
    [departmentEvaluationId],
  );
});
afterAll(async () => app.stop());

describe('DOMAIN §12 under the default policy (due date 31 March of the next year, version 0)', () => {
  let sample: Sample;
  test('department evaluations are candidates (002 第二十八条(二)); the sample names the due date and policy', async () => {
    sample = await draw({ ratio: '1' });
    expect(sample).toMatchObject({
      deadlinePassed: true,
      selfEvaluationDueDate: `${YEAR + 1}-03-31`,
      policy: { version: 0 },
      scoreGapThreshold: '10.00',
    });
    const d = itemOf(sample, departmental)!;
    expect(d).toMatchObject({ sampled: true });
    expect(uuidOf(d.selfEvaluation!.id)).toBe(departmentEvaluationId);
    const [row] = await app.sql<{ kind: string; due: string }>(
      `SELECT e.kind, to_char(s.self_evaluation_due_date, 'YYYY-MM-DD') AS due FROM spot_check_item i
         JOIN evaluation e ON e.id = i.self_evaluation_id JOIN spot_check_sample s ON s.id = i.sample_id
        WHERE i.id = $1`,
      [uuidOf(d.id)],
    );
    expect(row).toEqual({ kind: 'DEPARTMENT', due: `${YEAR + 1}-03-31` });
    expect(itemOf(sample, none)).toMatchObject({ sampled: false, flags: ['MISSING_SELF_EVALUATION'] });
  });

  test('"by the deadline" is the due date: the late self-evaluation is flagged when checked, the on-time one not', async () => {
    const check = async (g: ArrangedGoal) => {
      const res = await app.gql<{
        recordSpotCheck: { item: { flags: string[] } | null; userErrors: unknown[] };
      }>(
        RECORD,
        {
          input: {
            itemId: itemOf(sample, g)!.id,
            expectedVersion: 1,
            actuals: actualsFor(g, ['100', '100', '90']),
            money: MONEY,
          },
        },
        { as: 'finance.zhangdian' },
      );
      expect(res.data!.recordSpotCheck.userErrors).toEqual([]);
      return res.data!.recordSpotCheck.item!.flags;
    };
    expect(await check(late)).toEqual(['MISSING_SELF_EVALUATION']);
    expect(await check(onTime)).toEqual([]);
    // a department evaluation is re-scored too (92 vs 100: within the gap, the same grade)
    expect(await check(departmental)).toEqual([]);
  });
});

describe('DOMAIN §10.7: ratio, gap and due date from the tenant policy of the year', () => {
  test('before the due date (set to 2027-03-31) nothing is listed as missing; ratio and gap are the policy’s', async () => {
    const set = await app.gql<{ updatePolicy: { policy: { version: number } | null } }>(
      POLICY,
      {
        input: {
          year: YEAR,
          expectedVersion: 0,
          selfEvaluationDueDate: '2027-03-31',
          spotCheckRatio: '0.5',
          spotCheckGap: '5',
        },
      },
      { as: 'finance.zibo' },
    );
    expect(set.data!.updatePolicy.policy).toEqual({ version: 1 });
    const sample = await draw({});
    expect(sample).toMatchObject({
      ratio: '0.5000',
      scoreGapThreshold: '5.00',
      deadlinePassed: false,
      missingCount: 0,
      selfEvaluationDueDate: '2027-03-31',
      policy: { version: 1 },
    });
    expect(itemOf(sample, none)).toBeUndefined();
    const [row] = await app.sql<{ version: number }>(
      `SELECT p.version FROM spot_check_sample s JOIN tenant_policy p ON p.id = s.policy_id WHERE s.id = $1`,
      [uuidOf(sample.id)],
    );
    expect(row).toEqual({ version: 1 });
  });
});
