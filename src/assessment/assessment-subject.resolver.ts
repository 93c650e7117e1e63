import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { availabilityOf } from '../common/decision';
import { LIST_SIZE } from '../common/list-cost';
import { boundedPageCost, ConnectionArgs, listConnection } from '../common/pagination';
import { ProjectActionAvailabilityType } from '../funds/dto/actions.types';
import { FundType, ProjectType } from '../funds/dto/funds.types';
import { ProjectAction } from '../funds/fund.enums';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import { decideProject } from '../funds/rules/project-decision';
import type { AssessmentEntity } from './assessment.entity';
import { GatePurpose } from './assessment.enums';
import { fundGateSubject, gateView, projectGateSubject, type GateView } from './assessment.gate';
import { AssessmentGateType, ExAnteAssessmentConnection } from './dto/assessment.types';
import { libraryFacts } from './project-library.service';

/** A page of a subject's assessments, oldest first (a connection, issue 11 item 7). */
function assessmentPage(all: Promise<AssessmentEntity[]>, page: ConnectionArgs) {
  return listConnection(ExAnteAssessmentConnection, all, page, (a) => a.createdAt);
}

const purposeArg = {
  nullable: true,
  defaultValue: GatePurpose.PROJECT_LIBRARY,
  description: '关口 — which decision (default: entry into the project library)',
};

@Resolver(() => FundType)
export class FundAssessmentResolver {
  @FieldResolver(() => ExAnteAssessmentConnection, {
    complexity: boundedPageCost(LIST_SIZE.perItemHistory),
    description:
      '事前绩效评估 — the fund’s ex-ante assessments visible to the caller, oldest first (a connection, issue 11 item 7)',
  })
  async assessments(@Root() fund: FundEntity, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return assessmentPage(ctx.loaders.assessmentsByFundId.load(fund.id), page);
  }

  @FieldResolver(() => AssessmentGateType, {
    description: '事前评估关口 — whether the fund passes the ex-ante assessment gate now, and why',
  })
  async assessmentGate(
    @Root() fund: FundEntity,
    @Ctx() ctx: RequestContext,
    @Arg('purpose', () => GatePurpose, purposeArg) purpose: GatePurpose,
  ): Promise<GateView> {
    return gateView(await fundGateSubject(ctx, fund), purpose);
  }
}

@Resolver(() => ProjectType)
export class ProjectAssessmentResolver {
  @FieldResolver(() => ExAnteAssessmentConnection, {
    complexity: boundedPageCost(LIST_SIZE.perItemHistory),
    description:
      '事前绩效评估 — the project’s ex-ante assessments visible to the caller, oldest first (a connection, issue 11 item 7)',
  })
  async assessments(
    @Root() project: ProjectEntity,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
  ) {
    return assessmentPage(ctx.loaders.assessmentsByProjectId.load(project.id), page);
  }

  @FieldResolver(() => AssessmentGateType, {
    description: '事前评估关口 — whether the project passes the ex-ante assessment gate now, and why',
  })
  async assessmentGate(
    @Root() project: ProjectEntity,
    @Ctx() ctx: RequestContext,
    @Arg('purpose', () => GatePurpose, purposeArg) purpose: GatePurpose,
  ): Promise<GateView> {
    return gateView(await projectGateSubject(ctx, project), purpose);
  }

  @FieldResolver(() => [ProjectActionAvailabilityType], {
    description:
      '可办理操作 — each action on the project (EDIT, ENTER_LIBRARY) with whether the caller may take it now and, if not, why; the same decision as the mutations (issue 11 item 2)',
  })
  async availableActions(
    @Root() project: ProjectEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectActionAvailabilityType[]> {
    const facts = await libraryFacts(ctx, await ctx.db.manager(), project);
    return Object.values(ProjectAction).map((action) =>
      availabilityOf(action, decideProject(project, ctx.caller, action, facts)),
    );
  }
}
