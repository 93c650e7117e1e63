/**
 * The views of migration ReportingViews1763890100000, frozen with it (a later change is a new migration
 * with its own copy). Each column: name, SQL expression, Chinese term, English meaning (DOMAIN §2 glossary).
 */
export interface ViewColumn {
  name: string;
  expr: string;
  zh: string;
  en: string;
}

export interface ReportingView {
  name: string;
  comment: string;
  columns: ViewColumn[];
  /** FROM … WHERE …, ending with the scope filter of the row's tenant_id and region_path. */
  from: string;
}

export const col = (name: string, expr: string, zh: string, en: string): ViewColumn => ({
  name,
  expr,
  zh,
  en,
});

/**
 * DOMAIN §16: the confinement of every view. Equal to reporting.scope_allows(x.tenant_id, x.region_path)
 * (login_scope holds at most the caller's one active row; paths end in '/', so a prefix is a subtree), in
 * the form whose two sub-selects run once per statement and let the tenant index serve the scan.
 */
export const scoped = (x: string, path = `${x}.region_path`) =>
  `WHERE ${x}.tenant_id = (SELECT s.tenant_id FROM reporting.login_scope s)
     AND pg_catalog.starts_with(${path}, (SELECT coalesce(s.region_path, '') FROM reporting.login_scope s))`;

/** DOMAIN §3: the path '/<city>/<district>/<township>/' gives the three levels, one join each. */
export const levelJoins = (x: string, path = `${x}.region_path`) => `
  LEFT JOIN public.region rc ON rc.tenant_id = ${x}.tenant_id AND rc.id = nullif(split_part(${path}, '/', 2), '')::uuid
  LEFT JOIN public.region rd ON rd.tenant_id = ${x}.tenant_id AND rd.id = nullif(split_part(${path}, '/', 3), '')::uuid
  LEFT JOIN public.region rt ON rt.tenant_id = ${x}.tenant_id AND rt.id = nullif(split_part(${path}, '/', 4), '')::uuid`;

export const levels: ViewColumn[] = [
  col('city_code', 'rc.code', '市级区划代码', 'city administrative division code'),
  col('city_name', 'rc.name', '市', 'city name'),
  col('district_code', 'rd.code', '区县区划代码', 'district (区/县) code; null for a city-level row'),
  col('district_name', 'rd.name', '区县', 'district name; null for a city-level row'),
  col('township_code', 'rt.code', '镇街区划代码', 'township (镇/街道) code; null above township level'),
  col('township_name', 'rt.name', '镇街', 'township name; null above township level'),
  col(
    'region_code',
    'coalesce(rt.code, rd.code, rc.code)',
    '所属区划代码',
    'code of the row’s own region (its deepest level)',
  ),
  col('region_name', 'coalesce(rt.name, rd.name, rc.name)', '所属区划', 'name of the row’s own region'),
  col(
    'region_level',
    'coalesce(rt.level, rd.level, rc.level)',
    '区划层级',
    'level of the row’s own region: CITY, DISTRICT or TOWNSHIP',
  ),
];

/** The goal a row belongs to, with its fund, project and responsible department (DOMAIN §4, §5). */
export const contextJoins = `
  LEFT JOIN public.project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
  LEFT JOIN public.fund f ON f.tenant_id = g.tenant_id AND f.id = coalesce(g.fund_id, p.fund_id)
  LEFT JOIN public.organization d ON d.tenant_id = g.tenant_id AND d.id = coalesce(g.department_id, p.department_id, f.organization_id)`;
export const goalJoins = (x: string) =>
  `JOIN public.performance_goal g ON g.tenant_id = ${x}.tenant_id AND g.id = ${x}.goal_id ${contextJoins}`;

export const goalContext: ViewColumn[] = [
  col('goal_id', 'g.id', '绩效目标标识', 'performance goal id (joins the views)'),
  col('goal_name', 'g.name', '绩效目标名称', 'performance goal name'),
  col(
    'goal_scope',
    'g.scope',
    '目标类型',
    'goal scope: PROJECT, DEPARTMENT, TRANSFER_OVERALL, TRANSFER_REGIONAL, TRANSFER_PROJECT',
  ),
  col(
    'goal_status',
    'g.status',
    '目标状态',
    'goal status (ISSUED and FILED_FOR_RECORD are in force; SUPERSEDED replaced by an adjustment)',
  ),
  col('fund_id', 'f.id', '专项资金标识', 'transfer fund id; null when none'),
  col('fund_name', 'f.name', '专项资金', 'transfer fund name'),
  col(
    'budget_book',
    'f.budget_book',
    '预算类别',
    'budget book: GENERAL_PUBLIC, GOVERNMENT_FUND, STATE_CAPITAL, SOCIAL_INSURANCE (from the fund)',
  ),
  col('project_id', 'p.id', '项目标识', 'project id; null for fund-wide and department goals'),
  col('project_name', 'p.name', '项目', 'project name'),
  col(
    'department_id',
    'd.id',
    '主管部门标识',
    'responsible competent department id (the goal’s, else the project’s, else the fund’s)',
  ),
  col('department_name', 'd.name', '主管部门', 'responsible competent department'),
  col('sector', 'd.sector', '行业领域', 'sector of the department (agriculture, transport, education …)'),
];

export const classified = (type: string, id: string) =>
  `EXISTS (SELECT 1 FROM public.disclosure z WHERE z.tenant_id = ${id.split('.')[0]}.tenant_id AND z.subject_type = '${type}' AND z.subject_id = ${id} AND z.classified)`;

// DOMAIN §13: overdue is computed from today's date in the tenant's time zone, never stored.
export const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
