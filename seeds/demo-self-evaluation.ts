import { Decimal } from '../src/common/decimal';
import type { GoalIndicatorEntity } from '../src/goals/goal-indicator.entity';
import { GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import { IndicatorCategory, IndicatorSubcategory } from '../src/goals/indicator.enums';
import { REPORT_OUTLINE } from '../src/evaluation/rules/report-outline';
import type { EvaluationEntity } from '../src/evaluation/evaluation.entity';
import { scoreContent, storedLines, type SelfContent } from '../src/evaluation/self-scoring';
import { selfSubmitBlock } from '../src/evaluation/self-form';
import { rowsOf } from './db';
import type { DemoContext } from './demo-goal-context';
import type { GoalSpec, ProjectSpec } from './demo-goal-types';
import { GoalWriter } from './demo-goal-workflow';
import { q, ql } from './demo-workflow-goals';

/**
 * A submitted 单位自评 with every 附件6 field (DOMAIN §10.8; issue 9 item 17): 张店区公路事业发展中心's
 * own-level project 张店区农村公路安全生命防护工程 (issued), its self-evaluation with 年初预算数 / 全年预算数 /
 * 执行数 (execution 85% of the full-year budget — below the 90% threshold, so 整改措施 are given), the
 * annual objective and what was achieved, and the 自评报告 as sections of the 002 outline. Scored by the
 * same engine as `submitEvaluation` (default policy: no policy rows are seeded). See docs/demo.md.
 */
export const DEMO_SELF_EVALUATION = {
  project: 'road-safety-protection-2025',
  evaluation: 'self-evaluation-road-safety-protection-2025',
} as const;

const KEY = DEMO_SELF_EVALUATION.project;
const UNIT = 'unit.zhangdian';
const { OUTPUT, BENEFIT, SATISFACTION } = IndicatorCategory;
const S = IndicatorSubcategory;
const { SUBMIT, APPROVE, ISSUE } = WorkflowAction;

const PROJECT: ProjectSpec = {
  key: KEY,
  name: '张店区农村公路安全生命防护工程',
  unit: UNIT,
  fund: null,
  year: 2025,
  fiscalAmount: '3000000.00',
  otherAmount: '0.00',
  isNew: true,
  on: '2025-02-20',
};

const OBJECTIVE = '在临水临崖、急弯陡坡路段安装波形护栏40公里，消除农村公路安全隐患。';

const GOAL: GoalSpec = {
  key: KEY,
  scope: GoalScope.PROJECT,
  year: 2025,
  name: '张店区农村公路安全生命防护工程绩效目标',
  drafter: UNIT,
  project: KEY,
  implementationPeriodObjective: OBJECTIVE,
  annualObjective: `2025年${OBJECTIVE}`,
  annualAmount: '3000000.00',
  fiscalAmount: '3000000.00',
  otherAmount: '0.00',
  on: '2025-02-21',
  indicators: [
    q(OUTPUT, S.QUANTITY, '安装波形护栏长度', 'km', '40', '20'),
    q(OUTPUT, S.QUALITY, '工程验收合格率', '%', '100', '15'),
    q(OUTPUT, S.TIMELINESS, '当年完工率', '%', '100', '15'),
    ql(BENEFIT, S.SOCIAL, '道路交通安全条件', '临水临崖路段安全隐患全部消除', '30'),
    q(SATISFACTION, S.SERVICE_RECIPIENT, '沿线群众满意度', '%', '90', '10'),
  ],
  steps: [
    { action: SUBMIT, by: UNIT, on: '2025-02-24' },
    { action: APPROVE, by: 'transport.zhangdian', on: '2025-02-26' },
    { action: APPROVE, by: 'finance.zhangdian', on: '2025-02-28' },
    { action: ISSUE, by: 'finance.zhangdian', on: '2025-03-03' },
  ],
};

/** 附件6 money: 年初预算数 2,800,000; 全年预算数 3,000,000 (adjusted); 到位 3,000,000; 执行 2,550,000 (85%). */
const MONEY = {
  initialBudget: '2800000.00',
  budgeted: '3000000.00',
  inPlace: '3000000.00',
  spent: '2550000.00',
};

/** Actuals by indicator name: [actual | tier, percentage, explanation]. */
const ACTUALS: Record<string, { actual?: string; tier?: string; percentage?: string; explanation?: string }> =
  {
    安装波形护栏长度: { actual: '36', explanation: '4公里护栏因征地协调延至次年一季度施工。' },
    工程验收合格率: { actual: '100' },
    当年完工率: { actual: '90', explanation: '同上，2个标段跨年完工。' },
    道路交通安全条件: {
      tier: 'ACHIEVED',
      percentage: '90',
      explanation: '已完工路段隐患全部消除，跨年标段隐患点设置临时警示。',
    },
    沿线群众满意度: { actual: '93' },
  };

const TEXT = {
  annualObjective: GOAL.annualObjective,
  achievement:
    '全年安装波形护栏36公里，验收合格率100%，当年完工率90%；已完工路段交通事故同比下降，群众满意度93%。',
  rectificationMeasures:
    '预算执行率85%，低于90%：剩余4公里护栏列入次年一季度计划，按月调度征地协调，完工后及时结算支付。',
  budgetExecutionExplanation: '2个标段跨年完工，工程款待结算。',
};

/** 自评报告 (DOMAIN §10.8): sections of the 002 outline. */
const REPORT: Record<string, string> = {
  BASIC_INFORMATION:
    '项目由张店区公路事业发展中心实施，全年预算300万元（年初预算280万元），全部为本级财政资金。',
  EVALUATION_WORK: '单位成立自评工作组，对照绩效目标逐项核实完成情况，查阅验收资料并开展群众满意度调查。',
  OVERALL_CONCLUSION: '自评得分见评分表；主要产出基本完成，2个标段跨年完工。',
  INDICATOR_ANALYSIS: '护栏长度完成36公里（目标40公里）；验收合格率100%；当年完工率90%；满意度93%。',
  EXPERIENCE_AND_PROBLEMS: '征地协调前置不足，导致部分标段开工滞后。',
  RECOMMENDATIONS: '项目储备阶段同步开展征地协调，合理安排年度预算。',
};

/** 项目 of the unit (P2), as seeds/demo-goals.ts inserts the other demo projects. */
async function insertProject(ctx: DemoContext): Promise<void> {
  const unit = ctx.user(UNIT);
  const id = ctx.id('project', KEY);
  const at = ctx.at(PROJECT.on);
  await ctx.tx.query(
    `INSERT INTO project (tenant_id, id, name, department_id, implementing_unit_id, region_id, region_path, fund_id,
                          year, annual_amount, fiscal_amount, other_amount, is_new, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, '', NULL, $7, $8, $8, 0, true, $9, $9)`,
    [
      ctx.tenantId,
      id,
      PROJECT.name,
      unit.organization.supervisingDepartmentId,
      unit.organizationId,
      unit.organization.regionId,
      PROJECT.year,
      PROJECT.fiscalAmount,
      at,
    ],
  );
  await ctx.audit(UNIT, at, {
    entityType: 'Project',
    entityId: id,
    action: 'CREATE',
    regionPath: unit.organization.regionPath,
    after: await ctx.snapshot('project', id),
  });
}

export async function loadDemoSelfEvaluation(ctx: DemoContext): Promise<void> {
  await insertProject(ctx);
  await new GoalWriter(ctx, [PROJECT], []).write(GOAL);
  const q2 = ctx.tx.query.bind(ctx.tx);
  const goalId = ctx.id('goal', KEY);
  const indicators = rowsOf(
    await q2(
      `SELECT id, name, category, kind, comparator, target::text, points::text, position FROM goal_indicator
        WHERE tenant_id = $1 AND goal_id = $2 ORDER BY position`,
      [ctx.tenantId, goalId],
    ),
  ) as GoalIndicatorEntity[];
  const dec = (s: string | undefined) => (s == null ? null : new Decimal(s));
  const content: SelfContent = {
    money: {
      budgeted: new Decimal(MONEY.budgeted),
      inPlace: new Decimal(MONEY.inPlace),
      spent: new Decimal(MONEY.spent),
    },
    fundArrivalExplanation: null,
    budgetExecutionExplanation: TEXT.budgetExecutionExplanation,
    categoryPoints: null,
    actuals: indicators.map((i) => {
      const a = ACTUALS[i.name]!;
      return {
        indicatorId: i.id,
        actual: dec(a.actual),
        tier: (a.tier ?? null) as never,
        percentage: dec(a.percentage),
        explanation: a.explanation ?? null,
        targetSetTooLow: false,
      };
    }),
  };
  // The engine of submitEvaluation (DOMAIN §10), default policy; the seed refuses to write anything the API would refuse.
  const { score, inputProblems, submissionProblems } = scoreContent(indicators, content);
  const block = selfSubmitBlock(
    {
      spent: MONEY.spent,
      budgeted: MONEY.budgeted,
      rectificationMeasures: TEXT.rectificationMeasures,
    } as EvaluationEntity,
    score.grade,
  );
  const problems = [...inputProblems, ...submissionProblems, ...(block ? [block] : [])];
  if (problems.length > 0) throw new Error(`demo self-evaluation: ${JSON.stringify(problems)}`);

  const unit = ctx.user(UNIT);
  const reviewer = ctx.user('transport.zhangdian');
  const id = ctx.id('evaluation', DEMO_SELF_EVALUATION.evaluation);
  const created = ctx.at('2026-02-10');
  const submitted = ctx.at('2026-03-16');
  await q2(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, reviewer_organization_id,
                             region_path, initial_budget, budgeted, in_place, spent, budget_execution_explanation,
                             annual_objective, achievement, rectification_measures, created_at, updated_at)
     VALUES ($1, $2, $3, 'SELF', 2025, 'DRAFT', $4, $5, '', $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
    [
      ctx.tenantId,
      id,
      goalId,
      unit.organizationId,
      reviewer.organizationId,
      MONEY.initialBudget,
      MONEY.budgeted,
      MONEY.inPlace,
      MONEY.spent,
      TEXT.budgetExecutionExplanation,
      TEXT.annualObjective,
      TEXT.achievement,
      TEXT.rectificationMeasures,
      created,
    ],
  );
  const lines = new Map(score.lines.map((l) => [l.key, l]));
  for (const a of content.actuals) {
    const line = lines.get(a.indicatorId)!;
    await q2(
      `INSERT INTO evaluation_actual (tenant_id, id, evaluation_id, indicator_id, actual, tier, percentage, explanation,
                                      target_set_too_low, score, rule, flags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9, $10, $11)`,
      [
        ctx.tenantId,
        ctx.id('evaluation-actual', DEMO_SELF_EVALUATION.evaluation, a.indicatorId),
        id,
        a.indicatorId,
        a.actual?.toFixed() ?? null,
        a.tier ?? null,
        a.percentage?.toFixed(2) ?? null,
        a.explanation ?? null,
        line.score.toFixed(2),
        line.rule,
        [...line.flags],
      ],
    );
  }
  for (const s of REPORT_OUTLINE.filter((o) => REPORT[o.key])) {
    await q2(
      `INSERT INTO evaluation_report_section (tenant_id, evaluation_id, section_key, body) VALUES ($1, $2, $3, $4)`,
      [ctx.tenantId, id, s.key, REPORT[s.key]],
    );
  }
  await q2(
    `UPDATE evaluation SET status = 'SUBMITTED', total = $3, grade = $4, score_lines = $5, submitted_at = $6,
                           row_version = 2, updated_at = $6
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, score.total.toFixed(2), score.grade, JSON.stringify(storedLines(score)), submitted],
  );
  const [{ region_path: regionPath }] = rowsOf(
    await q2(`SELECT region_path FROM evaluation WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]),
  ) as { region_path: string }[];
  for (const [action, from, to, at] of [
    ['CREATE', 'DRAFT', 'DRAFT', created],
    ['SUBMIT', 'DRAFT', 'SUBMITTED', submitted],
  ] as const) {
    await q2(
      `INSERT INTO evaluation_transition (tenant_id, id, evaluation_id, action, from_status, to_status, actor_user_id, actor_organization_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.tenantId,
        ctx.id('evaluation-transition', DEMO_SELF_EVALUATION.evaluation, action),
        id,
        action,
        from,
        to,
        unit.userId,
        unit.organizationId,
        at,
      ],
    );
    await ctx.audit(UNIT, at, { entityType: 'Evaluation', entityId: id, action, regionPath });
  }
}
