/**
 * Performance goals and their review workflow through GraphQL (DOMAIN §5, §7, §8, §15) on a real database:
 * a PROJECT goal drafted by the implementing unit, reviewed by its competent department and finance at
 * its region, and issued; the history and audit rows; the permission principles both ways; a return's
 * comment; P8 after issue; stale versions; bad indicators; and the database's own refusal of status skips.
 */
import { TestApp } from '../harness/app';
import { ROAD_INDICATORS, goalSeenBy } from '../harness/goal-fixtures';
import { organizationGid, regionGid, uuidOf } from '../harness/ids';
import { mutations, type UserErrorRow, USER_ERRORS as ERRORS, forbiddenFor } from '../harness/mutations';
import { arrangeTransferFund } from '../harness/fund-fixtures';

let app: TestApp;
const { call: mutate, ok, refused, denied, expectRefusedFor } = mutations<GoalRow>(() => app, 'goal');

interface Availability {
  action: string;
  allowed: boolean;
  code: string | null;
  principle: string | null;
  requires: string | null;
}
interface GoalRow {
  id: string;
  rowVersion: number;
  status: string;
  currentStep: number;
  reviewChain: {
    index: number;
    role: string;
    final: boolean;
    current: boolean;
    organization: { name: string } | null;
  }[];
}
type GoalPayload = { goal: GoalRow | null; userErrors: UserErrorRow[] };

const G_FIELDS =
  'id rowVersion status currentStep reviewChain { index role final current organization { name } }';
const CREATE = `mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const SUBMIT = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const APPROVE = `mutation($input: ApproveGoalInput!) { approveGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const RETURN = `mutation($input: ReturnGoalInput!) { returnGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const ISSUE = `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { goal { ${G_FIELDS} } ${ERRORS} } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code messageEn } } }`;

const org: Record<string, string> = {};

const INDICATORS = ROAD_INDICATORS;

async function newProject(name: string): Promise<string> {
  const res = await mutate<{ createProject: { project: { id: string } | null } }>(
    CREATE_PROJECT,
    {
      name,
      implementingUnitId: org['车站街道市政道路养护站'],
      year: 2025,
      fiscalAmount: '800000.00',
      otherAmount: '50000.00',
      isNew: false,
      requiresAssessment: false,
    },
    'transport.chezhan',
  );
  if (!res.data?.createProject.project) throw new Error(`arranging failed: ${JSON.stringify(res)}`);
  return res.data.createProject.project.id;
}

function goalInput(projectId: string, overrides: Record<string, unknown> = {}) {
  return {
    scope: 'PROJECT',
    year: 2025,
    name: '车站街道2025年道路养护绩效目标',
    projectId,
    implementationPeriodObjective: '完成辖区道路养护，保障通行安全',
    annualObjective: '2025年养护道路12.5公里，验收合格率不低于95%',
    annualAmount: '850000.00',
    fiscalAmount: '800000.00',
    otherAmount: '50000.00',
    indicators: INDICATORS,
    ...overrides,
  };
}

/** A goal drafted by unit.chezhan and taken as far as `until`. */
async function goalAt(until: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'ISSUED'): Promise<GoalRow> {
  const project = await newProject(`道路养护项目（${until}）`);
  let g = await ok(CREATE, goalInput(project), 'unit.chezhan');
  if (until === 'DRAFT') return g;
  g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
  if (until === 'SUBMITTED') return g;
  g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
  if (until === 'IN_REVIEW') return g;
  g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
  if (until === 'APPROVED') return g;
  return ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
}

async function actions(goalId: string, as: string): Promise<Record<string, Availability>> {
  const res = await app.gql<{ goal: { availableActions: Availability[] } | null }>(
    `query($id: ID!) { goal(id: $id) { availableActions { action allowed code principle requires } } }`,
    { id: goalId },
    { as },
  );
  return Object.fromEntries(res.data!.goal!.availableActions.map((a) => [a.action, a]));
}

beforeAll(async () => {
  app = await TestApp.start();
  for (const name of ['车站街道市政道路养护站', '车站街道建设办公室', '车站街道财政所'])
    org[name] = await organizationGid(app, name);
});
afterAll(async () => app.stop());

describe('happy path: unit drafts → 车站街道建设办公室 approves → finance.chezhan approves (final) → issued', () => {
  test('each step, the chain, the history and the audit trail', async () => {
    const project = await newProject('车站街道2025年道路养护');
    let g = await ok(CREATE, goalInput(project), 'unit.chezhan');
    expect(g).toMatchObject({ status: 'DRAFT', currentStep: 0, rowVersion: 1 });
    expect(g.reviewChain.map((s) => [s.index, s.role, s.final])).toEqual([
      [1, 'SUPERVISING_DEPARTMENT', false],
      [2, 'BUDGET_FINANCE', true],
    ]);
    const drafterActions = await actions(g.id, 'unit.chezhan');
    expect(drafterActions.SUBMIT.allowed).toBe(true);
    expect(drafterActions.EDIT.allowed).toBe(true);
    expect(drafterActions.APPROVE).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P3' });

    g = await ok(SUBMIT, { id: g.id, expectedVersion: 1 }, 'unit.chezhan');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1, rowVersion: 2 });
    expect(g.reviewChain[0].current).toBe(true);
    const reviewerActions = await actions(g.id, 'transport.chezhan');
    expect(reviewerActions.APPROVE.allowed).toBe(true);
    expect(reviewerActions.RETURN).toMatchObject({ allowed: true, requires: 'comment' });
    expect((await actions(g.id, 'finance.chezhan')).APPROVE).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      principle: 'P3',
    });

    g = await ok(APPROVE, { id: g.id, expectedVersion: 2, comment: '同意' }, 'transport.chezhan');
    expect(g).toMatchObject({ status: 'IN_REVIEW', currentStep: 2 });
    g = await ok(APPROVE, { id: g.id, expectedVersion: 3 }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'APPROVED', currentStep: 0 });
    g = await ok(ISSUE, { id: g.id, expectedVersion: 4 }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'ISSUED', rowVersion: 5 });

    const [row] = await app.sql<{
      status: string;
      annual: string;
      chain: string[];
      n: number;
      region_ok: boolean;
    }>(
      `SELECT g.status, g.annual_amount::text AS annual,
              array(SELECT o.name FROM jsonb_array_elements(g.review_chain) s JOIN organization o ON o.id = (s->>'organizationId')::uuid ORDER BY (s->>'index')::int) AS chain,
              (SELECT count(*)::int FROM goal_indicator i WHERE i.goal_id = g.id) AS n,
              g.region_path = p.region_path AS region_ok
         FROM performance_goal g JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    expect(row).toEqual({
      status: 'ISSUED',
      annual: '850000.00',
      chain: ['车站街道建设办公室', '车站街道财政所'],
      n: 4,
      region_ok: true,
    });
    const history = await app.sql<{
      action: string;
      from_status: string;
      to_status: string;
      role: string | null;
      actor: string;
      comment: string | null;
    }>(
      `SELECT t.action, t.from_status, t.to_status, t.role, o.name AS actor, t.comment
         FROM goal_transition t JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.actor_organization_id
        WHERE t.goal_id = $1 ORDER BY t.at`,
      [uuidOf(g.id)],
    );
    expect(history).toEqual([
      {
        action: 'SUBMIT',
        from_status: 'DRAFT',
        to_status: 'SUBMITTED',
        role: null,
        actor: '车站街道市政道路养护站',
        comment: null,
      },
      {
        action: 'APPROVE',
        from_status: 'SUBMITTED',
        to_status: 'IN_REVIEW',
        role: 'SUPERVISING_DEPARTMENT',
        actor: '车站街道建设办公室',
        comment: '同意',
      },
      {
        action: 'APPROVE',
        from_status: 'IN_REVIEW',
        to_status: 'APPROVED',
        role: 'BUDGET_FINANCE',
        actor: '车站街道财政所',
        comment: null,
      },
      {
        action: 'ISSUE',
        from_status: 'APPROVED',
        to_status: 'ISSUED',
        role: 'BUDGET_FINANCE',
        actor: '车站街道财政所',
        comment: null,
      },
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'PerformanceGoal' AND entity_id = $1 ORDER BY action`,
      [uuidOf(g.id)],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['APPROVE', 'APPROVE', 'CREATE', 'ISSUE', 'SUBMIT']);

    // The history is visible on the goal, and the issued goal offers no edit (P8).
    const res = await app.gql<{
      goal: { transitions: { action: string; actorOrganization: { name: string } | null }[] };
    }>(
      `query($id: ID!) { goal(id: $id) { transitions { action actorOrganization { name } } } }`,
      { id: g.id },
      { as: 'unit.chezhan' },
    );
    expect(res.data!.goal.transitions.map((t) => t.action)).toEqual([
      'SUBMIT',
      'APPROVE',
      'APPROVE',
      'ISSUE',
    ]);
    expect((await actions(g.id, 'unit.chezhan')).EDIT).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
  });
});

describe('permissions (DOMAIN §8), each refused with its code and principle and nothing written', () => {
  test('P3: out of turn, not in the chain, the drafter reviewing its own; P6: sibling township, other tenant, audit office', async () => {
    const g = await goalAt('SUBMITTED');
    const input = { id: g.id, expectedVersion: g.rowVersion };
    expect(await refused(APPROVE, input, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'agri.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'transport.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect(await refused(APPROVE, input, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P3' }),
    ]);
    expect((await refused(APPROVE, input, 'finance.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'transport.gongyuan'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect((await refused(APPROVE, input, 'unit.gongyuan'))[0].code).toBe('NOT_FOUND');
    await expectRefusedFor(APPROVE, input, { ...forbiddenFor('P6', 'audit.zhangdian', 'thirdparty.zibo') });
    // The right body succeeds.
    expect((await ok(APPROVE, input, 'transport.chezhan')).status).toBe('IN_REVIEW');
  });

  test('P2: only the unit (or its department) drafts a project goal; P6: a sibling township’s unit cannot name the project', async () => {
    const project = await newProject('权限测试项目');
    expect(await refused(CREATE, goalInput(project), 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect(await refused(CREATE, goalInput(project), 'agri.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect((await refused(CREATE, goalInput(project), 'unit.gongyuan'))[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'projectId'],
    });
    expect((await refused(CREATE, goalInput(project), 'finance.rizhao'))[0].code).toBe('NOT_FOUND');
    expect((await denied(CREATE, goalInput(project), 'audit.zhangdian')).code).toBe('FORBIDDEN');
    const g = await ok(CREATE, goalInput(project), 'transport.chezhan');
    // The department drafting for its unit does not review itself: finance is the only step.
    expect(g.reviewChain.map((s) => s.role)).toEqual(['BUDGET_FINANCE']);
  });

  test('P1/P2 drafting actions: only the drafter submits or edits', async () => {
    const g = await goalAt('DRAFT');
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: 1 }, 'transport.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
  });

  test('reads: the sibling township and the other tenant do not see the goal; the chain, the subtree and audit do', async () => {
    const g = await goalAt('SUBMITTED');
    const read = (as: string) => goalSeenBy(app, g.id, as);
    for (const as of ['transport.gongyuan', 'finance.gongyuan', 'finance.rizhao', 'unit.gongyuan'])
      expect(await read(as)).toBeNull();
    for (const as of [
      'unit.chezhan',
      'transport.chezhan',
      'finance.chezhan',
      'finance.zhangdian',
      'audit.zhangdian',
    ])
      expect(await read(as)).toEqual({ id: g.id });
    const list = await app.gql<{ goals: { totalCount: number; nodes: { id: string }[] } }>(
      `query($filter: GoalFilter) { goals(filter: $filter, first: 50) { totalCount nodes { id } } }`,
      { filter: { status: 'SUBMITTED', scope: 'PROJECT', year: 2025 } },
      { as: 'finance.gongyuan' },
    );
    expect(list.data!.goals.nodes.map((n) => n.id)).not.toContain(g.id);
  });
});

describe('workflow rules and bad input', () => {
  test('a return needs a comment; with one the goal goes back to the drafter and can be resubmitted', async () => {
    const g = await goalAt('IN_REVIEW');
    expect(await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] }),
    ]);
    expect(
      await refused(RETURN, { id: g.id, expectedVersion: g.rowVersion, comment: '  ' }, 'finance.chezhan'),
    ).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] })]);
    const returned = await ok(
      RETURN,
      { id: g.id, expectedVersion: g.rowVersion, comment: '请细化时效指标' },
      'finance.chezhan',
    );
    expect(returned).toMatchObject({ status: 'RETURNED', currentStep: 0 });
    const again = await ok(SUBMIT, { id: g.id, expectedVersion: returned.rowVersion }, 'unit.chezhan');
    expect(again).toMatchObject({ status: 'SUBMITTED', currentStep: 1 });
  });

  test('P8: an issued goal cannot be edited or re-reviewed; the wrong state is a WORKFLOW_VIOLATION', async () => {
    const g = await goalAt('ISSUED');
    const project = (
      await app.sql<{ id: string }>(`SELECT project_id AS id FROM performance_goal WHERE id = $1`, [
        uuidOf(g.id),
      ])
    )[0];
    expect(project).toBeDefined();
    const edit = await refused(
      UPDATE,
      { id: g.id, expectedVersion: g.rowVersion, name: '改', indicators: INDICATORS },
      'unit.chezhan',
    );
    expect(edit).toEqual([expect.objectContaining({ code: 'WORKFLOW_VIOLATION', principle: 'P8' })]);
    expect(
      (await refused(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan'))[0].code,
    ).toBe('WORKFLOW_VIOLATION');
    expect(
      (await refused(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan'))[0].code,
    ).toBe('WORKFLOW_VIOLATION');
  });

  test('a stale edit gets CONFLICT and changes nothing; a fresh one replaces the indicators as a set', async () => {
    const g = await goalAt('DRAFT');
    const edit = (expectedVersion: number) => ({
      id: g.id,
      expectedVersion,
      name: '车站街道2025年道路养护绩效目标（修订）',
      implementationPeriodObjective: '完成辖区道路养护',
      annualObjective: '养护道路12.5公里',
      annualAmount: '850000.00',
      fiscalAmount: '800000.00',
      otherAmount: '50000.00',
      indicators: INDICATORS.slice(0, 2),
    });
    const fresh = await ok(UPDATE, edit(1), 'unit.chezhan');
    expect(fresh.rowVersion).toBe(2);
    expect(await refused(UPDATE, edit(1), 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'expectedVersion'] }),
    ]);
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: 1 }, 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
      [uuidOf(g.id)],
    );
    expect(row.n).toBe(2);
  });

  test('two racing edits on the same version: exactly one wins, the other gets CONFLICT', async () => {
    const g = await goalAt('DRAFT');
    const edit = (name: string) =>
      mutate<{ updateGoal: GoalPayload }>(
        UPDATE,
        { id: g.id, expectedVersion: g.rowVersion, name, indicators: INDICATORS },
        'unit.chezhan',
      );
    const results = await Promise.all([edit('甲'), edit('乙')]);
    const codes = results.map((r) => r.data!.updateGoal.userErrors.map((e) => e.code)).sort();
    expect(codes).toEqual([[], ['CONFLICT']]);
    const [row] = await app.sql<{ row_version: number }>(
      `SELECT row_version FROM performance_goal WHERE id = $1`,
      [uuidOf(g.id)],
    );
    expect(row.row_version).toBe(2);
  });

  test('bad indicators: a wrong category/subcategory pair, a quantitative target that is no number; each a user error', async () => {
    const project = await newProject('指标校验项目');
    const wrongPair = await refused(
      CREATE,
      goalInput(project, {
        indicators: [{ ...INDICATORS[0], category: 'BENEFIT', subcategory: 'QUANTITY' }],
      }),
      'unit.chezhan',
    );
    expect(wrongPair).toContainEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: expect.arrayContaining(['input', 'indicators', '0']),
      }),
    );
    const noNumber = await refused(
      CREATE,
      goalInput(project, { indicators: [{ ...INDICATORS[0], target: '大约十公里' }] }),
      'unit.chezhan',
    );
    expect(noNumber).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '0', 'target'] }),
    );
    const missingTarget = await refused(
      CREATE,
      goalInput(project, { indicators: [{ ...INDICATORS[0], target: null }] }),
      'unit.chezhan',
    );
    expect(missingTarget).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'indicators', '0', 'target'] }),
    );
  });

  test('no OUTPUT indicator: the draft is saved, but submission is refused with the reason', async () => {
    const project = await newProject('无产出指标项目');
    const g = await ok(CREATE, goalInput(project, { indicators: INDICATORS.slice(2) }), 'unit.chezhan');
    expect((await actions(g.id, 'unit.chezhan')).SUBMIT).toMatchObject({
      allowed: false,
      code: 'BAD_USER_INPUT',
    });
    expect(await refused(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan')).toContainEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'id', 'indicators'] }),
    );
  });

  test('the database refuses status skips, frozen indicators and changes of the history, even for the owner', async () => {
    const g = await goalAt('DRAFT');
    const id = uuidOf(g.id);
    await expect(
      app.sql(`UPDATE performance_goal SET status = 'ISSUED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot become/);
    await expect(
      app.sql(`UPDATE performance_goal SET status = 'APPROVED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot become/);
    const issued = await goalAt('ISSUED');
    await expect(
      app.sql(`DELETE FROM goal_indicator WHERE goal_id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/frozen/);
    await expect(
      app.sql(`UPDATE goal_transition SET comment = 'x' WHERE goal_id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/append-only/);
    await expect(
      app.sql(`UPDATE performance_goal SET name = 'x' WHERE id = $1`, [uuidOf(issued.id)]),
    ).rejects.toThrow(/cannot become/);
  });
});

const ADJUST = `mutation($input: RequestAdjustmentInput!) { requestAdjustment(input: $input) { goal { ${G_FIELDS} goalVersion adjustmentReason } ${ERRORS} } }`;

describe('adjustment (DOMAIN §7): version n+1 through the same chain; n superseded on issue and still readable', () => {
  test('request with a reason by the drafter; refused without one, by finance, twice, or before issue', async () => {
    const draft = await goalAt('DRAFT');
    expect(
      (
        await refused(
          ADJUST,
          { id: draft.id, expectedVersion: draft.rowVersion, reason: '调整' },
          'unit.chezhan',
        )
      )[0].code,
    ).toBe('WORKFLOW_VIOLATION');

    const v1 = await goalAt('ISSUED');
    const input = (reason: string, expectedVersion = v1.rowVersion) => ({
      id: v1.id,
      expectedVersion,
      reason,
    });
    expect(await refused(ADJUST, input('  '), 'unit.chezhan')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'reason'] }),
    ]);
    expect(await refused(ADJUST, input('调整'), 'finance.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P2' }),
    ]);
    expect((await refused(ADJUST, input('调整', 1), 'unit.chezhan'))[0].code).toBe('CONFLICT');

    const res = await mutate<{
      requestAdjustment: GoalPayload & { goal: GoalRow & { goalVersion: number; adjustmentReason: string } };
    }>(ADJUST, input('养护里程因规划调整增加'), 'unit.chezhan');
    const v2 = res.data!.requestAdjustment.goal!;
    expect(v2).toMatchObject({ status: 'DRAFT', goalVersion: 2, adjustmentReason: '养护里程因规划调整增加' });
    expect((await refused(ADJUST, input('再次调整'), 'unit.chezhan'))[0].code).toBe('WORKFLOW_VIOLATION');

    let g: GoalRow = v2;
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'unit.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    // Version 1 stays in force until version 2 is issued.
    const [before] = await app.sql<{ status: string }>(`SELECT status FROM performance_goal WHERE id = $1`, [
      uuidOf(v1.id),
    ]);
    expect(before.status).toBe('ISSUED');
    g = await ok(ISSUE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    expect(g.status).toBe('ISSUED');

    const read = await app.gql<{
      goal: {
        status: string;
        nextVersion: { id: string } | null;
        transitions: { action: string; toStatus: string }[];
      };
    }>(
      `query($id: ID!) { goal(id: $id) { status nextVersion { id } transitions { action toStatus } } }`,
      { id: v1.id },
      { as: 'unit.chezhan' },
    );
    expect(read.data!.goal.status).toBe('SUPERSEDED');
    expect(read.data!.goal.nextVersion).toEqual({ id: g.id });
    expect(read.data!.goal.transitions.map((t) => [t.action, t.toStatus])).toEqual([
      ['SUBMIT', 'SUBMITTED'],
      ['APPROVE', 'IN_REVIEW'],
      ['APPROVE', 'APPROVED'],
      ['ISSUE', 'ISSUED'],
      ['REQUEST_ADJUSTMENT', 'ISSUED'],
      ['ISSUE', 'SUPERSEDED'],
    ]);
    const [n] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM goal_indicator WHERE goal_id = $1`,
      [uuidOf(g.id)],
    );
    expect(n.n).toBe(INDICATORS.length);
  });
});

describe('inbox (待办): goals awaiting the caller’s organization at their current step', () => {
  test('follows the goal along its chain', async () => {
    const inbox = async (as: string) =>
      (
        await app.gql<{ myPendingReviews: { nodes: { id: string }[] } }>(
          `{ myPendingReviews(first: 100) { nodes { id } } }`,
          {},
          { as },
        )
      ).data!.myPendingReviews.nodes.map((n) => n.id);
    const g = await goalAt('SUBMITTED');
    expect(await inbox('transport.chezhan')).toContain(g.id);
    expect(await inbox('finance.chezhan')).not.toContain(g.id);
    expect(await inbox('unit.chezhan')).not.toContain(g.id);
    await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    expect(await inbox('transport.chezhan')).not.toContain(g.id);
    expect(await inbox('finance.chezhan')).toContain(g.id);
    expect(await inbox('finance.gongyuan')).not.toContain(g.id);
  });
});

describe('transfer goals top-down (DOMAIN §5): overall → regional, the consistency check blocks approval', () => {
  test('P1 drafting; regional targets summed against the overall target; money against the allocations', async () => {
    const regions: Record<string, string> = {};
    for (const code of ['370303001', '370303002']) regions[code] = await regionGid(app, code);
    const fundId = await arrangeTransferFund(
      app,
      { name: '2025年张店区农村公路养护转移支付', ownLevel: '800000.00' },
      { [regions['370303001']]: '500000.00', [regions['370303002']]: '300000.00' },
    );

    const overallInput = {
      scope: 'TRANSFER_OVERALL',
      year: 2025,
      name: '张店区农村公路养护整体绩效目标',
      fundId,
      implementationPeriodObjective: '全区农村公路养护',
      annualObjective: '养护农村公路20公里',
      annualAmount: '800000.00',
      indicators: [{ ...INDICATORS[0], name: '养护农村公路里程', target: '20', aggregation: 'SUM' }],
    };
    expect(await refused(CREATE, overallInput, 'finance.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    expect(await refused(CREATE, overallInput, 'transport.chezhan')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    const overall = await ok(CREATE, overallInput, 'transport.zhangdian');
    const parentIndicator = (
      await app.gql<{ goal: { indicators: { id: string }[] } }>(
        `query($id: ID!) { goal(id: $id) { indicators { id } } }`,
        { id: overall.id },
        { as: 'transport.zhangdian' },
      )
    ).data!.goal.indicators[0].id;
    const regional = (code: string, target: string, annualAmount: string) => ({
      scope: 'TRANSFER_REGIONAL',
      year: 2025,
      name: `农村公路养护分区域目标（${code}）`,
      fundId,
      regionId: regions[code],
      parentGoalId: overall.id,
      decomposition: 'TOP_DOWN',
      annualObjective: '养护农村公路',
      annualAmount,
      indicators: [
        { ...INDICATORS[0], name: '养护农村公路里程', target, parentIndicatorId: parentIndicator },
      ],
    });
    const bad = await refused(
      CREATE,
      {
        ...regional('370303001', '12', '500000.00'),
        indicators: [{ ...INDICATORS[0], parentIndicatorId: overall.id }],
      },
      'transport.zhangdian',
    );
    expect(bad).toContainEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: ['input', 'indicators', '0', 'parentIndicatorId'],
      }),
    );
    const chezhan = await ok(CREATE, regional('370303001', '12', '500000.00'), 'transport.zhangdian');
    const gongyuan = await ok(CREATE, regional('370303002', '5', '300000.00'), 'transport.zhangdian');

    // Indicators linked by child goals are not silently replaced.
    expect(
      await refused(
        UPDATE,
        {
          id: overall.id,
          expectedVersion: overall.rowVersion,
          name: overallInput.name,
          annualObjective: overallInput.annualObjective,
          implementationPeriodObjective: overallInput.implementationPeriodObjective,
          annualAmount: overallInput.annualAmount,
          indicators: overallInput.indicators,
        },
        'transport.zhangdian',
      ),
    ).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'indicators'] })]);
    const submitted = await ok(
      SUBMIT,
      { id: overall.id, expectedVersion: overall.rowVersion },
      'transport.zhangdian',
    );
    expect(submitted.reviewChain.map((s) => s.organization?.name)).toEqual(['张店区财政局']);
    // DOMAIN §5 (issue 9 item 7): the check counts children in force; drafts do not block the overall goal.
    const approved = await ok(
      APPROVE,
      { id: overall.id, expectedVersion: submitted.rowVersion },
      'finance.zhangdian',
    );
    expect(approved.status).toBe('APPROVED');
    // 车站街道 first: 公园街道 is still to come, so the shortfall 12 < 20 is pending, not an error.
    let c = await ok(SUBMIT, { id: chezhan.id, expectedVersion: chezhan.rowVersion }, 'transport.zhangdian');
    c = await ok(APPROVE, { id: c.id, expectedVersion: c.rowVersion }, 'finance.zhangdian');
    expect(c.status).toBe('APPROVED');
    // 公园街道 completes the decomposition: 12 + 5 = 17 < 20 blocks its approval.
    const g1 = await ok(
      SUBMIT,
      { id: gongyuan.id, expectedVersion: gongyuan.rowVersion },
      'transport.zhangdian',
    );
    expect((await actions(gongyuan.id, 'finance.zhangdian')).APPROVE).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
    const blocked = await refused(
      APPROVE,
      { id: g1.id, expectedVersion: g1.rowVersion },
      'finance.zhangdian',
    );
    expect(blocked[0].code).toBe('WORKFLOW_VIOLATION');
    expect(blocked.map((e) => e.message).join(' ')).toContain('17');

    const back = await ok(
      RETURN,
      { id: g1.id, expectedVersion: g1.rowVersion, comment: '目标偏低' },
      'finance.zhangdian',
    );
    const { name, annualObjective, annualAmount, indicators } = regional('370303002', '8', '300000.00');
    const fixed = await ok(
      UPDATE,
      { id: back.id, expectedVersion: back.rowVersion, name, annualObjective, annualAmount, indicators },
      'transport.zhangdian',
    );
    const again = await ok(
      SUBMIT,
      { id: fixed.id, expectedVersion: fixed.rowVersion },
      'transport.zhangdian',
    );
    const done = await ok(APPROVE, { id: again.id, expectedVersion: again.rowVersion }, 'finance.zhangdian');
    expect(done.status).toBe('APPROVED');
  });
  test('bottom-up regional goal: drafted by the township’s department, co-signed by its finance, then the fund’s department and finance at R; the tree and the filters', async () => {
    const chezhan = await regionGid(app, '370303001');
    const fundId = await arrangeTransferFund(
      app,
      { name: '2025年张店区道路提升转移支付（自下而上）', ownLevel: '900000.00' },
      { [chezhan]: '900000.00' },
    );
    const overall = await ok(
      CREATE,
      {
        scope: 'TRANSFER_OVERALL',
        year: 2025,
        name: '道路提升整体目标（自下而上）',
        fundId,
        implementationPeriodObjective: '道路提升',
        annualObjective: '提升道路9公里',
        annualAmount: '900000.00',
        indicators: [{ ...INDICATORS[0], target: '9', aggregation: 'SUM' }],
      },
      'transport.zhangdian',
    );
    // Bottom-up: the lower level reports against the overall goal once it is in force.
    let o = await ok(SUBMIT, { id: overall.id, expectedVersion: overall.rowVersion }, 'transport.zhangdian');
    o = await ok(APPROVE, { id: o.id, expectedVersion: o.rowVersion }, 'finance.zhangdian');
    expect((await ok(ISSUE, { id: o.id, expectedVersion: o.rowVersion }, 'finance.zhangdian')).status).toBe(
      'ISSUED',
    );
    const input = {
      scope: 'TRANSFER_REGIONAL',
      year: 2025,
      name: '车站街道道路提升分区域目标',
      fundId,
      regionId: chezhan,
      parentGoalId: overall.id,
      decomposition: 'BOTTOM_UP',
      annualObjective: '提升道路9公里',
      annualAmount: '900000.00',
      indicators: [INDICATORS[0]],
    };
    expect(await refused(CREATE, input, 'transport.zhangdian')).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', principle: 'P1' }),
    ]);
    let g = await ok(CREATE, input, 'transport.chezhan');
    // DOMAIN §7 (issue 9 item 10): the chain's organisations are never hidden from its participants.
    expect(g.reviewChain.map((s) => [s.role, s.organization?.name ?? null])).toEqual([
      ['LOWER_FINANCE', '车站街道财政所'],
      ['FUND_DEPARTMENT', '张店区交通运输局'],
      ['BUDGET_FINANCE', '张店区财政局'],
    ]);
    const [chain] = await app.sql<{ names: string[] }>(
      `SELECT array(SELECT o.name FROM jsonb_array_elements(g.review_chain) s JOIN organization o ON o.id = (s->>'organizationId')::uuid ORDER BY (s->>'index')::int) AS names
         FROM performance_goal g WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    expect(chain.names).toEqual(['车站街道财政所', '张店区交通运输局', '张店区财政局']);
    g = await ok(SUBMIT, { id: g.id, expectedVersion: g.rowVersion }, 'transport.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.chezhan');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'transport.zhangdian');
    g = await ok(APPROVE, { id: g.id, expectedVersion: g.rowVersion }, 'finance.zhangdian');
    expect(g.status).toBe('APPROVED');

    // The tree in one request, and the list's filters.
    const tree = await app.gql<{
      goal: { children: { nodes: { id: string; parent: { id: string }; drafter: { name: string } }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { children { nodes { id parent { id } drafter { name } } } } }`,
      { id: overall.id },
      { as: 'finance.zhangdian' },
    );
    expect(tree.data!.goal.children.nodes).toEqual([
      { id: g.id, parent: { id: overall.id }, drafter: { name: '车站街道建设办公室' } },
    ]);
    const list = async (filter: Record<string, unknown>, as = 'finance.zhangdian') =>
      (
        await app.gql<{ goals: { nodes: { id: string }[] } }>(
          `query($filter: GoalFilter) { goals(filter: $filter, first: 100, orderBy: { field: CREATED_AT }) { nodes { id } } }`,
          { filter },
          { as },
        )
      ).data!.goals.nodes.map((n) => n.id);
    expect(await list({ fundId })).toEqual([overall.id, g.id]);
    expect(await list({ fundId, scope: 'TRANSFER_REGIONAL' })).toEqual([g.id]);
    expect(await list({ fundId, status: 'ISSUED' })).toEqual([overall.id]);
    expect(await list({ fundId, within: chezhan })).toEqual([g.id]);
    expect(await list({ fundId, organizationId: org['车站街道建设办公室'] })).toEqual([g.id]);
    expect(await list({ fundId, text: '自下而上' })).toEqual([overall.id]);
    expect(await list({ fundId, year: 2024 })).toEqual([]);
    expect(await list({ fundId }, 'finance.gongyuan')).toEqual([]);
    expect(await list({ fundId }, 'transport.chezhan')).toEqual([overall.id, g.id]);
  });
});
