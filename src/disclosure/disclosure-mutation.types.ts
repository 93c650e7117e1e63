import { ownInput, ownPayload } from '../common/mutation-types';
import { DisclosureDateInput, DisclosurePayload } from './disclosure.types';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const ClassifyForDisclosurePayload = ownPayload(DisclosurePayload, 'classifyForDisclosure', '定密');
export const PublishDisclosurePayload = ownPayload(DisclosurePayload, 'publishDisclosure', '公开');
export const PublishDisclosureInput = ownInput(DisclosureDateInput, 'publishDisclosure', '公开');
export const WithdrawDisclosurePayload = ownPayload(DisclosurePayload, 'withdrawDisclosure', '撤回公开');
export const WithdrawDisclosureInput = ownInput(DisclosureDateInput, 'withdrawDisclosure', '撤回公开');
