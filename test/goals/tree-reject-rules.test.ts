/**
 * Issue 9 items 6 and 9 in the pure workflow (`decide`, DOMAIN §5 Tree integrity, §7): a child goal is
 * approved, issued or filed only while its parent is in force; finance at the final step may refuse a goal
 * under review (不予受理, 001 三(一)) with a reason — REJECTED, terminal.
 */
import { ErrorCode } from '../../src/common/errors';
import { FilingBasis, GoalStatus as S, WorkflowAction as A } from '../../src/goals/goal.enums';
import { availableActions, decide } from '../../src/goals/rules/workflow';
import { actor, at } from './workflow-world';

describe('a child needs its parent in force (DOMAIN §5 Tree integrity)', () => {
  test.each([S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.RETURNED, S.REJECTED])(
    'parent %s: approve, issue and file are refused with the reason',
    (parentStatus) => {
      const approve = decide(at('bottomUp', S.IN_REVIEW, 3), actor('finD'), A.APPROVE, { parentStatus });
      expect(approve).toMatchObject({ ok: false, code: ErrorCode.WORKFLOW_VIOLATION });
      expect(!approve.ok && approve.details?.map((m) => m.en).join(' ')).toContain(
        'parent goal is not in force',
      );
      const issue = decide(at('bottomUp', S.APPROVED), actor('finD'), A.ISSUE, { parentStatus });
      expect(issue).toMatchObject({ ok: false, code: ErrorCode.WORKFLOW_VIOLATION });
      const deferred = at('bottomUp', S.DRAFT, 0, { filingBasis: FilingBasis.TRANSFER_DEFERRED });
      const file = decide(deferred, actor('transA'), A.FILE_FOR_RECORD, { parentStatus });
      expect(file).toMatchObject({ ok: false, code: ErrorCode.WORKFLOW_VIOLATION });
    },
  );

  test.each([S.APPROVED, S.ISSUED, S.FILED_FOR_RECORD])(
    'parent %s: approve and issue go ahead',
    (parentStatus) => {
      expect(decide(at('bottomUp', S.IN_REVIEW, 3), actor('finD'), A.APPROVE, { parentStatus }).ok).toBe(
        true,
      );
      expect(decide(at('bottomUp', S.APPROVED), actor('finD'), A.ISSUE, { parentStatus }).ok).toBe(true);
    },
  );
});

describe('不予受理 (001 三(一); DOMAIN §7)', () => {
  const final = () => at('own', S.IN_REVIEW, 2); // unitD → transD → finD (final)

  test('finance at the final step refuses with a reason: REJECTED, recorded with the reason', () => {
    const d = decide(final(), actor('finD'), A.REJECT, { reason: '  经审核仍不合格  ' });
    expect(d).toMatchObject({
      ok: true,
      next: { status: S.REJECTED, step: 0, frozen: true },
      transitionRecord: {
        action: A.REJECT,
        fromStatus: S.IN_REVIEW,
        toStatus: S.REJECTED,
        comment: '经审核仍不合格',
      },
    });
  });

  test('a reason is required', () => {
    expect(decide(final(), actor('finD'), A.REJECT, { reason: '  ' })).toMatchObject({
      ok: false,
      code: ErrorCode.BAD_USER_INPUT,
    });
  });

  test.each([
    ['unitD', 'P3'], // the drafter never reviews its own goal
    ['transD', 'P3'], // in the chain, not the final step
    ['finC', 'P3'], // above, not in the chain
    ['finX', 'P6'], // another tenant
    ['auditD', 'P6'],
  ] as const)('%s is refused (%s)', (who, principle) => {
    expect(decide(final(), actor(who), A.REJECT, { reason: '不合格' })).toMatchObject({
      ok: false,
      principle,
    });
  });

  test('not before the goal reaches the final step, and never once rejected (P8)', () => {
    expect(decide(at('own', S.SUBMITTED, 1), actor('finD'), A.REJECT, { reason: 'x' })).toMatchObject({
      ok: false,
      principle: 'P3',
    });
    const rejected = at('own', S.REJECTED);
    for (const [who, action] of [
      ['unitD', A.EDIT],
      ['unitD', A.SUBMIT],
      ['finD', A.REJECT],
      ['unitD', A.REQUEST_ADJUSTMENT],
    ] as const) {
      expect(decide(rejected, actor(who), action, { reason: 'x' })).toMatchObject({ ok: false });
    }
  });

  test('availableActions offers REJECT (requires a reason) to finance at the final step only', () => {
    const find = (who: 'finD' | 'transD') =>
      availableActions(final(), actor(who)).find((a) => a.action === A.REJECT);
    expect(find('finD')).toEqual({ action: A.REJECT, allowed: true, requires: 'reason' });
    expect(find('transD')).toMatchObject({ allowed: false, code: ErrorCode.FORBIDDEN, principle: 'P3' });
  });
});
