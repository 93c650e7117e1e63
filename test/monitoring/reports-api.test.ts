/**
 * Monitoring reports through GraphQL on a real database (DOMAIN §9; 002 附件4–5, 第十四条): a DRAFT for an
 * issued goal and month M, money figures to date, per-indicator projections, deviation causes and the
 * conclusion; flags; submission refused without causes and measures when flagged or not CERTAIN; frozen
 * after submission (P8, also in the database); acknowledged by the level above (the goal's first reviewer,
 * 车站街道建设办公室). Permissions both ways. Missing reports and the per-tenant threshold:
 * reports-listing-api.test.ts.
 */
import { draftProjectGoal } from './fixtures';
import {
  ACK,
  CREATE,
  recordMarchAgain,
  REPORT,
  SUBMIT,
  UPDATE,
  type Report,
  useReportGoals,
} from './reports-fixtures';

const { app, ok, refused, denied, goal, quiet } = useReportGoals();

const lines = (km: string, rate: string, tier: string, causes: { cause: string; text: string }[] = []) => [
  { indicatorId: goal.indicators[0].id, completionToDate: '5公里', projectedValue: km, causes },
  { indicatorId: goal.indicators[1].id, completionToDate: '96%', projectedValue: rate },
  { indicatorId: goal.indicators[2].id, completionToDate: '基本改善', projectedTier: tier },
];

const statusOf = async (id: string) => {
  const uuid = Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
  const [row] = await app.sql<{
    status: string;
    executed_to_date: string | null;
    budget_to_date: string | null;
  }>('SELECT status, executed_to_date, budget_to_date FROM monitoring_report WHERE id = $1', [uuid]);
  return row;
};

describe('a report for March: draft, flags, submission gate, freeze, acknowledgement', () => {
  let report: Report;
  /** The unit updates its draft: 1,100,000 projected, POSSIBLE, `indicators`; `extra` adds fields. */
  const update = (indicators: ReturnType<typeof lines>, extra: Record<string, unknown> = {}) =>
    ok(
      UPDATE,
      {
        id: report.id,
        expectedVersion: report.rowVersion,
        projectedExecution: '1100000.00',
        likelihood: 'POSSIBLE',
        indicators,
        ...extra,
      },
      'unit.chezhan',
    );

  // DOMAIN §9, 003 转移支付 第二十条 (issue 9 item 12): a township's reports go to the township finance office.
  test('the unit opens a DRAFT; money to date is live; acknowledged by 车站街道财政所 (same-level finance)', async () => {
    const payload = await ok(
      CREATE,
      {
        goalId: goal.id,
        year: 2025,
        month: 3,
        projectedExecution: '1100000.00',
        likelihood: 'CERTAIN',
        indicators: lines('13', '96', 'ACHIEVED'),
      },
      'unit.chezhan',
    );
    report = payload.report!;
    expect(report.status).toBe('DRAFT');
    expect(report.acknowledger?.name).toBe('车站街道财政所');
    expect(report.money).toMatchObject({
      annualBudget: '1200000.00',
      budgetToDate: '300000.00',
      spentToDate: '150000.00',
      executionRateToDate: '50.00',
      executionOfAnnualRate: '12.50',
      projectedExecutionRate: '91.67',
    });
    expect(report.indicators.map((i) => [i.indicator.name, i.offTrack])).toEqual([
      ['养护道路里程', false],
      ['验收合格率', false],
      ['道路通行条件', false],
    ]);
    // DOMAIN §9: 12.5% executed after 3 months (25% elapsed) is exactly 12.5 points behind → SLOW_EXECUTION.
    expect(report.flags).toEqual(['SLOW_EXECUTION']);
  });

  test('flagged: submission without causes for each off-track indicator and measures is refused, nothing written', async () => {
    const updated = await update(lines('10', '96', 'PARTIAL'));
    report = updated.report!;
    expect(report.flags).toEqual(['INDICATOR_OFF_TRACK', 'SLOW_EXECUTION']);
    const errors = await refused(
      SUBMIT,
      { id: report.id, expectedVersion: report.rowVersion },
      'unit.chezhan',
    );
    expect(errors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'report.indicators.0.causes'],
      ['BAD_USER_INPUT', 'report.indicators.2.causes'],
      ['BAD_USER_INPUT', 'report.correctiveMeasures'],
    ]);
    expect((await statusOf(report.id)).status).toBe('DRAFT');
  });

  test('with causes and measures it is submitted; money to date is frozen into the report', async () => {
    const causes = [
      { cause: 'FUNDING', text: '上级资金未及时到位' },
      { cause: 'CONDITIONS', text: '雨季影响施工' },
    ];
    const withCauses = lines('10', '96', 'PARTIAL', causes);
    withCauses[2] = {
      ...withCauses[2],
      causes: [{ cause: 'STAFFING', text: '技术人员不足' }],
    } as (typeof withCauses)[number];
    const updated = await update(withCauses, { correctiveMeasures: '加快资金拨付，增加施工班组' });
    const submitted = await ok(
      SUBMIT,
      { id: report.id, expectedVersion: updated.report!.rowVersion },
      'unit.chezhan',
    );
    report = submitted.report!;
    expect(report.status).toBe('SUBMITTED');
    expect(await statusOf(report.id)).toEqual({
      status: 'SUBMITTED',
      executed_to_date: '150000.00',
      budget_to_date: '300000.00',
    });
    // Money recorded later does not change the submitted report (P8).
    await recordMarchAgain(app, goal);
    const res = await app.gql<{ monitoringReport: Report }>(
      `query($id: ID!) { monitoringReport(id: $id) { ${REPORT} } }`,
      { id: report.id },
      { as: 'audit.zhangdian' },
    );
    expect(res.data!.monitoringReport.money.spentToDate).toBe('150000.00');
  });

  test('frozen after submission (P8): the API refuses edits; the database refuses them even from the owner', async () => {
    const errors = await refused(
      UPDATE,
      { id: report.id, expectedVersion: report.rowVersion, likelihood: 'CERTAIN' },
      'unit.chezhan',
    );
    expect(errors[0].code).toBe('WORKFLOW_VIOLATION');
    const uuid = Buffer.from(report.id, 'base64url').toString('utf8').split(':')[1];
    await expect(
      app.sql(`UPDATE monitoring_report SET likelihood = 'CERTAIN' WHERE id = $1`, [uuid]),
    ).rejects.toThrow(/frozen/);
    await expect(
      app.sql(`DELETE FROM monitoring_report_indicator WHERE report_id = $1`, [uuid]),
    ).rejects.toThrow(/frozen/);
    await expect(
      app.sql(`UPDATE monitoring_report SET status = 'DRAFT' WHERE id = $1`, [uuid]),
    ).rejects.toThrow(/cannot become/);
    // No skips: a report cannot be born SUBMITTED.
    await expect(
      app.sql(
        `INSERT INTO monitoring_report (tenant_id, id, goal_id, year, month, status, drafter_organization_id, acknowledger_organization_id)
         SELECT tenant_id, gen_random_uuid(), goal_id, year, 11, 'SUBMITTED', drafter_organization_id, acknowledger_organization_id FROM monitoring_report WHERE id = $1`,
        [uuid],
      ),
    ).rejects.toThrow(/starts as a draft|ck_monitoring_report_submitted/);
  });

  test('acknowledgement: refused for the drafter, the departments, a sibling, audit; the township finance office succeeds', async () => {
    const input = { id: report.id, expectedVersion: report.rowVersion, comment: '已阅，请按措施整改' };
    for (const as of ['unit.chezhan', 'transport.chezhan', 'agri.chezhan']) {
      expect((await refused(ACK, input, as))[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
    }
    for (const as of ['transport.gongyuan', 'finance.rizhao']) {
      expect((await refused(ACK, input, as))[0].code).toBe('NOT_FOUND');
    }
    expect(await denied(ACK, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    const acked = await ok(ACK, input, 'finance.chezhan');
    expect(acked.report!.status).toBe('ACKNOWLEDGED');
    expect(
      (await refused(ACK, { ...input, expectedVersion: acked.report!.rowVersion }, 'finance.chezhan'))[0]
        .code,
    ).toBe('WORKFLOW_VIOLATION');
  });
});

describe('bad input and permissions of report drafting', () => {
  test('a goal not issued, month outside 1..12, a foreign indicator, a cause without text: user errors, nothing written', async () => {
    const draft = await draftProjectGoal(app, '报告未下达');
    expect(
      (await refused(CREATE, { goalId: draft.id, year: 2025, month: 3 }, 'unit.chezhan'))[0],
    ).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    expect(
      (await refused(CREATE, { goalId: goal.id, year: 2025, month: 13 }, 'unit.chezhan'))[0],
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'month'] });
    const foreign = await refused(
      CREATE,
      {
        goalId: goal.id,
        year: 2025,
        month: 4,
        indicators: [{ indicatorId: quiet.indicators[0].id, projectedValue: '1' }],
      },
      'unit.chezhan',
    );
    expect(foreign[0].field).toEqual(['input', 'indicators', '0', 'indicatorId']);
    const noText = await refused(
      CREATE,
      {
        goalId: goal.id,
        year: 2025,
        month: 4,
        indicators: [
          {
            indicatorId: goal.indicators[0].id,
            projectedValue: '1',
            causes: [{ cause: 'OTHER', text: ' ' }],
          },
        ],
      },
      'unit.chezhan',
    );
    expect(noText[0].field).toEqual(['input', 'indicators', '0', 'causes', '0', 'text']);
    expect((await refused(CREATE, { goalId: goal.id, year: 2025, month: 3 }, 'unit.chezhan'))[0].code).toBe(
      'CONFLICT',
    );
    expect(
      (
        await refused(
          CREATE,
          { goalId: goal.id, year: 2025, month: 4, projectedExecution: '-5' },
          'unit.chezhan',
        )
      )[0].field,
    ).toEqual(['input', 'projectedExecution']);
  });

  test('the unit’s department may draft for it (P4); wrong department, sibling, other tenant refused; audit by the shield', async () => {
    const made = await ok(CREATE, { goalId: goal.id, year: 2025, month: 5 }, 'transport.chezhan');
    expect(made.report!.status).toBe('DRAFT');
    expect(
      (await refused(CREATE, { goalId: goal.id, year: 2025, month: 6 }, 'agri.chezhan'))[0],
    ).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
    for (const as of ['transport.gongyuan', 'unit.gongyuan', 'unit.zhangdian', 'unit.rizhao']) {
      expect((await refused(CREATE, { goalId: goal.id, year: 2025, month: 6 }, as))[0].code).toBe(
        'NOT_FOUND',
      );
    }
    expect(await denied(CREATE, { goalId: goal.id, year: 2025, month: 6 }, 'audit.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P6',
    });
    expect(await denied(SUBMIT, { id: made.report!.id, expectedVersion: 1 }, 'finance.chezhan')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
  });
});
