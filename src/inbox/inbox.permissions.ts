import { p6SignedInWithinJurisdiction } from '../auth/rules';

/**
 * Root fields of the inbox (待办): every signed-in caller has one; each kind's query narrows it to what
 * awaits the caller's own organization within its jurisdiction (P6).
 */
export const inboxPermissions = {
  Query: { myInbox: p6SignedInWithinJurisdiction },
  Mutation: {},
};
