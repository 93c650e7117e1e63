import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import type { OrganizationEntity } from './organization.entity';
import type { RegionEntity } from './region.entity';
import { refusal } from '../common/refusal';

/**
 * Objects a tenant administrator may change: those in its own organization's subtree (DOMAIN §3, P6).
 * Anything else — another tenant, a sibling, an ancestor, a malformed id — aborts as not found.
 */
export async function administeredRegion(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<RegionEntity> {
  const id = idOfType(globalId, 'Region');
  const found = id
    ? await (await ctx.scope.regions())
        .andWhere('r.id = :id AND r.path LIKE :adminPrefix', { id, adminPrefix: ctx.scope.adminPrefix() })
        .getOne()
    : null;
  if (!found) throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该行政区划', 'Region not found'));
  return found;
}

export async function administeredOrganizationById(
  ctx: RequestContext,
  id: string | null,
  field: string[],
): Promise<OrganizationEntity> {
  const found = id
    ? await (
        await ctx.scope.organizations()
      )
        .andWhere('o.id = :id AND o.region_path LIKE :adminPrefix', {
          id,
          adminPrefix: ctx.scope.adminPrefix(),
        })
        .getOne()
    : null;
  if (!found) throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该单位', 'Organization not found'));
  return found;
}

export function administeredOrganization(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<OrganizationEntity> {
  return administeredOrganizationById(ctx, idOfType(globalId, 'Organization'), field);
}
