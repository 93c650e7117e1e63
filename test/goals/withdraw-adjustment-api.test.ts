/**
 * 撤回调整申请 through GraphQL on a real database (DOMAIN §7, §8, §15): an issued PROJECT goal (drafted by
 * unit.chezhan, reviewed by 车站街道建设办公室 then finance.chezhan) is adjusted, the adjustment withdrawn by
 * its drafter only, kept as WITHDRAWN with its history and audit event, and version 1 adjusted again up to
 * ISSUED. Refusals write nothing; the database itself refuses reviving a withdrawn row or a second live n+1.
 */
import { Client } from 'pg';
import { TestApp } from '../harness/app';
import { arrangeProject, projectGoalInput, roadIndicatorsWithout } from '../harness/goal-fixtures';
import { mutations, USER_ERRORS as ERRORS } from '../harness/mutations';
import { uuidOf } from '../harness/ids';

let app: TestApp;
const { ok, refused, denied } = mutations<GoalRow>(() => app, 'goal');

interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  goalVersion: number;
}

const G = 'id rowVersion status goalVersion';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { ${G} } ${ERRORS} } }`;
const action = (name: string) =>
  `mutation($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) { goal { ${G} } ${ERRORS} } }`;
const [SUBMIT, APPROVE, RETURN, ISSUE, WITHDRAW] = [
  'submitGoal',
  'approveGoal',
  'returnGoal',
  'issueGoal',
  'withdrawAdjustment',
].map(action) as [string, string, string, string, string];
const ADJUST = `mutation($input: RequestAdjustmentInput!) { requestAdjustment(input: $input) { goal { ${G} } ${ERRORS} } }`;

const INDICATORS = roadIndicatorsWithout('验收合格率', '道路通行条件');

let unitId = '';
/** 800,000.00 fiscal + 50,000.00 other (DOMAIN §5: annual = fiscal + other). */
const WITH_OTHER = {
  implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
  annualAmount: '850000.00',
  otherAmount: '50000.00',
  indicators: INDICATORS,
};
async function issuedGoal(name: string): Promise<GoalRow> {
  const projectId = await arrangeProject(
    app,
    { name, implementingUnitId: unitId, otherAmount: '50000.00' },
    'transport.chezhan',
  );
  const g = await ok(CREATE, projectGoalInput(projectId, `${name}绩效目标`, WITH_OTHER), 'unit.chezhan');
  return throughChain(await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan'));
}

/** From SUBMITTED: the department approves, finance approves (final) and issues. */
async function throughChain(submitted: GoalRow): Promise<GoalRow> {
  let g = await ok(APPROVE, { id: submitted.id, expectedVersion: submitted.rowVersion }, 'transport.chezhan');
  g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
  return ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
}

const adjust = (v1: GoalRow, reason = '养护里程因规划调整增加') =>
  ok(ADJUST, { id: v1.id, expectedVersion: v1.rowVersion, reason }, 'unit.chezhan');
const statusOf = async (globalId: string) =>
  (
    await app.sql<{ status: string }>(`SELECT status FROM performance_goal WHERE id = $1`, [uuidOf(globalId)])
  )[0].status;

interface ReadGoal {
  status: string;
  nextVersion: { id: string } | null;
  withdrawnAdjustments: { nodes: { id: string; status: string; goalVersion: number }[] };
  transitions: { action: string; fromStatus: string; toStatus: string; comment: string | null }[];
  availableActions: { action: string; allowed: boolean; code: string | null; principle: string | null }[];
}
async function read(globalId: string, as = 'unit.chezhan'): Promise<ReadGoal> {
  const res = await app.gql<{ goal: ReadGoal }>(
    `query($id: ID!) { goal(id: $id) { status nextVersion { id } withdrawnAdjustments { nodes { id status goalVersion } }
       transitions { action fromStatus toStatus comment } availableActions { action allowed code principle } } }`,
    { id: globalId },
    { as },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.goal;
}
const allowed = (g: ReadGoal, action: string) => g.availableActions.find((a) => a.action === action);

beforeAll(async () => {
  app = await TestApp.start();
  const [row] = await app.sql<{ id: string }>(
    `SELECT id FROM organization WHERE name = '车站街道市政道路养护站'`,
  );
  unitId = Buffer.from(`Organization:${row.id}`).toString('base64url');
});
afterAll(async () => app.stop());

describe('withdraw an adjustment (DOMAIN §7, §15): drafter only; kept as WITHDRAWN; version n adjustable again', () => {
  test('refused for the department, finance, audit, another tenant; the drafter withdraws; a new request runs to ISSUED', async () => {
    const v1 = await issuedGoal('撤回测试道路养护');
    const v2 = await adjust(v1);
    expect(v2).toMatchObject({ status: 'DRAFT', goalVersion: 2 });
    const input = { id: v2.id, expectedVersion: v2.rowVersion, comment: '规划未变，不再调整' };

    // DOMAIN §8 P2: only the drafter (here the unit) drafts, so only it withdraws; P6 outside; audit reads only.
    expect(await refused(WITHDRAW, input, 'transport.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect(await refused(WITHDRAW, input, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect((await refused(WITHDRAW, input, 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect(await denied(WITHDRAW, input, 'audit.zhangdian')).toEqual({ code: 'FORBIDDEN', principle: 'P6' });
    expect((await refused(WITHDRAW, { ...input, expectedVersion: 99 }, 'unit.chezhan'))[0].code).toBe(
      'CONFLICT',
    );
    expect(allowed(await read(v2.id), 'WITHDRAW_ADJUSTMENT')).toMatchObject({ allowed: true });
    expect(allowed(await read(v2.id, 'transport.chezhan'), 'WITHDRAW_ADJUSTMENT')).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      principle: 'P2',
    });

    const withdrawn = await ok(WITHDRAW, input, 'unit.chezhan');
    expect(withdrawn).toMatchObject({ id: v2.id, status: 'WITHDRAWN', goalVersion: 2 });
    expect(await statusOf(v2.id)).toBe('WITHDRAWN');
    expect(await statusOf(v1.id)).toBe('ISSUED');
    // DOMAIN §15: the history row and the audit event, in the same transaction.
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'PerformanceGoal' AND entity_id = $1 ORDER BY action`,
      [uuidOf(v2.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['REQUEST_ADJUSTMENT', 'WITHDRAW_ADJUSTMENT']);
    const gone = await read(v2.id);
    expect(gone.transitions).toEqual([
      {
        action: 'WITHDRAW_ADJUSTMENT',
        fromStatus: 'DRAFT',
        toStatus: 'WITHDRAWN',
        comment: '规划未变，不再调整',
      },
    ]);
    expect(gone.availableActions.filter((a) => a.allowed)).toEqual([]);
    const [stored] = await app.sql<{ n: number; v: number }>(
      `SELECT (SELECT count(*)::int FROM goal_indicator WHERE goal_id = $1) AS n,
              (SELECT count(*)::int FROM goal_transition WHERE goal_id = $1 AND action = 'WITHDRAW_ADJUSTMENT') AS v`,
      [uuidOf(v2.id)],
    );
    expect(stored).toEqual({ n: INDICATORS.length, v: 1 });

    // P8: the withdrawn version is frozen.
    const w = { id: v2.id, expectedVersion: withdrawn.rowVersion };
    expect(await refused(UPDATE, { ...w, name: '改', indicators: INDICATORS }, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: 'P8' }),
    ]);
    expect(await refused(SUBMIT, w, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: 'P8' }),
    ]);
    expect(await refused(WITHDRAW, w, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: 'P8' }),
    ]);

    // Version 1: no live next version, the withdrawn one listed, and adjustable again.
    let first = await read(v1.id);
    expect(first.nextVersion).toBeNull();
    expect(first.withdrawnAdjustments.nodes).toEqual([{ id: v2.id, status: 'WITHDRAWN', goalVersion: 2 }]);
    expect(allowed(first, 'REQUEST_ADJUSTMENT')).toMatchObject({ allowed: true });
    const again = await adjust(v1, '补充质量指标');
    expect(again).toMatchObject({ status: 'DRAFT', goalVersion: 2 });
    expect(again.id).not.toBe(v2.id);
    // One adjustment at a time still holds for the new one.
    expect(
      (
        await refused(ADJUST, { id: v1.id, expectedVersion: v1.rowVersion, reason: '三调' }, 'unit.chezhan')
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');
    const issued = await throughChain(
      await ok(SUBMIT, { id: again.id, expectedVersion: again.rowVersion }, 'unit.chezhan'),
    );
    expect(issued.status).toBe('ISSUED');
    first = await read(v1.id);
    expect(first.status).toBe('SUPERSEDED');
    expect(first.nextVersion).toEqual({ id: again.id });
    expect(first.withdrawnAdjustments.nodes.map((g) => g.id)).toEqual([v2.id]);
    expect(await statusOf(v2.id)).toBe('WITHDRAWN');
  });

  test('a returned adjustment may be withdrawn; a first version and a submitted adjustment may not (WORKFLOW_VIOLATION)', async () => {
    const v1 = await issuedGoal('撤回状态测试');
    // Not an adjustment: an issued first version (and a draft first version) is never withdrawn.
    expect(await refused(WITHDRAW, { id: v1.id, expectedVersion: v1.rowVersion }, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'WORKFLOW_VIOLATION' }),
    ]);
    const v2 = await adjust(v1);
    const submitted = await ok(SUBMIT, { id: v2.id, expectedVersion: v2.rowVersion }, 'unit.chezhan');
    const errors = await refused(
      WITHDRAW,
      { id: v2.id, expectedVersion: submitted.rowVersion },
      'unit.chezhan',
    );
    expect(errors).toEqual([expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: null })]);
    expect(errors[0].messageEn).toMatch(/returned before it is withdrawn/);
    const returned = await ok(
      RETURN,
      { id: v2.id, expectedVersion: submitted.rowVersion, comment: '调整理由不充分' },
      'transport.chezhan',
    );
    expect(returned.status).toBe('RETURNED');
    expect(
      (await ok(WITHDRAW, { id: v2.id, expectedVersion: returned.rowVersion }, 'unit.chezhan')).status,
    ).toBe('WITHDRAWN');
    expect((await read(v2.id)).transitions.map((t) => [t.action, t.toStatus])).toEqual([
      ['SUBMIT', 'SUBMITTED'],
      ['RETURN', 'RETURNED'],
      ['WITHDRAW_ADJUSTMENT', 'WITHDRAWN'],
    ]);
  });

  test('the database refuses, even for the API role, reviving a withdrawn row, withdrawing a first version and a second live n+1', async () => {
    const v1 = await issuedGoal('撤回数据库测试');
    const v2 = await adjust(v1);
    const [{ tenant }] = await app.sql<{ tenant: string }>(
      `SELECT tenant_id AS tenant FROM performance_goal WHERE id = $1`,
      [uuidOf(v1.id)],
    );
    const client = new Client({ connectionString: app.db.appUrl });
    await client.connect();
    const asApi = async (sql: string, params: unknown[]) => {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenant]);
        await client.query(sql, params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    };
    const secondLive = `INSERT INTO performance_goal (tenant_id, id, scope, year, project_id, region_id, name, status,
        drafter_organization_id, goal_version, supersedes_goal_id, region_path)
      SELECT tenant_id, gen_random_uuid(), scope, year, project_id, region_id, name, 'DRAFT', drafter_organization_id,
        goal_version, supersedes_goal_id, '' FROM performance_goal WHERE id = $1`;
    try {
      const before = await app.tableDigests();
      // One live adjustment per version (DOMAIN §7): the unique partial index.
      await expect(asApi(secondLive, [uuidOf(v2.id)])).rejects.toThrow(/uq_performance_goal_supersedes/);
      // Only an adjustment in DRAFT/RETURNED becomes WITHDRAWN.
      await expect(
        asApi(`UPDATE performance_goal SET status = 'WITHDRAWN' WHERE id = $1`, [uuidOf(v1.id)]),
      ).rejects.toThrow(/cannot become/);
      expect(await app.tableDigests()).toEqual(before);

      const w = await ok(WITHDRAW, { id: v2.id, expectedVersion: v2.rowVersion }, 'unit.chezhan');
      const afterWithdrawal = await app.tableDigests();
      // WITHDRAWN → anything, and edits of a withdrawn row (P8), are refused.
      for (const status of ['DRAFT', 'RETURNED', 'SUBMITTED', 'ISSUED', 'SUPERSEDED'])
        await expect(
          asApi(`UPDATE performance_goal SET status = $2 WHERE id = $1`, [uuidOf(w.id), status]),
        ).rejects.toThrow(/cannot become/);
      await expect(
        asApi(`UPDATE performance_goal SET name = 'x' WHERE id = $1`, [uuidOf(w.id)]),
      ).rejects.toThrow(/cannot become/);
      await expect(asApi(`DELETE FROM goal_indicator WHERE goal_id = $1`, [uuidOf(w.id)])).rejects.toThrow(
        /frozen/,
      );
      await expect(asApi(`DELETE FROM performance_goal WHERE id = $1`, [uuidOf(w.id)])).rejects.toThrow(
        /permission denied/,
      );
      expect(await app.tableDigests()).toEqual(afterWithdrawal);

      // A withdrawn row does not count: one new live n+1 is accepted, a second is not.
      await asApi(secondLive, [uuidOf(w.id)]);
      await expect(asApi(secondLive, [uuidOf(w.id)])).rejects.toThrow(/uq_performance_goal_supersedes/);
      const [live] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM performance_goal WHERE supersedes_goal_id = $1 AND status <> 'WITHDRAWN'`,
        [uuidOf(v1.id)],
      );
      expect(live.n).toBe(1);
    } finally {
      await client.end();
    }
  });
});
