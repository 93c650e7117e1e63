import type { AggregateDimension, AggregateMeasure } from './aggregate.model';

/**
 * The definitions of the aggregate's dimensions and measures (DOMAIN §16, §4, §9, §10, §11), one place for
 * the GraphQL descriptions; docs/reporting/measures.md says the same at length. "Goal" means a live goal
 * (not superseded, withdrawn or rejected); "in force" means issued or filed for record (DOMAIN §7); the
 * weight of a goal is its annual amount (0 when unset), as in the roll-up (DOMAIN §11).
 */
export const DIMENSION_DOCS: Record<AggregateDimension, string> = {
  REGION:
    '行政区划 — the region at regionLevel containing the goal’s region, with its ancestors’ codes and names as separate columns; a goal of a region above that level is reported at its own region (regionLevel says which), so rows always add up',
  YEAR: '年度 — the goal’s year',
  FUND: '专项资金 — the goal’s transfer fund (a project goal’s through its project); null for none',
  DEPARTMENT:
    '主管部门 — the goal’s department: its own (department goals), its project’s, or its fund’s competent department',
  SECTOR: '行业 — the sector of the goal’s department; null when it has none',
  BUDGET_BOOK: '预算类别 — the budget book of the goal’s fund; null for goals without a fund',
  GOAL_SCOPE: '目标类型 — the goal’s scope (overall / regional / project transfer goal, project, department)',
  INDICATOR_CATEGORY:
    '一级指标 — an indicator category the goal has indicators in; a goal counts once in each of its categories, and INDICATOR_COUNT then counts that category’s indicators only',
  GRADE: '自评等级 — the grade of the goal’s submitted self-evaluation; null when it has none yet',
};

export const MEASURE_DOCS: Record<AggregateMeasure, string> = {
  GOAL_COUNT: '目标数 — goals in force (issued or filed for record)',
  INDICATOR_COUNT: '指标数 — indicators of the goals in force',
  BUDGETED:
    '预算数 — Σ budgeted of the goals in force (元): the submitted self-evaluation’s full-year budget once there is one (as the roll-up, DOMAIN §11), else the goal’s executions of its year (DOMAIN §4)',
  IN_PLACE: '到位数 — Σ in place of the goals in force (元), from the same source as BUDGETED',
  SPENT: '执行数 — Σ spent of the goals in force (元), from the same source as BUDGETED',
  IN_PLACE_RATE:
    '资金到位率 — IN_PLACE ÷ BUDGETED (附件7), a fraction with 4 decimals; null when BUDGETED is 0',
  EXECUTION_RATE:
    '预算执行率 — SPENT ÷ IN_PLACE (附件7), a fraction with 4 decimals; null when IN_PLACE is 0',
  MONITORED_COUNT:
    '已监控目标数 — goals in force with a submitted monitoring report of their year (DOMAIN §9)',
  FLAGGED_COUNT:
    '监控预警目标数 — goals in force whose latest submitted report of the year is SLOW_EXECUTION (its policy’s threshold), has a likelihood other than CERTAIN, or records deviation causes (DOMAIN §9)',
  SELF_EVALUATED_COUNT:
    '已自评目标数 — goals in force with a submitted (or reviewed) self-evaluation (DOMAIN §10)',
  EVALUATED_COUNT:
    '已评价目标数 — goals in force with a completed department or finance evaluation (finalized, reported or acknowledged)',
  MEAN_SCORE: '平均自评得分 — mean of the self-evaluation totals, 2 decimals half-up; null when none',
  FUND_WEIGHTED_SCORE:
    '资金加权得分 — Σ(weight × total) ÷ Σ weight over self-evaluated goals, 2 decimals half-up (the roll-up’s fund-weighted mean, DOMAIN §11); null when no weight',
  COVERAGE_GOAL:
    '目标覆盖率 — weight of goals in force ÷ weight of all live goals (drafted to issued; a project enters the library only with a goal, DOMAIN §5), 4 decimals',
  COVERAGE_MONITORING:
    '监控覆盖率 — weight of monitored goals ÷ weight of goals in force (DOMAIN §16), 4 decimals',
  COVERAGE_SELF_EVALUATION:
    '自评覆盖率 — weight of self-evaluated goals ÷ weight of goals in force, 4 decimals (the roll-up’s money share, DOMAIN §11)',
  COVERAGE_EVALUATION:
    '评价覆盖率 — weight of evaluated goals ÷ weight of goals in force (DOMAIN §16), 4 decimals',
};

/** How every coverage reads with no money (the roll-up's rule, DOMAIN §11). */
export const COVERAGE_NOTE =
  'With no money in the denominator: 1 when every goal counted is covered, else 0; null when there is no goal at all.';
