/**
 * Monitoring roll-up (DOMAIN §11 "no N+1"): a whole tree in a constant number of SQL statements (technique of
 * test/query-count.test.ts).
 */
import { issuedTree, submittedReport } from './fixtures';
import { useRollupApi, app, INDICATORS, ROLLUP, Rollup, linesFor } from './rollup-api-fixtures';

useRollupApi();

describe('a whole tree costs a constant number of SQL statements (DOMAIN §11 "no N+1")', () => {
  const TREE = `query($text: String!) { goals(first: 50, filter: { text: $text, scope: TRANSFER_OVERALL }) { nodes {
    monitoringRollUp(year: 2025, month: 6) { ${ROLLUP} }
    children { nodes { monitoringRollUp(year: 2025, month: 6) { childCount }
      monitoringReports { nodes { flags money { spentToDate executionRateToDate } indicators { offTrack projectedValue } } }
      executionTotals(throughMonth: 6) { spentToDate } currentFundingHold { status } } } } } }`;

  async function statements(tag: string, children: number): Promise<number> {
    const amounts = Array.from({ length: children }, (_, i) => `${(i + 1) * 100000}.00`);
    const tree = await issuedTree(app, tag, INDICATORS, amounts);
    for (const [i, child] of tree.children.entries()) {
      await submittedReport(
        app,
        child,
        6,
        { annual: amounts[i], budget: '1000.00', inPlace: '1000.00', spent: '900.00', projected: amounts[i] },
        linesFor(tree, i, '10', '96', ['9', '10'], i % 2 ? 'PARTIAL' : 'ACHIEVED'),
      );
    }
    const res = await app.gql<{
      goals: { nodes: { monitoringRollUp: Rollup; children: { nodes: unknown[] } }[] };
    }>(TREE, { text: tag }, { as: 'finance.zhangdian' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.goals.nodes).toHaveLength(1);
    expect(res.data!.goals.nodes[0].children.nodes).toHaveLength(children);
    expect(res.data!.goals.nodes[0].monitoringRollUp.reportedCount).toBe(children);
    return res.extensions!.sqlStatements!;
  }

  test('2 regions and 7 regions cost the same', async () => {
    const small = await statements('语句计数小树', 2);
    const big = await statements('语句计数大树', 7);
    expect(big).toBe(small);
  });
});
