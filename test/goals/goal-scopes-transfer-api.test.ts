/**
 * TRANSFER_PROJECT goals through GraphQL (DOMAIN §5, §7, §8): drafted by the implementing unit, reviewed
 * step by step along the four-step chain of the DOMAIN §7 table, and refused — with nothing written — for
 * the wrong bodies (P1/P2/P3/P6 both ways). Outcomes are asserted in the database. DEPARTMENT goals:
 * goal-scopes-api.test.ts.
 */
import { toGlobalId } from '../../src/common/global-id';
import { useTestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';
import { goalSeenBy } from '../harness/goal-fixtures';
import {
  APPROVE,
  CREATE,
  ISSUE,
  RETURN,
  SUBMIT,
  goalScopeCalls,
  transferProjectInput,
} from './goal-scopes-fixtures';

const app = useTestApp();
const { ok, refused, denied, stored, transferSetup } = goalScopeCalls(app);

describe('TRANSFER_PROJECT goals: drafted by the implementing unit, reviewed S’s department → S’s finance → the fund’s department → finance at R', () => {
  // DOMAIN §7 table row TRANSFER_PROJECT; 003 转移支付 第十五条(三); P2, P3, P6.
  test('P2 both ways on drafting: the unit (or its department) yes; finance, another department, the fund’s department, a sibling unit no', async () => {
    const { fundId, projectId } = await transferSetup('起草');
    const input = transferProjectInput(fundId, projectId);
    expect(await refused(CREATE, input, 'finance.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect(await refused(CREATE, input, 'agri.chezhan')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect(await refused(CREATE, input, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P2',
    });
    expect(await refused(CREATE, input, 'finance.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    expect((await refused(CREATE, input, 'unit.gongyuan')).code).toBe('NOT_FOUND');
    expect((await refused(CREATE, input, 'finance.rizhao')).code).toBe('NOT_FOUND');
    expect(await denied(CREATE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect(await denied(CREATE, input, 'thirdparty.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    // The unit's own department may draft for it (P2 "or its department"), and then does not review itself.
    const byDept = await ok(CREATE, input, 'transport.chezhan');
    expect((await stored(byDept.id)).chain).toEqual(['车站街道财政所', '张店区交通运输局', '张店区财政局']);
  });

  test('the four-step chain in order; out of turn (P3), the drafter (P3), outsiders (P6) refused at each step', async () => {
    const { fundId, projectId } = await transferSetup('审核');
    let g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    expect(g.reviewChain.map((s) => [s.index, s.role, s.final])).toEqual([
      [1, 'SUPERVISING_DEPARTMENT', false],
      [2, 'LOWER_FINANCE', false],
      [3, 'FUND_DEPARTMENT', false],
      [4, 'BUDGET_FINANCE', true],
    ]);
    expect((await stored(g.id)).chain).toEqual([
      '车站街道建设办公室',
      '车站街道财政所',
      '张店区交通运输局',
      '张店区财政局',
    ]);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    const steps: [string, string[]][] = [
      ['transport.chezhan', ['finance.chezhan', 'transport.zhangdian', 'finance.zhangdian']],
      ['finance.chezhan', ['transport.chezhan', 'transport.zhangdian', 'finance.zhangdian']],
      ['transport.zhangdian', ['transport.chezhan', 'finance.chezhan', 'finance.zhangdian']],
      ['finance.zhangdian', ['transport.chezhan', 'finance.chezhan', 'transport.zhangdian']],
    ];
    for (const [reviewer, others] of steps) {
      const input = { id: g.id, expectedVersion: g.rowVersion };
      for (const other of [...others, 'unit.chezhan', 'agri.chezhan'])
        expect(await refused(APPROVE, input, other)).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
      for (const outsider of ['finance.gongyuan', 'transport.gongyuan', 'finance.zichuan', 'finance.rizhao'])
        expect((await refused(APPROVE, input, outsider)).code).toBe('NOT_FOUND');
      expect(await denied(APPROVE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
      g = await ok(APPROVE, input, reviewer);
    }
    expect(g.status).toBe('APPROVED');
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(await stored(g.id)).toMatchObject({
      status: 'ISSUED',
      drafter: '车站街道市政道路养护站',
      history: [
        'SUBMIT→SUBMITTED by 车站街道市政道路养护站',
        'APPROVE→IN_REVIEW by 车站街道建设办公室',
        'APPROVE→IN_REVIEW by 车站街道财政所',
        'APPROVE→IN_REVIEW by 张店区交通运输局',
        'APPROVE→APPROVED by 张店区财政局',
        'ISSUE→ISSUED by 张店区财政局',
      ],
    });
    const [audit] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'PerformanceGoal' AND entity_id = $1`,
      [uuidOf(g.id)],
    );
    expect(audit.n).toBe(7); // CREATE, SUBMIT, 4 × APPROVE, ISSUE (DOMAIN §15)
  });

  test('a reviewer in the middle of the chain returns it with a comment; resubmission restarts at step 1', async () => {
    const { fundId, projectId } = await transferSetup('退回');
    let g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'IN_REVIEW', currentStep: 3 });
    expect(
      await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion, comment: '退回' }, 'finance.chezhan'),
    ).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    g = await ok(
      RETURN,
      { id: g.id, expectedVersion: g.rowVersion, comment: '请补充时效指标' },
      'transport.zhangdian',
    );
    expect(g).toMatchObject({ status: 'RETURNED', currentStep: 0 });
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
    const [row] = await app.sql<{ comment: string }>(
      `SELECT comment FROM goal_transition WHERE goal_id = $1 AND action = 'RETURN'`,
      [uuidOf(g.id)],
    );
    expect(row.comment).toBe('请补充时效指标');
  });

  test('the goal is read by its chain and subtree, not by a sibling township or the other tenant (P6)', async () => {
    const { fundId, projectId } = await transferSetup('查阅');
    const g = await ok(CREATE, transferProjectInput(fundId, projectId), 'unit.chezhan');
    const read = (as: string) => goalSeenBy(app, g.id, as);
    for (const as of [
      'unit.chezhan',
      'transport.chezhan',
      'finance.chezhan',
      'transport.zhangdian',
      'audit.zhangdian',
    ])
      expect(await read(as)).toEqual({ id: g.id });
    for (const as of [
      'unit.gongyuan',
      'finance.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
      'thirdparty.zibo',
    ])
      expect(await read(as)).toBeNull();
    expect(toGlobalId('PerformanceGoal', uuidOf(g.id))).toBe(g.id);
  });
});
