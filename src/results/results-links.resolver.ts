import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { idOfType } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { FundType, ProjectType } from '../funds/dto/funds.types';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import { FindingType, RecommendationType } from './dto/results.types';

/**
 * Objects, not bare ids (issue 11 item 7): the goal, organizations, region, fund and project a finding or
 * recommendation names, loaded through the same scoped loaders as everywhere (batched per request; null
 * when out of the caller's jurisdiction, P6). The `…Id` fields stay for existing clients.
 */
const load = <T>(
  globalId: string | null | undefined,
  type: string,
  by: (id: string) => Promise<T | null>,
): Promise<T | null> => {
  const id = globalId ? idOfType(globalId, type) : null;
  return id ? by(id) : Promise.resolve(null);
};

@Resolver(() => FindingType)
export class FindingLinksResolver {
  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description: '绩效目标 — the goal (null out of jurisdiction)',
  })
  goal(@Root() f: FindingType, @Ctx() ctx: RequestContext) {
    return load(f.goalId, 'PerformanceGoal', (id) => ctx.loaders.goalById.load(id));
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '反馈单位 — the evaluating body that gives feedback',
  })
  feedbackOrganization(@Root() f: FindingType, @Ctx() ctx: RequestContext) {
    return load(f.feedbackOrganizationId, 'Organization', (id) => ctx.loaders.organizationById.load(id));
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '整改责任单位 — the evaluated body that rectifies',
  })
  responsibleOrganization(@Root() f: FindingType, @Ctx() ctx: RequestContext) {
    return load(f.responsibleOrganizationId, 'Organization', (id) => ctx.loaders.organizationById.load(id));
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '核实单位 — finance at the level that verifies',
  })
  verifierOrganization(@Root() f: FindingType, @Ctx() ctx: RequestContext) {
    return load(f.verifierOrganizationId, 'Organization', (id) => ctx.loaders.organizationById.load(id));
  }
}

@Resolver(() => RecommendationType)
export class RecommendationLinksResolver {
  @FieldResolver(() => PerformanceGoalType, {
    nullable: true,
    description: '绩效目标 — the goal whose result is the basis',
  })
  goal(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return load(r.goalId, 'PerformanceGoal', (id) => ctx.loaders.goalById.load(id));
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '行政区划 — the subject’s region' })
  region(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return load(r.regionId, 'Region', (id) => ctx.loaders.regionById.load(id));
  }

  @FieldResolver(() => FundType, { nullable: true, description: '专项资金 — the fund, for a fund subject' })
  fund(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return load(r.fundId, 'Fund', (id) => ctx.loaders.fundById.load(id));
  }

  @FieldResolver(() => ProjectType, {
    nullable: true,
    description: '项目 — the project, for a project subject',
  })
  project(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return load(r.projectId, 'Project', (id) => ctx.loaders.projectById.load(id));
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '部门 — the department, for a department subject',
  })
  department(@Root() r: RecommendationType, @Ctx() ctx: RequestContext) {
    return load(r.departmentId, 'Organization', (id) => ctx.loaders.organizationById.load(id));
  }
}
