import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { commissionEvaluation } from './commission.service';
import {
  CommissionEvaluationInput,
  CreateEvaluationInput,
  EvaluationActionInput,
  RespondToEvaluationInput,
  ReviewEvaluationInput,
  SaveEvaluationActualsInput,
} from './dto/evaluation.inputs';
import { SaveFrameworkEvaluationInput } from './dto/framework.inputs';
import { EvaluationType } from './dto/evaluation.types';
import { reviewEvaluation, submitEvaluation } from './evaluation-workflow.service';
import {
  createDepartmentEvaluation,
  createFinanceEvaluation,
  saveFrameworkEvaluation,
} from './framework-evaluation.service';
import {
  acknowledgeEvaluationReport,
  finalizeEvaluation,
  reportEvaluationToFinance,
  respondToEvaluation,
} from './framework-workflow.service';
import { createSelfEvaluation } from './self-evaluation.service';
import { saveEvaluationActuals } from './self-evaluation-save.service';
import { Idempotent } from '../idempotency/idempotent';
import {
  AcknowledgeEvaluationReportInput,
  AcknowledgeEvaluationReportPayload,
  CommissionEvaluationPayload,
  CreateDepartmentEvaluationInput,
  CreateDepartmentEvaluationPayload,
  CreateFinanceEvaluationInput,
  CreateFinanceEvaluationPayload,
  CreateSelfEvaluationInput,
  CreateSelfEvaluationPayload,
  FinalizeEvaluationInput,
  FinalizeEvaluationPayload,
  ReportEvaluationToFinanceInput,
  ReportEvaluationToFinancePayload,
  RespondToEvaluationPayload,
  ReviewEvaluationPayload,
  SaveEvaluationActualsPayload,
  SaveFrameworkEvaluationPayload,
  SubmitEvaluationInput,
  SubmitEvaluationPayload,
} from './dto/evaluation-mutation.types';

const inputArg = { description: '输入 — the mutation input' };

/** The evaluation mutations (DOMAIN §10): thin, each hands its one input to a service in a savepoint. */
@Resolver(() => EvaluationType)
export class EvaluationMutationResolver {
  @Mutation(() => CreateSelfEvaluationPayload, {
    description:
      '新建单位自评 — by the spending unit (P4 谁支出、谁自评) on an issued PROJECT or TRANSFER_PROJECT goal',
  })
  @Idempotent()
  createSelfEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateSelfEvaluationInput, inputArg) input: CreateEvaluationInput,
  ) {
    return createSelfEvaluation(ctx, input);
  }

  @Mutation(() => SaveEvaluationActualsPayload, {
    description:
      '填报自评 — money, category points and actuals of a DRAFT or RETURNED self-evaluation, checked by the scoring engine; guarded by rowVersion',
  })
  saveEvaluationActuals(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveEvaluationActualsInput, inputArg) input: SaveEvaluationActualsInput,
  ) {
    return saveEvaluationActuals(ctx, input);
  }

  @Mutation(() => SubmitEvaluationPayload, {
    description:
      '提交评价 — scores and freezes the evaluation (P8); every missing actual or explanation is listed',
  })
  @Idempotent()
  submitEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitEvaluationInput, inputArg) input: EvaluationActionInput,
  ) {
    return submitEvaluation(ctx, input);
  }

  @Mutation(() => ReviewEvaluationPayload, {
    description:
      '审核自评 — the project’s competent department accepts or returns (with a comment) a submitted self-evaluation',
  })
  @Idempotent()
  reviewEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReviewEvaluationInput, inputArg) input: ReviewEvaluationInput,
  ) {
    return reviewEvaluation(ctx, input);
  }

  @Mutation(() => CreateDepartmentEvaluationPayload, {
    description: '新建部门评价 — by the competent department, on a goal of its own projects or funds (P7)',
  })
  @Idempotent()
  createDepartmentEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateDepartmentEvaluationInput, inputArg) input: CreateEvaluationInput,
  ) {
    return createDepartmentEvaluation(ctx, input);
  }

  @Mutation(() => CreateFinanceEvaluationPayload, {
    description: '新建财政评价 — by finance at the goal’s region or above (P6, P7)',
  })
  @Idempotent()
  createFinanceEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateFinanceEvaluationInput, inputArg) input: CreateEvaluationInput,
  ) {
    return createFinanceEvaluation(ctx, input);
  }

  @Mutation(() => CommissionEvaluationPayload, {
    description:
      '委托第三方 — the evaluating body commissions a third party for a draft department or finance evaluation',
  })
  @Idempotent()
  commissionEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CommissionEvaluationInput, inputArg) input: CommissionEvaluationInput,
  ) {
    return commissionEvaluation(ctx, input);
  }

  @Mutation(() => SaveFrameworkEvaluationPayload, {
    description:
      '填报部门/财政评价 — framework indicators (OUTPUT + BENEFIT ≥ 60 points, 002 第二十一条(二)) and report sections',
  })
  saveFrameworkEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveFrameworkEvaluationInput, inputArg) input: SaveFrameworkEvaluationInput,
  ) {
    return saveFrameworkEvaluation(ctx, input);
  }

  @Mutation(() => RespondToEvaluationPayload, {
    description:
      '交换意见 — the evaluated body responds (同意/有异议) to a submitted preliminary department or finance result (002 第二十六条(二)6)',
  })
  @Idempotent()
  respondToEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RespondToEvaluationInput, inputArg) input: RespondToEvaluationInput,
  ) {
    return respondToEvaluation(ctx, input);
  }

  @Mutation(() => FinalizeEvaluationPayload, {
    description:
      '形成最终结论 — the evaluator (or its third party) finalizes the result after the response (002 第二十六条(二)7)',
  })
  @Idempotent()
  finalizeEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => FinalizeEvaluationInput, inputArg) input: EvaluationActionInput,
  ) {
    return finalizeEvaluation(ctx, input);
  }

  @Mutation(() => ReportEvaluationToFinancePayload, {
    description:
      '报送财政 — the department reports its final evaluation to finance at its level (002 第二十八条(二))',
  })
  @Idempotent()
  reportEvaluationToFinance(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReportEvaluationToFinanceInput, inputArg) input: EvaluationActionInput,
  ) {
    return reportEvaluationToFinance(ctx, input);
  }

  @Mutation(() => AcknowledgeEvaluationReportPayload, {
    description: '财政接收 — finance at the department’s level acknowledges a reported department evaluation',
  })
  @Idempotent()
  acknowledgeEvaluationReport(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcknowledgeEvaluationReportInput, inputArg) input: EvaluationActionInput,
  ) {
    return acknowledgeEvaluationReport(ctx, input);
  }
}
