import type { RequestContext } from '../common/request-context';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { FindingEntity, RecommendationEntity } from './results.entities';
import { shanghaiDateOf } from './rules/due-dates';
import { whereAnyOf } from '../common/list-filter';

export interface FindingFilter {
  /** Any of these states (issue 11 item 7: list filters take lists). */
  state?: string | readonly string[];
  overdue?: boolean;
  sourceKind?: string | readonly string[];
  year?: number;
  regionId?: string;
  departmentId?: string;
  /** Only these findings (by uuid): node(id) and the inbox read through the same predicate. */
  ids?: string[];
}

const MAX = 100;

// OVERDUE in SQL, the same rule as rules/due-dates.ts isOverdue (DOMAIN §13, computed from today).
export const OVERDUE_SQL = `((f.state = 'OPEN' AND f.feedback_due_on < :today) OR (f.state IN ('FEEDBACK_GIVEN', 'REOPENED') AND f.rectification_due_on < :today))`;

/**
 * 问题清单 by jurisdiction (DOMAIN §13; P6): finance, departments and audit offices see their subtree; every
 * body sees the findings that name it; filters by state, overdue, source, year, region and department.
 */
export async function listFindings(ctx: RequestContext, filter: FindingFilter, first?: number) {
  return (await findingsQuery(ctx, filter))
    .orderBy('f.created_at', 'DESC')
    .addOrderBy('f.id')
    .limit(Math.min(Math.max(first ?? MAX, 1), MAX))
    .getMany();
}

/** The scoped, filtered findings, unordered: `findings` pages it (issue 11 item 7), node(id) reads one. */
export async function findingsQuery(ctx: RequestContext, filter: FindingFilter) {
  const caller = ctx.caller;
  const em = await ctx.db.manager();
  const subtree = hasSubtreeJurisdiction(caller);
  const qb = em
    .createQueryBuilder(FindingEntity, 'f')
    .where('f.tenant_id = :tenant', { tenant: caller.tenantId })
    .andWhere(
      `(${subtree ? 'f.region_path LIKE :path OR ' : ''}:org IN (f.feedback_organization_id, f.responsible_organization_id, f.verifier_organization_id))`,
      { path: `${caller.regionPath}%`, org: caller.organizationId },
    );
  if (filter.ids) qb.andWhere('f.id = ANY(:ids)', { ids: filter.ids });
  whereAnyOf(qb, 'f.state', 'state', filter.state);
  whereAnyOf(qb, 'f.source_kind', 'sourceKind', filter.sourceKind);
  if (filter.year != null) qb.andWhere('f.year = :year', { year: filter.year });
  if (filter.departmentId) qb.andWhere('f.department_id = :dept', { dept: filter.departmentId });
  if (filter.regionId) {
    const region = await ctx.loaders.regionById.load(filter.regionId);
    qb.andWhere('f.region_path LIKE :within', { within: region ? `${region.path}%` : '-' });
  }
  if (filter.overdue != null) {
    qb.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`, { today: shanghaiDateOf(new Date()) });
  }
  return qb;
}

/**
 * 预算建议清单 — a budget year's recommendations in the caller's subtree (P6). They are finance's budget
 * linkage for whole regions and funds: a body without subtree jurisdiction (a unit, a third party) reads
 * none, never a neighbour unit's recommendation in its region.
 */
export async function listRecommendations(ctx: RequestContext, budgetYear: number | null, ids?: string[]) {
  if (!hasSubtreeJurisdiction(ctx.caller)) return [];
  const qb = await recommendationsQuery(ctx, budgetYear, ids);
  return qb.orderBy('r.created_at', 'ASC').addOrderBy('r.id').limit(500).getMany();
}

/** The scoped recommendations, unordered (none without subtree jurisdiction): paged by `budgetRecommendations`. */
export async function recommendationsQuery(ctx: RequestContext, budgetYear: number | null, ids?: string[]) {
  const caller = ctx.caller;
  const em = await ctx.db.manager();
  const qb = em
    .createQueryBuilder(RecommendationEntity, 'r')
    .where('r.tenant_id = :tenant AND r.region_path LIKE :path', {
      tenant: caller.tenantId,
      path: `${caller.regionPath}%`,
    });
  // node(id) reads one recommendation through the same predicate (issue 11 item 7).
  if (budgetYear !== null) qb.andWhere('r.budget_year = :year', { year: budgetYear });
  if (ids) qb.andWhere('r.id = ANY(:ids)', { ids });
  if (!hasSubtreeJurisdiction(caller)) qb.andWhere('FALSE');
  return qb;
}
