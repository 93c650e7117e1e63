/** The goal workflow's pure decide() (DOMAIN §7, P8): issue and freeze, and the adjustment (version n+1). */
import { GoalStatus } from '../../src/goals/goal.enums';
import { buildReviewChain } from '../../src/goals/rules/review-chain';
import { decide, isEffective, isFrozen } from '../../src/goals/rules/workflow';
import { accepted, actor, at, dir, o, refused, subjects, type Who } from './workflow-world';
import {
  EDIT,
  SUBMIT,
  APPROVE,
  RETURN,
  ISSUE,
  REQUEST_ADJUSTMENT,
  S,
  ok,
  FORBIDDEN,
  WORKFLOW,
  BAD,
  runTable,
  ADJUST,
} from './workflow-table';

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
