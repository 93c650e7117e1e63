import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { idOfType, toGlobalId } from '../common/global-id';
import {
  boundedPageCost,
  ConnectionArgs,
  paginate,
  paginateList,
  SortDirection,
  toConnection,
  type SortColumn,
} from '../common/pagination';
import { NO_ID } from '../common/sql';
import { FundConnection, FundType, ProjectConnection, ProjectType } from '../funds/dto/funds.types';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import { availabilityOf } from '../common/decision';
import { ProjectActionAvailabilityType } from '../funds/dto/actions.types';
import { ProjectAction } from '../funds/fund.enums';
import { decideProject } from '../funds/rules/project-decision';
import { AssessmentAction } from './assessment.enums';
import { decideAssessment } from './rules/assessment-decision';
import { libraryFacts } from './project-library.service';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import type { AssessmentEntity } from './assessment.entity';
import { dimensionNames, GatePurpose } from './assessment.enums';
import { fundGateSubject, gateView, projectGateSubject, type GateView } from './assessment.gate';
import {
  createAssessment,
  enterProjectLibrary,
  reviewAssessment,
  submitAssessment,
  updateAssessment,
} from './assessment.service';
import {
  AssessmentPendingFilter,
  CreateAssessmentInput,
  EnterProjectLibraryInput,
  EnterProjectLibraryPayload,
  ReviewAssessmentInput,
  SubmitAssessmentInput,
  UpdateAssessmentInput,
} from './dto/assessment.inputs';
import {
  AssessmentActionAvailabilityType,
  AssessmentDimensionConclusionType,
  AssessmentGateType,
  AssessmentReviewType,
  ExAnteAssessmentConnection,
  ExAnteAssessmentType,
} from './dto/assessment.types';
import { ASSESSMENT_DIMENSIONS } from './assessment.enums';
import { Idempotent } from '../idempotency/idempotent';
import { LIST_SIZE } from '../common/list-cost';
import {
  CreateAssessmentPayload,
  ReviewAssessmentPayload,
  SubmitAssessmentPayload,
  UpdateAssessmentPayload,
} from './dto/assessment-mutation.types';

const pendingSort: SortColumn = { expression: 'f.name', read: (f) => (f as FundEntity).name };
const pendingProjectSort: SortColumn = {
  expression: 'p.name',
  read: (p) => (p as ProjectEntity).name,
};

@Resolver(() => ExAnteAssessmentType)
export class AssessmentResolver {
  @Query(() => ExAnteAssessmentType, {
    nullable: true,
    description: '事前绩效评估 — one assessment; null when missing or out of jurisdiction',
  })
  assessment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ): Promise<AssessmentEntity | null> | null {
    const uuid = idOfType(id, 'ExAnteAssessment');
    return uuid ? ctx.loaders.assessmentById.load(uuid) : null;
  }

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
    if (filter?.within) {
      const within = await ctx.loaders.regionById.load(idOfType(filter.within, 'Region') ?? NO_ID);
      qb.andWhere('f.region_path LIKE :within', { within: within ? `${within.path}%` : '-' });
    }
    const result = await paginate(qb, page, pendingSort, SortDirection.ASC, 'f.id');
    return toConnection(FundConnection, result);
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
    if (filter?.within) {
      const within = await ctx.loaders.regionById.load(idOfType(filter.within, 'Region') ?? NO_ID);
      qb.andWhere('p.region_path LIKE :within', { within: within ? `${within.path}%` : '-' });
    }
    const result = await paginate(qb, page, pendingProjectSort, SortDirection.ASC, 'p.id');
    return toConnection(ProjectConnection, result);
  }

  @FieldResolver(() => [AssessmentActionAvailabilityType], {
    description:
      '可办理操作 — each action on the assessment (EDIT, SUBMIT, ACCEPT, RETURN) with whether the caller may take it now and, if not, why; a return requires a comment; the same decision as the mutations (issue 11 item 2)',
  })
  availableActions(
    @Root() a: AssessmentEntity,
    @Ctx() ctx: RequestContext,
  ): AssessmentActionAvailabilityType[] {
    return Object.values(AssessmentAction).map((action) => {
      const returning = action === AssessmentAction.RETURN;
      const verdict = decideAssessment(a, ctx.caller, action, { comment: returning ? '…' : null });
      return availabilityOf(action, verdict, returning ? 'comment' : null);
    });
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() a: AssessmentEntity): string {
    return toGlobalId('ExAnteAssessment', a.id);
  }

  @FieldResolver(() => FundType, {
    nullable: true,
    description:
      '评估对象（专项资金） — the fund assessed; null when the subject is a project or not visible',
  })
  fund(@Root() a: AssessmentEntity, @Ctx() ctx: RequestContext): Promise<FundEntity | null> | null {
    return a.fundId ? ctx.loaders.fundById.load(a.fundId) : null;
  }

  @FieldResolver(() => ProjectType, {
    nullable: true,
    description: '评估对象（项目） — the project assessed; null when the subject is a fund or not visible',
  })
  project(@Root() a: AssessmentEntity, @Ctx() ctx: RequestContext): Promise<ProjectEntity | null> | null {
    return a.projectId ? ctx.loaders.projectById.load(a.projectId) : null;
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '评估主体 — the assessor (competent department or third party; null if outside the caller’s view)',
  })
  assessor(@Root() a: AssessmentEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(a.assessorId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '委托财政部门 — the finance bureau that commissioned a third party; null otherwise',
  })
  commissionedBy(
    @Root() a: AssessmentEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> | null {
    return a.commissionedById ? ctx.loaders.organizationById.load(a.commissionedById) : null;
  }

  @FieldResolver(() => [AssessmentDimensionConclusionType], {
    description: '评估内容结论 — the five dimension conclusions, in the documents’ order',
  })
  async dimensions(
    @Root() a: AssessmentEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentDimensionConclusionType[]> {
    const rows = await ctx.loaders.dimensionsByAssessmentId.load(a.id);
    return [...rows]
      .sort((x, y) => ASSESSMENT_DIMENSIONS.indexOf(x.dimension) - ASSESSMENT_DIMENSIONS.indexOf(y.dimension))
      .map((d) => ({ dimension: d.dimension, name: dimensionNames[d.dimension], conclusion: d.conclusion }));
  }

  @FieldResolver(() => AssessmentReviewType, {
    nullable: true,
    description: '财政审核 — finance’s last review (the one being answered after a return); null before any',
  })
  review(@Root() a: AssessmentEntity): AssessmentReviewType | null {
    if (!a.reviewOutcome || !a.reviewerId || !a.reviewedAt) return null;
    return {
      reviewerId: a.reviewerId,
      outcome: a.reviewOutcome,
      comment: a.reviewComment,
      reviewedAt: a.reviewedAt,
    };
  }

  @Mutation(() => CreateAssessmentPayload, {
    description:
      '新建事前绩效评估 — by the subject’s competent department or a third party commissioned by finance (DOMAIN §6); DRAFT',
  })
  @Idempotent()
  createAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateAssessmentInput, { description: '输入 — the mutation input' })
    input: CreateAssessmentInput,
  ) {
    return createAssessment(ctx, input);
  }

  @Mutation(() => UpdateAssessmentPayload, {
    description: '修改事前绩效评估 — by the assessor, DRAFT or RETURNED only, guarded by version',
  })
  updateAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateAssessmentInput, { description: '输入 — the mutation input' })
    input: UpdateAssessmentInput,
  ) {
    return updateAssessment(ctx, input);
  }

  @Mutation(() => SubmitAssessmentPayload, {
    description: '报送事前绩效评估 — the assessor submits a DRAFT or RETURNED assessment to finance',
  })
  @Idempotent()
  submitAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitAssessmentInput, { description: '输入 — the mutation input' })
    input: SubmitAssessmentInput,
  ) {
    return submitAssessment(ctx, input);
  }

  @Mutation(() => ReviewAssessmentPayload, {
    description:
      '财政审核事前绩效评估 — finance at the subject’s level or above accepts or returns (with a comment); never the assessor',
  })
  reviewAssessment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReviewAssessmentInput, { description: '输入 — the mutation input' })
    input: ReviewAssessmentInput,
  ) {
    return reviewAssessment(ctx, input);
  }

  @Mutation(() => EnterProjectLibraryPayload, {
    description:
      '纳入项目库 — a CANDIDATE project enters the library when the ex-ante gate passes (003 第九条); by its department or finance at its region or above',
  })
  enterProjectLibrary(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EnterProjectLibraryInput, { description: '输入 — the mutation input' })
    input: EnterProjectLibraryInput,
  ) {
    return enterProjectLibrary(ctx, input);
  }
}

@Resolver(() => AssessmentReviewType)
export class AssessmentReviewResolver {
  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '审核财政部门 — the reviewing finance bureau (null if outside the caller’s view)',
  })
  reviewer(@Root() r: AssessmentReviewType, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(r.reviewerId);
  }
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
    const all: AssessmentEntity[] = await ctx.loaders.assessmentsByFundId.load(fund.id);
    return toConnection(
      ExAnteAssessmentConnection,
      paginateList(all, page, (a) => a.createdAt),
    );
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
    const all: AssessmentEntity[] = await ctx.loaders.assessmentsByProjectId.load(project.id);
    return toConnection(
      ExAnteAssessmentConnection,
      paginateList(all, page, (a) => a.createdAt),
    );
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
