/**
 * Unit overall goals (单位整体绩效目标), the June check and the 共性 lock at submission (DOMAIN §5, §7, §8, §9;
 * 003 第十二条(二), 第十三条; 004 二(二)3, 二(三)1): a subordinate unit drafts its own unit-wide goal (scope
 * DEPARTMENT, the unit as subject), reviewed by its department then finance at that department's region; the
 * unit sees its own, never another unit's; the June check is the report for the policy's check month.
 */
import { useTestApp } from '../harness/app';
import { mutations, forbidden, forbiddenFor } from '../harness/mutations';
import { issuedProjectGoal } from '../monitoring/fixtures';
import {
  COMMON_2025,
  CREATE_DEPT_GOAL,
  ERRORS,
  GOAL_ACTION,
  goalInput,
  issuedDepartmentGoal,
  must,
  OWN,
  SET_COMMON,
  setCommon,
  UPDATE_GOAL,
  uuid,
  type GoalRow,
} from './fixtures';

const app = useTestApp();
beforeAll(async () => {
  await setCommon(app);
});

const goalM = mutations<GoalRow>(() => app, 'goal');
const reportM = mutations<{ id: string; month: number }>(() => app, 'report');
const MID_YEAR = `mutation($input: CreateMidYearCheckInput!) { createMidYearCheck(input: $input) { report { id month year status } ${ERRORS} } }`;
const READ = `query($id: ID!) { goal(id: $id) { id scope } }`;

/** 单位个性指标 (90 points with the 10 of finance's 共性 list). */
const UNIT_OWN = [
  { ...OWN[0]!, name: '农村公路养护里程', unit: 'km', target: '320' },
  { ...OWN[1]!, subcategory: 'SOCIAL', name: '公路技术状况优良路率', target: '85' },
  { ...OWN[2]!, name: '群众出行满意度' },
];
const unitInput = (name: string) => ({
  ...goalInput(name),
  annualAmount: '800000.00',
  fiscalAmount: '800000.00',
  indicators: UNIT_OWN,
});

const chainOf = (id: string) =>
  app.sql<{ name: string; role: string; final: boolean }>(
    `SELECT o.name, s->>'role' AS role, (s->>'final')::boolean AS final
       FROM performance_goal g, jsonb_array_elements(g.review_chain) s
       JOIN organization o ON o.id = (s->>'organizationId')::uuid
      WHERE g.id = $1 ORDER BY (s->>'index')::int`,
    [uuid(id)],
  );
const sees = async (id: string, as: string) =>
  ((await app.gql<{ goal: { scope: string } | null }>(READ, { id }, { as })).data?.goal ?? null) !== null;
const act = (name: string, g: GoalRow, as: string) =>
  must<GoalRow>(app, GOAL_ACTION(name), { id: g.id, expectedVersion: g.rowVersion }, as, 'goal');

describe('unit overall goal (单位整体绩效目标, 003 第十二条(二) 编制部门和单位整体绩效目标)', () => {
  let unitGoal: GoalRow;

  test('a subordinate unit drafts its own: 共性 copied in and locked, subject = the unit, chain department → finance (DOMAIN §7, P2)', async () => {
    unitGoal = await goalM.ok(
      CREATE_DEPT_GOAL,
      unitInput('张店区公路事业发展中心2025年度单位整体绩效目标'),
      'unit.zhangdian',
    );
    expect(unitGoal.indicators.slice(0, 4).map((i) => i.category)).toEqual(Array(4).fill('COMMON'));
    const [row] = await app.sql<{ scope: string; subject: string; drafter: string; status: string }>(
      `SELECT g.scope, s.name AS subject, d.name AS drafter, g.status FROM performance_goal g
         JOIN organization s ON s.id = g.department_id JOIN organization d ON d.id = g.drafter_organization_id
        WHERE g.id = $1`,
      [uuid(unitGoal.id)],
    );
    expect(row).toEqual({
      scope: 'DEPARTMENT',
      subject: '张店区公路事业发展中心',
      drafter: '张店区公路事业发展中心',
      status: 'DRAFT',
    });
    // 003 第十三条(一) the department reviews its units' goals, (二) then finance (DOMAIN §7 row DEPARTMENT + P3).
    expect(await chainOf(unitGoal.id)).toEqual([
      { name: '张店区交通运输局', role: 'SUPERVISING_DEPARTMENT', final: false },
      { name: '张店区财政局', role: 'BUDGET_FINANCE', final: true },
    ]);
  });

  test('the 共性 lock binds the unit too: a changed common indicator is refused, nothing written (003 第十二条(二))', async () => {
    const input = {
      ...unitInput('改动共性指标'),
      indicators: [
        ...COMMON_2025.map(({ dimension: _d, source: _s, ...c }) => ({
          ...c,
          category: 'COMMON',
          subcategory: 'BUDGET_MANAGEMENT',
          target: c.name === '预算执行率' ? '80' : c.target,
        })),
        ...UNIT_OWN,
      ],
    };
    const errors = await goalM.refused(
      `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } ${ERRORS} } }`,
      { ...input, scope: 'DEPARTMENT' },
      'unit.zhangdian',
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '0'] });
  });

  test('review both ways: the unit’s department at step 1, finance at step 2; nobody else (P3)', async () => {
    let g = await act('submitGoal', unitGoal, 'unit.zhangdian');
    const input = () => ({ id: g.id, expectedVersion: g.rowVersion });
    const approve = GOAL_ACTION('approveGoal');
    for (const as of ['finance.zhangdian', 'agri.zhangdian', 'unit.zhangdian'])
      expect((await goalM.refused(approve, input(), as))[0]).toMatchObject({
        code: 'FORBIDDEN',
        principle: 'P3',
      });
    expect((await goalM.refused(approve, input(), 'transport.chezhan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
    });
    g = await act('approveGoal', g, 'transport.zhangdian');
    expect(g.status).toBe('IN_REVIEW');
    expect((await goalM.refused(approve, input(), 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P3',
    });
    g = await act('approveGoal', g, 'finance.zhangdian');
    unitGoal = await act('issueGoal', g, 'finance.zhangdian');
    const history = await app.sql<{ action: string; by: string }>(
      `SELECT t.action, o.name AS by FROM goal_transition t JOIN organization o ON o.id = t.actor_organization_id
        WHERE t.goal_id = $1 ORDER BY t.at`,
      [uuid(unitGoal.id)],
    );
    expect(history.map((h) => `${h.action} ${h.by}`)).toEqual([
      'SUBMIT 张店区公路事业发展中心',
      'APPROVE 张店区交通运输局',
      'APPROVE 张店区财政局',
      'ISSUE 张店区财政局',
    ]);
  });

  test('who sees it (P6): the unit its own, not another unit’s; its department, finance and audit read; others not', async () => {
    const other = await goalM.ok(
      CREATE_DEPT_GOAL,
      unitInput('车站街道市政道路养护站2025年度单位整体绩效目标'),
      'unit.chezhan',
    );
    expect((await chainOf(other.id)).map((s) => s.name)).toEqual(['车站街道建设办公室', '车站街道财政所']);
    for (const as of ['unit.zhangdian', 'transport.zhangdian', 'finance.zhangdian', 'audit.zhangdian'])
      expect([as, await sees(unitGoal.id, as)]).toEqual([as, true]);
    for (const as of [
      'unit.chezhan',
      'unit.gongyuan',
      'finance.zichuan',
      'finance.rizhao',
      'thirdparty.zibo',
    ])
      expect([as, await sees(unitGoal.id, as)]).toEqual([as, false]);
    expect(await sees(other.id, 'unit.chezhan')).toBe(true);
    expect(await sees(other.id, 'unit.zhangdian')).toBe(false);
  });

  test('refused drafters: finance and third parties (P2), audit (P6), a unit without a department (P2)', async () => {
    const input = unitInput('权限测试');
    await goalM.expectRefusedFor(CREATE_DEPT_GOAL, input, {
      ...forbiddenFor('P2', 'finance.zhangdian', 'thirdparty.zibo'),
      'audit.zhangdian': forbidden('P6'),
    });
    // A unit answering to no department is not a 所属单位: it has no unit-wide goal to draft.
    const [unit] = await app.sql<{ id: string; sup: string }>(
      `SELECT o.id, o.supervising_department_id AS sup FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.login = 'unit.gongyuan'`,
    );
    await app.sql(`UPDATE organization SET supervising_department_id = NULL WHERE id = $1`, [unit!.id]);
    try {
      expect((await goalM.refused(CREATE_DEPT_GOAL, input, 'unit.gongyuan'))[0]).toMatchObject({
        code: 'FORBIDDEN',
        principle: 'P2',
      });
    } finally {
      await app.sql(`UPDATE organization SET supervising_department_id = $2 WHERE id = $1`, [
        unit!.id,
        unit!.sup,
      ]);
    }
  });

  test('the unit’s June check: January–June, to finance at its level (004 二(三)1 监控结果报财政部门)', async () => {
    const r = await reportM.ok(MID_YEAR, { goalId: unitGoal.id, likelihood: 'CERTAIN' }, 'unit.zhangdian');
    expect(r).toMatchObject({ month: 6, year: 2025, status: 'DRAFT' });
    const [row] = await app.sql<{ month: number; ack: string }>(
      `SELECT r.month, o.name AS ack FROM monitoring_report r JOIN organization o ON o.id = r.acknowledger_organization_id WHERE r.goal_id = $1`,
      [uuid(unitGoal.id)],
    );
    expect(row).toEqual({ month: 6, ack: '张店区财政局' });
  });
});

describe('June check (004 二(三)1 以每年6月底为节点): the month is the policy’s, never typed', () => {
  let goal: GoalRow;
  beforeAll(async () => {
    goal = await issuedDepartmentGoal(app, '年中监控部门整体目标');
  });

  test('the department’s check covers January–June; a second one for the goal is a CONFLICT', async () => {
    const input = { goalId: goal.id, likelihood: 'CERTAIN', correctiveMeasures: null };
    expect(await reportM.ok(MID_YEAR, input, 'agri.zhangdian')).toMatchObject({ month: 6, year: 2025 });
    expect((await reportM.refused(MID_YEAR, input, 'agri.zhangdian'))[0]).toMatchObject({
      code: 'CONFLICT',
    });
  });

  test('refusals: a project goal, another region’s department, finance and audit; nothing written', async () => {
    const projectGoal = (await issuedProjectGoal(app, '年中监控')).id; // 车站街道, drafted by unit.chezhan
    expect(
      (await reportM.refused(MID_YEAR, { goalId: projectGoal, likelihood: 'CERTAIN' }, 'unit.chezhan'))[0],
    ).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    const input = { goalId: goal.id, likelihood: 'CERTAIN' };
    for (const as of ['agri.chezhan', 'transport.chezhan', 'unit.chezhan'])
      expect((await reportM.refused(MID_YEAR, input, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    await reportM.expectRefusedFor(MID_YEAR, input, {
      'finance.zhangdian': forbidden('P4'),
      'audit.zhangdian': forbidden('P6'),
    });
  });
  test('the policy’s department-check month is used (DOMAIN §9: cadences are tenant settings)', async () => {
    const g = await issuedDepartmentGoal(app, '七月节点部门整体目标');
    const POLICY = `mutation($input: UpdatePolicyInput!) { updatePolicy(input: $input) { policy { version departmentCheckMonth } ${ERRORS} } }`;
    const input = { year: 2025, expectedVersion: 0, departmentCheckMonth: 7, reason: '七月底为节点' };
    expect(await must(app, POLICY, input, 'finance.zibo', 'policy')).toEqual({
      version: 1,
      departmentCheckMonth: 7,
    });
    const r = await reportM.ok(MID_YEAR, { goalId: g.id, likelihood: 'CERTAIN' }, 'agri.zhangdian');
    expect(r.month).toBe(7);
  });
});

describe('the 共性 lock at submission (DOMAIN §5; 003 第十二条(二))', () => {
  test('a draft made before finance set the list is refused at submit, naming the missing indicators; fixed, it goes', async () => {
    const input = { ...goalInput('先于共性指标起草的部门整体目标'), year: 2026 };
    let g = await goalM.ok(CREATE_DEPT_GOAL, input, 'agri.zhangdian');
    expect(g.indicators.map((i) => i.category)).toEqual(['OUTPUT', 'BENEFIT', 'SATISFACTION']);
    await must(app, SET_COMMON, { year: 2026, indicators: COMMON_2025 }, 'finance.zhangdian', 'set');
    const submit = GOAL_ACTION('submitGoal');
    const errors = await goalM.refused(submit, { id: g.id, expectedVersion: g.rowVersion }, 'agri.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'id'] });
    for (const name of ['预算执行率', '三公经费控制率', '在职人员控制率', '政府采购执行率'])
      expect(errors[0]!.message).toContain(name);
    expect(errors.every((e) => e.code === 'WORKFLOW_VIOLATION')).toBe(true);
    const commons = COMMON_2025.map(({ dimension: _d, source: _s, ...c }) => ({
      ...c,
      category: 'COMMON',
      subcategory: 'BUDGET_MANAGEMENT',
    }));
    const { year: _y, ...rest } = input;
    g = await goalM.ok(
      UPDATE_GOAL,
      { ...rest, id: g.id, expectedVersion: g.rowVersion, indicators: [...commons, ...OWN] },
      'agri.zhangdian',
    );
    g = await goalM.ok(submit, { id: g.id, expectedVersion: g.rowVersion }, 'agri.zhangdian');
    expect(g.status).toBe('SUBMITTED');
  });
});
