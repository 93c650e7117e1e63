/**
 * Recording spot checks through GraphQL (DOMAIN §12 抽查复核; 003 第二十一条, 转移支付 第二十四条) on a real
 * database: the re-score as a SPOT_CHECK evaluation scored by the engine, the flags, an item checked once, bad
 * input with nothing written, and the notice list (the tests build on each other's records, in order).
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { regionGid } from '../harness/ids';
import { actualsFor, allDigests, MONEY, uuidOf, YEAR } from './fixtures';
import { useSpotCheckRecordApi, app, goals, missingGoal, items, record } from './record-fixtures';

useSpotCheckRecordApi();

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
