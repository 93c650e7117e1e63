import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ConnectionArgs, queryConnection, type SortColumn, SortDirection } from '../common/pagination';
import { whereWithin } from '../hierarchy/within-filter';
import { FundConnection, ProjectConnection } from '../funds/dto/funds.types';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import { AssessmentPendingFilter } from './dto/assessment.inputs';
import { ExAnteAssessmentType } from './dto/assessment.types';

const pendingSort: SortColumn = { expression: 'f.name', read: (f) => (f as FundEntity).name };
const pendingProjectSort: SortColumn = {
  expression: 'p.name',
  read: (p) => (p as ProjectEntity).name,
};

/** 待评估清单 — the "assessment pending" lists of funds and projects (DOMAIN §6, 002 第七条). */
@Resolver(() => ExAnteAssessmentType)
export class AssessmentPendingResolver {
  @Query(() => FundConnection, {
    description:
      '待评估清单（专项资金） — the "assessment pending" list of funds (DOMAIN §6, 002 第七条): new major funds pre-approved by the government that have no finance-accepted ex-ante assessment yet, in the caller’s jurisdiction, by name. Projects: assessmentPendingProjects',
  })
  async assessmentsPending(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AssessmentPendingFilter, { nullable: true, description: '筛选 — filters' })
    filter?: AssessmentPendingFilter,
  ) {
    const qb = (await ctx.scope.funds())
      .andWhere(
        'f.is_new_major AND f.government_pre_approved AND NOT f.is_emergency AND NOT f.assessed_at_creation',
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ex_ante_assessment pea WHERE pea.tenant_id = f.tenant_id AND pea.fund_id = f.id AND pea.status = 'ACCEPTED')`,
      );
    if (filter?.year != null)
      qb.andWhere('f.start_year <= :year AND f.end_year >= :year', { year: filter.year });
    await whereWithin(ctx, qb, 'f.region_path', filter?.within);
    return queryConnection(
      FundConnection,
      qb,
      page,
      { sort: pendingSort, direction: SortDirection.ASC },
      'f.id',
    );
  }

  @Query(() => ProjectConnection, {
    description:
      '待评估清单（项目） — the "assessment pending" list of projects (DOMAIN §6, 002 第七条): projects that require an ex-ante assessment, were pre-approved by the government and have no finance-accepted assessment yet (emergency money exempt), in the caller’s jurisdiction, by name',
  })
  async assessmentPendingProjects(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AssessmentPendingFilter, { nullable: true, description: '筛选 — filters' })
    filter?: AssessmentPendingFilter,
  ) {
    const qb = (await ctx.scope.projects())
      .andWhere('p.requires_assessment AND p.government_pre_approved')
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM fund pf WHERE pf.tenant_id = p.tenant_id AND pf.id = p.fund_id AND pf.is_emergency)`,
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM ex_ante_assessment pea WHERE pea.tenant_id = p.tenant_id AND pea.project_id = p.id AND pea.status = 'ACCEPTED')`,
      );
    if (filter?.year != null) qb.andWhere('p.year = :year', { year: filter.year });
    await whereWithin(ctx, qb, 'p.region_path', filter?.within);
    return queryConnection(
      ProjectConnection,
      qb,
      page,
      { sort: pendingProjectSort, direction: SortDirection.ASC },
      'p.id',
    );
  }
}
