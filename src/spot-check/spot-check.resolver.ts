import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { DecimalScalar } from '../common/decimal';
import { ScoreScalar } from '../common/scalars';
import { Grade } from '../common/grade';
import { idOfType, toGlobalId } from '../common/global-id';
import { ConnectionArgs, paginate, SortDirection } from '../common/pagination';
import { toConnection } from '../common/pagination';
import { NO_ID } from '../common/sql';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationType, RegionType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import type { RegionEntity } from '../hierarchy/region.entity';
import {
  DrawSpotCheckSampleInput,
  DrawSpotCheckSamplePayload,
  RecordSpotCheckInput,
  RecordSpotCheckPayload,
} from './dto/spot-check.inputs';
import {
  SpotCheckItemType,
  SpotCheckNoticeType,
  SpotCheckSampleConnection,
  SpotCheckSampleType,
} from './dto/spot-check.types';
import { drawSpotCheckSample } from './spot-check-draw.service';
import type { SpotCheckItemEntity } from './spot-check-item.entity';
import { spotCheckNotice, type SpotCheckNotice } from './spot-check-notice';
import { checkFacts, recordSpotCheck } from './spot-check-record.service';
import { availabilityOf } from '../common/decision';
import { SpotCheckActionAvailabilityType } from './dto/spot-check.types';
import { decideRecordCheck, decideSampleCheck } from './rules/check-decision';
import { SpotCheckAction } from './spot-check.enums';
import type { SpotCheckSampleEntity } from './spot-check-sample.entity';
import { spotCheckLoadersOf } from './spot-check.loaders';
import { Idempotent } from '../idempotency/idempotent';

const drawnAt = {
  expression: 'scs.drawn_at',
  read: (s: object) => (s as SpotCheckSampleEntity).drawnAt,
  timestamp: true,
};

const inputArg = { description: '输入 — the mutation input' };

@Resolver(() => SpotCheckSampleType)
export class SpotCheckSampleResolver {
  @Query(() => SpotCheckSampleType, {
    nullable: true,
    description: '抽查样本 — one spot-check sample; null when missing or out of jurisdiction (P6)',
  })
  spotCheckSample(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ): Promise<SpotCheckSampleEntity | null> | null {
    const uuid = idOfType(id, 'SpotCheckSample');
    return uuid ? spotCheckLoadersOf(ctx).sampleById.load(uuid) : null;
  }

  @Query(() => SpotCheckSampleConnection, {
    description: '抽查样本列表 — samples drawn in the caller’s subtree or by its body (P6), newest first',
  })
  async spotCheckSamples(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('year', () => Int, { nullable: true, description: '年度 — only this budget year' }) year?: number,
    @Arg('within', () => ID, {
      nullable: true,
      description: '范围 — only samples drawn in this region’s subtree',
    })
    within?: string,
  ) {
    const qb = await ctx.scope.spotCheckSamples();
    if (year != null) qb.andWhere('scs.year = :year', { year });
    if (within) {
      const region = await ctx.loaders.regionById.load(idOfType(within, 'Region') ?? NO_ID);
      qb.andWhere('scs.region_path LIKE :within', { within: region ? `${region.path}%` : '-' });
    }
    const result = await paginate(qb, page, drawnAt, SortDirection.DESC, 'scs.id');
    return toConnection(SpotCheckSampleConnection, result);
  }

  @Query(() => SpotCheckNoticeType, {
    description:
      '抽查通报 — the year’s notice list: flagged items in the region (default the caller’s), and the regions to tighten (DOMAIN §12)',
  })
  spotCheckNotice(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: '年度 — the budget year' }) year: number,
    @Arg('within', () => ID, { nullable: true, description: '范围 — a region in the caller’s jurisdiction' })
    within?: string,
  ): Promise<SpotCheckNotice> {
    return spotCheckNotice(ctx, year, within);
  }

  @Mutation(() => DrawSpotCheckSamplePayload, {
    description: '抽取抽查样本 — draw a reproducible sample of submitted self-evaluations (DOMAIN §12)',
  })
  @Idempotent()
  drawSpotCheckSample(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DrawSpotCheckSampleInput, inputArg) input: DrawSpotCheckSampleInput,
  ) {
    return drawSpotCheckSample(ctx, input);
  }

  @Mutation(() => RecordSpotCheckPayload, {
    description:
      '录入抽查复核 — re-score a drawn self-evaluation as a SPOT_CHECK evaluation and flag it (DOMAIN §12)',
  })
  @Idempotent()
  recordSpotCheck(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordSpotCheckInput, inputArg) input: RecordSpotCheckInput,
  ) {
    return recordSpotCheck(ctx, input);
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() s: SpotCheckSampleEntity): string {
    return toGlobalId('SpotCheckSample', s.id);
  }

  @FieldResolver(() => DecimalScalar, { description: '抽查比例 — ratio of the candidates drawn' })
  ratio(@Root() s: SpotCheckSampleEntity): string {
    return s.ratio;
  }

  @FieldResolver(() => DecimalScalar, { description: '差异阈值 — score gap above which an item is flagged' })
  scoreGapThreshold(@Root() s: SpotCheckSampleEntity): string {
    return s.scoreGapThreshold;
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '范围 — the region the sample was drawn in',
  })
  region(@Root() s: SpotCheckSampleEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(s.regionId);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: '抽取单位 — the body that drew it' })
  drawnBy(@Root() s: SpotCheckSampleEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(s.drawnByOrganizationId);
  }

  @FieldResolver(() => [SpotCheckItemType], { description: '抽查对象 — the items, by position (batched)' })
  items(@Root() s: SpotCheckSampleEntity, @Ctx() ctx: RequestContext): Promise<SpotCheckItemEntity[]> {
    return spotCheckLoadersOf(ctx).itemsBySampleId.load(s.id);
  }

  @FieldResolver(() => [SpotCheckActionAvailabilityType], {
    description:
      '可办理操作 — RECORD_CHECK: allowed when the caller may re-score at least one pending item; else why, item by item (P7); the same decision as recordSpotCheck (issue 11 item 2)',
  })
  async availableActions(
    @Root() s: SpotCheckSampleEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<SpotCheckActionAvailabilityType[]> {
    const em = await ctx.db.manager();
    const items = await spotCheckLoadersOf(ctx).itemsBySampleId.load(s.id);
    const facts = await Promise.all(items.map((i) => checkFacts(ctx, em, i)));
    return [availabilityOf(SpotCheckAction.RECORD_CHECK, decideSampleCheck(facts, ctx.caller))];
  }
}

@Resolver(() => SpotCheckItemType)
export class SpotCheckItemResolver {
  @FieldResolver(() => [SpotCheckActionAvailabilityType], {
    description:
      '可办理操作 — RECORD_CHECK on this item and, if not allowed, why (P7; DOMAIN §12); the same decision as recordSpotCheck',
  })
  async availableActions(
    @Root() i: SpotCheckItemEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<SpotCheckActionAvailabilityType[]> {
    const facts = await checkFacts(ctx, await ctx.db.manager(), i);
    return [availabilityOf(SpotCheckAction.RECORD_CHECK, decideRecordCheck(facts, ctx.caller))];
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() i: SpotCheckItemEntity): string {
    return toGlobalId('SpotCheckItem', i.id);
  }

  @FieldResolver(() => SpotCheckSampleType, { nullable: true, description: '抽查样本 — the sample' })
  sample(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<SpotCheckSampleEntity | null> {
    return spotCheckLoadersOf(ctx).sampleById.load(i.sampleId);
  }

  @FieldResolver(() => PerformanceGoalType, { nullable: true, description: '绩效目标 — the goal checked' })
  goal(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> {
    return ctx.loaders.goalById.load(i.goalId);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: '区划 — the goal’s region' })
  region(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<RegionEntity | null> {
    return ctx.loaders.regionById.load(i.regionId);
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: '单位自评 — the drawn self-evaluation',
  })
  selfEvaluation(
    @Root() i: SpotCheckItemEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationEntity | null> | null {
    return i.selfEvaluationId ? evaluationLoadersOf(ctx).evaluationById.load(i.selfEvaluationId) : null;
  }

  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description: '抽查复核 — the SPOT_CHECK evaluation, once recorded',
  })
  checkEvaluation(
    @Root() i: SpotCheckItemEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationEntity | null> | null {
    return i.checkEvaluationId ? evaluationLoadersOf(ctx).evaluationById.load(i.checkEvaluationId) : null;
  }

  @FieldResolver(() => ScoreScalar, {
    nullable: true,
    description: '自评得分 — the self-evaluation’s total',
  })
  async selfTotal(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.selfEvaluation(i, ctx))?.total ?? null;
  }

  @FieldResolver(() => Grade, { nullable: true, description: '自评等级 — the self-evaluation’s grade' })
  async selfGrade(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<Grade | null> {
    return (await this.selfEvaluation(i, ctx))?.grade ?? null;
  }

  @FieldResolver(() => ScoreScalar, { nullable: true, description: '复核得分 — the check’s total' })
  async checkTotal(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.checkEvaluation(i, ctx))?.total ?? null;
  }

  @FieldResolver(() => Grade, { nullable: true, description: '复核等级 — the check’s grade' })
  async checkGrade(@Root() i: SpotCheckItemEntity, @Ctx() ctx: RequestContext): Promise<Grade | null> {
    return (await this.checkEvaluation(i, ctx))?.grade ?? null;
  }
}

/** The spot-check module's resolvers, registered once in src/app/schema.ts. */
export const spotCheckResolvers = [SpotCheckSampleResolver, SpotCheckItemResolver] as const;
