import { toGlobalId } from '../../src/common/global-id';
import { CITY_TREE } from '../../bench/queries';
import { FUND_TREE } from '../../bench/rollup-queries';
import { AGGREGATE_TABLE } from '../../bench/reporting-queries';
import { W2_QUERY, w2Variables } from '../../bench/workloads/w2';

/**
 * The shapes the API serves, on the demo data, that the equivalence tests run both ways (graphql-jit
 * against graphql-js, direct resolvers against type-graphql's): the city tree of connections, the
 * fund-tree roll-up (DOMAIN §11) and its restricted view for a district (P6), the BI aggregate and the W2
 * nested list — each as [login, query, variables].
 */
export function servedShapes(
  cityCode: string,
  overallId: string,
): [string, string, Record<string, unknown>][] {
  return [
    ['finance.zibo', CITY_TREE, { code: cityCode }],
    ['finance.zibo', FUND_TREE, { id: toGlobalId('PerformanceGoal', overallId) }],
    ['finance.gongyuan', FUND_TREE, { id: toGlobalId('PerformanceGoal', overallId) }],
    ['finance.zibo', AGGREGATE_TABLE, { level: 'DISTRICT', from: 2024, to: 2026 }],
    ['finance.zibo', W2_QUERY, { ...w2Variables(cityCode, { year: 2025 }) }],
  ];
}
