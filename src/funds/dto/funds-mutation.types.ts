import { ownPayload } from '../../common/mutation-types';
import { FundPayload } from './fund.inputs';
import { ProjectPayload } from './project.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const CreateFundPayload = ownPayload(FundPayload, 'createFund', '新建专项资金');
export const UpdateFundPayload = ownPayload(FundPayload, 'updateFund', '修改专项资金');
export const SetAllocationsPayload = ownPayload(FundPayload, 'setAllocations', '设置资金分配');
export const CreateProjectPayload = ownPayload(ProjectPayload, 'createProject', '新建项目');
export const UpdateProjectPayload = ownPayload(ProjectPayload, 'updateProject', '修改项目');
