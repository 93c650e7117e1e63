import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { Idempotent } from '../idempotency/idempotent';
import {
  createAssessment,
  enterProjectLibrary,
  reviewAssessment,
  submitAssessment,
  updateAssessment,
} from './assessment.service';
import {
  CreateAssessmentInput,
  EnterProjectLibraryInput,
  EnterProjectLibraryPayload,
  ReviewAssessmentInput,
  SubmitAssessmentInput,
  UpdateAssessmentInput,
} from './dto/assessment.inputs';
import {
  CreateAssessmentPayload,
  ReviewAssessmentPayload,
  SubmitAssessmentPayload,
  UpdateAssessmentPayload,
} from './dto/assessment-mutation.types';
import { ExAnteAssessmentType } from './dto/assessment.types';

/** The ex-ante assessment workflow (DOMAIN §6): thin mutations handing off to the service. */
@Resolver(() => ExAnteAssessmentType)
export class AssessmentMutationResolver {
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
