import type { EntityManager } from 'typeorm';

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
export function childrenOf(em: EntityManager, tenantId: string, parentIds: readonly string[]) {
  return em.query<ChildRow[]>(
    `SELECT c.id, c.parent_goal_id, c.scope, c.name, COALESCE(c.annual_amount, 0)::text AS weight
       FROM performance_goal c
      WHERE c.tenant_id = $1 AND c.parent_goal_id = ANY($2::uuid[]) AND c.status IN ${IN_FORCE}
      ORDER BY c.parent_goal_id, c.name, c.id`,
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
export function ownResults(em: EntityManager, tenantId: string, goalIds: readonly string[]) {
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
}

/** Actuals of the given evaluations for indicators linked to a parent indicator (DOMAIN §5 tree). */
export function linkedActuals(em: EntityManager, tenantId: string, evaluationIds: readonly string[]) {
  return em.query<LinkedActualRow[]>(
    `SELECT ea.evaluation_id, ci.parent_indicator_id, ea.actual::text AS actual,
            ci.ratio_denominator AS planned_denominator
       FROM evaluation_actual ea
       JOIN goal_indicator ci ON ci.tenant_id = ea.tenant_id AND ci.id = ea.indicator_id
      WHERE ea.tenant_id = $1 AND ea.evaluation_id = ANY($2::uuid[])
        AND ci.parent_indicator_id IS NOT NULL AND ea.actual IS NOT NULL`,
    [tenantId, evaluationIds],
  );
}

/** The leaf children's counted self-evaluations: `counted` is the basis test, shared by both statements. */
const countedLeaves = `
  kids AS (
    SELECT c.tenant_id, c.id, c.parent_goal_id, COALESCE(c.annual_amount, 0) AS w
      FROM performance_goal c
     WHERE c.tenant_id = $1 AND c.parent_goal_id = ANY($2::uuid[]) AND c.status IN ${IN_FORCE}),
  ev AS (
    SELECT e.tenant_id, e.id, e.goal_id, e.status, e.total, e.grade, e.budgeted, e.in_place, e.spent
      FROM evaluation e JOIN kids k ON e.tenant_id = k.tenant_id AND e.goal_id = k.id
     WHERE e.kind = 'SELF' AND (e.status = 'REVIEWED' OR ($3 = 'SUBMITTED' AND e.status = 'SUBMITTED')))`;

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

/**
 * Sufficient statistics of the leaf children's actuals per parent indicator: enough to combine them
 * under any of the six aggregations exactly (Σv, Σw·v, Σw, min, max, and for RATIO_OF_SUMS the sums of
 * numerators and denominators), without shipping one row per child actual.
 * RATIO_OF_SUMS: a child records its ratio; its numerator is rebuilt from its planned denominator
 * (docs/domain-decisions.md).
 */
export function leafIndicatorStats(
  em: EntityManager,
  tenantId: string,
  parentIds: readonly string[],
  basis: Basis,
) {
  return em.query<IndicatorStatsRow[]>(
    `WITH ${countedLeaves}
     SELECT k.parent_goal_id, ci.parent_indicator_id AS indicator_id, count(*)::int AS n,
            sum(ea.actual)::text AS sum, sum(k.w * ea.actual)::text AS weighted_sum, sum(k.w)::text AS weight,
            min(ea.actual)::text AS min, max(ea.actual)::text AS max,
            sum(ea.actual * ci.ratio_denominator::numeric)::text AS numerator,
            sum(ci.ratio_denominator::numeric)::text AS denominator,
            count(ci.ratio_denominator)::int AS parts
       FROM ev
       JOIN kids k ON k.tenant_id = ev.tenant_id AND k.id = ev.goal_id
       JOIN evaluation_actual ea ON ea.tenant_id = ev.tenant_id AND ea.evaluation_id = ev.id
       JOIN goal_indicator ci ON ci.tenant_id = ea.tenant_id AND ci.id = ea.indicator_id
      WHERE ci.parent_indicator_id IS NOT NULL AND ea.actual IS NOT NULL
      GROUP BY k.parent_goal_id, ci.parent_indicator_id`,
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
export function leafCoverageStats(
  em: EntityManager,
  tenantId: string,
  parentIds: readonly string[],
  basis: Basis,
) {
  return em.query<CoverageStatsRow[]>(
    `WITH ${countedLeaves}
     SELECT k.parent_goal_id, count(*)::int AS total, sum(k.w)::text AS total_weight,
            count(ev.id)::int AS counted, COALESCE(sum(k.w) FILTER (WHERE ev.id IS NOT NULL), 0)::text AS counted_weight,
            count(ev.id) FILTER (WHERE ev.status = 'REVIEWED')::int AS reviewed,
            COALESCE(sum(ev.budgeted), 0)::text AS budgeted, COALESCE(sum(ev.in_place), 0)::text AS in_place,
            COALESCE(sum(ev.spent), 0)::text AS spent,
            COALESCE(sum(k.w) FILTER (WHERE ev.total IS NOT NULL), 0)::text AS scored_weight,
            COALESCE(sum(k.w * ev.total), 0)::text AS weighted_total,
            count(*) FILTER (WHERE ev.grade = 'EXCELLENT')::int AS excellent,
            count(*) FILTER (WHERE ev.grade = 'GOOD')::int AS good,
            count(*) FILTER (WHERE ev.grade = 'FAIR')::int AS fair,
            count(*) FILTER (WHERE ev.grade = 'POOR')::int AS poor
       FROM kids k LEFT JOIN ev ON ev.tenant_id = k.tenant_id AND ev.goal_id = k.id
      GROUP BY k.parent_goal_id`,
    [tenantId, parentIds, basis],
  );
}

/** Whether each goal has children in force (so its result can be computed live from them). */
export function goalsWithChildren(em: EntityManager, tenantId: string, goalIds: readonly string[]) {
  return em.query<{ parent_goal_id: string; leaves: boolean }[]>(
    `SELECT c.parent_goal_id, bool_and(c.scope IN ('PROJECT', 'TRANSFER_PROJECT')) AS leaves
       FROM performance_goal c
      WHERE c.tenant_id = $1 AND c.parent_goal_id = ANY($2::uuid[]) AND c.status IN ${IN_FORCE}
      GROUP BY c.parent_goal_id`,
    [tenantId, goalIds],
  );
}
