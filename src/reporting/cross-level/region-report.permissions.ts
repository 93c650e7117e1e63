import { p6AggregateReader } from '../reporting.permissions';

/**
 * Who may ask for a cross-level report (DOMAIN §16; P6 and §11 "Who sees what"): exactly who may ask for
 * the BI aggregate it is built on — finance, competent departments and audit offices over their subtree,
 * an implementing unit over its own goals at its own region; never a third party (it sees only what it
 * is commissioned for). The shield applies the aggregate's own rule object, so the two cannot drift
 * apart. Which region is then checked per request (region-report.service.ts: a region outside the
 * jurisdiction reads as NOT_FOUND).
 */
export const crossLevelPermissions = {
  Query: { regionReport: p6AggregateReader },
  Mutation: {},
};
