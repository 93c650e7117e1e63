import { ownInput, ownPayload } from '../common/mutation-types';
import { EvaluationPayload, ReviewEvaluationInput } from '../evaluation/dto/evaluation.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const ReviewCompiledResultAsFinancePayload = ownPayload(
  EvaluationPayload,
  'reviewCompiledResultAsFinance',
  '乡镇财政审核汇总结果',
);
export const ReviewCompiledResultAsFinanceInput = ownInput(
  ReviewEvaluationInput,
  'reviewCompiledResultAsFinance',
  '乡镇财政审核汇总结果',
);
export const CompileRollUpPayload = ownPayload(EvaluationPayload, 'compileRollUp', '汇总确认');
