import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { availabilityOf } from '../common/decision';
import { idOfType, toGlobalId } from '../common/global-id';
import { FundType, ProjectType } from '../funds/dto/funds.types';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import { AssessmentMutationResolver } from './assessment-mutation.resolver';
import { AssessmentPendingResolver } from './assessment-pending.resolver';
import { FundAssessmentResolver, ProjectAssessmentResolver } from './assessment-subject.resolver';
import type { AssessmentEntity } from './assessment.entity';
import { ASSESSMENT_DIMENSIONS, AssessmentAction, dimensionNames } from './assessment.enums';
import {
  AssessmentActionAvailabilityType,
  AssessmentDimensionConclusionType,
  AssessmentReviewType,
  ExAnteAssessmentType,
} from './dto/assessment.types';
import { decideAssessment } from './rules/assessment-decision';

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

/** The resolvers of ex-ante assessment (DOMAIN §6), composed by the schema. */
export const assessmentResolvers = [
  AssessmentResolver,
  AssessmentReviewResolver,
  AssessmentPendingResolver,
  AssessmentMutationResolver,
  FundAssessmentResolver,
  ProjectAssessmentResolver,
] as const;
