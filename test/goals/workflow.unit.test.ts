import { ErrorCode, msg } from '../../src/common/errors';
import { FilingBasis, GoalStatus, ReviewRole, WorkflowAction } from '../../src/goals/goal.enums';
import { buildReviewChain } from '../../src/goals/rules/review-chain';
import {
  availableActions,
  decide,
  isEffective,
  isFrozen,
  type WorkflowGoal,
} from '../../src/goals/rules/workflow';

import { accepted, actor, at, dir, goal, o, refused, subjects, type Kind, type Who } from './workflow-world';

const { EDIT, SUBMIT, APPROVE, RETURN, ISSUE, REQUEST_ADJUSTMENT, FILE_FOR_RECORD } = WorkflowAction;
const [ADJUST, FILE] = [REQUEST_ADJUSTMENT, FILE_FOR_RECORD];
const S = GoalStatus;
const ok = { comment: '请补充成本指标', reason: '预算调整' };
const FORBIDDEN = ErrorCode.FORBIDDEN;
const WORKFLOW = ErrorCode.WORKFLOW_VIOLATION;
const BAD = ErrorCode.BAD_USER_INPUT;

/** Expected outcome: `'STATUS@step'` when accepted, `'CODE'` or `'CODE Pn'` when refused. */
type Row = [string, WorkflowGoal, Who, WorkflowAction, string];

/** One table of state × actor × action → outcome. */
const runTable = (rows: Row[]) =>
  test.each(rows.map(([name, g, who, action, expected]) => [name, expected, g, who, action] as const))(
    '%s → %s',
    (_name, expected, g, who, action) => {
      const d = decide(g, actor(who), action, ok);
      const [status, step] = expected.split('@');
      if (step !== undefined) expect(accepted(d).next).toMatchObject({ status, step: Number(step) });
      else refused(d, expected.split(' ')[0] as ErrorCode, expected.split(' ')[1]);
    },
  );

// DOMAIN §7, P1/P2 (002 第十条), 002 第十条(四): only the drafter submits a complete goal; SUBMITTED is step 1.
describe('submit', () => {
  runTable([
    ['drafter submits a draft', at('tp', S.DRAFT), 'unitA', SUBMIT, 'SUBMITTED@1'],
    ['drafter resubmits a returned goal', at('tp', S.RETURNED), 'unitA', SUBMIT, 'SUBMITTED@1'],
    [
      "fund's department submits the overall goal (P1)",
      at('overall', S.DRAFT),
      'transD',
      SUBMIT,
      'SUBMITTED@1',
    ],
    ["a reviewer submits the unit's goal (P2)", at('tp', S.DRAFT), 'transA', SUBMIT, 'FORBIDDEN P2'],
    ['another department submits overall', at('overall', S.DRAFT), 'eduD', SUBMIT, 'FORBIDDEN P1'],
    ['finance submits overall', at('overall', S.DRAFT), 'finD', SUBMIT, 'FORBIDDEN P1'],
    ["the sibling township's unit (P6)", at('tp', S.DRAFT), 'unitB', SUBMIT, 'FORBIDDEN P6'],
    ['already submitted', at('tp', S.SUBMITTED, 1), 'unitA', SUBMIT, 'WORKFLOW_VIOLATION'],
    ['issued goals are frozen', at('tp', S.ISSUED), 'unitA', SUBMIT, 'WORKFLOW_VIOLATION P8'],
    [
      'budget issued first: filed, not submitted',
      at('own', S.DRAFT, 0, { filingBasis: FilingBasis.EMERGENCY }),
      'unitD',
      SUBMIT,
      'WORKFLOW_VIOLATION',
    ],
  ]);

  test('an incomplete goal is refused with its completeness errors (002 第十条(四))', () => {
    const missing = msg('缺少产出指标', 'No output indicator');
    const d = decide(at('own', S.DRAFT), actor('unitD'), SUBMIT, { completenessErrors: [missing] });
    refused(d, BAD);
    if (!d.ok) expect(d.details).toEqual([missing]);
  });

  test('a goal without a usable chain cannot be submitted', () => {
    refused(decide(at('own', S.DRAFT, 0, { chain: [] }), actor('unitD'), SUBMIT), WORKFLOW);
  });
});

// DOMAIN §7 and P3 (002 第十一条 谁审核预算、谁审核目标; 003 转移支付 第十五条(三)): each step in turn.
describe('approve', () => {
  test('a transfer project goal walks S department → S finance → fund department → finance at R', () => {
    let g = at('tp', S.SUBMITTED, 1);
    const walk: [Who, GoalStatus, number, ReviewRole][] = [
      ['transA', S.IN_REVIEW, 2, ReviewRole.SUPERVISING_DEPARTMENT],
      ['finA', S.IN_REVIEW, 3, ReviewRole.LOWER_FINANCE],
      ['transD', S.IN_REVIEW, 4, ReviewRole.FUND_DEPARTMENT],
      ['finD', S.APPROVED, 0, ReviewRole.BUDGET_FINANCE],
    ];
    for (const [who, status, step, role] of walk) {
      const d = accepted(decide(g, actor(who), APPROVE));
      expect(d.next).toEqual({ status, step, version: 1, frozen: status === S.APPROVED });
      expect(d.transitionRecord).toMatchObject({
        action: APPROVE,
        fromStatus: g.status,
        toStatus: status,
        fromStep: g.step,
        toStep: step,
        stepCount: 4,
        actorOrganizationId: o[who].id,
        actorUserId: `user-of-${who}`,
        role,
        comment: null,
      });
      g = { ...g, status, step };
    }
  });

  runTable([
    ['one-step chain: SUBMITTED → APPROVED', at('overall', S.SUBMITTED, 1), 'finD', APPROVE, 'APPROVED@0'],
    ['bottom-up: S finance co-signs first', at('bottomUp', S.SUBMITTED, 1), 'finA', APPROVE, 'IN_REVIEW@2'],
    ['finance at R before its turn', at('tp', S.SUBMITTED, 1), 'finD', APPROVE, 'FORBIDDEN P3'],
    ['an earlier step again', at('tp', S.IN_REVIEW, 2), 'transA', APPROVE, 'FORBIDDEN P3'],
    [
      "the fund's department before its turn (P3)",
      at('tp', S.IN_REVIEW, 2),
      'transD',
      APPROVE,
      'FORBIDDEN P3',
    ],
    ["the sibling township's finance (P6)", at('tp', S.IN_REVIEW, 2), 'finB', APPROVE, 'FORBIDDEN P6'],
    ["the sibling township's department (P6)", at('tp', S.SUBMITTED, 1), 'transB', APPROVE, 'FORBIDDEN P6'],
    [
      'the wrong department at R: not in the chain',
      at('own', S.SUBMITTED, 1),
      'eduD',
      APPROVE,
      'FORBIDDEN P3',
    ],
    ['city finance, above the budget level', at('tp', S.IN_REVIEW, 4), 'finC', APPROVE, 'FORBIDDEN P3'],
    ['the drafter approving its own goal', at('tp', S.SUBMITTED, 1), 'unitA', APPROVE, 'FORBIDDEN P3'],
    ['an audit office (003 第九条: it audits)', at('own', S.SUBMITTED, 1), 'auditD', APPROVE, 'FORBIDDEN P6'],
    ['a third party', at('own', S.SUBMITTED, 1), 'thirdD', APPROVE, 'FORBIDDEN P6'],
    ["another tenant's finance (P6)", at('own', S.IN_REVIEW, 2), 'finX', APPROVE, 'FORBIDDEN P6'],
    ['nothing to approve in a draft', at('own', S.DRAFT), 'transD', APPROVE, 'WORKFLOW_VIOLATION'],
    ['an issued goal is frozen', at('own', S.ISSUED), 'finD', APPROVE, 'WORKFLOW_VIOLATION P8'],
  ]);

  test('the drafter may never review its goal, even when it stands in the chain', () => {
    const g = at('own', S.SUBMITTED, 1);
    const selfChain = [
      { ...g.chain[0], organizationId: 'unitD' },
      ...g.chain.slice(1),
    ] as WorkflowGoal['chain'];
    refused(decide({ ...g, chain: selfChain }, actor('unitD'), APPROVE), FORBIDDEN, 'P3');
    refused(decide({ ...g, chain: selfChain }, actor('unitD'), RETURN, ok), FORBIDDEN, 'P3');
  });

  test.each([
    ['gate', { gateErrors: [msg('未开展事前绩效评估', 'No ex-ante assessment')] }],
    ['consistency', { consistencyErrors: [msg('里程合计 47 < 50', 'Length sums to 47 < 50')] }],
  ])('%s errors block approval (DOMAIN §5, §6) and travel with the refusal', (_n, facts) => {
    const d = decide(at('overall', S.SUBMITTED, 1), actor('finD'), APPROVE, facts);
    refused(d, WORKFLOW);
    if (!d.ok) expect(d.details).toEqual(Object.values(facts)[0]);
  });

  test('a stored step that does not fit the chain is refused, not trusted', () => {
    refused(decide(at('own', S.IN_REVIEW, 7), actor('finD'), APPROVE), WORKFLOW);
  });
});

// DOMAIN §7: a return always carries a comment; 002 第十一条: 不符合要求的，应要求报送单位及时修改完善.
describe('return', () => {
  test('the reviewer at the current step returns with a comment → RETURNED, editable', () => {
    const d = accepted(
      decide(at('tp', S.IN_REVIEW, 2), actor('finA'), RETURN, { comment: '  补充时效指标 ' }),
    );
    expect(d.next).toEqual({ status: S.RETURNED, step: 0, version: 1, frozen: false });
    expect(d.transitionRecord).toMatchObject({ comment: '补充时效指标', role: ReviewRole.LOWER_FINANCE });
    const back = at('tp', S.RETURNED);
    expect(decide(back, actor('unitA'), EDIT).ok).toBe(true);
    expect(accepted(decide(back, actor('unitA'), SUBMIT)).next).toMatchObject({
      status: S.SUBMITTED,
      step: 1,
    });
  });

  test.each([[''], ['   '], [null], [undefined]])('a return with comment %p is refused', (comment) => {
    refused(decide(at('tp', S.IN_REVIEW, 2), actor('finA'), RETURN, { comment }), BAD);
  });

  runTable([
    ['a reviewer out of turn', at('tp', S.IN_REVIEW, 2), 'transD', RETURN, 'FORBIDDEN P3'],
    ['the drafter', at('tp', S.IN_REVIEW, 2), 'unitA', RETURN, 'FORBIDDEN P3'],
    ["the sibling township's finance (P6)", at('tp', S.IN_REVIEW, 2), 'finB', RETURN, 'FORBIDDEN P6'],
    ['an approved goal is frozen', at('own', S.APPROVED), 'finD', RETURN, 'WORKFLOW_VIOLATION P8'],
  ]);
});

// 002 第十二条, 003 第十四条: finance at the budget level issues (批复下达) the approved goal; P8 freezes it.
describe('issue and freeze', () => {
  runTable([
    ['finance at R issues an approved goal', at('tp', S.APPROVED), 'finD', ISSUE, 'ISSUED@0'],
    ["the fund's department may not issue (P3)", at('tp', S.APPROVED), 'transD', ISSUE, 'FORBIDDEN P3'],
    ["S's finance may not issue (P3)", at('tp', S.APPROVED), 'finA', ISSUE, 'FORBIDDEN P3'],
    ["the sibling township's finance (P6)", at('tp', S.APPROVED), 'finB', ISSUE, 'FORBIDDEN P6'],
    ['city finance', at('tp', S.APPROVED), 'finC', ISSUE, 'FORBIDDEN P3'],
    ['the drafter', at('tp', S.APPROVED), 'unitA', ISSUE, 'FORBIDDEN P3'],
    ['not yet approved', at('tp', S.IN_REVIEW, 4), 'finD', ISSUE, 'WORKFLOW_VIOLATION'],
    ['issued twice', at('tp', S.ISSUED), 'finD', ISSUE, 'WORKFLOW_VIOLATION P8'],
  ]);

  const statuses = Object.values(GoalStatus);
  test.each(statuses)('the drafter edits a %s goal only while draft or returned (P8)', (status) => {
    const d = decide(
      at('overall', status, status === S.SUBMITTED || status === S.IN_REVIEW ? 1 : 0),
      actor('transD'),
      EDIT,
    );
    if (status === S.DRAFT || status === S.RETURNED) expect(d.ok).toBe(true);
    else refused(d, WORKFLOW, isFrozen(status) ? 'P8' : undefined);
  });

  // P1 (002 第十条(二)): only the fund's competent department sets and edits the overall goal.
  test.each<[Who, string]>([
    ['eduD', 'P1'],
    ['finD', 'P1'],
    ['transA', 'P6'], // a township body acts on nothing of the district (DOMAIN §3)
  ])('%s may not edit the overall goal (%s)', (who, principle) =>
    refused(decide(at('overall', S.DRAFT), actor(who), EDIT), FORBIDDEN, principle),
  );

  test.each<[Who]>([['transD'], ['finD'], ['eduD']])('%s may not edit a unit’s project goal (P2)', (who) =>
    refused(decide(at('own', S.DRAFT), actor(who), EDIT), FORBIDDEN, 'P2'),
  );

  test('status helpers', () => {
    expect(statuses.filter(isFrozen)).toEqual([
      S.APPROVED,
      S.ISSUED,
      S.SUPERSEDED,
      S.FILED_FOR_RECORD,
      S.WITHDRAWN,
      S.REJECTED, // 不予受理 is terminal (001 三(一))
    ]);
    expect(statuses.filter(isEffective)).toEqual([S.ISSUED, S.FILED_FOR_RECORD]);
  });
});

// 002 第十三条; 000 第十四条 (按原申报评审程序执行); 003 第十五条 (由业务主管部门提出调整申请).
describe('adjustment', () => {
  test('version n+1 runs the same chain and supersedes n only when issued', () => {
    const v1 = at('tp', S.ISSUED);
    const req = accepted(decide(v1, actor('unitA'), REQUEST_ADJUSTMENT, { reason: ' 突发洪灾，调整里程 ' }));
    expect(req.next).toEqual({ status: S.ISSUED, step: 0, version: 1, frozen: true });
    expect(req.supersedes).toBeUndefined();
    expect(req.adjustment).toEqual({
      version: 2,
      status: S.DRAFT,
      step: 0,
      drafterOrganizationId: 'unitA',
      adjusts: 1,
      filingBasis: null,
      reason: '突发洪灾，调整里程',
    });
    expect(req.transitionRecord).toMatchObject({ action: REQUEST_ADJUSTMENT, comment: '突发洪灾，调整里程' });

    let v2 = at('tp', S.DRAFT, 0, { version: 2, adjusts: 1 });
    v2 = { ...v2, ...accepted(decide(v2, actor('unitA'), SUBMIT)).next };
    for (const who of ['transA', 'finA', 'transD', 'finD'] as Who[]) {
      const d = accepted(decide(v2, actor(who), APPROVE));
      expect(d.supersedes).toBeUndefined();
      v2 = { ...v2, ...d.next };
    }
    expect(v2.status).toBe(S.APPROVED);
    const issued = accepted(decide(v2, actor('finD'), ISSUE));
    expect(issued.next).toEqual({ status: S.ISSUED, step: 0, version: 2, frozen: true });
    expect(issued.supersedes).toMatchObject({
      version: 1,
      status: S.SUPERSEDED,
      transitionRecord: {
        version: 1,
        fromStatus: S.ISSUED,
        toStatus: S.SUPERSEDED,
        actorOrganizationId: 'finD',
      },
    });

    const old = at('tp', S.SUPERSEDED);
    refused(decide(old, actor('unitA'), EDIT), WORKFLOW, 'P8');
    refused(decide(old, actor('unitA'), REQUEST_ADJUSTMENT, ok), WORKFLOW, 'P8');
  });

  test('a returned adjustment supersedes nothing', () => {
    const v2 = at('tp', S.IN_REVIEW, 3, { version: 2, adjusts: 1 });
    expect(accepted(decide(v2, actor('transD'), RETURN, ok)).supersedes).toBeUndefined();
  });

  test('the supervising department may request it and drafts the new version without reviewing it', () => {
    const d = accepted(decide(at('tp', S.ISSUED), actor('transA'), REQUEST_ADJUSTMENT, ok));
    expect(d.adjustment?.drafterOrganizationId).toBe('transA');
    const chain = buildReviewChain({ ...subjects.tp, drafter: o.transA }, dir);
    expect(chain.ok && chain.steps.map((s) => s.organizationId)).toEqual(['finA', 'transD', 'finD']);
  });

  runTable([
    ['finance may not request it', at('tp', S.ISSUED), 'finD', ADJUST, 'FORBIDDEN P2'],
    ['the wrong department', at('own', S.ISSUED), 'eduD', ADJUST, 'FORBIDDEN P2'],
    ["not the fund's department (P1)", at('overall', S.ISSUED), 'eduD', ADJUST, 'FORBIDDEN P1'],
    ["the fund's department adjusts the overall goal", at('overall', S.ISSUED), 'transD', ADJUST, 'ISSUED@0'],
    ['a draft is edited, not adjusted', at('own', S.DRAFT), 'unitD', ADJUST, 'WORKFLOW_VIOLATION'],
    ['an approved goal awaits issue', at('own', S.APPROVED), 'unitD', ADJUST, 'WORKFLOW_VIOLATION P8'],
    [
      'one adjustment at a time',
      at('own', S.ISSUED, 0, { adjustmentPending: true }),
      'unitD',
      ADJUST,
      'WORKFLOW_VIOLATION',
    ],
  ]);

  test.each([[''], [' '], [null]])('an adjustment with reason %p is refused', (reason) =>
    refused(decide(at('own', S.ISSUED), actor('unitD'), REQUEST_ADJUSTMENT, { reason }), BAD),
  );
});

// 002 第十二条: 对疫情防控等应对公共突发事件资金，可先行下达预算，再…编制绩效目标报财政部门备案;
// 不能同步下达的分区域（分项目）绩效目标…上报备案.
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
