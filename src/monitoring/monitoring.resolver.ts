import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { idOfType, toGlobalId } from '../common/global-id';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationType } from '../hierarchy/dto/hierarchy.types';
import type { OrganizationEntity } from '../hierarchy/organization.entity';
import {
  CreateMonitoringReportInput,
  LiftFundingHoldInput,
  MonitoringReportActionInput,
  RecordExecutionInput,
  SetFundingHoldInput,
  SetMonitoringPolicyInput,
  UpdateMonitoringReportInput,
} from './dto/monitoring.inputs';
import { MonitoringPolicyPayload, RecordExecutionPayload } from './dto/monitoring.payloads';
import { MonitoringMoneyType } from './dto/monitoring-money.types';
import { MonitoringPolicyType } from './dto/monitoring-rollup.types';
import {
  MonitoringReportActionAvailabilityType,
  MonitoringIndicatorLineType,
  MonitoringReportType,
} from './dto/monitoring.types';
import {
  liftFundingHold,
  monitoringPolicyView,
  recordExecution,
  setFundingHold,
  setMonitoringPolicy,
} from './execution.service';
import { MonitoringFlag, MonitoringReportAction, MonitoringReportStatus } from './monitoring.enums';
import { availabilityOf } from '../common/decision';
import { callerIsSpendingSide } from './monitoring.query';
import { decideReport, needsSubmissionFacts } from './rules/report-decision';
import { submissionFacts } from './rules/submission';
import { monitoringLoaders } from './monitoring.loaders';
import { PolicyType } from '../policy/dto/policy.types';
import { policyFor, policyUsed } from '../policy/policy.service';
import type { ResolvedPolicy } from '../policy/rules/policy';
import { reportView } from './monitoring.view';
import type { MonitoringReportEntity } from './report.entity';
import {
  acknowledgeMonitoringReport,
  createMonitoringReport,
  submitMonitoringReport,
  updateMonitoringReport,
} from './report.service';
import { Idempotent } from '../idempotency/idempotent';
import {
  AcknowledgeMonitoringReportInput,
  AcknowledgeMonitoringReportPayload,
  CreateMonitoringReportPayload,
  LiftFundingHoldPayload,
  SetFundingHoldPayload,
  SubmitMonitoringReportInput,
  SubmitMonitoringReportPayload,
  UpdateMonitoringReportPayload,
} from './dto/monitoring-mutation.types';

const inputArg = { description: '输入 — the mutation input' };

/** Dual monitoring's root fields (DOMAIN §9) and the fields of a monitoring report. */
@Resolver(() => MonitoringReportType)
export class MonitoringReportResolver {
  @Query(() => MonitoringReportType, {
    nullable: true,
    description: '监控报告 — one monitoring report; null when missing or out of jurisdiction',
  })
  monitoringReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: '全局标识 — global id' }) id: string,
  ): Promise<MonitoringReportEntity | null> | null {
    const uuid = idOfType(id, 'MonitoringReport');
    return uuid ? monitoringLoaders(ctx).reportById.load(uuid) : null;
  }

  @Query(() => MonitoringPolicyType, {
    description: '监控参数 — the tenant’s monitoring thresholds (defaults when unset)',
  })
  monitoringPolicy(@Ctx() ctx: RequestContext) {
    return monitoringPolicyView(ctx);
  }

  @FieldResolver(() => PolicyType, {
    description:
      '所用绩效管理参数 — the tenant policy the flags use: the version frozen on submission, the one in force for the year while DRAFT (DOMAIN §10 rule 7)',
  })
  policy(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<ResolvedPolicy> {
    return r.status === MonitoringReportStatus.DRAFT
      ? policyFor(ctx, r.year)
      : policyUsed(ctx, r.policyId, r.year);
  }

  @FieldResolver(() => ID, { description: '全局标识 — opaque global id' })
  id(@Root() r: MonitoringReportEntity): string {
    return toGlobalId('MonitoringReport', r.id);
  }

  @FieldResolver(() => PerformanceGoalType, { nullable: true, description: '绩效目标 — the monitored goal' })
  goal(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<GoalEntity | null> {
    return ctx.loaders.goalById.load(r.goalId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description: '填报单位 — the reporting organization',
  })
  drafter(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<OrganizationEntity | null> {
    return ctx.loaders.organizationById.load(r.drafterOrganizationId);
  }

  @FieldResolver(() => OrganizationType, {
    nullable: true,
    description:
      '确认单位 — the reporting body’s own-level finance bureau that acknowledges (003 转移支付 第二十条)',
  })
  acknowledger(
    @Root() r: MonitoringReportEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return monitoringLoaders(ctx).partyById.load(r.acknowledgerOrganizationId);
  }

  @FieldResolver(() => MonitoringMoneyType, {
    description: '资金投入 — money figures: live while DRAFT, frozen on submission (附件4–5)',
  })
  async money(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<MonitoringMoneyType> {
    const view = await reportView(ctx, r);
    return { year: r.year, throughMonth: r.month, ...view.money };
  }

  @FieldResolver(() => [MonitoringIndicatorLineType], {
    description:
      '指标监控情况 — one line per indicator of the goal, in form order (empty lines where not filled)',
  })
  async indicators(
    @Root() r: MonitoringReportEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<MonitoringIndicatorLineType[]> {
    const view = await reportView(ctx, r);
    return view.lines.map(({ indicator, line, offTrack }) => ({
      indicator,
      completionToDate: line?.completionToDate ?? null,
      projectedValue: line?.projectedValue ?? null,
      projectedNumerator: line?.projectedNumerator ?? null,
      projectedDenominator: line?.projectedDenominator ?? null,
      projectedTier: line?.projectedTier ?? null,
      causes: line?.causes ?? [],
      offTrack,
    }));
  }

  @FieldResolver(() => [MonitoringFlag], {
    description: '监控预警 — INDICATOR_OFF_TRACK, SLOW_EXECUTION (DOMAIN §9)',
  })
  async flags(@Root() r: MonitoringReportEntity, @Ctx() ctx: RequestContext): Promise<MonitoringFlag[]> {
    return (await reportView(ctx, r)).flags;
  }

  @FieldResolver(() => [MonitoringReportActionAvailabilityType], {
    description:
      '可办理操作 — each action on the report (EDIT, SUBMIT, ACKNOWLEDGE) with whether the caller may take it now and, if not, why and which items are missing; the same decision as the mutations (issue 11 item 2)',
  })
  async availableActions(
    @Root() r: MonitoringReportEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<MonitoringReportActionAvailabilityType[]> {
    const goal = await ctx.loaders.goalById.load(r.goalId);
    const spending = goal ? await callerIsSpendingSide(ctx, await ctx.db.manager(), goal) : false;
    const facts = needsSubmissionFacts(r, spending)
      ? { callerIsSpendingSide: true, submission: submissionFacts(r, await reportView(ctx, r)) }
      : { callerIsSpendingSide: spending };
    return Object.values(MonitoringReportAction).map((action) =>
      availabilityOf(action, decideReport(r, ctx.caller.organizationId, action, facts)),
    );
  }

  @Mutation(() => RecordExecutionPayload, {
    description:
      '登记预算执行 — the spending side records a month’s money (P4); refused while funding is held',
  })
  @Idempotent()
  recordExecution(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordExecutionInput, inputArg) input: RecordExecutionInput,
  ) {
    return recordExecution(ctx, input);
  }

  @Mutation(() => SetFundingHoldPayload, {
    description: '暂缓/停止拨款 — finance at the goal’s region or above holds its funding, with a reason',
  })
  setFundingHold(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetFundingHoldInput, inputArg) input: SetFundingHoldInput,
  ) {
    return setFundingHold(ctx, input);
  }

  @Mutation(() => LiftFundingHoldPayload, {
    description: '恢复拨款 — finance lifts the hold on a goal’s funding',
  })
  liftFundingHold(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LiftFundingHoldInput, inputArg) input: LiftFundingHoldInput,
  ) {
    return liftFundingHold(ctx, input);
  }

  @Mutation(() => CreateMonitoringReportPayload, {
    description: '新建监控报告 — a DRAFT report of an issued goal for January … M, by its spending side (P4)',
  })
  @Idempotent()
  createMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateMonitoringReportInput, inputArg) input: CreateMonitoringReportInput,
  ) {
    return createMonitoringReport(ctx, input);
  }

  @Mutation(() => UpdateMonitoringReportPayload, {
    description: '修改监控报告 — replace a DRAFT report’s content',
  })
  updateMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateMonitoringReportInput, inputArg) input: UpdateMonitoringReportInput,
  ) {
    return updateMonitoringReport(ctx, input);
  }

  @Mutation(() => SubmitMonitoringReportPayload, {
    description:
      '报送监控报告 — submit a complete DRAFT; flagged reports need causes and measures; frozen after (P8)',
  })
  @Idempotent()
  submitMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitMonitoringReportInput, inputArg) input: MonitoringReportActionInput,
  ) {
    return submitMonitoringReport(ctx, input);
  }

  @Mutation(() => AcknowledgeMonitoringReportPayload, {
    description: '确认监控报告 — the level above that reviews the goal acknowledges a submitted report (P3)',
  })
  @Idempotent()
  acknowledgeMonitoringReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcknowledgeMonitoringReportInput, inputArg) input: MonitoringReportActionInput,
  ) {
    return acknowledgeMonitoringReport(ctx, input);
  }

  @Mutation(() => MonitoringPolicyPayload, {
    description: '设置监控参数 — a city finance administrator sets the tenant’s SLOW_EXECUTION threshold',
  })
  setMonitoringPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetMonitoringPolicyInput, inputArg) input: SetMonitoringPolicyInput,
  ) {
    return setMonitoringPolicy(ctx, input);
  }
}
