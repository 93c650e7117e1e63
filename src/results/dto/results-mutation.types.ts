import { ownInput, ownPayload } from '../../common/mutation-types';
import { FindingActionInput, FindingPayload } from './results.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const OpenFindingPayload = ownPayload(FindingPayload, 'openFinding', '开具问题');
export const OpenFundingHoldFindingPayload = ownPayload(
  FindingPayload,
  'openFundingHoldFinding',
  '对暂缓/停止拨款开具问题',
);
export const GiveFindingFeedbackPayload = ownPayload(FindingPayload, 'giveFindingFeedback', '反馈评价结果');
export const GiveFindingFeedbackInput = ownInput(FindingActionInput, 'giveFindingFeedback', '反馈评价结果');
export const RespondToFindingPayload = ownPayload(FindingPayload, 'respondToFinding', '报送整改情况');
export const RespondToFindingInput = ownInput(FindingActionInput, 'respondToFinding', '报送整改情况');
export const VerifyFindingPayload = ownPayload(FindingPayload, 'verifyFinding', '核实整改');
export const VerifyFindingInput = ownInput(FindingActionInput, 'verifyFinding', '核实整改');
export const ReopenFindingPayload = ownPayload(FindingPayload, 'reopenFinding', '退回整改');
export const ReopenFindingInput = ownInput(FindingActionInput, 'reopenFinding', '退回整改');
