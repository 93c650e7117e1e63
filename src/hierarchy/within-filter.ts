import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { NO_ID } from '../common/sql';

/**
 * The `within` filter of a list (DOMAIN §3): narrows it to the subtree of the named region, through the
 * region path stored on each row (`pathColumn`, e.g. `g.region_path`); an unknown or invisible region
 * matches nothing.
 */
export async function whereWithin<T extends ObjectLiteral>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  pathColumn: string,
  within: string | null | undefined,
): Promise<SelectQueryBuilder<T>> {
  if (!within) return qb;
  const region = await ctx.loaders.regionById.load(idOfType(within, 'Region') ?? NO_ID);
  return qb.andWhere(`${pathColumn} LIKE :within`, { within: region ? `${region.path}%` : '-' });
}
