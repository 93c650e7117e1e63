import { byPinyin } from '../common/collation';

/** Where the reads run: an EntityManager, or the request's prepared statements (issue 18). */
export interface Reader {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * The reads behind the roll-up (DOMAIN §11), each one statement for any number of parent goals, so a
 * whole fund tree costs a constant number of statements however many regions and projects it holds.
 * Amounts come back as NUMERIC text and stay exact (decimal.js); sums and products are exact in
 * PostgreSQL, and every division happens in TypeScript on exact fractions.
 */

/** Which children count (DOMAIN §11): all submitted, or only those reviewed by the level above (审核后汇总). */
export type Basis = 'SUBMITTED' | 'REVIEWED';

/** A goal in force (issued, or filed for record) is part of the roll-up population; others are not. */
const IN_FORCE = `('ISSUED', 'FILED_FOR_RECORD')`;

export interface ChildRow {
  id: string;
  parent_goal_id: string;
  scope: string;
  name: string;
  weight: string;
}

/** The in-force children of the parents, with their weight (the child goal's annual amount, 0 if unset). */
export function childrenOf(em: Reader, tenantId: string, parentIds: readonly string[]) {
  return em.query<ChildRow[]>(
    `SELECT c.id, c.parent_goal_id, c.scope, c.name, COALESCE(c.annual_amount, 0)::text AS weight
       FROM performance_goal c
      WHERE c.tenant_id = $1 AND c.parent_goal_id = ANY($2::uuid[]) AND c.status IN ${IN_FORCE}
      ORDER BY c.parent_goal_id, ${byPinyin('c.name')}, c.id`,
    [tenantId, parentIds],
  );
}

export interface OwnResultRow {
  id: string;
  goal_id: string;
  status: 'SUBMITTED' | 'REVIEWED';
  total: string;
  grade: string;
  budgeted: string | null;
  in_place: string | null;
  spent: string | null;
}

/** Each goal's own self-evaluation once submitted (one per goal: uq_evaluation_self_goal). */
export function ownResults(em: Reader, tenantId: string, goalIds: readonly string[]) {
  return em.query<OwnResultRow[]>(
    `SELECT e.id, e.goal_id, e.status, e.total::text, e.grade, e.budgeted::text, e.in_place::text, e.spent::text
       FROM evaluation e
      WHERE e.tenant_id = $1 AND e.goal_id = ANY($2::uuid[]) AND e.kind = 'SELF'
        AND e.status IN ('SUBMITTED', 'REVIEWED')`,
    [tenantId, goalIds],
  );
}

export interface LinkedActualRow {
  evaluation_id: string;
  parent_indicator_id: string;
  actual: string;
  planned_denominator: string | null;
  /** The child indicator's unit (as its parent's): the scale of a RATIO_OF_SUMS ratio. */
  unit: string | null;
}

/** Actuals of the given evaluations for indicators linked to a parent indicator (DOMAIN §5 tree). */
export function linkedActuals(em: Reader, tenantId: string, evaluationIds: readonly string[]) {
  return em.query<LinkedActualRow[]>(
    `SELECT ea.evaluation_id, ci.parent_indicator_id, ea.actual::text AS actual,
            ci.ratio_denominator AS planned_denominator, ci.unit
       FROM evaluation_actual ea
       JOIN goal_indicator ci ON ci.tenant_id = ea.tenant_id AND ci.id = ea.indicator_id
      WHERE ea.tenant_id = $1 AND ea.evaluation_id = ANY($2::uuid[])
        AND ci.parent_indicator_id IS NOT NULL AND ea.actual IS NOT NULL`,
    [tenantId, evaluationIds],
  );
}

export interface IndicatorStatsRow {
  parent_goal_id: string;
  indicator_id: string;
  n: number;
  sum: string;
  weighted_sum: string;
  weight: string;
  min: string;
  max: string;
  numerator: string | null;
  denominator: string | null;
  parts: number;
}

/** The basis test on a maintained row: REVIEWED rows always count; the others only on SUBMITTED. */
const counts = `(s.reviewed OR $3 = 'SUBMITTED')`;

/**
 * Sufficient statistics of the leaf children's actuals per parent indicator — enough to combine them
 * under any of the six aggregations exactly (Σv, Σw·v, Σw, min, max, and for RATIO_OF_SUMS the sums of
 * numerators and denominators). Kept current by `rollup_refresh` (migration RollupStatistics1763860000000)
 * in the transaction of each submission, review, return or change of a goal's force; read here by
 * index, one row per parent, indicator and review state. RATIO_OF_SUMS: a child records its ratio; its
 * numerator is rebuilt from its planned denominator (docs/domain-decisions.md) as ratio × denominator —
 * in the ratio's unit, so `combineStats` applies no scale (the per-child path rebuilds counts instead:
 * `ratioParts`, then `combine` scales once; both give the same value).
 */
export function leafIndicatorStats(em: Reader, tenantId: string, parentIds: readonly string[], basis: Basis) {
  return em.query<IndicatorStatsRow[]>(
    `SELECT s.parent_goal_id, s.indicator_id, sum(s.n)::int AS n, sum(s.sum)::text AS sum,
            sum(s.weighted_sum)::text AS weighted_sum, sum(s.weight)::text AS weight,
            min(s.min)::text AS min, max(s.max)::text AS max, sum(s.numerator)::text AS numerator,
            sum(s.denominator)::text AS denominator, sum(s.parts)::int AS parts
       FROM rollup_indicator_stat s
      WHERE s.tenant_id = $1 AND s.parent_goal_id = ANY($2::uuid[]) AND ${counts}
      GROUP BY s.parent_goal_id, s.indicator_id`,
    [tenantId, parentIds, basis],
  );
}

export interface CoverageStatsRow {
  parent_goal_id: string;
  total: number;
  total_weight: string;
  counted: number;
  counted_weight: string;
  reviewed: number;
  budgeted: string;
  in_place: string;
  spent: string;
  scored_weight: string;
  weighted_total: string;
  excellent: number;
  good: number;
  fair: number;
  poor: number;
}

/** Per parent: population, coverage by count and money, money figures, Σw·total, the grade counts. */
export function leafCoverageStats(em: Reader, tenantId: string, parentIds: readonly string[], basis: Basis) {
  return em.query<CoverageStatsRow[]>(
    `SELECT p.parent_goal_id, p.total, p.total_weight::text AS total_weight,
            COALESCE(sum(s.counted), 0)::int AS counted, COALESCE(sum(s.counted_weight), 0)::text AS counted_weight,
            COALESCE(sum(s.counted) FILTER (WHERE s.reviewed), 0)::int AS reviewed,
            COALESCE(sum(s.budgeted), 0)::text AS budgeted, COALESCE(sum(s.in_place), 0)::text AS in_place,
            COALESCE(sum(s.spent), 0)::text AS spent, COALESCE(sum(s.scored_weight), 0)::text AS scored_weight,
            COALESCE(sum(s.weighted_total), 0)::text AS weighted_total,
            COALESCE(sum(s.excellent), 0)::int AS excellent, COALESCE(sum(s.good), 0)::int AS good,
            COALESCE(sum(s.fair), 0)::int AS fair, COALESCE(sum(s.poor), 0)::int AS poor
       FROM rollup_population p
       LEFT JOIN rollup_coverage s ON s.tenant_id = p.tenant_id AND s.parent_goal_id = p.parent_goal_id AND ${counts}
      WHERE p.tenant_id = $1 AND p.parent_goal_id = ANY($2::uuid[])
      GROUP BY p.parent_goal_id, p.total, p.total_weight`,
    [tenantId, parentIds, basis],
  );
}

/**
 * Which goals have children in force, and whether those are all project-level goals (the leaf level),
 * with the version of the parent's maintained statistics. For a parent over goals that have children of
 * their own (an overall goal over regional goals), `children_version` also names the versions of its
 * children's statistics — their count, and a digest of their versions by child — when every such child is
 * itself over leaves (null otherwise): with the parent's own version (a child's self-evaluation or force
 * changing refreshes the parent), it changes whenever anything the parent's roll-up reads changes, so the
 * whole answer may be reused while it is unchanged (issue 18).
 */
export function goalsWithChildren(em: Reader, tenantId: string, goalIds: readonly string[]) {
  return em.query<
    {
      parent_goal_id: string;
      leaves: boolean;
      version: string;
      year: number;
      children_version: string | null;
    }[]
  >(
    `SELECT p.parent_goal_id, p.leaves, p.version::text, g.year,
            CASE WHEN NOT p.leaves THEN (
              SELECT CASE WHEN bool_and(cp.leaves) IS NOT FALSE
                          THEN count(*)::text || ':' || COALESCE(md5(string_agg(cp.version::text, ',' ORDER BY cp.parent_goal_id)), '') END
                FROM performance_goal c
                JOIN rollup_population cp ON cp.tenant_id = c.tenant_id AND cp.parent_goal_id = c.id
               WHERE c.tenant_id = p.tenant_id AND c.parent_goal_id = p.parent_goal_id AND c.status IN ${IN_FORCE})
            END AS children_version
       FROM rollup_population p JOIN performance_goal g ON g.tenant_id = p.tenant_id AND g.id = p.parent_goal_id
      WHERE p.tenant_id = $1 AND p.parent_goal_id = ANY($2::uuid[])`,
    [tenantId, goalIds],
  );
}
