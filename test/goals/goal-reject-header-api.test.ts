/**
 * Issue 9 items 9 and 11 through the API: 不予受理 (001 三(一); DOMAIN §7) — rejectGoal by finance at the
 * final step, terminal, recorded and shown; and the 附件1–3 header of a goal (DOMAIN §5; 002 附件1–3).
 */
import { useTestApp } from '../harness/app';
import { arrangeProject, goalStep, projectGoal, projectGoalInput } from '../harness/goal-fixtures';
import { organizationGid, uuidOf } from '../harness/ids';
import { mutations } from '../harness/mutations';

const app = useTestApp();
interface Goal {
  id: string;
  rowVersion: number;
  status: string;
  header: Record<string, unknown>;
}
const { ok, refused, denied } = mutations<Goal>(() => app, 'goal');
const HEADER = `header { projectAttribute projectCategory periodStartYear periodEndYear periodAmount periodFiscalAmount periodOtherAmount allocatingLevelAmount lowerLevelAmount }`;
const G = `goal { id rowVersion status ${HEADER} } userErrors { code field message messageEn principle }`;
const REJECT = `mutation($input: RejectGoalInput!) { rejectGoal(input: $input) { ${G} } }`;
const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { ${G} } }`;
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { ${G} } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { ${G} } }`;

describe('rejectGoal — 不予受理 (001 三(一); DOMAIN §7)', () => {
  test('only finance at the final step, with a reason; REJECTED is terminal, in history and availableActions', async () => {
    let g = await projectGoal(app, { name: '不予受理测试', until: 'DRAFT' });
    g = await goalStep(app, 'submitGoal', { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    const input = { id: g.id, expectedVersion: g.rowVersion, reason: '经审核仍不合格' };
    // Before the final step: not yet finance's turn (P3).
    expect(await refused(REJECT, input, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    g = await goalStep(app, 'approveGoal', { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    const at = { ...input, expectedVersion: g.rowVersion };
    // Every other caller is refused (P3: drafter, earlier step, finance above not in the chain; P6 others).
    for (const who of ['unit.chezhan', 'transport.chezhan', 'finance.zhangdian']) {
      expect((await refused(REJECT, at, who))[0]).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
    }
    for (const who of ['finance.gongyuan', 'finance.rizhao']) {
      expect((await refused(REJECT, at, who))[0].code).toBe('NOT_FOUND');
    }
    expect((await denied(REJECT, at, 'audit.zhangdian')).code).toBe('FORBIDDEN');
    // The reason is required: BAD_USER_INPUT on input.reason, nothing written.
    expect(await refused(REJECT, { ...at, reason: '   ' }, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'reason'] }),
    ]);
    const Q = `query($id: ID!) { goal(id: $id) { availableActions { action allowed requires } transitions { action toStatus comment } } }`;
    type V = {
      goal: {
        availableActions: { action: string; allowed: boolean; requires: string | null }[];
        transitions: unknown[];
      };
    };
    const before = (await app.gql<V>(Q, { id: g.id }, { as: 'finance.chezhan' })).data!.goal;
    expect(before.availableActions.find((a) => a.action === 'REJECT')).toEqual({
      action: 'REJECT',
      allowed: true,
      requires: 'reason',
    });

    const rejected = await ok(REJECT, at, 'finance.chezhan');
    expect(rejected.status).toBe('REJECTED');
    const [row] = await app.sql<{ status: string; current_step: number }>(
      `SELECT status, current_step FROM performance_goal WHERE id = $1`,
      [uuidOf(g.id)],
    );
    expect(row).toEqual({ status: 'REJECTED', current_step: 0 });
    const [t] = await app.sql<{ action: string; comment: string; to_status: string; role: string }>(
      `SELECT action, comment, to_status, role FROM goal_transition WHERE goal_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [uuidOf(g.id)],
    );
    expect(t).toEqual({
      action: 'REJECT',
      comment: '经审核仍不合格',
      to_status: 'REJECTED',
      role: 'BUDGET_FINANCE',
    });
    const after = (await app.gql<V>(Q, { id: g.id }, { as: 'unit.chezhan' })).data!.goal;
    expect(after.transitions).toContainEqual({
      action: 'REJECT',
      toStatus: 'REJECTED',
      comment: '经审核仍不合格',
    });
    expect(after.availableActions.every((a) => !a.allowed)).toBe(true);
    // Terminal (P8): nothing leaves REJECTED, and the database refuses it even for the owner.
    expect(
      (await refused(SUBMIT, { id: g.id, expectedVersion: rejected.rowVersion }, 'unit.chezhan'))[0],
    ).toMatchObject({
      code: 'WORKFLOW_VIOLATION',
      principle: 'P8',
    });
    await expect(
      app.sql(`UPDATE performance_goal SET status = 'DRAFT' WHERE id = $1`, [uuidOf(g.id)]),
    ).rejects.toThrow(/cannot become/);
  });
});

describe('the 附件1–3 header (DOMAIN §5)', () => {
  let projectId: string;
  const base = () => projectGoalInput(projectId, '表头测试绩效目标');
  const header = {
    projectAttribute: 'CONTINUING',
    projectCategory: '基础设施养护',
    periodStartYear: 2024,
    periodEndYear: 2026,
    periodAmount: '2400000.50',
    periodFiscalAmount: '2000000.00',
    periodOtherAmount: '400000.50',
  };

  beforeAll(async () => {
    const implementingUnitId = await organizationGid(app, '车站街道市政道路养护站');
    projectId = await arrangeProject(app, { name: '表头测试项目', implementingUnitId }, 'transport.chezhan');
  });

  const content = () => {
    const { scope: _s, year: _y, projectId: _p, ...rest } = base();
    return rest;
  };

  test.each([
    ['periodEndYear', { ...header, periodEndYear: 2023 }],
    ['periodEndYear', { ...header, periodStartYear: 2026, periodEndYear: 2027 }], // year 2025 outside
    ['periodAmount', { ...header, periodAmount: '2400000.00' }], // fiscal + other ≠ total
    ['periodOtherAmount', { ...header, periodOtherAmount: '-1.00' }],
    ['periodFiscalAmount', { ...header, periodFiscalAmount: '1.001' }],
    ['allocatingLevelAmount', { allocatingLevelAmount: '1.00' }], // a transfer split on a PROJECT goal
  ])('bad header: BAD_USER_INPUT at input.header.%s, nothing written', async (fieldName, bad) => {
    expect(await refused(CREATE, { ...base(), header: bad }, 'unit.chezhan')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'header', fieldName] }),
    );
  });

  test('stored as exact decimals; on update omitted = unchanged, a null field clears it, a null header clears all', async () => {
    const g = await ok(CREATE, { ...base(), header }, 'unit.chezhan');
    expect(g.header).toEqual({ ...header, allocatingLevelAmount: null, lowerLevelAmount: null });
    const [row] = await app.sql<Record<string, unknown>>(
      `SELECT project_attribute, project_category, period_start_year, period_end_year, period_amount::text, period_fiscal_amount::text, period_other_amount::text
         FROM performance_goal WHERE id = $1`,
      [uuidOf(g.id)],
    );
    expect(row).toEqual({
      project_attribute: 'CONTINUING',
      project_category: '基础设施养护',
      period_start_year: 2024,
      period_end_year: 2026,
      period_amount: '2400000.50',
      period_fiscal_amount: '2000000.00',
      period_other_amount: '400000.50',
    });
    const kept = await ok(UPDATE, { ...content(), id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    expect(kept.header).toEqual(g.header);
    const cleared = await ok(
      UPDATE,
      { ...content(), id: g.id, expectedVersion: kept.rowVersion, header: { projectCategory: null } },
      'unit.chezhan',
    );
    expect(cleared.header).toEqual({ ...g.header, projectCategory: null });
    const none = await ok(
      UPDATE,
      { ...content(), id: g.id, expectedVersion: cleared.rowVersion, header: null },
      'unit.chezhan',
    );
    expect(Object.values(none.header).every((v) => v === null)).toBe(true);
  });
});
