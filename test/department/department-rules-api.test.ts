/**
 * Bad input and permissions of department-wide performance (DOMAIN §5, §8, §9, §10; 003 第十二条(二); 004 二(二)3,
 * 二(三)1, 二(四)): each refusal has a stable code and writes nothing (app.tableDigests() unchanged); each
 * permission is proved both ways — the department for its own goal and self-evaluation, finance at its region
 * reviews, finance elsewhere, other departments, units, audit and third parties refused.
 */
import { useTestApp } from '../harness/app';
import { mutations, forbidden, forbiddenFor } from '../harness/mutations';
import {
  controlRate,
  CREATE_DEPT_GOAL,
  ERRORS,
  goalInput,
  issuedDepartmentGoal,
  must,
  OWN,
  SET_COMMON,
  setCommon,
  UPDATE_GOAL,
  type GoalRow,
} from './fixtures';

const app = useTestApp();
let issued: GoalRow;
beforeAll(async () => {
  await setCommon(app);
  issued = await issuedDepartmentGoal(app, '规则测试部门整体目标');
});

const goalM = mutations<GoalRow>(() => app, 'goal');
const evalM = mutations<{ id: string; rowVersion: number }>(() => app, 'evaluation');
const setM = mutations<{ id: string }>(() => app, 'set');
const reportM = mutations<{ id: string }>(() => app, 'report');
const CREATE_SELF = `mutation($input: CreateDepartmentSelfEvaluationInput!) { createDepartmentSelfEvaluation(input: $input) { evaluation { id rowVersion } ${ERRORS} } }`;
const REVIEW = `mutation($input: ReviewDepartmentSelfEvaluationInput!) { reviewDepartmentSelfEvaluation(input: $input) { evaluation { id rowVersion } ${ERRORS} } }`;
const CREATE_REPORT = `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { id } ${ERRORS} } }`;

const draft = () =>
  must<GoalRow>(app, CREATE_DEPT_GOAL, goalInput('草稿部门整体目标'), 'agri.zhangdian', 'goal');
const asInput = (g: GoalRow, indicators: Record<string, unknown>[]) => ({
  id: g.id,
  expectedVersion: g.rowVersion,
  ...goalInput('草稿部门整体目标'),
  year: undefined,
  indicators,
});

describe('bad input: a clear error with a stable code, nothing written', () => {
  test('a common indicator removed by the department (DOMAIN §5; 003 第十二条(二) 共性指标按财政部门规定设置)', async () => {
    const g = await draft();
    const kept = g.indicators.filter((i) => i.name !== '预算执行率').map(({ name }) => name);
    const stored = await app.sql<{
      category: string;
      subcategory: string;
      name: string;
      kind: string;
      unit: string;
      comparator: string;
      target: string;
      points: string;
    }>(
      `SELECT category, subcategory, name, kind, unit, comparator, target, points::text AS points FROM goal_indicator WHERE goal_id = (SELECT id FROM performance_goal WHERE name = '草稿部门整体目标' LIMIT 1) ORDER BY position`,
    );
    const input = stored.filter((s) => kept.includes(s.name));
    const errors = await goalM.refused(UPDATE_GOAL, asInput(g, input), 'agri.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators'] });
    expect(errors[0]!.message).toContain('预算执行率');
  });

  test('a common indicator changed by the department (its target lowered)', async () => {
    const g = await draft();
    const stored = await app.sql<Record<string, string>>(
      `SELECT category, subcategory, name, kind, unit, comparator, target, points::text AS points FROM goal_indicator WHERE goal_id = (SELECT id FROM performance_goal WHERE name = '草稿部门整体目标' ORDER BY created_at DESC LIMIT 1) ORDER BY position`,
    );
    const changed = stored.map((s) => (s.name === '三公经费控制率' ? { ...s, target: '120' } : s));
    const errors = await goalM.refused(UPDATE_GOAL, asInput(g, changed), 'agri.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '1'] });
  });

  test('points not totalling 100 (DOMAIN §10.1)', async () => {
    const own = OWN.map((i) => (i.category === 'OUTPUT' ? { ...i, points: '40' } : i));
    const errors = await goalM.refused(
      CREATE_DEPT_GOAL,
      { ...goalInput('分值不足'), indicators: own },
      'agri.zhangdian',
    );
    expect(errors.map((e) => e.code)).toContain('BAD_USER_INPUT');
    expect(errors.some((e) => e.messageEn.includes('total 90'))).toBe(true);
  });

  test('common indicators set by finance with points of 100 or more are refused', async () => {
    const errors = await setM.refused(
      SET_COMMON,
      {
        year: 2026,
        indicators: [{ ...controlRate('三公经费控制率'), points: '100' }],
      },
      'finance.zhangdian',
    );
    expect(errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'indicators'] });
  });

  test('a June check for another region’s department reads as not found (P6; 004 二(三)1)', async () => {
    const input = { goalId: issued.id, year: 2025, month: 6, likelihood: 'CERTAIN', indicators: [] };
    for (const as of ['transport.chezhan', 'agri.chezhan'])
      expect((await reportM.refused(CREATE_REPORT, input, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a self-evaluation before the year’s goal is issued (004 二(四) 依据年初确定的整体绩效目标)', async () => {
    const g = await draft();
    expect((await evalM.refused(CREATE_SELF, { goalId: g.id }, 'agri.zhangdian'))[0]).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
    });
  });
});

describe('permission matrix, both ways (DOMAIN §8)', () => {
  test('common indicators: finance sets them; departments, units, audit and third parties may not (003 第十二条(二))', async () => {
    const input = { year: 2027, indicators: [] };
    await setM.expectRefusedFor(SET_COMMON, input, {
      ...forbiddenFor('P6', 'agri.zhangdian', 'unit.zhangdian', 'audit.zhangdian', 'thirdparty.zibo'),
    });
    await setM.ok(SET_COMMON, input, 'finance.zichuan');
  });

  test('department goal: the department drafts (P2); finance, audit and third parties are refused', async () => {
    const input = goalInput('权限测试');
    // A subordinate unit drafts only its own unit-wide goal (test/department/unit-goal-api.test.ts).
    await goalM.expectRefusedFor(CREATE_DEPT_GOAL, input, {
      ...forbiddenFor('P2', 'finance.zhangdian', 'thirdparty.zibo'),
      'audit.zhangdian': forbidden('P6'),
    });
  });

  test('self-evaluation: only the department itself (P4); review only by finance at its region (P3)', async () => {
    const goalId = issued.id;
    expect((await evalM.refused(CREATE_SELF, { goalId }, 'transport.zhangdian'))[0]).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await evalM.refused(CREATE_SELF, { goalId }, 'transport.chezhan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
    });
    await evalM.expectRefusedFor(
      CREATE_SELF,
      { goalId },
      {
        ...forbiddenFor('P4', 'unit.zhangdian', 'finance.zhangdian', 'thirdparty.zibo'),
        'audit.zhangdian': forbidden('P6'),
      },
    );
    const e = await evalM.ok(CREATE_SELF, { goalId }, 'agri.zhangdian');
    const review = { id: e.id, expectedVersion: e.rowVersion, returnIt: false };
    await evalM.expectRefusedFor(REVIEW, review, {
      'agri.zhangdian': forbidden('P3'),
      'audit.zhangdian': forbidden('P6'),
    });
    // Finance elsewhere: the sibling district's finance does not see it; another tenant neither.
    for (const as of ['finance.zichuan', 'finance.rizhao'])
      expect((await evalM.refused(REVIEW, review, as))[0]).toMatchObject({ code: 'NOT_FOUND' });
    // 张店区财政局 is the reviewer, but a draft is not reviewed yet (WORKFLOW_VIOLATION).
    expect((await evalM.refused(REVIEW, review, 'finance.zhangdian'))[0]).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
    });
  });

  test('reads: audit reads the goal and its common set; another tenant does not see the goal (P6)', async () => {
    const q = `query($id: ID!) { goal(id: $id) { id scope } }`;
    expect(
      (await app.gql<{ goal: { scope: string } | null }>(q, { id: issued.id }, { as: 'audit.zhangdian' }))
        .data!.goal?.scope,
    ).toBe('DEPARTMENT');
    expect(
      (await app.gql<{ goal: unknown }>(q, { id: issued.id }, { as: 'finance.zichuan' })).data?.goal ?? null,
    ).toBeNull();
    expect(
      (await app.gql<{ goal: unknown }>(q, { id: issued.id }, { as: 'finance.rizhao' })).data?.goal ?? null,
    ).toBeNull();
    const set = `query { departmentCommonIndicators(year: 2025) { totalPoints } }`;
    expect(
      (
        await app.gql<{ departmentCommonIndicators: { totalPoints: string } }>(
          set,
          {},
          { as: 'audit.zhangdian' },
        )
      ).data!.departmentCommonIndicators.totalPoints,
    ).toBe('10.00');
  });
});
