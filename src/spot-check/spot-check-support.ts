import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import type { ConstraintMeanings } from '../common/mutation';
import { idOfType } from '../common/global-id';
import type { RegionEntity } from '../hierarchy/region.entity';

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const spotCheckMeanings: ConstraintMeanings = {
  ck_spot_check_item_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'itemId'],
    message: msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
  },
  uq_spot_check_item_check: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'itemId'],
    message: msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
  },
  ck_spot_check_sample_immutable: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input'],
    message: msg('抽查样本抽取后不能修改', 'A drawn sample cannot be changed'),
  },
  ck_evaluation_spot_check: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'itemId'],
    message: msg('抽查复核须针对已提交的单位自评', 'A spot check re-scores a submitted self-evaluation'),
  },
};

/** Budget years follow the calendar in China (UTC+8), whatever the server's zone. */
export function currentYearInChina(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

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
