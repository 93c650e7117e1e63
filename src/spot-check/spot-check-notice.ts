import type { RequestContext } from '../common/request-context';
import type { RegionEntity } from '../hierarchy/region.entity';
import type { SpotCheckItemEntity } from './spot-check-item.entity';
import { ErrorCode } from '../common/errors';
import { jurisdictionRegion, regionNotFound } from './spot-check.query';
import { SpotCheckRecommendation } from './spot-check.enums';
import { visibleItems } from './spot-check.loaders';
import { refusal } from '../common/refusal';

export interface SpotCheckNotice {
  year: number;
  items: SpotCheckItemEntity[];
  regions: {
    region: RegionEntity | null;
    flaggedItemCount: number;
    recommendation: SpotCheckRecommendation;
  }[];
}

/**
 * 通报 (DOMAIN §12; 003 第二十一条, 转移支付 第二十四条): the year's flagged items — of the samples the
 * caller sees, in the `within` region (default its own) — ordered by region and position, and per region
 * with a flagged item the recommendation 从严、从紧 (tighten next year's transfer budget). Always current: it
 * reads the items' stored flags, set when drawn (missing self-evaluations) or when checked. Two statements.
 */
export async function spotCheckNotice(
  ctx: RequestContext,
  year: number,
  within: string | null | undefined,
): Promise<SpotCheckNotice> {
  const region = await jurisdictionRegion(ctx, within);
  if (!region) throw refusal(ErrorCode.NOT_FOUND, ['within'], regionNotFound);
  const items = await (
    await visibleItems(ctx.scope)
  )
    .innerJoin('sci.sample', 'ns')
    .andWhere('ns.year = :year', { year })
    .andWhere('sci.region_path LIKE :within', { within: `${region.path}%` })
    .andWhere(`jsonb_array_length(sci.flags) > 0`)
    .orderBy('sci.region_path')
    .addOrderBy('ns.drawn_at')
    .addOrderBy('sci.position')
    .getMany();
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.regionId, (counts.get(item.regionId) ?? 0) + 1);
  const regions = await ctx.loaders.regionById.loadMany([...counts.keys()]);
  return {
    year,
    items,
    regions: [...counts.entries()].map(([, flaggedItemCount], k) => {
      const loaded = regions[k];
      return {
        region: loaded && !(loaded instanceof Error) ? loaded : null,
        flaggedItemCount,
        recommendation: SpotCheckRecommendation.TIGHTEN,
      };
    }),
  };
}
