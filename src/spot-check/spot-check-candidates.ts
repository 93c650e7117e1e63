import type { RequestContext } from '../common/request-context';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { ownFundGoal } from './spot-check.query';

/** A submitted self-evaluation that may be drawn, with its goal's region (the notice groups by it). */
export interface Candidate {
  id: string;
  goalId: string;
  regionId: string;
}

export interface Jurisdiction {
  year: number;
  /** Materialized path of the region drawn in (the caller's, or `within` inside it). */
  regionPath: string;
}

/**
 * 抽查对象 candidates (DOMAIN §12): SUBMITTED or REVIEWED SELF evaluations, and DEPARTMENT evaluations past
 * their draft (002 第二十八条(二)), of the year under the region, as
 * the caller sees them (ScopedAccess, P6); for a competent department only those of its own funds' goals.
 * Only ids are read — a city-wide draw holds thousands of candidates. One statement.
 */
export async function drawCandidates(ctx: RequestContext, j: Jurisdiction): Promise<Candidate[]> {
  const qb = (await ctx.scope.evaluations('ev'))
    .innerJoin(GoalEntity, 'cg', 'cg.tenant_id = ev.tenant_id AND cg.id = ev.goal_id')
    // DOMAIN §12; 002 第二十八条(二): submitted self-evaluations and department evaluations (部门评价).
    .andWhere(
      `((ev.kind = 'SELF' AND ev.status IN ('SUBMITTED', 'REVIEWED'))
        OR (ev.kind = 'DEPARTMENT' AND ev.status NOT IN ('DRAFT', 'RETURNED'))) AND ev.year = :year`,
      { year: j.year },
    )
    .andWhere('ev.region_path LIKE :within', { within: `${j.regionPath}%` })
    .select('ev.id', 'id')
    .addSelect('ev.goal_id', 'goalId')
    .addSelect('cg.region_id', 'regionId');
  if (ctx.caller.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT) {
    qb.andWhere(ownFundGoal('cg'), { drawOrg: ctx.caller.organizationId });
  }
  return qb.getRawMany<Candidate>();
}

/**
 * 未按要求开展自评 (DOMAIN §12; 003 第二十一条): issued (or filed) PROJECT / TRANSFER_PROJECT goals of the year
 * under the region, visible to the caller (for a department, of its own funds), with no SUBMITTED or
 * REVIEWED self-evaluation submitted by the tenant's due date. One statement, in id order.
 */
export async function goalsMissingSelfEvaluation(
  ctx: RequestContext,
  j: Jurisdiction,
  dueEnd: Date,
  drawnGoalIds: readonly string[],
): Promise<GoalEntity[]> {
  const qb = (await ctx.scope.goals('g'))
    .andWhere(`g.scope IN ('PROJECT', 'TRANSFER_PROJECT') AND g.status IN ('ISSUED', 'FILED_FOR_RECORD')`)
    .andWhere('g.year = :year AND g.region_path LIKE :within', { year: j.year, within: `${j.regionPath}%` })
    // "By the deadline" (DOMAIN §12): submitted before the end of the tenant's due date; a goal drawn
    // already is its own item (its late submission is flagged when checked).
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM evaluation se WHERE se.tenant_id = g.tenant_id AND se.goal_id = g.id
         AND se.kind = 'SELF' AND se.status IN ('SUBMITTED', 'REVIEWED') AND se.submitted_at < :dueEnd)`,
      { dueEnd },
    )
    .andWhere('NOT (g.id = ANY(:drawnGoalIds))', { drawnGoalIds: [...drawnGoalIds] })
    .orderBy('g.id');
  if (ctx.caller.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT) {
    qb.andWhere(ownFundGoal('g'), { drawOrg: ctx.caller.organizationId });
  }
  return qb.getMany();
}
