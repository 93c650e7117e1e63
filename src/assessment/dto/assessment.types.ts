import { Field, Int, ObjectType } from 'type-graphql';
import { DetailedActionAvailabilityBase } from '../../common/action-availability.type';
import { Grade } from '../../common/grade';
import { Node, registerNodeType } from '../../common/node';
import { VersionedNode } from '../../common/versioned-node';
import { DateTime, ScoreScalar } from '../../common/scalars';
import { connectionType } from '../../common/pagination';
import { AssessmentEntity } from '../assessment.entity';
import {
  AssessmentAction,
  AssessmentDimension,
  AssessmentStatus,
  AssessmentSubjectKind,
  GateBasis,
  ReviewOutcome,
} from '../assessment.enums';

registerNodeType(AssessmentEntity, 'ExAnteAssessment');

@ObjectType('AssessmentDimensionConclusion', {
  description: '评估内容结论 — the conclusion on one of the five dimensions of an ex-ante assessment',
})
export class AssessmentDimensionConclusionType {
  @Field(() => AssessmentDimension, { description: '评估内容 — the dimension' })
  dimension!: AssessmentDimension;

  @Field({ description: '评估内容名称 — the dimension’s Chinese name, e.g. 立项必要性' })
  name!: string;

  @Field({ description: '评估结论 — the conclusion' })
  conclusion!: string;
}

@ObjectType('AssessmentReview', {
  description: '财政审核 — finance’s review of a submitted ex-ante assessment (002 第七条)',
})
export class AssessmentReviewType {
  reviewerId!: string;

  @Field(() => ReviewOutcome, { description: '审核结果 — accepted or returned' })
  outcome!: ReviewOutcome;

  @Field(() => String, { nullable: true, description: '审核意见 — comment; always given on a return' })
  comment!: string | null;

  @Field(() => DateTime, { description: '审核时间 — when finance reviewed it' })
  reviewedAt!: Date;
}

@ObjectType('AssessmentGate', {
  description:
    '事前评估关口 — whether a fund or project may pass the ex-ante assessment gate (入库/批复目标, DOMAIN §6), and why',
})
export class AssessmentGateType {
  @Field({ description: '是否通过 — may enter the project library / have its goal approved now' })
  passes!: boolean;

  @Field({
    description: '待评估 — passes only on the government’s pre-approval; listed as assessment pending',
  })
  pending!: boolean;

  @Field(() => GateBasis, { description: '依据 — stable code of the reason' })
  basis!: GateBasis;

  @Field({ description: '原因 — the reason in Chinese, citing the rule' })
  reason!: string;

  @Field({ description: '原因（英文） — the reason in English' })
  reasonEn!: string;
}

@ObjectType('ExAnteAssessment', {
  implements: Node,
  description:
    '事前绩效评估 — an ex-ante assessment of one fund or one project (DOMAIN §6): five dimension conclusions, an overall score/grade, the assessor and finance’s review. Exactly one of `fund` and `project` is the subject (see subjectKind)',
})
export class ExAnteAssessmentType extends VersionedNode {
  @Field(() => AssessmentSubjectKind, {
    description: '评估对象类别 — whether the subject is a fund or a project',
  })
  subjectKind!: AssessmentSubjectKind;

  @Field(() => ScoreScalar, {
    nullable: true,
    description: '评估总分 — overall score 0–100 with 2 places, when given',
  })
  score!: string | null;

  @Field(() => Grade, {
    nullable: true,
    description: '评估等级 — overall grade (from the score by 002 第二十五条, or as given)',
  })
  grade!: Grade | null;

  @Field(() => AssessmentStatus, { description: '评估状态 — DRAFT, SUBMITTED, ACCEPTED or RETURNED' })
  status!: AssessmentStatus;

  @Field(() => DateTime, { nullable: true, description: '报送时间 — last submitted at' })
  submittedAt!: Date | null;

  @Field(() => Int, {
    name: 'rowVersion',
    description:
      '行版本 — row version, for optimistic concurrency on every change (expectedVersion of the next change)',
  })
  declare version: number;
}

@ObjectType('AssessmentActionAvailability', {
  description:
    '事前绩效评估可办理操作 — whether the caller may take one action on the assessment now and, if not, why (DOMAIN §6)',
})
export class AssessmentActionAvailabilityType extends DetailedActionAvailabilityBase {
  @Field(() => AssessmentAction, { description: '操作 — the action' })
  action!: AssessmentAction;
}

export const ExAnteAssessmentConnection = connectionType(
  ExAnteAssessmentType,
  'ExAnteAssessment',
  '事前绩效评估',
);
