import { ownInput, ownPayload } from '../../common/mutation-types';
import { GoalActionInput, GoalPayload } from './goal.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const CreateGoalPayload = ownPayload(GoalPayload, 'createGoal', '新建绩效目标');
export const UpdateGoalPayload = ownPayload(GoalPayload, 'updateGoal', '修改绩效目标');
export const SubmitGoalPayload = ownPayload(GoalPayload, 'submitGoal', '提交审核');
export const SubmitGoalInput = ownInput(GoalActionInput, 'submitGoal', '提交审核');
export const ApproveGoalPayload = ownPayload(GoalPayload, 'approveGoal', '审核通过');
export const ApproveGoalInput = ownInput(GoalActionInput, 'approveGoal', '审核通过');
export const ReturnGoalPayload = ownPayload(GoalPayload, 'returnGoal', '退回修改');
export const ReturnGoalInput = ownInput(GoalActionInput, 'returnGoal', '退回修改');
export const FileGoalForRecordPayload = ownPayload(GoalPayload, 'fileGoalForRecord', '报送备案');
export const FileGoalForRecordInput = ownInput(GoalActionInput, 'fileGoalForRecord', '报送备案');
export const RequestAdjustmentPayload = ownPayload(GoalPayload, 'requestAdjustment', '申请调整');
export const WithdrawAdjustmentPayload = ownPayload(GoalPayload, 'withdrawAdjustment', '撤回调整申请');
export const WithdrawAdjustmentInput = ownInput(GoalActionInput, 'withdrawAdjustment', '撤回调整申请');
export const IssueGoalPayload = ownPayload(GoalPayload, 'issueGoal', '批复下达');
export const IssueGoalInput = ownInput(GoalActionInput, 'issueGoal', '批复下达');
export const RejectGoalPayload = ownPayload(GoalPayload, 'rejectGoal', '不予受理');
