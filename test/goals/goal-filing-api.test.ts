/**
 * The record-filing path (备案) through GraphQL (DOMAIN §7; 002 第十二条): a goal whose budget was issued
 * first carries its filing basis from creation, is filed for record by its drafter instead of being
 * submitted for review, is in force once filed, and may be returned by finance (the record holder).
 * Bad filing bases and wrong actors are refused with nothing written.
 */
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { TestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';
import { transferFundInput } from '../harness/fund-fixtures';

let app: TestApp;
const { call: mutate, ok, refused } = mutations<GoalRow>(() => app, 'goal');

interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  filingBasis: string | null;
}

const G = 'id rowVersion status filingBasis';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
const FILE = `mutation($input: FileGoalForRecordInput!) { fileGoalForRecord(input: $input) { goal { ${G} } ${ERRORS} } }`;
const RETURN = `mutation($input: ReturnGoalInput!) { returnGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
const CREATE_FUND = `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } ${ERRORS} } }`;

const INDICATORS = [
  {
    category: 'OUTPUT',
    subcategory: 'QUANTITY',
    name: '抢修道路里程',
    kind: 'QUANTITATIVE',
    unit: '公里',
    comparator: 'GTE',
    target: '8',
  },
  {
    category: 'BENEFIT',
    subcategory: 'SOCIAL',
    name: '灾后道路通行恢复',
    kind: 'QUALITATIVE',
    target: '全部恢复通行',
  },
];

async function newFund(name: string, isEmergency: boolean): Promise<string> {
  const res = await mutate<{ createFund: { fund: { id: string } | null } }>(
    CREATE_FUND,
    transferFundInput(name, { ownLevel: '3000000.00' }, { isEmergency }),
    'transport.zhangdian',
  );
  if (!res.data?.createFund.fund) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return res.data.createFund.fund.id;
}

const overallGoal = (fundId: string, overrides: Record<string, unknown> = {}) => ({
  scope: 'TRANSFER_OVERALL',
  year: 2025,
  name: '2025年张店区汛后道路抢修整体绩效目标',
  fundId,
  implementationPeriodObjective: '汛后道路全部恢复通行',
  annualObjective: '抢修道路8公里',
  annualAmount: '3000000.00',
  fiscalAmount: '3000000.00',
  otherAmount: '0.00',
  indicators: INDICATORS,
  ...overrides,
});

let emergencyFund: string;
let ordinaryFund: string;

beforeAll(async () => {
  app = await TestApp.start();
  emergencyFund = await newFund('2025年张店区汛后道路应急抢修资金', true);
  ordinaryFund = await newFund('2025年张店区道路养护资金', false);
});
afterAll(async () => app.stop());

describe('emergency goal: filed for record, not reviewed (DOMAIN §7; 002 第十二条)', () => {
  test('the drafter files it; it is in force at once, with its history and audit event', async () => {
    // DOMAIN §7, 002 第十二条: the budget went out first, so the goal is filed with finance afterwards.
    const g = await ok(
      CREATE,
      overallGoal(emergencyFund, { filingBasis: 'EMERGENCY' }),
      'transport.zhangdian',
    );
    expect(g).toMatchObject({ status: 'DRAFT', filingBasis: 'EMERGENCY' });
    const filed = await ok(FILE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(filed.status).toBe('FILED_FOR_RECORD');
    const [row] = await app.sql<{ status: string; filing_basis: string; current_step: number }>(
      'SELECT status, filing_basis, current_step FROM performance_goal WHERE id = $1',
      [uuidOf(g.id)],
    );
    expect(row).toEqual({ status: 'FILED_FOR_RECORD', filing_basis: 'EMERGENCY', current_step: 0 });
    const history = await app.sql<{ action: string; from_status: string; to_status: string }>(
      'SELECT action, from_status, to_status FROM goal_transition WHERE goal_id = $1 ORDER BY at',
      [uuidOf(g.id)],
    );
    expect(history).toEqual([
      { action: 'FILE_FOR_RECORD', from_status: 'DRAFT', to_status: 'FILED_FOR_RECORD' },
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at`,
      [uuidOf(g.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'FILE_FOR_RECORD']);
  });

  test('a goal with a filing basis cannot be submitted for review instead', async () => {
    const g = await ok(
      CREATE,
      overallGoal(emergencyFund, { filingBasis: 'EMERGENCY' }),
      'transport.zhangdian',
    );
    const errors = await refused(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION', field: ['input', 'id'] });
    expect(errors[0].messageEn).toContain('file this goal for record');
  });

  test('a goal without a filing basis cannot be filed for record', async () => {
    const g = await ok(CREATE, overallGoal(ordinaryFund), 'transport.zhangdian');
    const errors = await refused(FILE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    expect(errors[0]).toMatchObject({ code: 'WORKFLOW_VIOLATION' });
  });

  test('only the drafter files (P1); audit offices and third parties are refused by the shield (P6)', async () => {
    const g = await ok(
      CREATE,
      overallGoal(emergencyFund, { filingBasis: 'EMERGENCY' }),
      'transport.zhangdian',
    );
    for (const as of ['finance.zhangdian', 'agri.zhangdian']) {
      const errors = await refused(FILE, { id: g.id, expectedVersion: g.rowVersion }, as);
      expect(errors[0].code).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    for (const as of ['audit.zhangdian', 'thirdparty.zibo']) {
      const before = await app.tableDigests();
      const res = await mutate(FILE, { id: g.id, expectedVersion: g.rowVersion }, as);
      // issue 11 item 4: a shield refusal of a mutation comes back in its payload's userErrors.
      expect(res.errors).toBeUndefined();
      expect(
        (Object.values(res.data!)[0] as { userErrors?: unknown[] } | null)?.userErrors?.[0],
      ).toMatchObject({
        code: 'FORBIDDEN',
        principle: 'P6',
      });
      expect(await app.tableDigests()).toEqual(before);
    }
    const other = await refused(FILE, { id: g.id, expectedVersion: g.rowVersion }, 'admin.rizhao');
    expect(other[0].code).toBe('NOT_FOUND');
    const [row] = await app.sql<{ status: string }>('SELECT status FROM performance_goal WHERE id = $1', [
      uuidOf(g.id),
    ]);
    expect(row.status).toBe('DRAFT');
  });

  test('the record holder (finance at the budget’s level) may return a filing, with a comment', async () => {
    const g = await ok(
      CREATE,
      overallGoal(emergencyFund, { filingBasis: 'EMERGENCY' }),
      'transport.zhangdian',
    );
    const filed = await ok(FILE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    await refused(RETURN, { id: g.id, expectedVersion: filed.rowVersion }, 'finance.zhangdian');
    const back = await ok(
      RETURN,
      { id: g.id, expectedVersion: filed.rowVersion, comment: '抢修里程与预算不匹配，请核实' },
      'finance.zhangdian',
    );
    expect(back.status).toBe('RETURNED');
    const refiled = await ok(FILE, { id: g.id, expectedVersion: back.rowVersion }, 'transport.zhangdian');
    expect(refiled.status).toBe('FILED_FOR_RECORD');
  });
});

describe('bad filing bases are refused at creation, nothing written (002 第十二条)', () => {
  test('EMERGENCY for a fund that is not an emergency fund', async () => {
    const errors = await refused(
      CREATE,
      overallGoal(ordinaryFund, { filingBasis: 'EMERGENCY' }),
      'transport.zhangdian',
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'filingBasis'] }),
    ]);
    expect(errors[0].message).toContain('应急资金');
  });

  test('TRANSFER_DEFERRED for an overall goal (only regional and project goals are reported after the money)', async () => {
    const errors = await refused(
      CREATE,
      overallGoal(ordinaryFund, { filingBasis: 'TRANSFER_DEFERRED' }),
      'transport.zhangdian',
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'filingBasis'] }),
    ]);
    expect(errors[0].messageEn).toContain('regional or project goals');
  });
});
