import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { idOfType, toGlobalId } from '../common/global-id';
import { UserError } from '../common/user-error';
import { EvaluationActionInput, SaveEvaluationActualsInput } from '../evaluation/dto/evaluation.inputs';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { Idempotent } from '../idempotency/idempotent';
import { createMidYearCheck } from './mid-year-check.service';
import { DepartmentSelfEvaluationReviewEntity } from './common-indicator.entity';
import { commonSetFor, setCommonIndicators, type CommonSet } from './common-indicators.service';
import { createDepartmentGoal } from './department-goal.service';
import {
  createDepartmentSelfEvaluation,
  reviewDepartmentSelfEvaluation,
  saveDepartmentSelfEvaluation,
  submitDepartmentSelfEvaluation,
} from './department-self-evaluation.service';
import {
  CreateDepartmentGoalInput,
  CreateDepartmentSelfEvaluationInput,
  CreateMidYearCheckInput,
  ReviewDepartmentSelfEvaluationInput,
  SetCommonIndicatorsInput,
} from './dto/department.inputs';
import {
  CommonIndicatorSetPayload,
  CommonIndicatorSetType,
  DepartmentSelfEvaluationReviewType,
} from './dto/department.types';
import {
  CreateDepartmentGoalPayload,
  CreateDepartmentSelfEvaluationPayload,
  CreateMidYearCheckPayload,
  SaveDepartmentSelfEvaluationInput,
  SaveDepartmentSelfEvaluationPayload,
  SubmitDepartmentSelfEvaluationInput,
  SubmitDepartmentSelfEvaluationPayload,
} from './dto/department-mutation.types';

@ObjectType({ description: '财政审核部门整体自评结果 — the evaluation and finance’s review, or why not' })
export class DepartmentSelfEvaluationReviewPayload {
  @Field(() => EvaluationType, { nullable: true, description: '自评 — the self-evaluation; null on failure' })
  evaluation?: unknown;

  @Field(() => DepartmentSelfEvaluationReviewType, {
    nullable: true,
    description: '审核结论 — the grade confirmed or changed; null on a return or failure',
  })
  review?: DepartmentSelfEvaluationReviewType | null;

  @Field(() => [UserError], { description: '操作错误 — empty on success' })
  userErrors!: UserError[];
}

/**
 * Ids in the same form as the rest of the schema (issue 11 item 7; DOMAIN §16): global ids, with the
 * objects beside them resolved by department-links.resolver.ts (`region`, `reviewerOrganization`).
 */
const setView = (c: CommonSet): CommonIndicatorSetType => ({
  id: toGlobalId('CommonIndicatorSet', c.set.id),
  year: c.set.year,
  regionId: toGlobalId('Region', c.set.regionId),
  rowVersion: c.set.rowVersion,
  totalPoints: c.indicators.reduce((s, i) => s.plus(i.points), new Decimal(0)).toFixed(2),
  indicators: c.indicators.map((i) => ({
    ...i,
    id: toGlobalId('CommonIndicator', i.id),
    points: new Decimal(i.points).toFixed(2),
  })),
});

export const reviewView = (r: DepartmentSelfEvaluationReviewEntity): DepartmentSelfEvaluationReviewType => ({
  ...r,
  selfGrade: r.selfGrade as DepartmentSelfEvaluationReviewType['selfGrade'],
  confirmedGrade: r.confirmedGrade as DepartmentSelfEvaluationReviewType['confirmedGrade'],
  changed: r.selfGrade !== r.confirmedGrade,
  reviewerOrganizationId: toGlobalId('Organization', r.reviewerOrganizationId),
});

/** 部门/单位整体绩效 (DOMAIN §5, §9, §10; 003 第十二条(二), 第二十–二十三条; 004 二(二)3, 二(三)1, 二(四)). */
@Resolver()
export class DepartmentPerformanceResolver {
  @Query(() => CommonIndicatorSetType, {
    nullable: true,
    description:
      '共性指标 — the common indicators in force for the caller’s region and year (its own finance’s set, else the nearest above); null when none is set (003 第十二条(二))',
  })
  async departmentCommonIndicators(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — year' }) year: number,
  ): Promise<CommonIndicatorSetType | null> {
    const set = await commonSetFor(
      await ctx.scope.manager(),
      ctx.caller.tenantId,
      ctx.caller.regionPath,
      year,
    );
    return set ? setView(set) : null;
  }

  @Query(() => DepartmentSelfEvaluationReviewType, {
    nullable: true,
    description:
      '部门整体自评审核结论 — finance’s review of a department self-evaluation the caller sees (004 二(四))',
  })
  async departmentSelfEvaluationReview(
    @Ctx() ctx: RequestContext,
    @Arg('evaluationId', () => ID, { description: '自评 — the self-evaluation' }) evaluationId: string,
  ): Promise<DepartmentSelfEvaluationReviewType | null> {
    const id = idOfType(evaluationId, 'Evaluation');
    const visible = id ? await evaluationLoadersOf(ctx).evaluationById.load(id) : null;
    if (!visible) return null; // P6: out of view reads as missing
    const em = await ctx.scope.manager();
    const row = await em.findOneBy(DepartmentSelfEvaluationReviewEntity, {
      tenantId: visible.tenantId,
      evaluationId: visible.id,
    });
    return row ? reviewView(row) : null;
  }

  @Mutation(() => CommonIndicatorSetPayload, {
    description:
      '设定共性指标 — finance sets its region’s common indicators of a year (004 二(二)1; 003 第十二条(二))',
  })
  async setDepartmentCommonIndicators(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '共性指标 — the year and the whole list' }) input: SetCommonIndicatorsInput,
  ) {
    const r = await setCommonIndicators(ctx, input);
    return { set: r.set ? setView(r.set) : null, userErrors: r.userErrors };
  }

  @Idempotent()
  @Mutation(() => CreateDepartmentGoalPayload, {
    description:
      '新建部门整体绩效目标 — common indicators copied in and locked, plus the department’s own (004 二(二)3)',
  })
  createDepartmentGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '目标内容 — the goal' }) input: CreateDepartmentGoalInput,
  ) {
    return createDepartmentGoal(ctx, input);
  }

  @Idempotent()
  @Mutation(() => CreateMidYearCheckPayload, {
    description:
      '新建年中整体绩效监控 — the June check of a department (unit) overall goal: a monitoring report for January … the policy’s check month (6), acknowledged by finance (004 二(三)1)',
  })
  createMidYearCheck(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '监控内容 — the goal and the report content' })
    input: CreateMidYearCheckInput,
  ) {
    return createMidYearCheck(ctx, input);
  }

  @Idempotent()
  @Mutation(() => CreateDepartmentSelfEvaluationPayload, {
    description:
      '新建部门整体自评 — the department self-evaluates its issued goal (003 第二十条(一); 004 二(四))',
  })
  createDepartmentSelfEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '目标 — the DEPARTMENT goal' }) input: CreateDepartmentSelfEvaluationInput,
  ) {
    return createDepartmentSelfEvaluation(ctx, input);
  }

  @Mutation(() => SaveDepartmentSelfEvaluationPayload, {
    description:
      '填报部门整体自评 — 附件6 table and report; rates from recorded money are computed (DOMAIN §10.8)',
  })
  saveDepartmentSelfEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveDepartmentSelfEvaluationInput, {
      description: '自评内容 — as for any self-evaluation',
    })
    input: SaveEvaluationActualsInput,
  ) {
    return saveDepartmentSelfEvaluation(ctx, input);
  }

  @Idempotent()
  @Mutation(() => SubmitDepartmentSelfEvaluationPayload, {
    description: '提交部门整体自评 — report sections complete, then scored and frozen (P8)',
  })
  submitDepartmentSelfEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitDepartmentSelfEvaluationInput, { description: '自评 — id and version' })
    input: EvaluationActionInput,
  ) {
    return submitDepartmentSelfEvaluation(ctx, input);
  }

  @Mutation(() => DepartmentSelfEvaluationReviewPayload, {
    description: '财政审核部门整体自评 — confirm or change the grade (with a reason), or return (004 二(四))',
  })
  async reviewDepartmentSelfEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', { description: '审核 — decision, grade and reason' })
    input: ReviewDepartmentSelfEvaluationInput,
  ) {
    const r = await reviewDepartmentSelfEvaluation(ctx, input);
    const review = 'review' in r ? r.review : null;
    return { ...r, review: review ? reviewView(review) : null };
  }
}
