import { RegionLevel } from '../auth/principal-kinds';

/**
 * The BI aggregate's vocabulary (DOMAIN §16, issue 14): dimensions, measures and the flat row, as plain
 * TypeScript so other modules (cross-level reporting) call `runAggregate` without GraphQL. The GraphQL
 * enums and the CSV columns are generated from these lists, so the three never drift apart.
 */

/** 维度 — what the rows are grouped by. */
export enum AggregateDimension {
  REGION = 'REGION',
  YEAR = 'YEAR',
  FUND = 'FUND',
  DEPARTMENT = 'DEPARTMENT',
  SECTOR = 'SECTOR',
  BUDGET_BOOK = 'BUDGET_BOOK',
  GOAL_SCOPE = 'GOAL_SCOPE',
  INDICATOR_CATEGORY = 'INDICATOR_CATEGORY',
  GRADE = 'GRADE',
}

/** 指标量 — what each row measures (defined precisely in docs/reporting/measures.md). */
export enum AggregateMeasure {
  GOAL_COUNT = 'GOAL_COUNT',
  INDICATOR_COUNT = 'INDICATOR_COUNT',
  BUDGETED = 'BUDGETED',
  IN_PLACE = 'IN_PLACE',
  SPENT = 'SPENT',
  IN_PLACE_RATE = 'IN_PLACE_RATE',
  EXECUTION_RATE = 'EXECUTION_RATE',
  MONITORED_COUNT = 'MONITORED_COUNT',
  FLAGGED_COUNT = 'FLAGGED_COUNT',
  SELF_EVALUATED_COUNT = 'SELF_EVALUATED_COUNT',
  EVALUATED_COUNT = 'EVALUATED_COUNT',
  MEAN_SCORE = 'MEAN_SCORE',
  FUND_WEIGHTED_SCORE = 'FUND_WEIGHTED_SCORE',
  COVERAGE_GOAL = 'COVERAGE_GOAL',
  COVERAGE_MONITORING = 'COVERAGE_MONITORING',
  COVERAGE_SELF_EVALUATION = 'COVERAGE_SELF_EVALUATION',
  COVERAGE_EVALUATION = 'COVERAGE_EVALUATION',
}

/** The filter of an aggregate; every list narrows (AND across lists, OR within one). */
export interface AggregateFilter {
  /** Region code; the rows cover its subtree. Default: the caller's own region. */
  within?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  fundIds?: readonly string[] | null;
  departmentIds?: readonly string[] | null;
  budgetBooks?: readonly string[] | null;
  goalScopes?: readonly string[] | null;
  grades?: readonly string[] | null;
}

export interface AggregateRequest {
  dimensions: readonly AggregateDimension[];
  measures: readonly AggregateMeasure[];
  /** Required with REGION: the level whose regions make the rows. */
  regionLevel?: RegionLevel | null;
  filter?: AggregateFilter | null;
}

/** One flat row, keyed exactly like GraphQL `AggregateRow`; null when not requested. Decimals as strings. */
export interface AggregateRowData {
  cityCode: string | null;
  cityName: string | null;
  districtCode: string | null;
  districtName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionLevel: RegionLevel | null;
  year: number | null;
  fundId: string | null;
  fundName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  sector: string | null;
  budgetBook: string | null;
  goalScope: string | null;
  indicatorCategory: string | null;
  grade: string | null;
  goalCount: number | null;
  indicatorCount: number | null;
  budgeted: string | null;
  inPlace: string | null;
  spent: string | null;
  inPlaceRate: string | null;
  executionRate: string | null;
  monitoredCount: number | null;
  flaggedCount: number | null;
  selfEvaluatedCount: number | null;
  evaluatedCount: number | null;
  meanScore: string | null;
  fundWeightedScore: string | null;
  coverageGoal: string | null;
  coverageMonitoring: string | null;
  coverageSelfEvaluation: string | null;
  coverageEvaluation: string | null;
}

export type AggregateColumnKind = 'TEXT' | 'INTEGER' | 'MONEY' | 'RATE' | 'SCORE';

export interface AggregateColumnSpec {
  /** The AggregateRow field (camelCase); the CSV column is its snake_case. */
  name: keyof AggregateRowData;
  labelZh: string;
  labelEn: string;
  kind: AggregateColumnKind;
}

const col = (
  name: keyof AggregateRowData,
  labelZh: string,
  labelEn: string,
  kind: AggregateColumnKind = 'TEXT',
): AggregateColumnSpec => ({ name, labelZh, labelEn, kind });

/** The columns each dimension contributes, in order. REGION's depend on the chosen level. */
export function dimensionColumns(d: AggregateDimension, level?: RegionLevel | null): AggregateColumnSpec[] {
  switch (d) {
    case AggregateDimension.REGION: {
      const cols = [col('cityCode', '市级区划代码', 'city code'), col('cityName', '市', 'city')];
      if (level === RegionLevel.DISTRICT || level === RegionLevel.TOWNSHIP)
        cols.push(col('districtCode', '区县代码', 'district code'), col('districtName', '区县', 'district'));
      if (level === RegionLevel.TOWNSHIP)
        cols.push(col('townshipCode', '镇街代码', 'township code'), col('townshipName', '镇街', 'township'));
      cols.push(
        col('regionCode', '区划代码', 'region code'),
        col('regionName', '区划名称', 'region name'),
        col('regionLevel', '区划层级', 'region level'),
      );
      return cols;
    }
    case AggregateDimension.YEAR:
      return [col('year', '年度', 'year', 'INTEGER')];
    case AggregateDimension.FUND:
      return [col('fundId', '专项资金ID', 'fund id'), col('fundName', '专项资金', 'fund')];
    case AggregateDimension.DEPARTMENT:
      return [
        col('departmentId', '主管部门ID', 'department id'),
        col('departmentName', '主管部门', 'department'),
      ];
    case AggregateDimension.SECTOR:
      return [col('sector', '行业', 'sector')];
    case AggregateDimension.BUDGET_BOOK:
      return [col('budgetBook', '预算类别', 'budget book')];
    case AggregateDimension.GOAL_SCOPE:
      return [col('goalScope', '目标类型', 'goal scope')];
    case AggregateDimension.INDICATOR_CATEGORY:
      return [col('indicatorCategory', '一级指标', 'indicator category')];
    case AggregateDimension.GRADE:
      return [col('grade', '自评等级', 'self-evaluation grade')];
  }
}

export const MEASURE_COLUMNS: Record<AggregateMeasure, AggregateColumnSpec> = {
  GOAL_COUNT: col('goalCount', '目标数', 'goals in force', 'INTEGER'),
  INDICATOR_COUNT: col('indicatorCount', '指标数', 'indicators', 'INTEGER'),
  BUDGETED: col('budgeted', '预算数', 'budgeted', 'MONEY'),
  IN_PLACE: col('inPlace', '到位数', 'in place', 'MONEY'),
  SPENT: col('spent', '执行数', 'spent', 'MONEY'),
  IN_PLACE_RATE: col('inPlaceRate', '资金到位率', 'fund arrival rate', 'RATE'),
  EXECUTION_RATE: col('executionRate', '预算执行率', 'budget execution rate', 'RATE'),
  MONITORED_COUNT: col('monitoredCount', '已监控目标数', 'goals monitored', 'INTEGER'),
  FLAGGED_COUNT: col('flaggedCount', '监控预警目标数', 'goals flagged', 'INTEGER'),
  SELF_EVALUATED_COUNT: col('selfEvaluatedCount', '已自评目标数', 'goals self-evaluated', 'INTEGER'),
  EVALUATED_COUNT: col('evaluatedCount', '已评价目标数', 'goals evaluated', 'INTEGER'),
  MEAN_SCORE: col('meanScore', '平均自评得分', 'mean self-evaluation score', 'SCORE'),
  FUND_WEIGHTED_SCORE: col('fundWeightedScore', '资金加权得分', 'fund-weighted score', 'SCORE'),
  COVERAGE_GOAL: col('coverageGoal', '目标覆盖率', 'goal coverage', 'RATE'),
  COVERAGE_MONITORING: col('coverageMonitoring', '监控覆盖率', 'monitoring coverage', 'RATE'),
  COVERAGE_SELF_EVALUATION: col('coverageSelfEvaluation', '自评覆盖率', 'self-evaluation coverage', 'RATE'),
  COVERAGE_EVALUATION: col('coverageEvaluation', '评价覆盖率', 'evaluation coverage', 'RATE'),
};

/** The columns of a request, dimensions first (in the order asked), then measures (in the order asked). */
export function columnsOf(req: AggregateRequest): AggregateColumnSpec[] {
  return [
    ...req.dimensions.flatMap((d) => dimensionColumns(d, req.regionLevel)),
    ...req.measures.map((m) => MEASURE_COLUMNS[m]),
  ];
}

/** `fundWeightedScore` → `fund_weighted_score` (the CSV column names). */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A row with every field null (then the requested ones are filled). */
export function emptyRow(): AggregateRowData {
  const row: Record<string, null> = {};
  for (const d of Object.values(AggregateDimension))
    for (const c of dimensionColumns(d, RegionLevel.TOWNSHIP)) row[c.name] = null;
  for (const c of Object.values(MEASURE_COLUMNS)) row[c.name] = null;
  return row as unknown as AggregateRowData;
}

/** 汇总年度跨度上限 — at most this many years in one request (issue 14 "a year range over the limit"). */
export const MAX_YEAR_SPAN = 10;
