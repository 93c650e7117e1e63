/**
 * Money in execution and funding holds through GraphQL on a real database (DOMAIN §4, §9; 001 三(二);
 * 003 第十八条): the spending side records months on an issued goal; finance at the goal's region or above
 * suspends or stops funding with a reason and lifts it; while held no in-place or spent money can be added
 * (refused by the API naming the hold, and by the database); the hold history is append-only. Every
 * permission both ways; every bad input a user error with nothing written.
 */
import { TestApp } from '../harness/app';
import { draftProjectGoal, ERRORS, issuedProjectGoal, type IssuedGoal, type UserErrorRow } from './fixtures';
import { payloadCalls } from './payload-calls';

let app: TestApp;
let goal: IssuedGoal;

const RECORD = `mutation($input: RecordExecutionInput!) { recordExecution(input: $input) {
  execution { year month budgeted inPlace spent rowVersion } goal { id } ${ERRORS} } }`;
const HOLD = `mutation($input: SetFundingHoldInput!) { setFundingHold(input: $input) {
  hold { status reason actorOrganization { name } } goal { id } ${ERRORS} } }`;
const LIFT = `mutation($input: LiftFundingHoldInput!) { liftFundingHold(input: $input) {
  hold { status reason } goal { id } ${ERRORS} } }`;
const GOAL_MONEY = `query($id: ID!, $m: Int!) { goal(id: $id) {
  executions { totalCount nodes { month budgeted inPlace spent } }
  executionTotals(throughMonth: $m) { budgetToDate inPlaceToDate spentToDate executionRateToDate executionOfAnnualRate arrivalRate annualBudget }
  currentFundingHold { status reason } fundingHolds { totalCount nodes { status reason actorOrganization { name } } } } }`;

type Payload = Record<string, unknown> & { userErrors: UserErrorRow[] };

const { ok, refused, denied } = payloadCalls<Payload>(() => app);

const month = (m: number, inPlace: string, spent: string, extra: Record<string, unknown> = {}) => ({
  goalId: goal.id,
  year: 2025,
  month: m,
  budgeted: '100000.00',
  inPlace,
  spent,
  ...extra,
});

const holdRows = () =>
  app.sql<{ status: string; reason: string | null }>(
    'SELECT status, reason FROM funding_hold WHERE goal_id = $1 ORDER BY at, id',
    [goal.uuid],
  );

beforeAll(async () => {
  app = await TestApp.start();
  goal = await issuedProjectGoal(app, '资金监控');
});
afterAll(async () => app.stop());

describe('money in execution (DOMAIN §4, §9): recorded by the spending side on an issued goal', () => {
  test('the unit records January; its department records February; totals to date and rates are exact', async () => {
    await ok(RECORD, month(1, '100000.00', '80000.00'), 'unit.chezhan');
    await ok(RECORD, month(2, '100000.00', '40000.50'), 'transport.chezhan');
    const rows = await app.sql<{ month: number; in_place: string; spent: string; org: string }>(
      `SELECT x.month, x.in_place, x.spent, o.name AS org FROM goal_execution x JOIN organization o ON o.id = x.recorded_by_organization_id
        WHERE x.goal_id = $1 ORDER BY x.month`,
      [goal.uuid],
    );
    expect(rows).toEqual([
      { month: 1, in_place: '100000.00', spent: '80000.00', org: '车站街道市政道路养护站' },
      { month: 2, in_place: '100000.00', spent: '40000.50', org: '车站街道建设办公室' },
    ]);
    const audit = await app.sql(
      `SELECT 1 FROM audit_event WHERE entity_type = 'GoalExecution' AND action = 'RECORD'`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const res = await app.gql<{ goal: { executionTotals: Record<string, string> } }>(
      GOAL_MONEY,
      { id: goal.id, m: 2 },
      { as: 'audit.zhangdian' }, // audit offices read (P6)
    );
    expect(res.data!.goal.executionTotals).toEqual({
      annualBudget: '1200000.00',
      budgetToDate: '200000.00',
      inPlaceToDate: '200000.00',
      spentToDate: '120000.50',
      executionRateToDate: '60.00',
      executionOfAnnualRate: '10.00',
      arrivalRate: '100.00',
    });
  });

  test('a recorded month is corrected with its rowVersion; without it or stale → CONFLICT, nothing written', async () => {
    const errors = await refused(RECORD, month(1, '100000.00', '90000.00'), 'unit.chezhan');
    expect(errors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'expectedVersion'] });
    await ok(RECORD, month(1, '100000.00', '90000.00', { expectedVersion: 1 }), 'unit.chezhan');
    expect(
      (await refused(RECORD, month(1, '100000.00', '1.00', { expectedVersion: 1 }), 'unit.chezhan'))[0].code,
    ).toBe('CONFLICT');
    const [row] = await app.sql<{ spent: string; row_version: number }>(
      'SELECT spent, row_version FROM goal_execution WHERE goal_id = $1 AND month = 1',
      [goal.uuid],
    );
    expect(row).toEqual({ spent: '90000.00', row_version: 2 });
  });

  test('bad input: month outside 1..12, another year, negative money, 3 decimals — user errors with fields', async () => {
    expect(
      (await refused(RECORD, month(13, '1.00', '1.00'), 'unit.chezhan')).map((e) => [e.code, e.field]),
    ).toEqual([['BAD_USER_INPUT', ['input', 'month']]]);
    expect((await refused(RECORD, month(0, '1.00', '1.00'), 'unit.chezhan'))[0].field).toEqual([
      'input',
      'month',
    ]);
    expect(
      (await refused(RECORD, { ...month(3, '1.00', '1.00'), year: 2026 }, 'unit.chezhan'))[0].field,
    ).toEqual(['input', 'year']);
    const money = await refused(RECORD, month(3, '-1.00', '0.001'), 'unit.chezhan');
    expect(money.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.inPlace'],
      ['BAD_USER_INPUT', 'input.spent'],
    ]);
  });

  test('a goal not issued: WORKFLOW_VIOLATION, and the database refuses it too', async () => {
    const draft = await draftProjectGoal(app, '未下达');
    const errors = await refused(RECORD, { ...month(1, '1.00', '1.00'), goalId: draft.id }, 'unit.chezhan');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    const [user] = await app.sql<{ id: string; organization_id: string; tenant_id: string }>(
      `SELECT id, organization_id, tenant_id FROM app_user WHERE login = 'unit.chezhan'`,
    );
    await expect(
      app.sql(
        `INSERT INTO goal_execution (tenant_id, id, goal_id, year, month, budgeted, in_place, spent, recorded_by_user_id, recorded_by_organization_id)
         VALUES ($1, gen_random_uuid(), $2, 2025, 1, 0, 1, 0, $3, $4)`,
        [user.tenant_id, draft.uuid, user.id, user.organization_id],
      ),
    ).rejects.toThrow(/goal in force/);
    // Holds too apply to goals in force only.
    const hold = await refused(
      HOLD,
      { goalId: draft.id, kind: 'SUSPENDED', reason: '未下达' },
      'finance.chezhan',
    );
    expect(hold[0].code).toBe('WORKFLOW_VIOLATION');
  });
});

describe('recording money: P4 and P6 both ways', () => {
  test('allowed: the unit and its supervising department (above); refused: wrong department (P4)', async () => {
    const errors = await refused(RECORD, month(4, '1.00', '1.00'), 'agri.chezhan');
    expect(errors[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
    expect((await refused(RECORD, month(4, '1.00', '1.00'), 'transport.zhangdian'))[0].principle).toBe('P4');
  });

  test('sibling township, unit of another project, other tenant: the goal reads as missing (P6)', async () => {
    for (const as of ['transport.gongyuan', 'unit.gongyuan', 'unit.zhangdian', 'unit.rizhao']) {
      expect((await refused(RECORD, month(4, '1.00', '1.00'), as))[0]).toMatchObject({
        code: 'NOT_FOUND',
        field: ['input', 'goalId'],
      });
    }
  });

  test('audit office (reads only), finance and third parties are refused by the shield', async () => {
    expect(await denied(RECORD, month(4, '1.00', '1.00'), 'audit.zhangdian')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P6',
    });
    expect(await denied(RECORD, month(4, '1.00', '1.00'), 'finance.chezhan')).toEqual({
      code: 'FORBIDDEN',
      principle: 'P4',
    });
    expect((await denied(RECORD, month(4, '1.00', '1.00'), 'thirdparty.zibo')).principle).toBe('P4');
  });
});

describe('funding holds (DOMAIN §9; 001 三(二); 003 第十八条)', () => {
  test('a hold needs a reason; lifting a hold that is not there is refused; nothing written', async () => {
    expect(
      (await refused(HOLD, { goalId: goal.id, kind: 'SUSPENDED', reason: '  ' }, 'finance.chezhan'))[0],
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'reason'],
    });
    expect((await refused(LIFT, { goalId: goal.id }, 'finance.chezhan'))[0]).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
      field: ['input', 'goalId'],
    });
    expect(await holdRows()).toEqual([]);
  });

  test('held: money that adds in-place or spent amounts is refused naming the hold; budget-only and lowering pass', async () => {
    await ok(HOLD, { goalId: goal.id, kind: 'SUSPENDED', reason: '项目进度严重滞后' }, 'finance.chezhan');
    const errors = await refused(RECORD, month(3, '100000.00', '0.00'), 'unit.chezhan');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'goalId'] });
    expect(errors[0].message).toContain('暂缓拨款');
    expect(errors[0].message).toContain('项目进度严重滞后');
    expect(errors[0].messageEn).toContain('suspended');
    await ok(RECORD, month(3, '0.00', '0.00'), 'unit.chezhan'); // budget only
    // Escalation by the district: SUSPENDED → STOPPED; the same status again is refused.
    await ok(HOLD, { goalId: goal.id, kind: 'STOPPED', reason: '整改不到位' }, 'finance.zhangdian');
    expect(
      (await refused(HOLD, { goalId: goal.id, kind: 'STOPPED', reason: '再次' }, 'finance.chezhan'))[0].code,
    ).toBe('WORKFLOW_VIOLATION');
    const stopped = await refused(
      RECORD,
      month(3, '0.00', '5.00', { expectedVersion: 1 }),
      'transport.chezhan',
    );
    expect(stopped[0].message).toContain('停止拨款');
  });

  test('the database refuses new money under a hold even from the owner', async () => {
    await expect(
      app.sql(`UPDATE goal_execution SET spent = spent + 1 WHERE goal_id = $1 AND month = 1`, [goal.uuid]),
    ).rejects.toThrow(/funding is held/);
    await expect(
      app.sql(`UPDATE funding_hold SET reason = 'x' WHERE goal_id = $1`, [goal.uuid]),
    ).rejects.toThrow(/append-only/);
    await expect(app.sql(`DELETE FROM funding_hold WHERE goal_id = $1`, [goal.uuid])).rejects.toThrow(
      /append-only/,
    );
  });

  test('the goal shows its status and the whole history; lifting restores recording', async () => {
    const res = await app.gql<{
      goal: {
        currentFundingHold: { status: string };
        fundingHolds: {
          totalCount: number;
          nodes: { status: string; actorOrganization: { name: string } }[];
        };
      };
    }>(GOAL_MONEY, { id: goal.id, m: 3 }, { as: 'transport.chezhan' });
    expect(res.data!.goal.currentFundingHold.status).toBe('STOPPED');
    expect(res.data!.goal.fundingHolds.totalCount).toBe(2);
    expect(
      res.data!.goal.fundingHolds.nodes.map((h) => [h.status, h.actorOrganization?.name ?? null]),
    ).toEqual([
      ['SUSPENDED', '车站街道财政所'],
      ['STOPPED', null], // 张店区财政局 lies above the township department's view
    ]);
    await ok(LIFT, { goalId: goal.id, reason: '整改完成' }, 'finance.zhangdian');
    await ok(RECORD, month(3, '100000.00', '100000.00', { expectedVersion: 1 }), 'unit.chezhan');
    expect(await holdRows()).toEqual([
      { status: 'SUSPENDED', reason: '项目进度严重滞后' },
      { status: 'STOPPED', reason: '整改不到位' },
      { status: 'LIFTED', reason: '整改完成' },
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'FundingHold' AND after->>'goalId' = $1 ORDER BY occurred_at`,
      [goal.uuid],
    );
    expect(audit.map((a) => a.action)).toEqual(['SUSPENDED', 'STOPPED', 'LIFT']);
  });

  test('refused: sibling township finance, sibling district, other tenant (P6, reads as missing)', async () => {
    for (const as of ['finance.gongyuan', 'finance.zichuan', 'finance.rizhao']) {
      expect((await refused(HOLD, { goalId: goal.id, kind: 'SUSPENDED', reason: '抽查' }, as))[0].code).toBe(
        'NOT_FOUND',
      );
    }
  });

  test('refused by the shield: departments, units, audit offices (P3 — only finance holds funding)', async () => {
    for (const as of ['transport.chezhan', 'unit.chezhan', 'audit.zhangdian', 'agri.chezhan']) {
      expect(await denied(HOLD, { goalId: goal.id, kind: 'SUSPENDED', reason: '越权' }, as)).toEqual({
        code: 'FORBIDDEN',
        principle: 'P3',
      });
    }
    expect((await denied(LIFT, { goalId: goal.id }, 'unit.chezhan')).principle).toBe('P3');
  });
});
