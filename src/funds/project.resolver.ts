import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { toGlobalId } from '../common/global-id';
import { ConnectionArgs, queryConnection, sortedBy } from '../common/pagination';
import { FilterArg, IdArg, loadByGlobalId, OrderByArg, sortColumns } from '../common/query-args';
import { whereWithin } from '../hierarchy/within-filter';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import type { RegionEntity } from '../hierarchy/region.entity';
import {
  CreateProjectInput,
  ProjectFilter,
  ProjectOrder,
  ProjectSortField,
  UpdateProjectInput,
} from './dto/project.inputs';
import { FundType, ProjectConnection, ProjectType } from './dto/funds.types';
import type { FundEntity } from './fund.entity';
import { isSelfImplemented } from './own-level';
import type { ProjectEntity } from './project.entity';
import { createProject, updateProject } from './project.service';
import { Idempotent } from '../idempotency/idempotent';
import { whereAnyOf, whereContains, whereGlobalId } from '../common/list-filter';
import { CreateProjectPayload, UpdateProjectPayload } from './dto/funds-mutation.types';

const projectSort = sortColumns<ProjectEntity, ProjectSortField>('p', {
  NAME: ['name', (p) => p.name],
  YEAR: ['year', (p) => p.year],
});

@Resolver(() => ProjectType)
export class ProjectResolver {
  @Query(() => ProjectType, {
    nullable: true,
    description: '项目 — one project; null when missing or out of jurisdiction',
  })
  project(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<ProjectEntity | null> | null {
    return loadByGlobalId(ctx.loaders.projectById, id, 'Project');
  }

  @Query(() => ProjectConnection, {
    description: '项目列表 — projects in the caller’s subtree (units: their own), filtered and sorted',
  })
  async projects(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @FilterArg(ProjectFilter) filter?: ProjectFilter,
    @OrderByArg(ProjectOrder, 'name ascending') orderBy?: ProjectOrder,
  ) {
    const qb = await ctx.scope.projects();
    if (filter?.year != null) qb.andWhere('p.year = :year', { year: filter.year });
    whereGlobalId(qb, 'p.fund_id', 'fundId', filter?.fundId, 'Fund');
    whereGlobalId(qb, 'p.implementing_unit_id', 'unitId', filter?.implementingUnitId, 'Organization');
    whereGlobalId(qb, 'p.department_id', 'departmentId', filter?.departmentId, 'Organization');
    whereAnyOf(qb, 'p.library_status', 'libraryStatus', filter?.libraryStatus);
    whereContains(qb, 'p.name', 'name', filter?.nameContains);
    await whereWithin(ctx, qb, 'p.region_path', filter?.within);
    return queryConnection(
      ProjectConnection,
      qb,
      page,
      sortedBy(projectSort, orderBy, ProjectSortField.NAME),
      'p.id',
    );
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() project: ProjectEntity): string {
    return toGlobalId('Project', project.id);
  }

  @FieldResolver(() => FundType, {
    nullable: true,
    description: '专项资金 — the financing fund, if any and visible',
  })
  fund(@Root() project: ProjectEntity, @Ctx() ctx: RequestContext): Promise<FundEntity | null> | null {
    return project.fundId ? ctx.loaders.fundById.load(project.fundId) : null;
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '主管部门 — the owning competent department (null only if outside the caller’s view)',
  })
  department(@Root() project: ProjectEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(project.departmentId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '实施单位 — the implementing unit; null for an own-level project its department runs itself (selfImplemented), or outside the caller’s view',
  })
  implementingUnit(
    @Root() project: ProjectEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> | null {
    if (isSelfImplemented(project)) return null;
    return ctx.loaders.organizationById.load(project.implementingUnitId);
  }

  @FieldResolver(() => Boolean, {
    description:
      '部门本级自行实施 — an own-level (本级) project the competent department runs itself, without an implementing unit (002 第十六条); the department drafts its goal and self-evaluates it',
  })
  selfImplemented(@Root() project: ProjectEntity): boolean {
    return isSelfImplemented(project);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '所在区划 — the implementing unit’s region (null only if outside the caller’s view)',
  })
  region(@Root() project: ProjectEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(project.regionId);
  }

  @Mutation(() => CreateProjectPayload, {
    description:
      '新建项目 — by the implementing unit or a competent department over it (P2); status CANDIDATE',
  })
  @Idempotent()
  createProject(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateProjectInput, { description: '输入 — the mutation input' })
    input: CreateProjectInput,
  ) {
    return createProject(ctx, input);
  }

  @Mutation(() => UpdateProjectPayload, {
    description: '修改项目 — by its implementing unit or owning department (P2); not its library status',
  })
  updateProject(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateProjectInput, { description: '输入 — the mutation input' })
    input: UpdateProjectInput,
  ) {
    return updateProject(ctx, input);
  }
}
