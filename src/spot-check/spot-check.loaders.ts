import DataLoader from 'dataloader';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { groupBy } from '../common/collections';
import type { ScopedAccess } from '../common/scoped-access';
import { SpotCheckItemEntity } from './spot-check-item.entity';
import type { SpotCheckSampleEntity } from './spot-check-sample.entity';

/**
 * Items of the samples the caller sees (P6): the sample's scope predicate (ScopedAccess.spotCheckSamples)
 * applied through the item's sample, as the other child tables are read through their parent.
 */
export async function visibleItems(
  scope: ScopedAccess,
  alias = 'sci',
): Promise<SelectQueryBuilder<SpotCheckItemEntity>> {
  const samples = await scope.spotCheckSamples(`s${alias}`);
  const em = await scope.manager();
  return em
    .createQueryBuilder(SpotCheckItemEntity, alias)
    .where(`${alias}.tenant_id = :itemTenant`, { itemTenant: scope.caller.tenantId })
    .andWhere(`${alias}.sample_id IN (${samples.select(`s${alias}.id`).getQuery()})`)
    .setParameters({ ...samples.getParameters(), itemTenant: scope.caller.tenantId });
}

/**
 * Per-request loaders of spot checks (STYLE principle 6): scoped batches, one array parameter, answers
 * in key order; a key outside the caller's view answers null (or an empty list), like a missing one.
 */
export function spotCheckLoaders(scope: ScopedAccess) {
  return {
    sampleById: new DataLoader<string, SpotCheckSampleEntity | null>(async (ids) => {
      const rows = await (await scope.spotCheckSamples()).andWhere('scs.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    itemById: new DataLoader<string, SpotCheckItemEntity | null>(async (ids) => {
      const rows = await (await visibleItems(scope)).andWhere('sci.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((i) => [i.id, i]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    itemsBySampleId: new DataLoader<string, SpotCheckItemEntity[]>(async (ids) => {
      const rows = await (await visibleItems(scope))
        .andWhere('sci.sample_id = ANY(:ids)', { ids })
        .orderBy('sci.position')
        .getMany();
      const grouped = groupBy(rows, (i) => i.sampleId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type SpotCheckLoaders = ReturnType<typeof spotCheckLoaders>;

const perRequest = new WeakMap<RequestContext, SpotCheckLoaders>();

/** The spot-check loaders of this request, built once from its scoped access. */
export function spotCheckLoadersOf(ctx: RequestContext): SpotCheckLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = spotCheckLoaders(ctx.scope);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
