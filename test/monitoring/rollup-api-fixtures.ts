/**
 * Shared setup of the monitoring roll-up API tests (rollup-api.test.ts, rollup-query-count-api.test.ts; DOMAIN
 * §9, §11): the parent indicators of a transfer tree, the monitoringRollUp query, and its lines by indicator.
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { type Tree, type TreeIndicator } from './fixtures';

export let app: TestApp;

export const INDICATORS: TreeIndicator[] = [
  { name: '新改建农村公路里程', unit: '公里', comparator: 'GTE', target: '50', aggregation: 'SUM' },
  {
    name: '工程质量达标率',
    unit: '%',
    comparator: 'GTE',
    target: '95',
    aggregation: 'FUND_WEIGHTED_AVERAGE',
    subcategory: 'QUALITY',
  },
  {
    name: '验收合格率',
    unit: '%',
    comparator: 'GTE',
    target: '90',
    aggregation: 'RATIO_OF_SUMS',
    subcategory: 'QUALITY',
  },
  { name: '通行条件', kind: 'QUALITATIVE', target: '明显改善', category: 'BENEFIT', subcategory: 'SOCIAL' },
];

export const ROLLUP = `year month acknowledgedOnly childCount reportedCount moneyShare provisional flags
  money { annualBudget budgetToDate inPlaceToDate spentToDate executionOfAnnualRate projectedExecution }
  indicators { indicator { name } contributions combined failure offTrack }`;
export const QUERY = `query($id: ID!, $ack: Boolean!) { goal(id: $id) { monitoringRollUp(year: 2025, month: 6, acknowledgedOnly: $ack) { ${ROLLUP} } } }`;

export interface Rollup {
  childCount: number;
  reportedCount: number;
  moneyShare: string | null;
  provisional: boolean;
  flags: string[];
  money: Record<string, string | null>;
  indicators: {
    indicator: { name: string };
    contributions: number;
    combined: string | null;
    failure: string | null;
    offTrack: boolean | null;
  }[];
}

export const gid = (uuid: string) => toGlobalId('PerformanceGoal', uuid);

export async function rollupOf(tree: Tree, as = 'transport.zhangdian', ack = false): Promise<Rollup> {
  const res = await app.gql<{ goal: { monitoringRollUp: Rollup } }>(
    QUERY,
    { id: gid(tree.parent), ack },
    { as },
  );
  if (!res.data?.goal) throw new Error(JSON.stringify(res));
  return res.data.goal.monitoringRollUp;
}

export const linesFor = (
  tree: Tree,
  i: number,
  km: string,
  quality: string,
  passed: [string, string],
  tier: string,
) => [
  { indicatorId: tree.childIndicators[i]['新改建农村公路里程'], value: km },
  { indicatorId: tree.childIndicators[i]['工程质量达标率'], value: quality },
  {
    indicatorId: tree.childIndicators[i]['验收合格率'],
    value: '0',
    numerator: passed[0],
    denominator: passed[1],
  },
  { indicatorId: tree.childIndicators[i]['通行条件'], tier },
];

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useRollupApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => app.stop());
}
