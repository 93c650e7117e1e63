import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { CreateGoalInput, GoalActionInput, RequestAdjustmentInput, UpdateGoalInput } from './dto/goal.inputs';
import { requestAdjustment } from './goal-adjustment.service';
import { createGoal } from './goal-drafting.service';
import { updateGoal } from './goal-editing.service';
import {
  approveGoal,
  fileGoalForRecord,
  issueGoal,
  returnGoal,
  rejectGoal,
  submitGoal,
  withdrawAdjustment,
} from './goal-workflow.service';
import { RejectGoalInput } from './dto/goal-extra.inputs';
import { Idempotent } from '../idempotency/idempotent';
import {
  ApproveGoalInput,
  ApproveGoalPayload,
  CreateGoalPayload,
  FileGoalForRecordInput,
  FileGoalForRecordPayload,
  IssueGoalInput,
  IssueGoalPayload,
  RejectGoalPayload,
  RequestAdjustmentPayload,
  ReturnGoalInput,
  ReturnGoalPayload,
  SubmitGoalInput,
  SubmitGoalPayload,
  UpdateGoalPayload,
  WithdrawAdjustmentInput,
  WithdrawAdjustmentPayload,
} from './dto/goal-mutation.types';

const inputArg = { description: '输入 — the mutation input' };

/** The goal mutations (DOMAIN §5, §7): drafting, the workflow actions, adjustments. */
@Resolver()
export class GoalMutationResolver {
  @Mutation(() => CreateGoalPayload, {
    description:
      '新建绩效目标 — by the drafter P1/P2 name (DOMAIN §8); DRAFT, with indicators checked one by one',
  })
  @Idempotent()
  createGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateGoalInput, inputArg) input: CreateGoalInput,
  ) {
    return createGoal(ctx, input);
  }

  @Mutation(() => UpdateGoalPayload, {
    description: '修改绩效目标 — by the drafter, DRAFT or RETURNED only (P8), guarded by rowVersion',
  })
  updateGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateGoalInput, inputArg) input: UpdateGoalInput,
  ) {
    return updateGoal(ctx, input);
  }

  @Mutation(() => SubmitGoalPayload, {
    description: '提交审核 — the drafter sends a complete DRAFT or RETURNED goal to step 1 of its chain',
  })
  @Idempotent()
  submitGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitGoalInput, inputArg) input: GoalActionInput,
  ) {
    return submitGoal(ctx, input);
  }

  @Mutation(() => ApproveGoalPayload, {
    description:
      '审核通过 — the organization at the current step approves (P3); the final step needs the ex-ante gate',
  })
  @Idempotent()
  approveGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ApproveGoalInput, inputArg) input: GoalActionInput,
  ) {
    return approveGoal(ctx, input);
  }

  @Mutation(() => ReturnGoalPayload, {
    description:
      '退回修改 — the organization at the current step returns the goal to its drafter, with a comment',
  })
  @Idempotent()
  returnGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReturnGoalInput, inputArg) input: GoalActionInput,
  ) {
    return returnGoal(ctx, input);
  }

  @Mutation(() => FileGoalForRecordPayload, {
    description:
      '报送备案 — the drafter files a complete goal whose budget was issued first (emergency, deferred transfer goal; 002 第十二条) with finance; FILED_FOR_RECORD is in force, and the record holder may return it for correction',
  })
  @Idempotent()
  fileGoalForRecord(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => FileGoalForRecordInput, inputArg) input: GoalActionInput,
  ) {
    return fileGoalForRecord(ctx, input);
  }

  @Mutation(() => RequestAdjustmentPayload, {
    description:
      '申请调整 — the drafter or its supervising department requests version n+1 of an issued goal, with a reason; n is superseded when n+1 is issued',
  })
  @Idempotent()
  requestAdjustment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestAdjustmentInput, inputArg) input: RequestAdjustmentInput,
  ) {
    return requestAdjustment(ctx, input);
  }

  @Mutation(() => WithdrawAdjustmentPayload, {
    description:
      '撤回调整申请 — the drafter withdraws an adjustment (version n+1) in DRAFT or RETURNED; it becomes WITHDRAWN (kept, read-only) and version n may be adjusted again',
  })
  @Idempotent()
  withdrawAdjustment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WithdrawAdjustmentInput, inputArg) input: GoalActionInput,
  ) {
    return withdrawAdjustment(ctx, input);
  }

  @Mutation(() => IssueGoalPayload, {
    description: '批复下达 — finance at the budget’s level (the final step) issues an APPROVED goal',
  })
  @Idempotent()
  issueGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => IssueGoalInput, inputArg) input: GoalActionInput,
  ) {
    return issueGoal(ctx, input);
  }

  @Mutation(() => RejectGoalPayload, {
    description:
      '不予受理 — finance at the budget’s level (the final step, P3) refuses a goal under review that stays unacceptable, with a reason (001 三(一)); REJECTED is terminal',
  })
  @Idempotent()
  rejectGoal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RejectGoalInput, inputArg) input: RejectGoalInput,
  ) {
    return rejectGoal(ctx, input);
  }
}
