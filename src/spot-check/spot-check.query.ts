import type { RequestContext } from '../common/request-context';
import { msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { RegionEntity } from '../hierarchy/region.entity';

/**
 * Reads the spot-check services share (DOMAIN §12): the jurisdiction a draw or a notice acts in, and the
 * SQL predicate of a department's own funds. Scoped: outside the caller's subtree reads as missing (P6).
 */

/**
 * The jurisdiction to act in (P6): the given region if it lies in the caller's subtree, else the caller's
 * own region; null for a region outside the subtree (a sibling, an ancestor, another tenant's) — the
 * caller answers exactly as for a missing one.
 */
export async function jurisdictionRegion(
  ctx: RequestContext,
  within: string | null | undefined,
): Promise<RegionEntity | null> {
  const caller = ctx.caller;
  const id = within ? idOfType(within, 'Region') : caller.regionId;
  const region = id ? await ctx.loaders.regionById.load(id) : null;
  return region && region.path.startsWith(caller.regionPath) ? region : null;
}

export const regionNotFound = msg('未找到该行政区划', 'Region not found');

/**
 * A competent department draws only over the goals of its own funds (DOMAIN §12 "a competent department
 * over its funds"): the goal's fund, or its project's fund, belongs to the department. SQL on the goal
 * alias `g`.
 */
export const ownFundGoal = (g: string) =>
  `EXISTS (SELECT 1 FROM fund sdf LEFT JOIN project sdp ON sdp.tenant_id = ${g}.tenant_id AND sdp.id = ${g}.project_id
     WHERE sdf.tenant_id = ${g}.tenant_id AND sdf.id = coalesce(${g}.fund_id, sdp.fund_id) AND sdf.organization_id = :drawOrg)`;
