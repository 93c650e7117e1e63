/**
 * Recording spot checks through GraphQL (DOMAIN §12 抽查复核; 003 第二十一条, 转移支付 第二十四条; P7
 * 002 第十七条) on a real database: the re-score as a SPOT_CHECK evaluation scored by the engine, the flags,
 * P7 both ways, permissions, an item checked once, bad input with nothing written, and the notice list.
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { regionGid } from '../harness/ids';
import {
  actualsFor,
  agriSelfImplementedGoal,
  allDigests,
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
import { refusalOf } from '../harness/mutations';

let app: TestApp;
const goals: ArrangedGoal[] = [];
let agriGoal: ArrangedGoal;
let missingGoal: ArrangedGoal;
/** Item (by goal id) of the one sample drawn by 张店区财政局. */
const items = new Map<string, ItemRow>();

interface RecordPayload {
  item:
    | (ItemRow & {
        checkEvaluation: { id: string; kind: string; status: string; total: string; grade: string } | null;
      })
    | null;
  userErrors: UserErrorRow[];
}
const record = (
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

describe('P7 委托人和项目实施主体相分离 (002 第十七条): never the self-evaluator or the implementing unit', () => {
  test('the self-evaluating unit re-scoring its own self-evaluation is refused with P7; nothing is written', async () => {
    const before = await allDigests(app);
    const res = await record('unit.chezhan', goals[0]!, ['100', '100', '90']);
    expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' }); // issue 11 item 4: in the payload
    expect(await allDigests(app)).toEqual(before);
  });

  test('a department that is the implementing unit and self-evaluator of the project is refused with P7', async () => {
    const before = await allDigests(app);
    const res = await record('agri.zhangdian', agriGoal, ['100', '100', '90']);
    expect(res.data?.recordSpotCheck).toMatchObject({
      item: null,
      userErrors: [{ code: 'FORBIDDEN', principle: 'P7', field: ['input', 'itemId'] }],
    });
    expect(await allDigests(app)).toEqual(before);
  });
});

describe('who may record (DOMAIN §8 P6)', () => {
  test('audit offices and third parties are refused (P6); bodies that do not see the sample read it as missing', async () => {
    const before = await allDigests(app);
    for (const as of ['audit.zhangdian', 'thirdparty.zibo']) {
      const res = await record(as, goals[0]!, ['100', '100', '90']);
      expect(refusalOf(res)).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' }); // issue 11 item 4
    }
    for (const as of ['finance.gongyuan', 'finance.zichuan', 'finance.rizhao']) {
      const res = await record(as, goals[0]!, ['100', '100', '90']);
      expect(res.data?.recordSpotCheck).toMatchObject({ item: null, userErrors: [{ code: 'NOT_FOUND' }] });
    }
    expect(await allDigests(app)).toEqual(before);
  });
});

describe('the re-score and its flags (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条)', () => {
  // Self: 100, EXCELLENT. Check: COMMON 10 (money in full) + OUTPUT 50 × output ÷ 100 + BENEFIT 30 + SATISFACTION 10.
  test.each([
    [1, 'finance.zhangdian', ['90', '100', '90'], '95.00', 'EXCELLENT', []],
    [2, 'transport.zhangdian', ['80', '100', '90'], '90.00', 'EXCELLENT', []], // gap 10 is not > 10
    [3, 'finance.zhangdian', ['78', '100', '90'], '89.00', 'GOOD', ['SCORE_GAP', 'GRADE_DIFFERS']],
    [4, 'finance.zhangdian', ['0', '0', '0'], '10.00', 'POOR', ['SCORE_GAP', 'GRADE_DIFFERS', 'CHECK_POOR']],
  ] as const)('goal %i checked by %s with %j → %s %s %j', async (k, as, actuals, total, grade, flags) => {
    const goal = goals[k]!;
    const res = await record(as, goal, [...actuals]);
    const item = res.data?.recordSpotCheck.item;
    expect(res.data?.recordSpotCheck.userErrors).toEqual([]);
    expect(item).toMatchObject({
      status: 'CHECKED',
      flags,
      selfTotal: '100.00',
      selfGrade: 'EXCELLENT',
      checkTotal: total,
      checkGrade: grade,
    });
    expect(item!.checkEvaluation).toMatchObject({ kind: 'SPOT_CHECK', status: 'SUBMITTED', total, grade });
    const [row] = await app.sql<Record<string, unknown>>(
      `SELECT i.status, i.flags, c.kind, c.status AS check_status, c.total::text, c.grade, o.name AS evaluator,
              c.spot_check_of_evaluation_id = i.self_evaluation_id AS of_self, c.goal_id = i.goal_id AS same_goal,
              (SELECT count(*)::int FROM evaluation_actual a WHERE a.evaluation_id = c.id AND a.score IS NOT NULL) AS scored,
              (SELECT array_agg(t.action ORDER BY t.at) FROM evaluation_transition t WHERE t.evaluation_id = c.id) AS history,
              (SELECT array_agg(e.action ORDER BY e.action) FROM audit_event e WHERE e.entity_id IN (c.id, i.id)) AS audit
         FROM spot_check_item i JOIN evaluation c ON c.id = i.check_evaluation_id
         JOIN organization o ON o.id = c.evaluator_organization_id WHERE i.id = $1`,
      [uuidOf(item!.id)],
    );
    expect(row).toEqual({
      status: 'CHECKED',
      flags,
      kind: 'SPOT_CHECK',
      check_status: 'SUBMITTED',
      total,
      grade,
      evaluator: as === 'finance.zhangdian' ? '张店区财政局' : '张店区交通运输局',
      of_self: true,
      same_goal: true,
      scored: 3,
      history: ['CREATE', 'SUBMIT'],
      audit: ['CHECK', 'SPOT_CHECK'],
    });
  });
});

describe('an item is checked once; bad input is refused with nothing written', () => {
  const expectRefused = async (res: Awaited<ReturnType<typeof record>>, code: string, field?: string[]) => {
    expect(res.data?.recordSpotCheck.item).toBeNull();
    expect(res.data?.recordSpotCheck.userErrors[0]).toMatchObject({ code, ...(field ? { field } : {}) });
  };

  test('an item already checked, and a goal without a self-evaluation → WORKFLOW_VIOLATION', async () => {
    const before = await allDigests(app);
    await expectRefused(
      await record('finance.zhangdian', goals[1]!, ['100', '100', '90']),
      'WORKFLOW_VIOLATION',
      ['input', 'itemId'],
    );
    await expectRefused(
      await record('finance.zhangdian', missingGoal, ['100', '100', '90']),
      'WORKFLOW_VIOLATION',
      ['input', 'itemId'],
    );
    expect(await allDigests(app)).toEqual(before);
    // The database refuses it too: a CHECKED item never changes again (DOMAIN §12).
    await expect(
      app.sql(`UPDATE spot_check_item SET flags = '[]' WHERE id = $1`, [
        uuidOf(items.get(goals[4]!.goalId)!.id),
      ]),
    ).rejects.toMatchObject({ constraint: 'ck_spot_check_item_transition' });
  });

  test('a stale version → CONFLICT; unknown item → NOT_FOUND', async () => {
    const before = await allDigests(app);
    await expectRefused(
      await record('finance.zhangdian', goals[5]!, ['100', '100', '90'], { expectedVersion: 7 }),
      'CONFLICT',
    );
    await expectRefused(
      await record('finance.zhangdian', goals[5]!, ['100', '100', '90'], {
        itemId: toGlobalId('SpotCheckItem', randomUUID()),
      }),
      'NOT_FOUND',
    );
    expect(await allDigests(app)).toEqual(before);
  });

  test('an indicator of another goal, a missing actual, negative money, a negative actual → BAD_USER_INPUT', async () => {
    const before = await allDigests(app);
    const goal = goals[5]!;
    const other = actualsFor(goals[0]!, ['1', '1', '1']);
    await expectRefused(
      await record('finance.zhangdian', goal, ['1', '1', '1'], {
        actuals: [...actualsFor(goal, ['1', '1', '1']).slice(0, 2), other[2]],
      }),
      'BAD_USER_INPUT',
      ['input', 'actuals', '2', 'indicatorId'],
    );
    await expectRefused(
      await record('finance.zhangdian', goal, ['1', '1', '1'], {
        actuals: actualsFor(goal, ['1', '1', '1']).slice(0, 2),
      }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      await record('finance.zhangdian', goal, ['1', '1', '1'], { money: { ...MONEY, spent: '-1' } }),
      'BAD_USER_INPUT',
      ['input', 'money', 'spent'],
    );
    await expectRefused(
      await record('finance.zhangdian', goal, ['1', '1', '1'], {
        actuals: actualsFor(goal, ['1', '1', '1']).map((a) => ({ ...a, actual: '-5' })),
      }),
      'BAD_USER_INPUT',
    );
    expect(await allDigests(app)).toEqual(before);
  });
});

describe('the year’s notice list (通报, DOMAIN §12)', () => {
  const NOTICE = `query($year: Int!, $within: ID) { spotCheckNotice(year: $year, within: $within) {
    year items { flags region { code } goal { id } selfTotal selfGrade checkTotal checkGrade }
    regions { region { code } flaggedItemCount recommendation } } }`;
  interface Notice {
    spotCheckNotice: {
      year: number;
      items: {
        flags: string[];
        region: { code: string };
        goal: { id: string };
        checkTotal: string | null;
        checkGrade: string | null;
      }[];
      regions: { region: { code: string }; flaggedItemCount: number; recommendation: string }[];
    };
  }

  test('flagged items with their totals and grades; their region is to be tightened (从严、从紧)', async () => {
    const res = await app.gql<Notice>(NOTICE, { year: YEAR }, { as: 'finance.zhangdian' });
    const notice = res.data!.spotCheckNotice;
    const byGoal = new Map(notice.items.map((i) => [uuidOf(i.goal.id), i]));
    expect(byGoal.get(goals[3]!.goalId)).toMatchObject({
      flags: ['SCORE_GAP', 'GRADE_DIFFERS'],
      checkTotal: '89.00',
      checkGrade: 'GOOD',
    });
    expect(byGoal.get(goals[4]!.goalId)).toMatchObject({ checkTotal: '10.00', checkGrade: 'POOR' });
    expect(byGoal.get(missingGoal.goalId)).toMatchObject({
      flags: ['MISSING_SELF_EVALUATION'],
      checkTotal: null,
    });
    for (const k of [0, 1, 2, 5]) expect(byGoal.has(goals[k]!.goalId)).toBe(false); // unflagged or unchecked
    expect(notice.items.every((i) => i.flags.length > 0)).toBe(true);
    const chezhan = notice.regions.find((r) => r.region.code === '370303001');
    expect(chezhan).toEqual({
      region: { code: '370303001' },
      flaggedItemCount: notice.items.filter((i) => i.region.code === '370303001').length,
      recommendation: 'TIGHTEN',
    });
    expect(new Set(notice.regions.map((r) => r.region.code))).toEqual(
      new Set(notice.items.map((i) => i.region.code)),
    );
    const audit = await app.gql<Notice>(NOTICE, { year: YEAR }, { as: 'audit.zhangdian' });
    expect(audit.data!.spotCheckNotice).toEqual(notice);
  });

  test('outside the jurisdiction nothing shows; a sibling region reads as missing', async () => {
    for (const as of ['finance.gongyuan', 'unit.chezhan', 'finance.rizhao']) {
      const res = await app.gql<Notice>(NOTICE, { year: YEAR }, { as });
      expect(res.data!.spotCheckNotice.items).toEqual([]);
    }
    const sibling = await app.gql<Notice>(
      NOTICE,
      { year: YEAR, within: await regionGid(app, '370303001') },
      { as: 'finance.gongyuan' },
    );
    expect(sibling.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
