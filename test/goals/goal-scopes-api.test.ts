/**
 * DEPARTMENT goals (部门整体绩效目标) through GraphQL (DOMAIN §5, §7, §8): drafted by the department, reviewed
 * by finance at its region along the chain of the DOMAIN §7 table, and refused — with nothing written — for
 * the wrong bodies (P1/P2/P3/P6 both ways). Outcomes are asserted in the database. TRANSFER_PROJECT goals:
 * goal-scopes-transfer-api.test.ts.
 */
import { useTestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';
import { APPROVE, CREATE, ISSUE, SUBMIT, departmentInput, goalScopeCalls } from './goal-scopes-fixtures';

const app = useTestApp();
const { ok, refused, denied, stored } = goalScopeCalls(app);

describe('DEPARTMENT goals (部门整体绩效目标): drafted by the department, reviewed by finance at its region', () => {
  // DOMAIN §7 table row DEPARTMENT; P2 (002 第十条(一); 003 第十二条), P3 (002 第十一条), P6.
  test('P2 both ways: only the department itself drafts; finance, audit and third parties are refused', async () => {
    const input = departmentInput('张店区交通运输局2025年部门整体绩效目标（权限）');
    expect(await refused(CREATE, input, 'finance.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P2' });
    // A subordinate unit drafts its own unit-wide goal, never its department's (test/department/unit-goal-api.test.ts).
    expect(await denied(CREATE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect(await denied(CREATE, input, 'thirdparty.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    const g = await ok(CREATE, input, 'transport.zhangdian');
    const row = await stored(g.id);
    expect(row).toMatchObject({ status: 'DRAFT', drafter: '张店区交通运输局', chain: ['张店区财政局'] });
    const [subject] = await app.sql<{ department: string; project: string | null; fund: string | null }>(
      `SELECT o.name AS department, g.project_id AS project, g.fund_id AS fund FROM performance_goal g
         JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.department_id WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    expect(subject).toEqual({ department: '张店区交通运输局', project: null, fund: null });
  });

  test('the chain: finance at the department’s region is the one, final step; P3 and P6 refusals each way', async () => {
    let g = await ok(
      CREATE,
      departmentInput('张店区交通运输局2025年部门整体绩效目标'),
      'transport.zhangdian',
    );
    expect(g.reviewChain).toEqual([{ index: 1, role: 'BUDGET_FINANCE', final: true }]);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
    const input = { id: g.id, expectedVersion: g.rowVersion };
    // P3: the drafter never reviews its own goal; a sibling department and a body above are not in the chain.
    expect(await refused(APPROVE, input, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    expect(await refused(APPROVE, input, 'agri.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    expect(await refused(APPROVE, input, 'finance.zibo')).toEqual({ code: 'FORBIDDEN', principle: 'P3' });
    // P6: a township below, a sibling district and the other tenant do not see the goal at all.
    expect((await refused(APPROVE, input, 'finance.chezhan')).code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.zichuan')).code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.rizhao')).code).toBe('NOT_FOUND');
    expect(await denied(APPROVE, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    g = await ok(APPROVE, input, 'finance.zhangdian');
    expect(g.status).toBe('APPROVED');
    expect(await refused(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(await stored(g.id)).toMatchObject({
      status: 'ISSUED',
      history: [
        'SUBMIT→SUBMITTED by 张店区交通运输局',
        'APPROVE→APPROVED by 张店区财政局',
        'ISSUE→ISSUED by 张店区财政局',
      ],
    });
  });

  test('a township department’s goal is reviewed by the township’s finance, not the district’s', async () => {
    const g = await ok(
      CREATE,
      departmentInput('车站街道建设办公室2025年部门整体绩效目标'),
      'transport.chezhan',
    );
    expect((await stored(g.id)).chain).toEqual(['车站街道财政所']);
    const s = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    const input = { id: s.id, expectedVersion: s.rowVersion };
    expect(await refused(APPROVE, input, 'finance.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    expect((await refused(APPROVE, input, 'finance.gongyuan')).code).toBe('NOT_FOUND');
    expect((await ok(APPROVE, input, 'finance.chezhan')).status).toBe('APPROVED');
  });
});
