import { thenOrNow, type MaybePromise } from '../common/peekable-loader';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../common/request-context';
import { LIST_SIZE, listCost } from '../common/list-cost';
import { pathIds } from '../auth/principal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType, toGlobalId } from '../common/global-id';
import {
  boundedPageCost,
  ConnectionArgs,
  listConnection,
  queryConnection,
  sortedBy,
} from '../common/pagination';
import { FilterArg, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from './within-filter';
import { OrganizationKind, RegionLevel } from './hierarchy.enums';
import { OrganizationConnection, RegionConnection, RegionType } from './dto/hierarchy.types';
import {
  CreateRegionInput,
  DeleteRegionInput,
  RegionFilter,
  RegionOrder,
  RegionSortField,
  UpdateRegionInput,
} from './dto/region.inputs';
import type { OrganizationEntity } from './organization.entity';
import type { RegionEntity } from './region.entity';
import { createRegion, deleteRegion, updateRegion } from './region.service';
import { Idempotent } from '../idempotency/idempotent';
import { ANY_OF_NOTE, anyOf, whereAnyOf, whereContains, whereGlobalId } from '../common/list-filter';
import {
  CreateRegionPayload,
  DeleteRegionPayload,
  UpdateRegionPayload,
} from './dto/hierarchy-mutation.types';
import { refusal } from '../common/refusal';
import { prefetchRegionTree } from './region-tree.rows';

const regionSort = sortColumns<RegionEntity, RegionSortField>('r', {
  CODE: ['code', (r) => r.code],
  NAME: ['name', (r) => r.name],
});

@Resolver(() => RegionType)
export class RegionResolver {
  @Query(() => RegionType, {
    nullable: true,
    description:
      '行政区划 — one region by global id or by division code; null when missing or out of jurisdiction',
  })
  async region(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: '全局标识 — global id' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: '行政区划代码 — division code' }) code?: string,
  ): Promise<RegionEntity | null> {
    if ((id ? 1 : 0) + (code ? 1 : 0) !== 1) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['id'],
        msg('请只提供 id 或 code 其中之一', 'Give exactly one of id and code'),
      );
    }
    const uuid = id ? idOfType(id, 'Region') : null;
    if (id && !uuid) return null;
    const root = uuid
      ? await ctx.loaders.regionById.load(uuid)
      : await (await ctx.scope.regions()).andWhere('r.code = :code', { code }).getOne();
    // Issue 18: the selected subtree and its organizations in two statements (region-tree.rows.ts).
    if (root) await prefetchRegionTree(ctx, info, root);
    return root;
  }

  @Query(() => RegionConnection, {
    description: '行政区划列表 — regions in the caller’s jurisdiction, filtered and sorted',
  })
  async regions(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(RegionFilter) filter?: RegionFilter,
    @OrderByArg(RegionOrder, 'code ascending') orderBy?: RegionOrder,
  ) {
    const qb = await ctx.scope.regions();
    whereAnyOf(qb, 'r.level', 'level', filter?.level);
    if (filter?.code) qb.andWhere('r.code = :code', { code: filter.code });
    whereContains(qb, 'r.name', 'name', filter?.nameContains);
    whereGlobalId(qb, 'r.parent_id', 'parentId', filter?.parentId, 'Region');
    await whereWithin(ctx, qb, 'r.path', filter?.within);
    return queryConnection(
      RegionConnection,
      qb,
      page,
      sortedBy(regionSort, orderBy, RegionSortField.CODE),
      'r.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() region: RegionEntity): string {
    return toGlobalId('Region', region.id);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '上级区划 — the parent region; null for the city',
  })
  parent(@Root() region: RegionEntity, @Ctx() ctx: RequestContext): MaybePromise<RegionEntity | null> {
    return region.parentId ? ctx.loaders.regionById.loadNow(region.parentId) : null;
  }

  @FieldResolver(() => [RegionType], {
    description: '上级区划链 — ancestors from the city down, excluding this region',
    complexity: listCost(LIST_SIZE.regionAncestors),
  })
  async ancestors(@Root() region: RegionEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity[]> {
    const ids = pathIds(region.path).slice(0, -1);
    const found = await ctx.loaders.regionById.loadMany(ids);
    return found.filter((r): r is RegionEntity => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => RegionConnection, {
    description:
      '下级区划 — the direct children in the caller’s jurisdiction, by code (a connection, issue 11 item 7)',
    complexity: boundedPageCost(LIST_SIZE.regionChildren),
  })
  children(@Root() region: RegionEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      RegionConnection,
      ctx.loaders.childrenByRegionId.loadNow(region.id),
      page,
      (r) => r.code,
    );
  }

  @FieldResolver(() => RegionConnection, {
    description:
      '所辖区划 — all regions below this one, optionally of one level, by code (a connection, issue 11 item 7)',
    complexity: boundedPageCost(LIST_SIZE.regionDescendants),
  })
  async descendants(
    @Root() region: RegionEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('level', () => [RegionLevel], { nullable: true, description: `层级 — level: ${ANY_OF_NOTE}` })
    level?: RegionLevel[],
  ) {
    const levels = anyOf(level)?.sort().join(',') ?? '';
    return listConnection(
      RegionConnection,
      ctx.loaders.descendantsByPath.load(`${region.path}|${levels}`),
      page,
      (r) => r.code,
    );
  }

  @FieldResolver(() => OrganizationConnection, {
    description: '单位 — organizations located in this region (a connection, issue 11 item 7)',
    complexity: boundedPageCost(LIST_SIZE.regionOrganizations),
  })
  organizations(
    @Root() region: RegionEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('kind', () => [OrganizationKind], { nullable: true, description: `单位类型 — kind: ${ANY_OF_NOTE}` })
    kind?: OrganizationKind[],
  ) {
    const kinds = anyOf(kind);
    const shown = (all: OrganizationEntity[]) => (kinds ? all.filter((o) => kinds.includes(o.kind)) : all);
    return listConnection(
      OrganizationConnection,
      thenOrNow(ctx.loaders.organizationsByRegionId.loadNow(region.id), shown),
      page,
      (o) => o.name,
    );
  }

  @Mutation(() => CreateRegionPayload, {
    description: '新建行政区划 — tenant administrators, inside their subtree',
  })
  @Idempotent()
  createRegion(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateRegionInput, { description: '输入 — the mutation input' })
    input: CreateRegionInput,
  ) {
    return createRegion(ctx, input);
  }

  @Mutation(() => UpdateRegionPayload, { description: '修改行政区划 — rename or recode; moving is refused' })
  updateRegion(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateRegionInput, { description: '输入 — the mutation input' })
    input: UpdateRegionInput,
  ) {
    return updateRegion(ctx, input);
  }

  @Mutation(() => DeleteRegionPayload, {
    description: '删除行政区划 — refused while it holds regions or organizations',
  })
  deleteRegion(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteRegionInput, { description: '输入 — the mutation input' })
    input: DeleteRegionInput,
  ) {
    return deleteRegion(ctx, input);
  }
}
