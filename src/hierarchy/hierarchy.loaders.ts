import DataLoader from 'dataloader';
import { byPinyin } from '../common/collation';
import { groupBy } from '../common/collections';
import { PeekableLoader } from '../common/peekable-loader';
import { registerLoaders } from '../common/request-context';
import type { ScopedAccess } from '../common/scoped-access';
import type { OrganizationEntity } from './organization.entity';
import type { RegionEntity } from './region.entity';

/**
 * Per-request loaders of the hierarchy (STYLE principle 6): every batch goes through the scoped helper,
 * takes its keys as one array parameter (`= ANY($1)`), and answers in key order. A key outside the
 * caller's jurisdiction answers null, exactly like a missing one. The loaders a prefetched tree primes are
 * peekable (issue 18: resolvers over held rows stay synchronous).
 */
export function hierarchyLoaders(scope: ScopedAccess) {
  return {
    regionById: new PeekableLoader<string, RegionEntity | null>(async (ids) => {
      const rows = await (await scope.regions()).andWhere('r.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    childrenByRegionId: new PeekableLoader<string, RegionEntity[]>(async (parentIds) => {
      const rows = await (await scope.regions())
        .andWhere('r.parent_id = ANY(:parentIds)', { parentIds })
        .orderBy('r.code')
        .getMany();
      const byParent = groupBy(rows, (r) => r.parentId ?? '');
      return parentIds.map((id) => byParent.get(id) ?? []);
    }),

    /** Key: `${path}|${level or ''}` — every region below `path`, optionally of one level. */
    descendantsByPath: new DataLoader<string, RegionEntity[]>(async (keys) => {
      const parsed = keys.map((k) => {
        const [path, level] = k.split('|');
        return { path, levels: level ? level.split(',') : null };
      });
      const rows = await (
        await scope.regions()
      )
        .andWhere('r.path LIKE ANY(:prefixes)', { prefixes: parsed.map((p) => `${p.path}_%`) })
        .orderBy('r.code')
        .getMany();
      return parsed.map(({ path, levels }) =>
        rows.filter(
          (r) => r.path.startsWith(path) && r.path !== path && (!levels || levels.includes(r.level)),
        ),
      );
    }),

    organizationById: new PeekableLoader<string, OrganizationEntity | null>(async (ids) => {
      const rows = await (await scope.organizations()).andWhere('o.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    // Plain rows (issue 18): a region's list feeds pages of its organizations, often of one kind, so most
    // rows read are never shown; the city tree's prefetch primes this loader with rows of the same shape.
    // Each region's by kind then name in pinyin; by region first, so names are compared within a region.
    organizationsByRegionId: new PeekableLoader<string, OrganizationEntity[]>(async (regionIds) => {
      const rows = await scope.plainRows(
        (await scope.organizations())
          .andWhere('o.region_id = ANY(:regionIds)', { regionIds })
          .orderBy('o.region_id')
          .addOrderBy('o.kind')
          .addOrderBy(byPinyin('o.name')),
      );
      const byRegion = groupBy(rows, (o) => o.regionId);
      return regionIds.map((id) => byRegion.get(id) ?? []);
    }),

    /**
     * 对口部门 (DOMAIN §3): the counterparts mapped for each upper department, in the caller's view,
     * ordered by region then name. One statement for all keys.
     */
    counterpartsByDepartmentId: new DataLoader<string, OrganizationEntity[]>(async (departmentIds) => {
      const { entities, raw } = await (await scope.organizations())
        .innerJoin(
          'organization_counterpart',
          'oc',
          'oc.tenant_id = o.tenant_id AND oc.counterpart_organization_id = o.id',
        )
        .andWhere('oc.upper_organization_id = ANY(:departmentIds)', { departmentIds })
        .addSelect('oc.upper_organization_id', 'key')
        .orderBy('o.region_path')
        .addOrderBy(byPinyin('o.name'))
        .getRawAndEntities<{ key: string; o_id: string }>();
      return departmentIds.map((id) =>
        raw.flatMap((r) => {
          const o = r.key === id ? entities.find((e) => e.id === r.o_id) : undefined;
          return o ? [o] : [];
        }),
      );
    }),

    /** The upper departments an organization answers for as their counterpart, in the caller's view. */
    counterpartOfByOrganizationId: new DataLoader<string, OrganizationEntity[]>(async (counterpartIds) => {
      const { entities, raw } = await (await scope.organizations())
        .innerJoin(
          'organization_counterpart',
          'oc',
          'oc.tenant_id = o.tenant_id AND oc.upper_organization_id = o.id',
        )
        .andWhere('oc.counterpart_organization_id = ANY(:counterpartIds)', { counterpartIds })
        .addSelect('oc.counterpart_organization_id', 'key')
        .orderBy(byPinyin('o.name'))
        .getRawAndEntities<{ key: string; o_id: string }>();
      return counterpartIds.map((id) =>
        raw.flatMap((r) => {
          const o = r.key === id ? entities.find((e) => e.id === r.o_id) : undefined;
          return o ? [o] : [];
        }),
      );
    }),
  };
}

export type HierarchyLoaders = ReturnType<typeof hierarchyLoaders>;

// This module's part of every request's loader set (composed by src/app/modules.ts).
registerLoaders('hierarchy', hierarchyLoaders);
declare module '../common/request-context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge adds the members
  interface Loaders extends HierarchyLoaders {}
}
