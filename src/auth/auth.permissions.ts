import { p6SignedInWithinJurisdiction, publicAccess } from './rules';

export const authPermissions = {
  Query: { me: p6SignedInWithinJurisdiction, node: p6SignedInWithinJurisdiction },
  Mutation: { login: publicAccess },
};
