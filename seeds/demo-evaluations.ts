import { Decimal } from '../src/common/decimal';
import { gradeOf } from '../src/common/grade';
import { REPORT_OUTLINE } from '../src/evaluation/rules/report-outline';
import {
  computedScore,
  frameworkRates,
  type FrameworkFigures,
} from '../src/evaluation/rules/framework-figures';
import { frameworkIndicator } from '../src/evaluation/rules/framework';
import { rowsOf } from './db';
import type { DemoContext } from './demo-goal-context';
import { WORKFLOW_DEMO } from './demo-workflow-goals';

/**
 * A 财政评价 with entered figures (DOMAIN §10 "Department and finance evaluation"; 002 附件7): 张店区财政局
 * evaluates the issued department goal of 张店区交通运输局 (version 2). The rate indicators' scores come
 * from the figures by the same functions the API uses; the report follows the 002 outline; the result is
 * submitted (初步结论) and awaits the department's response (交换意见) — see docs/demo.md.
 */
export const DEMO_FINANCE_EVALUATION = 'finance-evaluation-transport-department-2025';

const FIGURES: FrameworkFigures = {
  plannedOutput: new Decimal(120),
  actualOutput: new Decimal(114),
  standardOutput: new Decimal(111),
  plannedCost: new Decimal('36000000.00'),
  actualCost: new Decimal('34560000.00'),
  budgeted: new Decimal('36000000.00'),
  inPlace: new Decimal('35000000.00'),
  spent: new Decimal('33600000.00'),
};

/** Reference indicators (points; a typed score for those without a formula) and one custom indicator. */
const LINES: { code: string | null; name?: string; category?: string; points: string; score?: string }[] = [
  { code: 'PROJECT_BASIS', points: '5', score: '5' },
  { code: 'GOAL_REASONABLENESS', points: '5', score: '4.5' },
  { code: 'BUDGET_PREPARATION', points: '5', score: '4' },
  { code: 'FUND_ARRIVAL_RATE', points: '5' },
  { code: 'BUDGET_EXECUTION_RATE', points: '5' },
  { code: 'FUND_USE_COMPLIANCE', points: '5', score: '5' },
  { code: 'SYSTEM_EXECUTION', points: '5', score: '4' },
  { code: 'COMPLETION_RATE', points: '20' },
  { code: 'QUALITY_RATE', points: '10' },
  { code: 'TIMELINESS', points: '5', score: '4' },
  { code: 'COST_SAVING_RATE', points: '5' },
  { code: null, category: 'BENEFIT', name: '农村公路通行时间缩短', points: '15', score: '13.5' },
  { code: 'SATISFACTION', points: '10', score: '9' },
];

const SECTION_TEXT: Record<string, string> = {
  BASIC_INFORMATION: '张店区交通运输局2025年度部门整体支出3,600万元，用于农村公路养护与提档升级。',
  EVALUATION_WORK: '区财政局按项目支出绩效评价指标体系框架（附件7）开展重点评价，现场核查12个路段。',
  OVERALL_CONCLUSION: '综合得分见评分表，评价等级为优。',
  INDICATOR_ANALYSIS: '决策规范；资金到位率97.22%，预算执行率96%；完成率95%，质量达标率97.37%，成本节约4%。',
  EXPERIENCE_AND_PROBLEMS: '个别路段验收资料归档不及时。',
  RECOMMENDATIONS: '建立养护台账月报制度。',
};

export async function loadDemoEvaluations(ctx: DemoContext): Promise<void> {
  const finance = ctx.user('finance.zhangdian');
  const id = ctx.id('evaluation', DEMO_FINANCE_EVALUATION);
  const goalId = ctx.id('goal', WORKFLOW_DEMO.adjusted);
  const { rates } = frameworkRates(FIGURES);
  const rows = LINES.map((l, position) => {
    const points = new Decimal(l.points);
    const computed = computedScore(l.code, points, FIGURES, rates);
    const score = computed ? computed.score : new Decimal(l.score!);
    const ref = l.code ? frameworkIndicator(l.code)! : null;
    return {
      position,
      code: l.code ?? 'CUSTOM_1',
      category: ref?.category ?? l.category!,
      name: ref?.name ?? l.name!,
      points: points.toFixed(2),
      score: score.toFixed(2),
    };
  });
  const total = rows.reduce((s, r) => s.plus(r.score), new Decimal(0));
  const created = ctx.at('2026-03-02');
  const q = ctx.tx.query.bind(ctx.tx);
  await q(
    `INSERT INTO evaluation (tenant_id, id, goal_id, kind, year, status, evaluator_organization_id, region_path,
                             planned_output, actual_output, standard_output, planned_cost, actual_cost,
                             budgeted, in_place, spent, created_at, updated_at)
     VALUES ($1, $2, $3, 'FINANCE', 2025, 'DRAFT', $4, '', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      ctx.tenantId,
      id,
      goalId,
      finance.organizationId,
      FIGURES.plannedOutput!.toFixed(),
      FIGURES.actualOutput!.toFixed(),
      FIGURES.standardOutput!.toFixed(),
      FIGURES.plannedCost!.toFixed(2),
      FIGURES.actualCost!.toFixed(2),
      FIGURES.budgeted!.toFixed(2),
      FIGURES.inPlace!.toFixed(2),
      FIGURES.spent!.toFixed(2),
      created,
    ],
  );
  for (const r of rows) {
    await q(
      `INSERT INTO evaluation_framework_score (tenant_id, id, evaluation_id, position, category, code, name, points, score)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.tenantId,
        ctx.id('evaluation-score', DEMO_FINANCE_EVALUATION, r.code),
        id,
        r.position,
        r.category,
        r.code,
        r.name,
        r.points,
        r.score,
      ],
    );
  }
  for (const s of REPORT_OUTLINE.filter((o) => SECTION_TEXT[o.key])) {
    await q(
      `INSERT INTO evaluation_report_section (tenant_id, evaluation_id, section_key, body) VALUES ($1, $2, $3, $4)`,
      [ctx.tenantId, id, s.key, SECTION_TEXT[s.key]],
    );
  }
  const submitted = ctx.at('2026-03-20');
  await q(
    `UPDATE evaluation SET status = 'SUBMITTED', total = $3, grade = $4, submitted_at = $5, row_version = 2, updated_at = $5
      WHERE tenant_id = $1 AND id = $2`,
    [ctx.tenantId, id, total.toFixed(2), gradeOf(total), submitted],
  );
  const [{ region_path: regionPath }] = rowsOf(
    await q(`SELECT region_path FROM evaluation WHERE tenant_id = $1 AND id = $2`, [ctx.tenantId, id]),
  ) as { region_path: string }[];
  for (const [action, from, to, at] of [
    ['CREATE', 'DRAFT', 'DRAFT', created],
    ['SUBMIT', 'DRAFT', 'SUBMITTED', submitted],
  ] as const) {
    await q(
      `INSERT INTO evaluation_transition (tenant_id, id, evaluation_id, action, from_status, to_status, actor_user_id, actor_organization_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.tenantId,
        ctx.id('evaluation-transition', DEMO_FINANCE_EVALUATION, action),
        id,
        action,
        from,
        to,
        finance.userId,
        finance.organizationId,
        at,
      ],
    );
    await ctx.audit('finance.zhangdian', at, { entityType: 'Evaluation', entityId: id, action, regionPath });
  }
}
