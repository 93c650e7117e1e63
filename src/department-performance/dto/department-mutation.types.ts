import { ownInput, ownPayload } from '../../common/mutation-types';
import {
  EvaluationActionInput,
  EvaluationPayload,
  SaveEvaluationActualsInput,
} from '../../evaluation/dto/evaluation.inputs';
import { GoalPayload } from '../../goals/dto/goal.inputs';
import { MonitoringReportPayload } from '../../monitoring/dto/monitoring.payloads';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const CreateDepartmentGoalPayload = ownPayload(
  GoalPayload,
  'createDepartmentGoal',
  '新建部门整体绩效目标',
);
export const CreateMidYearCheckPayload = ownPayload(
  MonitoringReportPayload,
  'createMidYearCheck',
  '新建年中整体绩效监控',
);
export const CreateDepartmentSelfEvaluationPayload = ownPayload(
  EvaluationPayload,
  'createDepartmentSelfEvaluation',
  '新建部门整体自评',
);
export const SaveDepartmentSelfEvaluationPayload = ownPayload(
  EvaluationPayload,
  'saveDepartmentSelfEvaluation',
  '填报部门整体自评',
);
export const SaveDepartmentSelfEvaluationInput = ownInput(
  SaveEvaluationActualsInput,
  'saveDepartmentSelfEvaluation',
  '填报部门整体自评',
);
export const SubmitDepartmentSelfEvaluationPayload = ownPayload(
  EvaluationPayload,
  'submitDepartmentSelfEvaluation',
  '提交部门整体自评',
);
export const SubmitDepartmentSelfEvaluationInput = ownInput(
  EvaluationActionInput,
  'submitDepartmentSelfEvaluation',
  '提交部门整体自评',
);
