import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { money } from '../common/decimal';
import { MoneyScalar } from '../common/scalars';
import { toGlobalId } from '../common/global-id';
import {
  boundedPageCost,
  ConnectionArgs,
  listConnection,
  queryConnection,
  sortedBy,
} from '../common/pagination';
import { FilterArg, IdArg, loadByGlobalId, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from '../hierarchy/within-filter';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import type { RegionEntity } from '../hierarchy/region.entity';
import type { AllocationEntity } from './allocation.entity';
import {
  CreateFundInput,
  FundFilter,
  FundOrder,
  FundSortField,
  SetAllocationsInput,
  UpdateFundInput,
} from './dto/fund.inputs';
import {
  AllocationConnection,
  AllocationType,
  FundConnection,
  FundType,
  ProjectConnection,
  ProjectType,
} from './dto/funds.types';
import type { FundEntity } from './fund.entity';
import { setAllocations } from './fund-allocation.service';
import { createFund, updateFund } from './fund.service';
import type { ProjectEntity } from './project.entity';
import { fundTotal } from './rules/fund-rules';
import { availabilityOf } from '../common/decision';
import { FundActionAvailabilityType } from './dto/actions.types';
import { FundAction } from './fund.enums';
import { decideFund } from './rules/fund-decision';
import { Idempotent } from '../idempotency/idempotent';
import { LIST_SIZE } from '../common/list-cost';
import { whereAnyOf, whereContains, whereGlobalId } from '../common/list-filter';
import { CreateFundPayload, SetAllocationsPayload, UpdateFundPayload } from './dto/funds-mutation.types';

const fundSort = sortColumns<FundEntity, FundSortField>('f', {
  NAME: ['name', (f) => f.name],
  START_YEAR: ['start_year', (f) => f.startYear],
});

@Resolver(() => FundType)
export class FundResolver {
  @Query(() => FundType, {
    nullable: true,
    description: '专项资金 — one fund; null when missing or out of jurisdiction',
  })
  fund(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<FundEntity | null> | null {
    return loadByGlobalId(ctx.loaders.fundById, id, 'Fund');
  }

  @Query(() => FundConnection, {
    description:
      '专项资金列表 — funds of departments in the caller’s subtree and funds allocated into it, filtered and sorted',
  })
  async funds(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(FundFilter) filter?: FundFilter,
    @OrderByArg(FundOrder, 'name ascending') orderBy?: FundOrder,
  ) {
    const qb = await ctx.scope.funds();
    if (filter?.year != null)
      qb.andWhere('f.start_year <= :year AND f.end_year >= :year', { year: filter.year });
    whereAnyOf(qb, 'f.budget_book', 'budgetBook', filter?.budgetBook);
    whereAnyOf(qb, 'f.allocation_method', 'method', filter?.allocationMethod);
    whereGlobalId(qb, 'f.organization_id', 'departmentId', filter?.departmentId, 'Organization');
    whereContains(qb, 'f.name', 'name', filter?.nameContains);
    await whereWithin(ctx, qb, 'f.region_path', filter?.within);
    return queryConnection(FundConnection, qb, page, sortedBy(fundSort, orderBy, FundSortField.NAME), 'f.id');
  }

  @FieldResolver(() => [FundActionAvailabilityType], {
    description:
      '可办理操作 — each action on the fund (EDIT, SET_ALLOCATIONS) with whether the caller may take it now and, if not, why (P1); the same decision as the mutations (issue 11 item 2)',
  })
  availableActions(@Root() f: FundEntity, @Ctx() ctx: RequestContext): FundActionAvailabilityType[] {
    return Object.values(FundAction).map((action) =>
      availabilityOf(action, decideFund(f, ctx.caller, action)),
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() fund: FundEntity): string {
    return toGlobalId('Fund', fund.id);
  }

  @FieldResolver(() => MoneyScalar, {
    description: '资金合计（元） — total = upper-level + own-level + lower-level money, exactly',
  })
  totalAmount(@Root() fund: FundEntity): string {
    return money(
      fundTotal({
        upperLevel: fund.upperLevelAmount,
        ownLevel: fund.ownLevelAmount,
        lowerLevel: fund.lowerLevelAmount,
      }),
    );
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '主管部门 — the owning competent department (null only if outside the caller’s view)',
  })
  department(@Root() fund: FundEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(fund.organizationId);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '所在区划 — the department’s region (null only if outside the caller’s view)',
  })
  region(@Root() fund: FundEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(fund.regionId);
  }

  @FieldResolver(() => FundType, {
    nullable: true,
    description: '上级资金 — the upper-level fund financing this one (上级绩效目标传导), if visible',
  })
  upperFund(@Root() fund: FundEntity, @Ctx() ctx: RequestContext): Promise<FundEntity | null> | null {
    return fund.upperFundId ? ctx.loaders.fundById.load(fund.upperFundId) : null;
  }

  @FieldResolver(() => AllocationConnection, {
    complexity: boundedPageCost(LIST_SIZE.fundLines),
    description:
      '资金分配 — allocations the caller may see: all of them for the giving side, its own share for a receiver (a connection, issue 11 item 7)',
  })
  async allocations(@Root() fund: FundEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(
      AllocationConnection,
      ctx.loaders.allocationsByFundId.load(fund.id),
      page,
      (a) => a.createdAt,
    );
  }

  @FieldResolver(() => ProjectConnection, {
    complexity: boundedPageCost(LIST_SIZE.fundLines),
    description:
      '项目 — projects financed by this fund, within the caller’s view (a connection, issue 11 item 7)',
  })
  async projects(@Root() fund: FundEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return listConnection(ProjectConnection, ctx.loaders.projectsByFundId.load(fund.id), page, (p) => p.name);
  }

  @Mutation(() => CreateFundPayload, {
    description: '新建专项资金 — a competent department sets up a fund of its own (P1)',
  })
  @Idempotent()
  createFund(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateFundInput, { description: '输入 — the mutation input' }) input: CreateFundInput,
  ) {
    return createFund(ctx, input);
  }

  @Mutation(() => UpdateFundPayload, { description: '修改专项资金 — by the owning department only (P1)' })
  updateFund(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateFundInput, { description: '输入 — the mutation input' }) input: UpdateFundInput,
  ) {
    return updateFund(ctx, input);
  }

  @Mutation(() => SetAllocationsPayload, {
    description: '设置资金分配 — replace a fund’s allocations as a whole, by the owning department (P1)',
  })
  setAllocations(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetAllocationsInput, { description: '输入 — the mutation input' })
    input: SetAllocationsInput,
  ) {
    return setAllocations(ctx, input);
  }
}

@Resolver(() => AllocationType)
export class AllocationResolver {
  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() allocation: AllocationEntity): string {
    return toGlobalId('Allocation', allocation.id);
  }

  @FieldResolver(() => FundType, { nullable: true, description: '专项资金 — the fund allocated' })
  fund(@Root() allocation: AllocationEntity, @Ctx() ctx: RequestContext): Promise<FundEntity | null> {
    return ctx.loaders.fundById.load(allocation.fundId);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '下达地区 — the receiving region (因素法); null for a project allocation',
  })
  region(
    @Root() allocation: AllocationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<RegionEntity | null> | null {
    return allocation.regionId ? ctx.loaders.regionById.load(allocation.regionId) : null;
  }

  @FieldResolver(() => ProjectType, {
    nullable: true,
    description: '项目 — the receiving project (项目法); null for a regional allocation',
  })
  project(
    @Root() allocation: AllocationEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectEntity | null> | null {
    return allocation.projectId ? ctx.loaders.projectById.load(allocation.projectId) : null;
  }
}
