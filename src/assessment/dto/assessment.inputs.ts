import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type Decimal } from '../../common/decimal';
import { ScoreScalar } from '../../common/scalars';
import { Grade } from '../../common/grade';
import { UserError } from '../../common/user-error';
import { ProjectType } from '../../funds/dto/funds.types';
import { AssessmentDimension, ReviewOutcome } from '../assessment.enums';
import { ExAnteAssessmentType } from './assessment.types';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';

@InputType({ description: '评估内容结论 — the conclusion on one dimension' })
export class DimensionConclusionInput {
  @Field(() => AssessmentDimension, { description: '评估内容 — the dimension' })
  dimension!: AssessmentDimension;

  @Field({ description: '评估结论 — the conclusion (not blank, at most 2000 characters)' })
  conclusion!: string;
}

@InputType({
  description:
    '新建事前绩效评估 — by the subject’s competent department, or a third party commissioned by finance; created as DRAFT',
})
export class CreateAssessmentInput {
  @Field(() => ID, { description: '评估对象 — the fund or project assessed' })
  subjectId!: string;

  @Field(() => ID, {
    nullable: true,
    description: '委托财政部门 — for a third party: the finance bureau that commissioned it',
  })
  commissionedById?: string | null;

  @Field(() => [DimensionConclusionInput], { description: '评估内容结论 — the five conclusions, each once' })
  dimensions!: DimensionConclusionInput[];

  @Field(() => ScoreScalar, { nullable: true, description: '评估总分 — overall score 0–100, 2 places' })
  score?: Decimal | null;

  @Field(() => Grade, { nullable: true, description: '评估等级 — overall grade; must agree with the score' })
  grade?: Grade | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description: '修改事前绩效评估 — replace the content of a DRAFT or RETURNED assessment, by its assessor',
})
export class UpdateAssessmentInput {
  @Field(() => ID, { description: '评估 — the assessment' })
  id!: string;

  @Field(() => Int, {
    description: '基于版本 — the version the change is based on; a stale one is refused (CONFLICT)',
  })
  expectedVersion!: number;

  @Field(() => [DimensionConclusionInput], {
    nullable: true,
    description:
      '评估内容结论 — the five conclusions, each once; omitted keeps them, null is refused (they cannot be cleared)',
  })
  dimensions?: DimensionConclusionInput[] | null;

  @Field(() => ScoreScalar, {
    nullable: true,
    description: '评估总分 — overall score 0–100, 2 places; omitted keeps it, null clears it',
  })
  score?: Decimal | null;

  @Field(() => Grade, {
    nullable: true,
    description:
      '评估等级 — overall grade; must agree with the score; omitted keeps it (re-derived when only the score changes), null clears it',
  })
  grade?: Grade | null;
}

@InputType({ description: '报送事前绩效评估 — the assessor submits it to finance for review' })
export class SubmitAssessmentInput {
  @Field(() => ID, { description: '评估 — the assessment' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the version the submission is based on' })
  expectedVersion!: number;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({
  description:
    '审核事前绩效评估 — finance at the subject’s level or above accepts or returns (with a comment) a submitted assessment',
})
export class ReviewAssessmentInput {
  @Field(() => ID, { description: '评估 — the assessment' })
  id!: string;

  @Field(() => Int, { description: '基于版本 — the version the review is based on' })
  expectedVersion!: number;

  @Field(() => ReviewOutcome, { description: '审核结果 — ACCEPTED or RETURNED' })
  outcome!: ReviewOutcome;

  @Field(() => String, { nullable: true, description: '审核意见 — comment; required for a return' })
  comment?: string | null;
}

@InputType({
  description: '纳入项目库 — move a CANDIDATE project into the library when the ex-ante gate passes',
})
export class EnterProjectLibraryInput {
  @Field(() => ID, { description: '项目 — the project' })
  projectId!: string;
}

@InputType({ description: '待评估清单筛选 — filters of the assessment-pending list' })
export class AssessmentPendingFilter {
  @Field(() => ID, { nullable: true, description: '所辖范围 — subjects in this region’s subtree' })
  within?: string;

  @Field(() => Int, { nullable: true, description: '年度 — funds covering this year' })
  year?: number;
}

@ObjectType({ description: '事前绩效评估变更结果 — result of an assessment mutation' })
export class AssessmentPayload {
  @Field(() => ExAnteAssessmentType, {
    nullable: true,
    description: '事前绩效评估 — the assessment as saved; null when refused',
  })
  assessment?: ExAnteAssessmentType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({ description: '纳入项目库结果 — result of enterProjectLibrary' })
export class EnterProjectLibraryPayload {
  @Field(() => ProjectType, { nullable: true, description: '项目 — the project as saved; null when refused' })
  project?: ProjectType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
