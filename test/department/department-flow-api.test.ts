/**
 * Department-wide performance end to end through the API (DOMAIN §5, §9, §10; 003 第十二条(二), 第二十–二十三条;
 * 004 二(二)3, 二(三)1, 二(四)): finance's 共性 indicators → the department's overall goal → the June check →
 * the department self-evaluation → finance's review (grade changed with a reason). Scores and the database are
 * asserted at each step. Finance's department-wide evaluation: department-evaluation-api.test.ts.
 */
import { useTestApp } from '../harness/app';
import {
  ERRORS,
  gql,
  goalInput,
  CREATE_DEPT_GOAL,
  must,
  reviewAndIssue,
  setCommon,
  uuid,
  type GoalRow,
} from './fixtures';

const app = useTestApp();

const REPORT = 'id status rowVersion flags';
const E = 'id kind status rowVersion total grade';
const RECORD = `mutation($input: RecordExecutionInput!) { recordExecution(input: $input) { execution { month } ${ERRORS} } }`;
const MIDYEAR = `query { departmentGoalsMissingMidYearCheck(year: 2025, first: 100) { nodes { id } } }`;

const byName = (g: GoalRow, name: string) => g.indicators.find((i) => i.name === name)!.id;

describe('goal → June check → self-evaluation → finance review → finance evaluation', () => {
  let goal: GoalRow;
  test('finance sets the common indicators; the department goal copies them in, locked, with its own (DOMAIN §5; 003 第十二条(二))', async () => {
    const set = await setCommon(app);
    expect(set).toMatchObject({ totalPoints: '10.00' });
    const drafted = await must<GoalRow>(
      app,
      CREATE_DEPT_GOAL,
      goalInput('农业农村局2025年度部门整体绩效目标'),
      'agri.zhangdian',
      'goal',
    );
    expect(drafted.indicators.map((i) => `${i.category}:${i.name}`)).toEqual([
      'COMMON:预算执行率',
      'COMMON:三公经费控制率',
      'COMMON:在职人员控制率',
      'COMMON:政府采购执行率',
      'OUTPUT:新建高标准农田面积',
      'BENEFIT:农村居民人均可支配收入增长率',
      'SATISFACTION:农户满意度',
    ]);
    // DOMAIN §7 row DEPARTMENT: reviewed by finance at its region (final), then issued with the budget.
    goal = await reviewAndIssue(app, drafted);
    const [row] = await app.sql<{ status: string; scope: string; common: string; points: string }>(
      `SELECT g.status, g.scope, g.common_points AS common,
              (SELECT sum(points)::text FROM goal_indicator gi WHERE gi.goal_id = g.id) AS points
         FROM performance_goal g WHERE g.id = $1`,
      [uuid(goal.id)],
    );
    expect(row).toEqual({ status: 'ISSUED', scope: 'DEPARTMENT', common: '10.00', points: '100.00' });
  });

  test('June check (004 二(三)1): flagged SLOW_EXECUTION, acknowledged by 张店区财政局, off the missing list', async () => {
    expect(
      (
        await app.gql<{ departmentGoalsMissingMidYearCheck: { nodes: { id: string }[] } }>(
          MIDYEAR,
          {},
          { as: 'finance.zhangdian' },
        )
      ).data!.departmentGoalsMissingMidYearCheck.nodes.map((n) => n.id),
    ).toContain(goal.id);
    // 300,000 spent of 1,000,000 by June: 30% against 50% elapsed — 20 points behind (DOMAIN §9).
    for (const month of [1, 2, 3, 4, 5, 6]) {
      const r = await gql<{ userErrors: unknown[] }>(
        app,
        RECORD,
        {
          goalId: goal.id,
          year: 2025,
          month,
          budgeted: '100000.00',
          inPlace: '100000.00',
          spent: '50000.00',
        },
        'agri.zhangdian',
      );
      expect(r.userErrors).toEqual([]);
    }
    const lines = goal.indicators.map((i) => ({
      indicatorId: i.id,
      projectedValue:
        i.name === '三公经费控制率' || i.name === '在职人员控制率'
          ? '100'
          : i.name === '新建高标准农田面积'
            ? '12000'
            : i.name === '农村居民人均可支配收入增长率'
              ? '6'
              : '95',
    }));
    const created = await must<{ id: string; rowVersion: number }>(
      app,
      `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`,
      {
        goalId: goal.id,
        year: 2025,
        month: 6,
        projectedExecution: '950000.00',
        likelihood: 'POSSIBLE',
        correctiveMeasures: '下半年加快高标准农田项目支付进度',
        indicators: lines,
      },
      'agri.zhangdian',
      'report',
    );
    const submitted = await must<{ id: string; rowVersion: number; flags: string[] }>(
      app,
      `mutation($input: SubmitMonitoringReportInput!) { submitMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`,
      { id: created.id, expectedVersion: created.rowVersion },
      'agri.zhangdian',
      'report',
    );
    expect(submitted.flags).toEqual(['SLOW_EXECUTION']);
    const acked = await must<{ status: string }>(
      app,
      `mutation($input: AcknowledgeMonitoringReportInput!) { acknowledgeMonitoringReport(input: $input) { report { ${REPORT} } ${ERRORS} } }`,
      { id: submitted.id, expectedVersion: submitted.rowVersion, comment: '已阅，督促加快执行' },
      'finance.zhangdian',
      'report',
    );
    expect(acked.status).toBe('ACKNOWLEDGED');
    const [row] = await app.sql<{ status: string; month: number; executed: string; ack: string }>(
      `SELECT r.status, r.month, r.executed_to_date AS executed, o.name AS ack FROM monitoring_report r JOIN organization o ON o.id = r.acknowledger_organization_id WHERE r.id = $1`,
      [uuid(acked ? submitted.id : '')],
    );
    expect(row).toEqual({ status: 'ACKNOWLEDGED', month: 6, executed: '300000.00', ack: '张店区财政局' });
    expect(
      (
        await app.gql<{ departmentGoalsMissingMidYearCheck: { nodes: { id: string }[] } }>(
          MIDYEAR,
          {},
          { as: 'finance.zhangdian' },
        )
      ).data!.departmentGoalsMissingMidYearCheck.nodes.map((n) => n.id),
    ).not.toContain(goal.id);
  });

  let selfId = '';
  test('department self-evaluation (004 二(四)): 预算执行率 computed from the records, total 97.00 EXCELLENT', async () => {
    // The rest of the year: Σ in place 1,000,000 and Σ spent 950,000 → 预算执行率 95% (DOMAIN §10.8).
    const r = await gql<{ userErrors: unknown[] }>(
      app,
      RECORD,
      {
        goalId: goal.id,
        year: 2025,
        month: 12,
        budgeted: '400000.00',
        inPlace: '400000.00',
        spent: '650000.00',
      },
      'agri.zhangdian',
    );
    expect(r.userErrors).toEqual([]);
    const e = await must<{ id: string; rowVersion: number }>(
      app,
      `mutation($input: CreateDepartmentSelfEvaluationInput!) { createDepartmentSelfEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { goalId: goal.id },
      'agri.zhangdian',
      'evaluation',
    );
    selfId = e.id;
    const saved = await must<{ id: string; rowVersion: number }>(
      app,
      `mutation($input: SaveDepartmentSelfEvaluationInput!) { saveDepartmentSelfEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      {
        id: e.id,
        expectedVersion: e.rowVersion,
        actuals: [
          { indicatorId: byName(goal, '三公经费控制率'), actual: '98' },
          { indicatorId: byName(goal, '在职人员控制率'), actual: '100' },
          { indicatorId: byName(goal, '政府采购执行率'), actual: '95' },
          { indicatorId: byName(goal, '新建高标准农田面积'), actual: '12000' },
          {
            indicatorId: byName(goal, '农村居民人均可支配收入增长率'),
            actual: '5.4',
            explanation: '农产品价格下行，收入增幅低于预期',
          },
          { indicatorId: byName(goal, '农户满意度'), actual: '92' },
        ],
        achievement: '建成高标准农田1.2万亩，农户满意度92%',
        rectificationMeasures: '加强产业帮扶，稳定农民增收',
        reportSections: [
          { key: 'BASIC_INFORMATION', body: '部门职责、机构和预算情况' },
          { key: 'INDICATOR_ANALYSIS', body: '各项绩效目标完成情况' },
          { key: 'EXPERIENCE_AND_PROBLEMS', body: '收入增长目标未完全实现，原因为农产品价格下行' },
        ],
      },
      'agri.zhangdian',
      'evaluation',
    );
    const submitted = await must<{ status: string; total: string; grade: string }>(
      app,
      `mutation($input: SubmitDepartmentSelfEvaluationInput!) { submitDepartmentSelfEvaluation(input: $input) { evaluation { ${E} } ${ERRORS} } }`,
      { id: saved.id, expectedVersion: saved.rowVersion },
      'agri.zhangdian',
      'evaluation',
    );
    // 4 + 2 + 2 + 2 + 50 + 30 × 5.4 ÷ 6 (27.00) + 10 = 97.00 (DOMAIN §10.3, §10.6).
    expect(submitted).toMatchObject({ status: 'SUBMITTED', total: '97.00', grade: 'EXCELLENT' });
    const lines = await app.sql<{ name: string; actual: string; score: string }>(
      `SELECT gi.name, a.actual::text AS actual, a.score::text AS score FROM evaluation_actual a JOIN goal_indicator gi ON gi.id = a.indicator_id WHERE a.evaluation_id = $1 ORDER BY gi.position`,
      [uuid(selfId)],
    );
    expect(lines[0]).toEqual({
      name: '预算执行率',
      actual: expect.stringMatching(/^95(\.0+)?$/),
      score: '4.00',
    });
    expect(lines.find((l) => l.name === '农村居民人均可支配收入增长率')!.score).toBe('27.00');
    const [ev] = await app.sql<{ budgeted: string; in_place: string; spent: string; reviewer: string }>(
      `SELECT e.budgeted, e.in_place, e.spent, o.name AS reviewer FROM evaluation e JOIN organization o ON o.id = e.reviewer_organization_id WHERE e.id = $1`,
      [uuid(selfId)],
    );
    expect(ev).toEqual({
      budgeted: '1000000.00',
      in_place: '1000000.00',
      spent: '950000.00',
      reviewer: '张店区财政局',
    });
  });

  test('finance reviews: the grade is changed to GOOD with a reason, both grades recorded (004 二(四))', async () => {
    const [{ row_version }] = await app.sql<{ row_version: number }>(
      `SELECT row_version FROM evaluation WHERE id = $1`,
      [uuid(selfId)],
    );
    const p = await gql<{
      evaluation: { status: string } | null;
      review: Record<string, unknown> | null;
      userErrors: unknown[];
    }>(
      app,
      `mutation($input: ReviewDepartmentSelfEvaluationInput!) { reviewDepartmentSelfEvaluation(input: $input) { evaluation { ${E} } review { selfGrade confirmedGrade changed reason } ${ERRORS} } }`,
      {
        id: selfId,
        expectedVersion: row_version,
        returnIt: false,
        grade: 'GOOD',
        comment: '三公经费台账不完整，自评偏高',
      },
      'finance.zhangdian',
    );
    expect(p.userErrors).toEqual([]);
    expect(p.evaluation!.status).toBe('REVIEWED');
    expect(p.review).toEqual({
      selfGrade: 'EXCELLENT',
      confirmedGrade: 'GOOD',
      changed: true,
      reason: '三公经费台账不完整，自评偏高',
    });
    const [row] = await app.sql<{ status: string; self_grade: string; confirmed_grade: string; by: string }>(
      `SELECT e.status, r.self_grade, r.confirmed_grade, o.name AS by FROM evaluation e JOIN department_self_evaluation_review r ON r.evaluation_id = e.id JOIN organization o ON o.id = r.reviewer_organization_id WHERE e.id = $1`,
      [uuid(selfId)],
    );
    expect(row).toEqual({
      status: 'REVIEWED',
      self_grade: 'EXCELLENT',
      confirmed_grade: 'GOOD',
      by: '张店区财政局',
    });
  });
});
