import type { MigrationInterface, QueryRunner } from 'typeorm';

interface ViewColumn {
  name: string;
  expr: string;
  doc: string;
}
const col = (name: string, expr: string, doc: string): ViewColumn => ({ name, expr, doc });

/** DOMAIN §16: every row confined to the connected reporting login's tenant and subtree (migration 1763890000000). */
const SCOPE = `reporting.scope_allows(f.tenant_id, f.region_path)`;

const LEVEL_JOINS = `
  JOIN public.region rc ON rc.tenant_id = f.tenant_id AND rc.id = f.city_id
  LEFT JOIN public.region rd ON rd.tenant_id = f.tenant_id AND rd.id = f.district_id
  LEFT JOIN public.region rt ON rt.tenant_id = f.tenant_id AND rt.id = f.township_id
  JOIN public.region rr ON rr.tenant_id = f.tenant_id AND rr.id = f.region_id`;

const LEVELS = [
  col('city_code', 'rc.code', '市级区划代码 — city code'),
  col('city_name', 'rc.name', '市 — city name'),
  col('district_code', 'rd.code', '区县代码 — district code; null for a city-level goal'),
  col('district_name', 'rd.name', '区县 — district name'),
  col('township_code', 'rt.code', '镇街代码 — township code; null above township level'),
  col('township_name', 'rt.name', '镇街 — township name'),
  col('region_code', 'rr.code', '所属区划代码 — code of the goal’s own region'),
  col('region_name', 'rr.name', '所属区划 — name of the goal’s own region'),
  col(
    'region_level',
    'f.region_level',
    '区划层级 — level of the goal’s own region: CITY, DISTRICT or TOWNSHIP',
  ),
];

/** One row per live goal: the maintained fact (docs/reporting/measures.md), names joined. */
const FACTS: ViewColumn[] = [
  col('goal_id', 'f.goal_id', '绩效目标标识 — performance goal id (joins reporting.goals)'),
  ...LEVELS,
  col('year', 'f.year', '年度 — the goal’s year'),
  col('goal_scope', 'f.scope', '目标类型 — goal scope'),
  col('goal_status', 'f.status', '目标状态 — goal status'),
  col(
    'in_force',
    'f.in_force',
    '已下达 — in force (issued or filed for record); the measures count these goals',
  ),
  col('fund_id', 'f.fund_id', '专项资金标识 — the goal’s fund (through its project for project goals)'),
  col('fund_name', 'fu.name', '专项资金 — fund name'),
  col('budget_book', 'f.budget_book', '预算类别 — budget book of the fund; null without a fund'),
  col(
    'department_id',
    'f.department_id',
    '主管部门标识 — the goal’s, its project’s or its fund’s department',
  ),
  col('department_name', 'dp.name', '主管部门 — department name'),
  col('sector', 'f.sector', '行业 — the department’s sector'),
  col(
    'weight',
    'f.weight',
    '目标资金 — the goal’s annual amount (元): the weight of coverage and fund-weighted scores',
  ),
  col(
    'budgeted',
    'f.budgeted',
    '预算数 — self-evaluation’s full-year budget once submitted, else the year’s executions (元)',
  ),
  col('in_place', 'f.in_place', '到位数 — in place (元), same source as budgeted'),
  col('spent', 'f.spent', '执行数 — spent (元), same source as budgeted'),
  col(
    'indicator_count',
    'f.common_indicators + f.output_indicators + f.benefit_indicators + f.satisfaction_indicators',
    '指标数 — indicators of the goal',
  ),
  col('common_indicators', 'f.common_indicators', '共性指标数 — COMMON indicators'),
  col('output_indicators', 'f.output_indicators', '产出指标数 — OUTPUT indicators'),
  col('benefit_indicators', 'f.benefit_indicators', '效益指标数 — BENEFIT indicators'),
  col('satisfaction_indicators', 'f.satisfaction_indicators', '满意度指标数 — SATISFACTION indicators'),
  col('monitored', 'f.monitored', '已监控 — a monitoring report of the year was submitted'),
  col(
    'flagged',
    'f.flagged',
    '监控预警 — the latest submitted report is slow, not CERTAIN, or records deviation causes',
  ),
  col('self_evaluated', 'f.self_evaluated', '已自评 — the self-evaluation is submitted or reviewed'),
  col('self_total', 'f.self_total', '自评得分 — the self-evaluation’s total'),
  col('grade', 'f.grade', '自评等级 — the self-evaluation’s grade'),
  col('evaluated', 'f.evaluated', '已评价 — a department or finance evaluation is completed'),
];
const FACTS_FROM = `FROM public.reporting_goal_fact f ${LEVEL_JOINS}
  LEFT JOIN public.fund fu ON fu.tenant_id = f.tenant_id AND fu.id = f.fund_id
  LEFT JOIN public.organization dp ON dp.tenant_id = f.tenant_id AND dp.id = f.department_id
  WHERE ${SCOPE}`;

const share = (num: string, den: string) =>
  `CASE WHEN sum(${den}) > 0 THEN round(sum(${num}) / sum(${den}), 4) END`;
/** DOMAIN §16 全覆盖, by region (the goal's own), year, budget book and department. */
const COVERAGE: ViewColumn[] = [
  ...LEVELS,
  col('year', 'f.year', '年度 — year'),
  col('budget_book', 'f.budget_book', '预算类别 — budget book'),
  col('department_id', 'f.department_id', '主管部门标识 — department id'),
  col('department_name', 'dp.name', '主管部门 — department'),
  col('live_money', 'sum(f.weight)', '目标资金 — annual amounts of all live goals (元)'),
  col('in_force_money', 'sum(f.weight) FILTER (WHERE f.in_force)', '已下达资金 — of goals in force (元)'),
  col(
    'coverage_goal',
    share('f.weight * f.in_force::int', 'f.weight'),
    '目标覆盖率 — in force ÷ live, 4 decimals',
  ),
  col(
    'coverage_monitoring',
    share('f.weight * (f.in_force AND f.monitored)::int', 'f.weight * f.in_force::int'),
    '监控覆盖率 — monitored ÷ in force, 4 decimals',
  ),
  col(
    'coverage_self_evaluation',
    share('f.weight * (f.in_force AND f.self_evaluated)::int', 'f.weight * f.in_force::int'),
    '自评覆盖率 — self-evaluated ÷ in force, 4 decimals',
  ),
  col(
    'coverage_evaluation',
    share('f.weight * (f.in_force AND f.evaluated)::int', 'f.weight * f.in_force::int'),
    '评价覆盖率 — evaluated ÷ in force, 4 decimals',
  ),
];
const COVERAGE_FROM = `FROM public.reporting_goal_fact f ${LEVEL_JOINS}
  LEFT JOIN public.organization dp ON dp.tenant_id = f.tenant_id AND dp.id = f.department_id
  WHERE ${SCOPE}
  GROUP BY rc.code, rc.name, rd.code, rd.name, rt.code, rt.name, rr.code, rr.name, f.region_level, f.year,
           f.budget_book, f.department_id, dp.name`;

const VIEWS = [
  {
    name: 'aggregate_facts',
    comment:
      '报表事实 — one row per live goal, the maintained facts behind the BI aggregate (GraphQL aggregate, /reports/aggregate.csv); sum them for any dimension (docs/reporting/measures.md)',
    columns: FACTS,
    from: FACTS_FROM,
  },
  {
    name: 'coverage',
    comment:
      '全覆盖 — share of money with an issued goal, a monitoring report, a self-evaluation and an evaluation, by region, year, budget book and department (DOMAIN §16)',
    columns: COVERAGE,
    from: COVERAGE_FROM,
  },
];

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Issue 14 (DOMAIN §16): views of schema `reporting` over the maintained reporting facts
 * (ReportingFacts1763891000000), each row filtered by `reporting.scope_allows` to the connected reporting
 * login's tenant or subtree, columns commented in Chinese and English. Security barriers: no function of
 * the caller runs before the scope test.
 */
export class ReportingFactViews1763891100000 implements MigrationInterface {
  name = 'ReportingFactViews1763891100000';

  async up(q: QueryRunner): Promise<void> {
    for (const v of VIEWS) {
      const select = v.columns.map((c) => `${c.expr} AS ${c.name}`).join(', ');
      await q.query(`CREATE VIEW reporting.${v.name} WITH (security_barrier) AS SELECT ${select} ${v.from}`);
      await q.query(`COMMENT ON VIEW reporting.${v.name} IS ${literal(v.comment)}`);
      for (const c of v.columns)
        await q.query(`COMMENT ON COLUMN reporting.${v.name}.${c.name} IS ${literal(c.doc)}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const v of [...VIEWS].reverse()) await q.query(`DROP VIEW reporting.${v.name}`);
  }
}
