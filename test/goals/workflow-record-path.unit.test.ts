/**
 * The goal workflow's pure decide() (DOMAIN §7, §8 P6): the record path (budget first, goal filed), outsiders
 * refused everything, and availableActions — which actions the caller may take now and why not the others.
 */
import { msg } from '../../src/common/errors';
import { FilingBasis, GoalStatus, WorkflowAction } from '../../src/goals/goal.enums';
import { availableActions, decide, type WorkflowGoal } from '../../src/goals/rules/workflow';
import { accepted, actor, at, goal, o, refused, subjects, type Kind, type Who } from './workflow-world';
import {
  EDIT,
  SUBMIT,
  APPROVE,
  RETURN,
  ISSUE,
  REQUEST_ADJUSTMENT,
  FILE_FOR_RECORD,
  S,
  ok,
  FORBIDDEN,
  WORKFLOW,
  BAD,
  runTable,
  ADJUST,
  FILE,
} from './workflow-table';

describe('record path: budget first, goal filed for record', () => {
  const emergency = (status: GoalStatus, over: Partial<WorkflowGoal> = {}) =>
    at('own', status, 0, { filingBasis: FilingBasis.EMERGENCY, ...over });
  const deferred = { filingBasis: FilingBasis.TRANSFER_DEFERRED };

  runTable([
    ['the drafter files an emergency goal', emergency(S.DRAFT), 'unitD', FILE, 'FILED_FOR_RECORD@0'],
    [
      'a deferred transfer project goal is filed',
      at('tp', S.DRAFT, 0, deferred),
      'unitA',
      FILE,
      'FILED_FOR_RECORD@0',
    ],
    [
      'an own-level project is not a deferred transfer',
      at('own', S.DRAFT, 0, deferred),
      'unitD',
      FILE,
      'WORKFLOW_VIOLATION',
    ],
    ['an ordinary goal is submitted, not filed', at('own', S.DRAFT), 'unitD', FILE, 'WORKFLOW_VIOLATION'],
    ['only the drafter files', emergency(S.DRAFT), 'transD', FILE, 'FORBIDDEN P2'],
    ['a filed goal is frozen', emergency(S.FILED_FOR_RECORD), 'unitD', EDIT, 'WORKFLOW_VIOLATION P8'],
    ['filing needs no approval', emergency(S.FILED_FOR_RECORD), 'finD', APPROVE, 'WORKFLOW_VIOLATION P8'],
    ['nor an issue', emergency(S.FILED_FOR_RECORD), 'finD', ISSUE, 'WORKFLOW_VIOLATION P8'],
    [
      'the record holder returns it for correction',
      emergency(S.FILED_FOR_RECORD),
      'finD',
      RETURN,
      'RETURNED@0',
    ],
    [
      'a reviewer that is not the record holder may not',
      emergency(S.FILED_FOR_RECORD),
      'transD',
      RETURN,
      'FORBIDDEN P3',
    ],
    ['nor the drafter', emergency(S.FILED_FOR_RECORD), 'unitD', RETURN, 'FORBIDDEN P3'],
    [
      'the drafter asks to adjust a filed goal',
      emergency(S.FILED_FOR_RECORD),
      'unitD',
      ADJUST,
      'FILED_FOR_RECORD@0',
    ],
  ]);

  test('an incomplete filing is refused', () =>
    refused(
      decide(emergency(S.DRAFT), actor('unitD'), FILE_FOR_RECORD, { completenessErrors: [msg('x', 'x')] }),
      BAD,
    ));

  test('a filing returned without a comment is refused', () =>
    refused(decide(emergency(S.FILED_FOR_RECORD), actor('finD'), RETURN, { comment: ' ' }), BAD));

  test('the adjustment of a filed goal is filed again and then supersedes it', () => {
    const req = accepted(decide(emergency(S.FILED_FOR_RECORD), actor('unitD'), REQUEST_ADJUSTMENT, ok));
    expect(req.adjustment?.filingBasis).toBe(FilingBasis.EMERGENCY);
    const v2 = emergency(S.DRAFT, { version: 2, adjusts: 1 });
    refused(decide(v2, actor('unitD'), SUBMIT), WORKFLOW);
    const filed = accepted(decide(v2, actor('unitD'), FILE_FOR_RECORD));
    expect(filed.supersedes?.transitionRecord).toMatchObject({
      fromStatus: S.FILED_FOR_RECORD,
      toStatus: S.SUPERSEDED,
    });
  });
});

// P6 (DOMAIN §8; 003 第九条): audit offices, third parties and other tenants take no workflow action at all.
describe('outsiders are refused everything', () => {
  const outsiders: Who[] = ['auditD', 'auditC', 'thirdD', 'finX'];
  const rows = outsiders.flatMap((who) =>
    Object.values(GoalStatus).flatMap((status) =>
      Object.values(WorkflowAction).map((action) => [who, status, action] as const),
    ),
  );
  test.each(rows)('%s: %s × %s → FORBIDDEN P6', (who, status, action) => {
    const g = at('own', status, status === S.SUBMITTED || status === S.IN_REVIEW ? 1 : 0);
    refused(decide(g, actor(who), action, ok), FORBIDDEN, 'P6');
    expect(availableActions(g, actor(who)).some((a) => a.allowed)).toBe(false);
  });
});

// DOMAIN §7: every workflow object tells the caller which actions it may take now and why not the others.
describe('availableActions', () => {
  const everyone = Object.keys(o) as Who[];
  const goals: WorkflowGoal[] = (Object.keys(subjects) as Kind[]).flatMap((kind) => {
    const n = goal(kind).chain.length;
    return [
      ...Object.values(GoalStatus)
        .filter((s) => s !== S.SUBMITTED && s !== S.IN_REVIEW)
        .map((s) => at(kind, s)),
      at(kind, S.SUBMITTED, 1),
      ...Array.from({ length: n - 1 }, (_, i) => at(kind, S.IN_REVIEW, i + 2)),
      at(kind, S.DRAFT, 0, { filingBasis: FilingBasis.EMERGENCY }),
      at(kind, S.FILED_FOR_RECORD, 0, { filingBasis: FilingBasis.TRANSFER_DEFERRED }),
      at(kind, S.ISSUED, 0, { adjustmentPending: true }),
      at(kind, S.APPROVED, 0, { version: 2, adjusts: 1 }),
    ];
  });
  const factSets = [{}, { completenessErrors: [msg('x', 'x')] }, { gateErrors: [msg('y', 'y')] }];

  test('for every goal, actor, fact set and action: allowed === decide(...).ok, with the same reason', () => {
    let checked = 0;
    let allowed = 0;
    for (const g of goals)
      for (const who of everyone)
        for (const facts of factSets) {
          const list = availableActions(g, actor(who), facts);
          expect(list.map((a) => a.action)).toEqual(Object.values(WorkflowAction));
          for (const a of list) {
            const d = decide(g, actor(who), a.action, { ...facts, ...ok });
            expect(a.allowed).toBe(d.ok);
            if (!d.ok)
              expect([a.code, a.principle, a.reason, a.details]).toEqual([
                d.code,
                d.principle,
                d.message,
                d.details,
              ]);
            checked += 1;
            allowed += a.allowed ? 1 : 0;
          }
        }
    expect(checked).toBe(
      goals.length * everyone.length * factSets.length * Object.values(WorkflowAction).length,
    );
    expect(allowed).toBeGreaterThan(50); // the property is not vacuous
  });

  const allowedFor = (g: WorkflowGoal, who: Who) =>
    availableActions(g, actor(who))
      .filter((a) => a.allowed)
      .map((a) => a.action);

  test.each<[string, WorkflowGoal, Who, WorkflowAction[]]>([
    ['drafter on a draft', at('tp', S.DRAFT), 'unitA', [EDIT, SUBMIT]],
    ['reviewer at its step', at('tp', S.IN_REVIEW, 2), 'finA', [APPROVE, RETURN]],
    ['reviewer out of turn', at('tp', S.IN_REVIEW, 2), 'transD', []],
    ['final finance on an approved goal', at('tp', S.APPROVED), 'finD', [ISSUE]],
    ['drafter on an issued goal', at('tp', S.ISSUED), 'unitA', [REQUEST_ADJUSTMENT]],
    ['supervising department on an issued goal', at('tp', S.ISSUED), 'transA', [REQUEST_ADJUSTMENT]],
    [
      'drafter of an emergency goal',
      at('own', S.DRAFT, 0, { filingBasis: FilingBasis.EMERGENCY }),
      'unitD',
      [EDIT, FILE_FOR_RECORD],
    ],
    [
      'record holder of a filed goal',
      at('own', S.FILED_FOR_RECORD, 0, { filingBasis: FilingBasis.EMERGENCY }),
      'finD',
      [RETURN],
    ],
    ['anyone on a superseded goal', at('own', S.SUPERSEDED), 'unitD', []],
  ])('%s → %p', (_name, g, who, expected) => expect(allowedFor(g, who)).toEqual(expected));

  test('free text still to be typed is announced, not refused', () => {
    const list = availableActions(at('tp', S.IN_REVIEW, 2), actor('finA'));
    expect(list.find((a) => a.action === RETURN)).toEqual({
      action: RETURN,
      allowed: true,
      requires: 'comment',
    });
    const adj = availableActions(at('own', S.ISSUED), actor('unitD'));
    expect(adj.find((a) => a.action === REQUEST_ADJUSTMENT)).toMatchObject({
      allowed: true,
      requires: 'reason',
    });
  });

  test('a refused button says why, with its principle', () => {
    const list = availableActions(at('tp', S.IN_REVIEW, 2), actor('transD'));
    expect(list.find((a) => a.action === APPROVE)).toMatchObject({
      allowed: false,
      code: FORBIDDEN,
      principle: 'P3',
    });
    expect(list.find((a) => a.action === APPROVE)?.reason?.zh).toContain('第2步');
  });
});
