import { ownPayload } from '../../common/mutation-types';
import { AssessmentPayload } from './assessment.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const CreateAssessmentPayload = ownPayload(AssessmentPayload, 'createAssessment', '新建事前绩效评估');
export const UpdateAssessmentPayload = ownPayload(AssessmentPayload, 'updateAssessment', '修改事前绩效评估');
export const SubmitAssessmentPayload = ownPayload(AssessmentPayload, 'submitAssessment', '报送事前绩效评估');
export const ReviewAssessmentPayload = ownPayload(
  AssessmentPayload,
  'reviewAssessment',
  '财政审核事前绩效评估',
);
