import { ownPayload } from '../../common/mutation-types';
import { CounterpartPayload } from './counterpart.inputs';
import { OrganizationPayload } from './organization.inputs';
import { DeletePayload, RegionPayload } from './region.inputs';
import { UserPayload } from './user.inputs';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const SetCounterpartPayload = ownPayload(CounterpartPayload, 'setCounterpart', '设置对口部门');
export const RemoveCounterpartPayload = ownPayload(CounterpartPayload, 'removeCounterpart', '取消对口部门');
export const CreateOrganizationPayload = ownPayload(OrganizationPayload, 'createOrganization', '新建单位');
export const UpdateOrganizationPayload = ownPayload(OrganizationPayload, 'updateOrganization', '修改单位');
export const DeleteOrganizationPayload = ownPayload(DeletePayload, 'deleteOrganization', '删除单位');
export const CreateRegionPayload = ownPayload(RegionPayload, 'createRegion', '新建行政区划');
export const UpdateRegionPayload = ownPayload(RegionPayload, 'updateRegion', '修改行政区划');
export const DeleteRegionPayload = ownPayload(DeletePayload, 'deleteRegion', '删除行政区划');
export const CreateUserPayload = ownPayload(UserPayload, 'createUser', '新建用户');
export const UpdateUserPayload = ownPayload(UserPayload, 'updateUser', '修改用户');
