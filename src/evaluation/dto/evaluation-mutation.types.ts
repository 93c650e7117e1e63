import { ownInput, ownPayload } from '../../common/mutation-types';
import { CreateEvaluationInput, EvaluationActionInput, EvaluationPayload } from './evaluation.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const CreateSelfEvaluationPayload = ownPayload(
  EvaluationPayload,
  'createSelfEvaluation',
  '新建单位自评',
);
export const CreateSelfEvaluationInput = ownInput(
  CreateEvaluationInput,
  'createSelfEvaluation',
  '新建单位自评',
);
export const SaveEvaluationActualsPayload = ownPayload(
  EvaluationPayload,
  'saveEvaluationActuals',
  '填报自评',
);
export const SubmitEvaluationPayload = ownPayload(EvaluationPayload, 'submitEvaluation', '提交评价');
export const SubmitEvaluationInput = ownInput(EvaluationActionInput, 'submitEvaluation', '提交评价');
export const ReviewEvaluationPayload = ownPayload(EvaluationPayload, 'reviewEvaluation', '审核自评');
export const CreateDepartmentEvaluationPayload = ownPayload(
  EvaluationPayload,
  'createDepartmentEvaluation',
  '新建部门评价',
);
export const CreateDepartmentEvaluationInput = ownInput(
  CreateEvaluationInput,
  'createDepartmentEvaluation',
  '新建部门评价',
);
export const CreateFinanceEvaluationPayload = ownPayload(
  EvaluationPayload,
  'createFinanceEvaluation',
  '新建财政评价',
);
export const CreateFinanceEvaluationInput = ownInput(
  CreateEvaluationInput,
  'createFinanceEvaluation',
  '新建财政评价',
);
export const CommissionEvaluationPayload = ownPayload(
  EvaluationPayload,
  'commissionEvaluation',
  '委托第三方',
);
export const SaveFrameworkEvaluationPayload = ownPayload(
  EvaluationPayload,
  'saveFrameworkEvaluation',
  '填报部门/财政评价',
);
export const RespondToEvaluationPayload = ownPayload(EvaluationPayload, 'respondToEvaluation', '交换意见');
export const FinalizeEvaluationPayload = ownPayload(EvaluationPayload, 'finalizeEvaluation', '形成最终结论');
export const FinalizeEvaluationInput = ownInput(EvaluationActionInput, 'finalizeEvaluation', '形成最终结论');
export const ReportEvaluationToFinancePayload = ownPayload(
  EvaluationPayload,
  'reportEvaluationToFinance',
  '报送财政',
);
export const ReportEvaluationToFinanceInput = ownInput(
  EvaluationActionInput,
  'reportEvaluationToFinance',
  '报送财政',
);
export const AcknowledgeEvaluationReportPayload = ownPayload(
  EvaluationPayload,
  'acknowledgeEvaluationReport',
  '财政接收',
);
export const AcknowledgeEvaluationReportInput = ownInput(
  EvaluationActionInput,
  'acknowledgeEvaluationReport',
  '财政接收',
);
