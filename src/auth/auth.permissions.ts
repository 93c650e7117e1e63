import { p6SignedInWithinJurisdiction, publicAccess } from './rules';

export const authPermissions = {
  Query: { node: p6SignedInWithinJurisdiction },
  Mutation: { login: publicAccess },
};
