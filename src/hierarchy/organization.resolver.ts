import type { MaybePromise } from '../common/peekable-loader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { toGlobalId } from '../common/global-id';
import {
  boundedPageCost,
  ConnectionArgs,
  listConnection,
  queryConnection,
  sortedBy,
} from '../common/pagination';
import { FilterArg, IdArg, loadByGlobalId, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from './within-filter';
import { LIST_SIZE } from '../common/list-cost';
import { OrganizationConnection, OrganizationType, RegionType } from './dto/hierarchy.types';
import {
  CreateOrganizationInput,
  DeleteOrganizationInput,
  OrganizationFilter,
  OrganizationOrder,
  OrganizationSortField,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import { RemoveCounterpartInput, SetCounterpartInput } from './dto/counterpart.inputs';
import { removeCounterpart, setCounterpart } from './counterpart.service';
import type { OrganizationEntity } from './organization.entity';
import { createOrganization, deleteOrganization, updateOrganization } from './organization.service';
import type { RegionEntity } from './region.entity';
import { Idempotent } from '../idempotency/idempotent';
import { whereAnyOf, whereContains, whereGlobalId } from '../common/list-filter';
import {
  CreateOrganizationPayload,
  DeleteOrganizationPayload,
  RemoveCounterpartPayload,
  SetCounterpartPayload,
  UpdateOrganizationPayload,
} from './dto/hierarchy-mutation.types';

const organizationSort = sortColumns<OrganizationEntity, OrganizationSortField>('o', {
  NAME: ['name', (o) => o.name],
  KIND: ['kind', (o) => o.kind],
});

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, {
    nullable: true,
    description: '单位 — one organization; null when missing or out of jurisdiction',
  })
  organization(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<OrganizationEntity | null> | null {
    return loadByGlobalId(ctx.loaders.organizationById, id, 'Organization');
  }

  @Query(() => OrganizationConnection, {
    description: '单位列表 — organizations in the caller’s jurisdiction, filtered and sorted',
  })
  async organizations(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(OrganizationFilter) filter?: OrganizationFilter,
    @OrderByArg(OrganizationOrder, 'name ascending') orderBy?: OrganizationOrder,
  ) {
    const qb = await ctx.scope.organizations();
    whereAnyOf(qb, 'o.kind', 'kind', filter?.kind);
    whereAnyOf(qb, 'o.sector', 'sector', filter?.sector);
    whereGlobalId(qb, 'o.region_id', 'regionId', filter?.regionId, 'Region');
    whereGlobalId(qb, 'o.supervising_department_id', 'sup', filter?.supervisingDepartmentId, 'Organization');
    whereContains(qb, 'o.name', 'name', filter?.nameContains);
    await whereWithin(ctx, qb, 'o.region_path', filter?.within);
    return queryConnection(
      OrganizationConnection,
      qb,
      page,
      sortedBy(organizationSort, orderBy, OrganizationSortField.NAME),
      'o.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() organization: OrganizationEntity): string {
    return toGlobalId('Organization', organization.id);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '所在区划 — the region it is located in (null only if outside the caller’s view)',
  })
  region(@Root() organization: OrganizationEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(organization.regionId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '主管部门 — supervising competent department of an implementing unit',
  })
  supervisingDepartment(
    @Root() organization: OrganizationEntity,
    @Ctx() ctx: RequestContext,
  ): MaybePromise<OrganizationEntity | null> {
    return organization.supervisingDepartmentId
      ? ctx.loaders.organizationById.loadNow(organization.supervisingDepartmentId)
      : null;
  }

  @FieldResolver(() => OrganizationConnection, {
    complexity: boundedPageCost(LIST_SIZE.regionChildren),
    description:
      '对口部门 — the departments of directly lower regions that answer for this department’s funds there (an explicit mapping, DOMAIN §3; 003 转移支付 第六–八条), those in the caller’s view, by region then name (pinyin); a connection (issue 11 item 7)',
  })
  async counterparts(
    @Root() organization: OrganizationEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
  ) {
    return listConnection(
      OrganizationConnection,
      ctx.loaders.counterpartsByDepartmentId.load(organization.id),
      page,
      (o) => o.name,
    );
  }

  @FieldResolver(() => OrganizationConnection, {
    complexity: boundedPageCost(LIST_SIZE.regionOrganizations),
    description:
      '对口上级部门 — the upper departments this department answers for as their counterpart (one township office may serve several), those in the caller’s view, by name (pinyin); a connection (issue 11 item 7)',
  })
  async counterpartOf(
    @Root() organization: OrganizationEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
  ) {
    return listConnection(
      OrganizationConnection,
      ctx.loaders.counterpartOfByOrganizationId.load(organization.id),
      page,
      (o) => o.name,
    );
  }

  @Mutation(() => SetCounterpartPayload, {
    description:
      '设置对口部门 — tenant administrators: name the lower-level department answering for an upper department’s funds in its region (replaces the previous one there)',
  })
  setCounterpart(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetCounterpartInput, { description: '输入 — the mutation input' })
    input: SetCounterpartInput,
  ) {
    return setCounterpart(ctx, input);
  }

  @Mutation(() => RemoveCounterpartPayload, {
    description: '取消对口部门 — tenant administrators: remove a mapping',
  })
  removeCounterpart(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RemoveCounterpartInput, { description: '输入 — the mutation input' })
    input: RemoveCounterpartInput,
  ) {
    return removeCounterpart(ctx, input);
  }

  @Mutation(() => CreateOrganizationPayload, {
    description: '新建单位 — tenant administrators, inside their subtree',
  })
  @Idempotent()
  createOrganization(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateOrganizationInput, { description: '输入 — the mutation input' })
    input: CreateOrganizationInput,
  ) {
    return createOrganization(ctx, input);
  }

  @Mutation(() => UpdateOrganizationPayload, {
    description: '修改单位 — name, sector, supervisor, credit code',
  })
  updateOrganization(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateOrganizationInput, { description: '输入 — the mutation input' })
    input: UpdateOrganizationInput,
  ) {
    return updateOrganization(ctx, input);
  }

  @Mutation(() => DeleteOrganizationPayload, {
    description: '删除单位 — refused while it has users or supervised units',
  })
  deleteOrganization(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteOrganizationInput, { description: '输入 — the mutation input' })
    input: DeleteOrganizationInput,
  ) {
    return deleteOrganization(ctx, input);
  }
}
