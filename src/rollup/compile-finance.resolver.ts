import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ReviewEvaluationInput } from '../evaluation/dto/evaluation.inputs';
import { Idempotent } from '../idempotency/idempotent';
import { reviewCompiledResultAsFinance } from './compile-finance.service';
import {
  ReviewCompiledResultAsFinanceInput,
  ReviewCompiledResultAsFinancePayload,
} from './rollup-mutation.types';

/** The township finance step of a compiled regional result (DOMAIN §11; 003 转移支付 第二十三条). */
@Resolver()
export class CompileFinanceResolver {
  @Mutation(() => ReviewCompiledResultAsFinancePayload, {
    description:
      '乡镇财政审核汇总结果 — the township finance office passes (APPROVE) or returns (RETURN, with a comment) its region’s compiled self-evaluation result before the fund’s department reviews it (DOMAIN §11; 003 转移支付 第二十三条)',
  })
  @Idempotent() // ReviewEvaluationInput carries idempotencyKey; the payload is the evaluation entity
  reviewCompiledResultAsFinance(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReviewCompiledResultAsFinanceInput, { description: '输入 — the mutation input' })
    input: ReviewEvaluationInput,
  ) {
    return reviewCompiledResultAsFinance(ctx, input);
  }
}
