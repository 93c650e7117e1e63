/**
 * 撤回调整申请 (DOMAIN §7, §15) as a pure rule: states × actors × the WITHDRAW_ADJUSTMENT action, the
 * record it leaves, WITHDRAWN frozen for every action (P8), and version n adjustable again afterwards.
 * The same regions and organizations as test/goals/workflow.unit.test.ts (./workflow-world.ts).
 */
import { ErrorCode } from '../../src/common/errors';
import { GoalStatus, WorkflowAction } from '../../src/goals/goal.enums';
import {
  availableActions,
  decide,
  isEditable,
  isEffective,
  isFrozen,
  type WorkflowGoal,
} from '../../src/goals/rules/workflow';
import { accepted, actor, goal, o, refused, subjects, type Kind, type Who } from './workflow-world';

/** Version 2 (the adjustment of version 1) of a goal, in `status`. */
const v2 = (kind: Kind, status: GoalStatus, over: Partial<WorkflowGoal> = {}): WorkflowGoal =>
  goal(kind, {
    id: `goal-${kind}-v2`,
    version: 2,
    status,
    step: status === GoalStatus.SUBMITTED ? 1 : status === GoalStatus.IN_REVIEW ? 2 : 0,
    adjusts: 1,
    ...over,
  });
const v1 = (kind: Kind, status: GoalStatus, over: Partial<WorkflowGoal> = {}) =>
  v2(kind, status, { id: `goal-${kind}-v1`, version: 1, adjusts: null, ...over });

const { WITHDRAW_ADJUSTMENT: WITHDRAW, REQUEST_ADJUSTMENT } = WorkflowAction;
const S = GoalStatus;
const FORBIDDEN = ErrorCode.FORBIDDEN;
const WORKFLOW = ErrorCode.WORKFLOW_VIOLATION;

// DOMAIN §7 (an adjustment runs the original procedure), §8 P1/P2 (only the drafter drafts), §15 (kept).
describe('WITHDRAW_ADJUSTMENT: states × actor', () => {
  test.each([S.DRAFT, S.RETURNED])(
    'the drafter withdraws an adjustment in %s → WITHDRAWN, recorded',
    (status) => {
      const d = accepted(decide(v2('tp', status), actor('unitA'), WITHDRAW, { comment: ' 不再需要调整 ' }));
      expect(d.next).toEqual({ status: S.WITHDRAWN, step: 0, version: 2, frozen: true });
      expect(d.transitionRecord).toMatchObject({
        goalId: 'goal-tp-v2',
        version: 2,
        action: WITHDRAW,
        fromStatus: status,
        toStatus: S.WITHDRAWN,
        fromStep: 0,
        toStep: 0,
        actorOrganizationId: 'unitA',
        role: null,
        comment: '不再需要调整',
      });
      // Withdrawing supersedes nothing and creates nothing: version 1 stays in force (DOMAIN §7).
      expect(d.supersedes).toBeUndefined();
      expect(d.adjustment).toBeUndefined();
    },
  );

  test('the comment is optional', () => {
    expect(
      accepted(decide(v2('own', S.DRAFT), actor('unitD'), WITHDRAW)).transitionRecord.comment,
    ).toBeNull();
  });

  test('an adjustment requested (so drafted) by the supervising department is withdrawn by it, not by the unit', () => {
    const g = v2('tp', S.DRAFT, { drafterOrganizationId: 'transA' });
    expect(accepted(decide(g, actor('transA'), WITHDRAW)).next.status).toBe(S.WITHDRAWN);
    // A unit acts only on goals it drafts (P6): the department's draft looks missing to it.
    refused(decide(g, actor('unitA'), WITHDRAW), FORBIDDEN, 'P6');
  });

  // P1 for transfer overall/regional drafting, P2 otherwise (DOMAIN §8); P6 outside jurisdiction.
  test.each([
    ['the supervising department (in the chain)', 'tp', 'transA', FORBIDDEN, 'P2'],
    ["finance at the adjustment's region", 'tp', 'finA', FORBIDDEN, 'P2'],
    ["the fund's department at R", 'tp', 'transD', FORBIDDEN, 'P2'],
    ['finance at R on an overall goal', 'overall', 'finD', FORBIDDEN, 'P1'],
    ['a sibling unit', 'tp', 'unitB', FORBIDDEN, 'P6'],
    ['the audit office', 'own', 'auditD', FORBIDDEN, 'P6'],
    ['a third party', 'own', 'thirdD', FORBIDDEN, 'P6'],
    ['another tenant', 'own', 'finX', FORBIDDEN, 'P6'],
  ] as const)('%s may not withdraw → %s %s', (_name, kind, who, code, principle) => {
    refused(decide(v2(kind, S.DRAFT), actor(who), WITHDRAW), code, principle);
  });

  test.each([S.SUBMITTED, S.IN_REVIEW])(
    'an adjustment %s is returned first: WORKFLOW_VIOLATION',
    (status) => {
      const d = decide(v2('tp', status), actor('unitA'), WITHDRAW);
      refused(d, WORKFLOW);
      if (!d.ok) expect(d.message.en).toMatch(/returned before it is withdrawn/);
    },
  );

  test.each([S.APPROVED, S.ISSUED, S.FILED_FOR_RECORD, S.SUPERSEDED, S.WITHDRAWN])(
    'an adjustment %s is frozen: WORKFLOW_VIOLATION P8',
    (status) => refused(decide(v2('tp', status), actor('unitA'), WITHDRAW), WORKFLOW, 'P8'),
  );

  test.each(Object.values(GoalStatus))(
    'a first version (%s) is not an adjustment: WORKFLOW_VIOLATION',
    (status) => {
      refused(decide(v1('tp', status), actor('unitA'), WITHDRAW), WORKFLOW);
    },
  );
});

// P8: a withdrawn adjustment is terminal and read-only; §15: it is never deleted, only kept.
describe('WITHDRAWN is terminal and frozen', () => {
  test('status helpers', () => {
    expect([isFrozen(S.WITHDRAWN), isEditable(S.WITHDRAWN), isEffective(S.WITHDRAWN)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  const everyone = Object.keys(o) as Who[];
  test.each(Object.values(WorkflowAction))('%s on a withdrawn adjustment: refused for everyone', (action) => {
    for (const kind of Object.keys(subjects) as Kind[])
      for (const who of everyone) {
        const d = decide(v2(kind, S.WITHDRAWN), actor(who), action, { comment: '意见', reason: '理由' });
        expect(d.ok).toBe(false);
      }
  });

  test.each([WorkflowAction.EDIT, WorkflowAction.SUBMIT, WorkflowAction.FILE_FOR_RECORD, WITHDRAW])(
    'the drafter’s %s on a withdrawn adjustment → WORKFLOW_VIOLATION P8',
    (action) =>
      refused(decide(v2('tp', S.WITHDRAWN), actor('unitA'), action, { reason: '理由' }), WORKFLOW, 'P8'),
  );
});

// DOMAIN §7: one adjustment at a time — a withdrawn one no longer blocks version n.
describe('version n after a withdrawal', () => {
  test('pending blocks a new request; once withdrawn (not pending) a new version 2 is requested', () => {
    refused(
      decide(v1('tp', S.ISSUED, { adjustmentPending: true }), actor('unitA'), REQUEST_ADJUSTMENT, {
        reason: '再调整',
      }),
      WORKFLOW,
    );
    const d = accepted(decide(v1('tp', S.ISSUED), actor('unitA'), REQUEST_ADJUSTMENT, { reason: '再调整' }));
    expect(d.adjustment).toMatchObject({ version: 2, adjusts: 1, status: S.DRAFT });
  });
});

// DOMAIN §7: every workflow object lists its actions and why not the others.
describe('availableActions lists WITHDRAW_ADJUSTMENT with reasons', () => {
  const withdraw = (g: WorkflowGoal, who: Who) =>
    availableActions(g, actor(who)).find((a) => a.action === WITHDRAW);

  test('allowed for the drafter of a draft adjustment, with nothing more required', () => {
    expect(withdraw(v2('tp', S.DRAFT), 'unitA')).toEqual({ action: WITHDRAW, allowed: true });
  });

  test('refused with code, principle and reason otherwise', () => {
    expect(withdraw(v2('tp', S.DRAFT), 'transA')).toMatchObject({
      allowed: false,
      code: FORBIDDEN,
      principle: 'P2',
    });
    expect(withdraw(v1('tp', S.DRAFT), 'unitA')).toMatchObject({ allowed: false, code: WORKFLOW });
    expect(withdraw(v2('tp', S.SUBMITTED), 'unitA')?.reason?.zh).toMatch(/先退回再撤回/);
    expect(withdraw(v2('tp', S.WITHDRAWN), 'unitA')).toMatchObject({ allowed: false, principle: 'P8' });
  });

  test('allowed === decide(...).ok for every status, actor and scope', () => {
    let allowed = 0;
    for (const kind of Object.keys(subjects) as Kind[])
      for (const status of Object.values(GoalStatus))
        for (const g of [v1(kind, status), v2(kind, status)])
          for (const who of Object.keys(o) as Who[]) {
            const a = withdraw(g, who);
            const d = decide(g, actor(who), WITHDRAW, { comment: '…' });
            expect(a?.allowed).toBe(d.ok);
            if (!d.ok) expect([a?.code, a?.principle, a?.reason]).toEqual([d.code, d.principle, d.message]);
            allowed += d.ok ? 1 : 0;
          }
    // each subject kind: its drafter, in DRAFT and RETURNED of version 2
    expect(allowed).toBe(Object.keys(subjects).length * 2);
    expect(Object.keys(subjects)).toHaveLength(4);
  });
});
