import { Decimal } from '../src/common/decimal';
import { GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import { Comparator, IndicatorCategory, IndicatorSubcategory } from '../src/goals/indicator.enums';
import { rowsOf } from './db';
import type { DemoContext } from './demo-goal-context';
import type { GoalSpec, IndicatorSpec, StepSpec } from './demo-goal-types';
import { GoalWriter } from './demo-goal-workflow';
import { q } from './demo-workflow-goals';

/*
 * 部门/单位整体绩效 in the demo (DOMAIN §5, §9, §10; 003 第十二条(二), 第二十条(一); 004 二(二)3, 二(三)1, 二(四)),
 * kept in 淄川区 so that 张店区's legacy department goals (no 共性 list) stay as they are:
 * - 淄川区财政局 sets the 2025 共性 list (10 points);
 * - 淄川区农业农村局's overall goal is ISSUED, its June check is flagged SLOW_EXECUTION and acknowledged, and its
 *   self-evaluation (97.00 优) is REVIEWED by 淄川区财政局, which fixed the grade at 良 with a reason;
 * - 淄川区教育局's overall goal is SUBMITTED, waiting for 淄川区财政局;
 * - 淄川区实验中学's unit-wide goal (单位整体) is SUBMITTED, waiting for its department 淄川区教育局.
 * Rows are written as the services write them (one transition and one audit event per change).
 */
export const DEPARTMENT_DEMO = {
  region: '370302',
  agriGoal: 'zichuan-agriculture-department-2025',
  eduGoal: 'zichuan-education-department-2025',
  schoolGoal: 'zichuan-school-unit-2025',
  juneCheck: 'zichuan-agriculture-june-check-2025',
  selfEvaluation: 'zichuan-agriculture-self-evaluation-2025',
} as const;

const { COMMON, OUTPUT, BENEFIT, SATISFACTION } = IndicatorCategory;
const S = IndicatorSubcategory;
const { SUBMIT, APPROVE, ISSUE } = WorkflowAction;

/** 淄川区财政局's 共性 list of 2025 (004 二(二)1, 3): dimension, indicator, computed source. */
const COMMON_LIST: [string, IndicatorSpec, string][] = [
  [
    'MANAGEMENT_EFFICIENCY',
    q(COMMON, S.BUDGET_MANAGEMENT, '预算执行率', '%', '90', '4'),
    'BUDGET_EXECUTION_RATE',
  ],
  [
    'OPERATING_COST',
    q(COMMON, S.BUDGET_MANAGEMENT, '三公经费控制率', '%', '100', '3', Comparator.LTE),
    'ENTERED',
  ],
  ['MANAGEMENT_EFFICIENCY', q(COMMON, S.BUDGET_MANAGEMENT, '政府采购执行率', '%', '95', '3'), 'ENTERED'],
];
const commons = COMMON_LIST.map(([, i]) => i);

const goal = (
  key: string,
  name: string,
  drafter: string,
  amount: string,
  own: IndicatorSpec[],
  steps: StepSpec[],
): GoalSpec => ({
  key,
  scope: GoalScope.DEPARTMENT,
  year: 2025,
  name,
  drafter,
  implementationPeriodObjective: '履行部门职责，提高财政资金使用效益。',
  annualObjective: `${name.replace(/2025年度.*$/, '')}2025年度履职目标全面完成，服务对象满意度不低于90%。`,
  annualAmount: amount,
  fiscalAmount: amount,
  otherAmount: '0.00',
  on: '2025-01-10',
  indicators: [...commons, ...own],
  steps,
});

const goals: GoalSpec[] = [
  goal(
    DEPARTMENT_DEMO.agriGoal,
    '淄川区农业农村局2025年度部门整体绩效目标',
    'agri.zichuan',
    '24000000.00',
    [
      q(OUTPUT, S.QUANTITY, '新建高标准农田面积', '亩', '8000', '50'),
      q(BENEFIT, S.ECONOMIC, '农村居民人均可支配收入增长率', '%', '6', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '农户满意度', '%', '90', '10'),
    ],
    [
      { action: SUBMIT, by: 'agri.zichuan', on: '2025-01-15' },
      { action: APPROVE, by: 'finance.zichuan', on: '2025-01-21' },
      { action: ISSUE, by: 'finance.zichuan', on: '2025-01-24', comment: '随部门预算批复下达。' },
    ],
  ),
  goal(
    DEPARTMENT_DEMO.eduGoal,
    '淄川区教育局2025年度部门整体绩效目标',
    'edu.zichuan',
    '86000000.00',
    [
      q(OUTPUT, S.QUANTITY, '义务教育学校标准化建设达标校数', '所', '12', '50'),
      q(BENEFIT, S.SOCIAL, '义务教育巩固率', '%', '99', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '家长满意度', '%', '90', '10'),
    ],
    [{ action: SUBMIT, by: 'edu.zichuan', on: '2025-01-20' }],
  ),
  goal(
    DEPARTMENT_DEMO.schoolGoal,
    '淄川区实验中学2025年度单位整体绩效目标',
    'unit.zichuan',
    '12500000.00',
    [
      q(OUTPUT, S.QUANTITY, '在校学生数', '人', '2400', '50'),
      q(BENEFIT, S.SOCIAL, '学业水平考试合格率', '%', '97', '30'),
      q(SATISFACTION, S.SERVICE_RECIPIENT, '学生及家长满意度', '%', '90', '10'),
    ],
    [{ action: SUBMIT, by: 'unit.zichuan', on: '2025-01-17' }],
  ),
];

export async function loadDemoDepartment(ctx: DemoContext): Promise<void> {
  await insertCommonList(ctx);
  const writer = new GoalWriter(ctx, [], []);
  for (const g of goals) await writer.write(g);
  const goalId = ctx.id('goal', DEPARTMENT_DEMO.agriGoal);
  const indicators = rowsOf(
    await ctx.tx.query(
      'SELECT id, name, points FROM goal_indicator WHERE tenant_id = $1 AND goal_id = $2 ORDER BY position',
      [ctx.tenantId, goalId],
    ),
  ) as { id: string; name: string; points: string }[];
  const indicator = (name: string) => indicators.find((i) => i.name === name)!.id;
  await insertExecutions(ctx, goalId);
  await insertJuneCheck(ctx, goalId, indicator);
  await insertSelfEvaluation(ctx, goalId, indicators);
}

async function insertCommonList(ctx: DemoContext) {
  const finance = ctx.user('finance.zichuan');
  const region = ctx.region(DEPARTMENT_DEMO.region);
  const id = ctx.id('common-set', DEPARTMENT_DEMO.region, '2025');
  const at = ctx.at('2025-01-06');
  await ctx.tx.query(
    `INSERT INTO department_common_indicator_set (tenant_id, id, region_id, region_path, year, organization_id, updated_at)
     VALUES ($1, $2, $3, $4, 2025, $5, $6)`,
    [ctx.tenantId, id, region.id, region.path, finance.organizationId, at],
  );
  for (const [position, [dimension, i, source]] of COMMON_LIST.entries())
    await ctx.tx.query(
      `INSERT INTO department_common_indicator (tenant_id, id, set_id, position, dimension, name, kind, unit, comparator, target, points, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        ctx.tenantId,
        ctx.id('common-indicator', id, String(position)),
        id,
        position,
        dimension,
        i.name,
        i.kind,
        i.unit,
        i.comparator,
        i.target,
        i.points,
        source,
      ],
    );
  await ctx.audit('finance.zichuan', at, {
    entityType: 'DepartmentCommonIndicatorSet',
    entityId: id,
    action: 'CREATE',
    regionPath: region.path,
    after: {
      year: 2025,
      indicators: COMMON_LIST.map(([dimension, i, source]) => ({ dimension, ...i, source })),
    },
  });
}

/** 预算执行: 2,000,000 a month in place; 800,000 spent a month to June (20% against 50%), the rest by December. */
async function insertExecutions(ctx: DemoContext, goalId: string) {
  const dept = ctx.user('agri.zichuan');
  for (let month = 1; month <= 12; month++) {
    const spent = month <= 6 ? '800000.00' : '3000000.00';
    const at = ctx.at(`2025-${String(Math.min(month + 1, 12)).padStart(2, '0')}-05`);
    const id = ctx.id('execution', goalId, String(month));
    await ctx.tx.query(
      `INSERT INTO goal_execution (tenant_id, id, goal_id, year, month, budgeted, in_place, spent, recorded_by_user_id, recorded_by_organization_id, created_at, updated_at)
       VALUES ($1, $2, $3, 2025, $4, '2000000.00', '2000000.00', $5, $6, $7, $8, $8)`,
      [ctx.tenantId, id, goalId, month, spent, dept.userId, dept.organizationId, at],
    );
    await ctx.audit('agri.zichuan', at, {
      entityType: 'GoalExecution',
      entityId: id,
      action: 'CREATE',
      regionPath: dept.organization.regionPath,
    });
  }
}

/** 年中整体绩效监控 (004 二(三)1): January–June, 20% executed against 50% elapsed — SLOW_EXECUTION. */
async function insertJuneCheck(ctx: DemoContext, goalId: string, indicator: (name: string) => string) {
  const dept = ctx.user('agri.zichuan');
  const finance = ctx.user('finance.zichuan');
  const id = ctx.id('monitoring-report', DEPARTMENT_DEMO.juneCheck);
  const q = ctx.tx.query.bind(ctx.tx);
  const created = ctx.at('2025-07-03');
  await q(
    `INSERT INTO monitoring_report (tenant_id, id, goal_id, year, month, status, likelihood, corrective_measures, completion_summary,
                                    projected_execution, annual_budget, budget_to_date, in_place_to_date, executed_to_date,
                                    drafter_organization_id, acknowledger_organization_id, created_at, updated_at)
     VALUES ($1, $2, $3, 2025, 6, 'DRAFT', 'POSSIBLE', '高标准农田项目集中在下半年支付，已督促施工单位按进度报账。',
             '上半年完成高标准农田3,600亩，农户满意度抽样91%。', '22800000.00', '24000000.00', '12000000.00', '12000000.00', '4800000.00',
             $4, $5, $6, $6)`,
    [ctx.tenantId, id, goalId, dept.organizationId, finance.organizationId, created],
  );
  const lines: [string, string, string][] = [
    ['预算执行率', '20', '95'],
    ['三公经费控制率', '46', '98'],
    ['政府采购执行率', '48', '96'],
    ['新建高标准农田面积', '3600', '8000'],
    ['农村居民人均可支配收入增长率', '3.1', '6'],
    ['农户满意度', '91', '91'],
  ];
  for (const [name, toDate, projected] of lines)
    await q(
      `INSERT INTO monitoring_report_indicator (tenant_id, id, report_id, indicator_id, completion_to_date, projected_value)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [ctx.tenantId, ctx.id('monitoring-line', id, name), id, indicator(name), toDate, projected],
    );
  await ctx.audit('agri.zichuan', created, {
    entityType: 'MonitoringReport',
    entityId: id,
    action: 'CREATE',
    regionPath: dept.organization.regionPath,
  });
  const submitted = ctx.at('2025-07-08');
  await q(
    `UPDATE monitoring_report SET status = 'SUBMITTED', submitted_by_user_id = $3, submitted_at = $4, row_version = 2, updated_at = $4
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, dept.userId, submitted],
  );
  await ctx.audit('agri.zichuan', submitted, {
    entityType: 'MonitoringReport',
    entityId: id,
    action: 'SUBMIT',
    regionPath: dept.organization.regionPath,
  });
  const acked = ctx.at('2025-07-15');
  await q(
    `UPDATE monitoring_report SET status = 'ACKNOWLEDGED', acknowledged_by_user_id = $3, acknowledged_at = $4,
            acknowledgement_comment = '执行进度滞后，请于9月底前将执行率提高到70%以上。', row_version = 3, updated_at = $4
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, finance.userId, acked],
  );
  await ctx.audit('finance.zichuan', acked, {
    entityType: 'MonitoringReport',
    entityId: id,
    action: 'ACKNOWLEDGE',
    regionPath: dept.organization.regionPath,
  });
}

/**
 * 部门整体自评 (004 二(四)): actuals against targets; 预算执行率 = 22,800,000 ÷ 24,000,000 = 95% (computed, DOMAIN
 * §10.8); 收入增长 5.4 of 6 scores 30 × 0.9 = 27 (DOMAIN §10.3); total 97.00 优. 淄川区财政局 fixes 良 with a reason.
 */
async function insertSelfEvaluation(
  ctx: DemoContext,
  goalId: string,
  indicators: { id: string; name: string; points: string }[],
) {
  const dept = ctx.user('agri.zichuan');
  const finance = ctx.user('finance.zichuan');
  const id = ctx.id('evaluation', DEPARTMENT_DEMO.selfEvaluation);
  const q = ctx.tx.query.bind(ctx.tx);
  const actuals: Record<string, [string, string | null]> = {
    预算执行率: ['95', null],
    三公经费控制率: ['96', null],
    政府采购执行率: ['97', null],
    新建高标准农田面积: ['8200', null],
    农村居民人均可支配收入增长率: ['5.4', '农产品价格下行，收入增幅低于预期'],
    农户满意度: ['93', null],
  };
  const scoreOf = (name: string, points: string) =>
    name === '农村居民人均可支配收入增长率' ? new Decimal(points).times('5.4').div(6) : new Decimal(points);
  const total = indicators.reduce((s, i) => s.plus(scoreOf(i.name, i.points)), new Decimal(0));
  const created = ctx.at('2026-02-10');
  await q(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, reviewer_organization_id, region_path,
                             common_points, output_points, benefit_points, satisfaction_points, annual_objective, achievement,
                             rectification_measures, initial_budget, budgeted, in_place, spent, created_at, updated_at)
     VALUES ($1, $2, $3, 'SELF', 2025, 'DRAFT', $4, $5, '', '10', '50', '30', '10',
             (SELECT annual_objective FROM performance_goal WHERE tenant_id = $1 AND id = $3),
             '建成高标准农田8,200亩，农户满意度93%；农民收入增长5.4%，略低于目标。', '加强产业帮扶，稳定农民增收。',
             '24000000.00', '24000000.00', '24000000.00', '22800000.00', $6, $6)`,
    [ctx.tenantId, id, goalId, dept.organizationId, finance.organizationId, created],
  );
  for (const i of indicators) {
    const [actual, explanation] = actuals[i.name]!;
    await q(
      `INSERT INTO evaluation_actual (tenant_id, id, evaluation_id, indicator_id, actual, explanation) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ctx.tenantId, ctx.id('evaluation-actual', id, i.name), id, i.id, actual, explanation],
    );
  }
  const sections: [string, string][] = [
    [
      'BASIC_INFORMATION',
      '淄川区农业农村局2025年度部门预算2,400万元，主要用于高标准农田建设和农业产业发展。',
    ],
    ['INDICATOR_ANALYSIS', '共性指标全部达标，预算执行率95%；个性指标中农民收入增长5.4%，未达到6%的目标。'],
    ['EXPERIENCE_AND_PROBLEMS', '上半年支付进度偏慢（6月底执行率20%），收入增长受农产品价格影响。'],
    ['RECOMMENDATIONS', '建立项目支付月调度制度；加强产业帮扶，稳定农民增收。'],
  ];
  for (const [key, body] of sections)
    await q(
      `INSERT INTO evaluation_report_section (tenant_id, evaluation_id, section_key, body) VALUES ($1, $2, $3, $4)`,
      [ctx.tenantId, id, key, body],
    );
  const submitted = ctx.at('2026-02-20');
  for (const i of indicators)
    await q(`UPDATE evaluation_actual SET score = $3 WHERE tenant_id = $1 AND id = $2`, [
      ctx.tenantId,
      ctx.id('evaluation-actual', id, i.name),
      scoreOf(i.name, i.points).toFixed(2),
    ]);
  await q(
    `UPDATE evaluation SET status = 'SUBMITTED', total = $3, grade = 'EXCELLENT', submitted_at = $4, row_version = 2, updated_at = $4
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, total.toFixed(2), submitted],
  );
  const reviewed = ctx.at('2026-03-05');
  const reason = '三公经费台账不完整，收入增长未达目标，自评偏高。';
  await q(
    `UPDATE evaluation SET status = 'REVIEWED', reviewed_at = $3, row_version = 3, updated_at = $3 WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, reviewed],
  );
  await q(
    `INSERT INTO department_self_evaluation_review (tenant_id, evaluation_id, self_grade, confirmed_grade, reason, reviewer_organization_id, reviewed_at)
     VALUES ($1, $2, 'EXCELLENT', 'GOOD', $3, $4, $5)`,
    [ctx.tenantId, id, reason, finance.organizationId, reviewed],
  );
  const [{ region_path: regionPath }] = rowsOf(
    await q(`SELECT region_path FROM evaluation WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]),
  ) as { region_path: string }[];
  const steps = [
    ['CREATE', 'DRAFT', 'DRAFT', created, 'agri.zichuan', null],
    ['SUBMIT', 'DRAFT', 'SUBMITTED', submitted, 'agri.zichuan', null],
    ['APPROVE', 'SUBMITTED', 'REVIEWED', reviewed, 'finance.zichuan', `等级由优调整为良：${reason}`],
  ] as const;
  for (const [action, from, to, at, login, comment] of steps) {
    const u = ctx.user(login);
    await q(
      `INSERT INTO evaluation_transition (tenant_id, id, evaluation_id, action, from_status, to_status, actor_user_id, actor_organization_id, comment, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        ctx.tenantId,
        ctx.id('evaluation-transition', id, action),
        id,
        action,
        from,
        to,
        u.userId,
        u.organizationId,
        comment,
        at,
      ],
    );
    await ctx.audit(login, at, { entityType: 'Evaluation', entityId: id, action, regionPath });
  }
}
