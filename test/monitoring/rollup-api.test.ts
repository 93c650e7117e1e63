/**
 * Monitoring roll-up through GraphQL (DOMAIN §9 last bullet, §11): a transfer overall goal sees its
 * regional children's reports for a period combined — money summed, each parent indicator's projection
 * combined by its aggregation (SUM, FUND_WEIGHTED_AVERAGE, RATIO_OF_SUMS; src/goals/rules/aggregation-combine.ts)
 * and judged against the parent's target, flags on the combined values, coverage and provisional; all
 * submitted or only acknowledged reports.
 */
import { toGlobalId } from '../../src/common/global-id';
import { ERRORS, issuedTree, submittedReport, type Tree } from './fixtures';
import { useRollupApi, app, INDICATORS, QUERY, gid, rollupOf, linesFor } from './rollup-api-fixtures';

useRollupApi();

describe('a 张店区 fund: overall goal, 车站街道 600万 and 公园街道 400万 (DOMAIN §11 shape)', () => {
  let tree: Tree;

  beforeAll(async () => {
    tree = await issuedTree(app, '监控汇总', INDICATORS, ['6000000.00', '4000000.00']);
  });

  test('one child reported: provisional, coverage 1/2 and 60% of the money, nothing counted as 0 for the other', async () => {
    await submittedReport(
      app,
      tree.children[0],
      6,
      {
        annual: '6000000.00',
        budget: '3000000.00',
        inPlace: '3000000.00',
        spent: '2700000.00',
        projected: '5700000.00',
      },
      linesFor(tree, 0, '27', '100', ['9', '10'], 'ACHIEVED'),
      true,
    );
    const r = await rollupOf(tree);
    expect({ n: r.reportedCount, of: r.childCount, share: r.moneyShare, provisional: r.provisional }).toEqual(
      {
        n: 1,
        of: 2,
        share: '60.00',
        provisional: true,
      },
    );
    expect(r.indicators.map((i) => [i.indicator.name, i.combined, i.offTrack])).toEqual([
      ['新改建农村公路里程', '27', true],
      ['工程质量达标率', '100', false],
      ['验收合格率', '90', false],
      ['通行条件', null, false],
    ]);
  });

  test('the second child reports through the API (drafter 张店区交通运输局, acknowledged by 张店区财政局)', async () => {
    const CREATE = `mutation($input: CreateMonitoringReportInput!) { createMonitoringReport(input: $input) { report { id rowVersion acknowledger { name } } ${ERRORS} } }`;
    const SUBMIT = `mutation($input: SubmitMonitoringReportInput!) { submitMonitoringReport(input: $input) { report { id status flags } ${ERRORS} } }`;
    const RECORD = `mutation($input: RecordExecutionInput!) { recordExecution(input: $input) { execution { month } ${ERRORS} } }`;
    const child = gid(tree.children[1]);
    for (let m = 1; m <= 6; m += 1) {
      const res = await app.gql<{ recordExecution: { userErrors: unknown[] } }>(
        RECORD,
        {
          input: {
            goalId: child,
            year: 2025,
            month: m,
            budgeted: '333333.33',
            inPlace: m <= 3 ? '400000.00' : '0.00',
            spent: '300000.00',
          },
        },
        { as: 'transport.zhangdian' },
      );
      expect(res.data!.recordExecution.userErrors).toEqual([]);
    }
    const ind = (name: string) => toGlobalId('GoalIndicator', tree.childIndicators[1][name]);
    const created = await app.gql<{
      createMonitoringReport: { report: { id: string; rowVersion: number; acknowledger: { name: string } } };
    }>(
      CREATE,
      {
        input: {
          goalId: child,
          year: 2025,
          month: 6,
          likelihood: 'CERTAIN',
          projectedExecution: '3800000.00',
          indicators: [
            { indicatorId: ind('新改建农村公路里程'), projectedValue: '20' },
            { indicatorId: ind('工程质量达标率'), projectedValue: '90' },
            {
              indicatorId: ind('验收合格率'),
              projectedValue: '80',
              projectedNumerator: '8',
              projectedDenominator: '10',
            },
            { indicatorId: ind('通行条件'), projectedTier: 'ACHIEVED' },
          ],
        },
      },
      { as: 'transport.zhangdian' },
    );
    const report = created.data!.createMonitoringReport.report;
    expect(report.acknowledger.name).toBe('张店区财政局');
    // Child B's own 工程质量达标率 target is 95: a projection of 90 is off track → causes and measures needed.
    const refusedSubmit = await app.gql<{ submitMonitoringReport: { userErrors: { field: string[] }[] } }>(
      SUBMIT,
      { input: { id: report.id, expectedVersion: report.rowVersion } },
      { as: 'transport.zhangdian' },
    );
    // (Each child here carries the parent's targets, so 20 km < 50 is off track too.)
    expect(refusedSubmit.data!.submitMonitoringReport.userErrors.map((e) => e.field.join('.'))).toEqual([
      'report.indicators.0.causes',
      'report.indicators.1.causes',
      'report.indicators.2.causes',
      'report.correctiveMeasures',
    ]);
    const UPDATE = `mutation($input: UpdateMonitoringReportInput!) { updateMonitoringReport(input: $input) { report { rowVersion } ${ERRORS} } }`;
    const updated = await app.gql<{ updateMonitoringReport: { report: { rowVersion: number } } }>(
      UPDATE,
      {
        input: {
          id: report.id,
          expectedVersion: report.rowVersion,
          likelihood: 'POSSIBLE',
          projectedExecution: '3800000.00',
          correctiveMeasures: '加强质量监管',
          indicators: [
            {
              indicatorId: ind('新改建农村公路里程'),
              projectedValue: '20',
              causes: [{ cause: 'FUNDING', text: '资金分批到位' }],
            },
            {
              indicatorId: ind('工程质量达标率'),
              projectedValue: '90',
              causes: [{ cause: 'STAFFING', text: '质检人员不足' }],
            },
            {
              indicatorId: ind('验收合格率'),
              projectedValue: '80',
              projectedNumerator: '8',
              projectedDenominator: '10',
              causes: [{ cause: 'CONDITIONS', text: '雨季' }],
            },
            { indicatorId: ind('通行条件'), projectedTier: 'ACHIEVED' },
          ],
        },
      },
      { as: 'transport.zhangdian' },
    );
    const submitted = await app.gql<{ submitMonitoringReport: { report: { status: string } } }>(
      SUBMIT,
      { input: { id: report.id, expectedVersion: updated.data!.updateMonitoringReport.report.rowVersion } },
      { as: 'transport.zhangdian' },
    );
    expect(submitted.data!.submitMonitoringReport.report.status).toBe('SUBMITTED');
  });

  test('both reported: combined by each parent aggregation against the parent targets; money summed; full coverage', async () => {
    const r = await rollupOf(tree, 'finance.zhangdian');
    expect({ n: r.reportedCount, share: r.moneyShare, provisional: r.provisional }).toEqual({
      n: 2,
      share: '100.00',
      provisional: false,
    });
    expect(r.indicators.map((i) => [i.indicator.name, i.contributions, i.combined, i.offTrack])).toEqual([
      ['新改建农村公路里程', 2, '47', true], // 27 + 20 < 50
      ['工程质量达标率', 2, '96', false], // (100×600 + 90×400) ÷ 1000
      ['验收合格率', 2, '85', true], // 100 × (9 + 8) ÷ (10 + 10), not the mean of 90% and 80%
      ['通行条件', 2, null, false],
    ]);
    expect(r.money).toEqual({
      annualBudget: '10000000.00',
      budgetToDate: '4999999.98',
      inPlaceToDate: '4200000.00',
      spentToDate: '4500000.00',
      executionOfAnnualRate: '45.00',
      projectedExecution: '9500000.00',
    });
    expect(r.flags).toEqual(['INDICATOR_OFF_TRACK']); // 45% executed vs 50% elapsed: 5 points, within 10
  });

  test('acknowledged only (审核后汇总): B is not yet acknowledged, so it is provisional again', async () => {
    const r = await rollupOf(tree, 'transport.zhangdian', true);
    expect([r.reportedCount, r.provisional, r.moneyShare]).toEqual([1, true, '60.00']);
  });

  test('visible at every level of the jurisdiction, to nobody outside (P6)', async () => {
    expect((await rollupOf(tree, 'finance.zibo')).reportedCount).toBe(2);
    expect((await rollupOf(tree, 'audit.zhangdian')).reportedCount).toBe(2);
    for (const as of ['finance.zichuan', 'finance.rizhao', 'unit.chezhan']) {
      const res = await app.gql<{ goal: unknown }>(QUERY, { id: gid(tree.parent), ack: false }, { as });
      expect(res.data?.goal).toBeNull();
    }
  });
});
