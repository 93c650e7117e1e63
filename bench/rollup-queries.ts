/**
 * Issue #4: the roll-up (逐级汇总, DOMAIN §11) of a whole transfer fund tree through the API, and its
 * physical limit — the same aggregate by ONE hand-written statement.
 */

/** (a) One fund's full tree: the overall goal's live roll-up and each regional goal's. */
export const FUND_TREE = `query FundTree($id: ID!) {
  goal(id: $id) {
    id
    rollUp {
      total grade provisional
      coverage { counted total countedMoney totalMoney moneyShare }
      actuals { value }
      money { budgeted inPlace spent }
    }
    children(first: 100) { nodes { id rollUp { total grade coverage { counted total } } } }
  }
}`;

export interface FundTreeData {
  goal: {
    id: string;
    rollUp: {
      total: string;
      grade: string;
      provisional: boolean;
      coverage: {
        counted: number;
        total: number;
        countedMoney: string;
        totalMoney: string;
        moneyShare: string;
      };
      actuals: { value: string | null }[];
      money: { budgeted: string; inPlace: string; spent: string };
    } | null;
    children: {
      nodes: {
        id: string;
        rollUp: { total: string; grade: string; coverage: { counted: number; total: number } } | null;
      }[];
    };
  } | null;
}

/**
 * (c) "All funds of a district for a year": every regional transfer goal of the year whose region lies in
 * the district (one per township per fund), each with its live roll-up over its projects — what a district
 * finance bureau looks at. `first: 100` covers a district's townships.
 */
export const DISTRICT_FUNDS = `query DistrictFunds($year: Int!, $within: ID!) {
  goals(filter: { year: $year, within: $within, scope: TRANSFER_REGIONAL }, first: 100) {
    totalCount
    nodes { id name rollUp { total grade coverage { counted total } } }
  }
}`;

export interface DistrictFundsData {
  goals: {
    totalCount: number;
    nodes: { id: string; rollUp: { total: string; coverage: { counted: number; total: number } } | null }[];
  };
}

export const SUBMIT = `mutation Submit($input: SubmitEvaluationInput!) {
  submitEvaluation(input: $input) { evaluation { id status total } userErrors { code message } }
}`;

export interface SubmitData {
  submitEvaluation: {
    evaluation: { id: string; status: string; total: string } | null;
    userErrors: { code: string; message: string }[];
  };
}

/** Combines values under an aggregation (DOMAIN §5): `v` the value, `w` the child's money weight. */
const combined = (agg: string, v: string, w: string) => `CASE ${agg}
      WHEN 'SUM' THEN sum(${v}) WHEN 'MAX' THEN max(${v}) WHEN 'MIN' THEN min(${v}) WHEN 'AVERAGE' THEN avg(${v})
      WHEN 'FUND_WEIGHTED_AVERAGE' THEN sum(${w} * ${v}) / NULLIF(sum(${w}) FILTER (WHERE ${v} IS NOT NULL), 0) END`;

/**
 * The physical limit of (a), in one statement (tenant $1, overall goal $2): regional goals in force →
 * their project goals in force → the submitted self-evaluations → their actuals; each regional
 * indicator combined from its projects' actuals by its aggregation, each overall indicator from the
 * regional values by its own (FUND_WEIGHTED_AVERAGE weighted by the child goal's annual amount); money
 * summed; coverage by count and money at both levels. One JSON row; amounts as exact text. Not computed here: the engine's
 * scoring of the combined actuals (total, grade, lines) — the API does that in TypeScript.
 * RATIO_OF_SUMS (unused by the synthetic city) is left out. `ev` carries each evaluation's regional goal
 * and weight, so `kids` is never joined twice: a re-join of the materialized CTE is misestimated (RLS
 * quals on the CTE scan) and planned as a quadratic nested loop.
 */
export const RAW_FUND_TREE_SQL = `
WITH reg AS (
  SELECT r.id, COALESCE(r.annual_amount, 0) AS w
    FROM performance_goal r
   WHERE r.tenant_id = $1 AND r.parent_goal_id = $2 AND r.status IN ('ISSUED', 'FILED_FOR_RECORD')),
kids AS (
  SELECT k.id, k.parent_goal_id AS reg_id, COALESCE(k.annual_amount, 0) AS w
    FROM performance_goal k JOIN reg ON reg.id = k.parent_goal_id
   WHERE k.tenant_id = $1 AND k.status IN ('ISSUED', 'FILED_FOR_RECORD')),
ev AS (
  SELECT e.id, e.goal_id, kids.reg_id, kids.w, e.budgeted, e.in_place, e.spent
    FROM evaluation e JOIN kids ON kids.id = e.goal_id
   WHERE e.tenant_id = $1 AND e.kind = 'SELF' AND e.status IN ('SUBMITTED', 'REVIEWED')),
cov AS (
  SELECT kids.reg_id, count(*)::int AS total, count(ev.id)::int AS counted,
         COALESCE(sum(ev.budgeted), 0) AS budgeted, COALESCE(sum(ev.in_place), 0) AS in_place,
         COALESCE(sum(ev.spent), 0) AS spent
    FROM kids LEFT JOIN ev ON ev.goal_id = kids.id
   GROUP BY kids.reg_id),
regional AS (
  SELECT ev.reg_id, ri.parent_indicator_id AS top_id, ${combined('ri.aggregation', 'ea.actual', 'ev.w')} AS v
    FROM ev
    JOIN evaluation_actual ea ON ea.tenant_id = $1 AND ea.evaluation_id = ev.id
    JOIN goal_indicator ci ON ci.tenant_id = $1 AND ci.id = ea.indicator_id
    JOIN goal_indicator ri ON ri.tenant_id = $1 AND ri.id = ci.parent_indicator_id
   WHERE ea.actual IS NOT NULL
   GROUP BY ev.reg_id, ri.tenant_id, ri.id),
top AS (
  SELECT ti.position, ${combined('ti.aggregation', 'x.v', 'reg.w')} AS v
    FROM goal_indicator ti
    LEFT JOIN regional x ON x.top_id = ti.id
    LEFT JOIN reg ON reg.id = x.reg_id
   WHERE ti.tenant_id = $1 AND ti.goal_id = $2
   GROUP BY ti.tenant_id, ti.id)
SELECT json_build_object(
  'actuals', (SELECT json_agg(round(v, 6)::text ORDER BY position) FROM top),
  'money', (SELECT json_build_object('budgeted', sum(budgeted)::text, 'inPlace', sum(in_place)::text, 'spent', sum(spent)::text) FROM cov),
  'coverage', (SELECT json_build_object('counted', count(*) FILTER (WHERE cov.counted > 0), 'total', count(*),
                 'countedMoney', COALESCE(sum(reg.w) FILTER (WHERE cov.counted > 0), 0)::text, 'totalMoney', sum(reg.w)::text)
                 FROM reg LEFT JOIN cov ON cov.reg_id = reg.id),
  'children', (SELECT json_agg(json_build_object('id', reg.id, 'counted', COALESCE(cov.counted, 0), 'total', COALESCE(cov.total, 0)) ORDER BY reg.id)
                 FROM reg LEFT JOIN cov ON cov.reg_id = reg.id)) AS tree`;

export interface RawFundTree {
  /** Combined value of each overall indicator, in form order (null: nothing to combine). */
  actuals: (string | null)[];
  money: { budgeted: string; inPlace: string; spent: string };
  coverage: { counted: number; total: number; countedMoney: string; totalMoney: string };
  children: { id: string; counted: number; total: number }[];
}
