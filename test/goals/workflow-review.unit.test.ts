/** The goal workflow's pure decide() (DOMAIN §7, P1–P3): submit, approve each step in turn, return with a comment. */
import { msg } from '../../src/common/errors';
import { FilingBasis, GoalStatus, ReviewRole } from '../../src/goals/goal.enums';
import { decide, type WorkflowGoal } from '../../src/goals/rules/workflow';
import { accepted, actor, at, o, refused, type Who } from './workflow-world';
import { EDIT, SUBMIT, APPROVE, RETURN, S, ok, FORBIDDEN, WORKFLOW, BAD, runTable } from './workflow-table';

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
