import { ErrorCode } from '../../src/common/errors';
import { OrganizationKind, Sector } from '../../src/hierarchy/hierarchy.enums';
import { DecompositionMode, GoalScope, ReviewRole } from '../../src/goals/goal.enums';
import {
  buildReviewChain,
  checkDrafter,
  directoryOf,
  draftingPrinciple,
  type ChainSubject,
  type OrgRef,
  type RegionRef,
} from '../../src/goals/rules/review-chain';

/*
 * A city C with district D (张店区, the fund's level R) and townships A and B under D (S).
 * Every region has its finance bureau; transport departments at C, D, A and B; education at D.
 */
const region = (path: string): RegionRef => ({ id: path.split('/').filter(Boolean).pop() as string, path });
const C = region('/c/');
const D = region('/c/d/');
const A = region('/c/d/a/');
const B = region('/c/d/b/');

const org = (
  id: string,
  kind: OrganizationKind,
  r: RegionRef,
  sector: Sector | null = null,
  supervisingDepartmentId: string | null = null,
): OrgRef => ({ id, kind, regionId: r.id, sector, supervisingDepartmentId });
const { FINANCE_BUREAU: FIN, COMPETENT_DEPARTMENT: DEPT, IMPLEMENTING_UNIT: UNIT } = OrganizationKind;

const finC = org('finC', FIN, C);
const finD = org('finD', FIN, D);
const finA = org('finA', FIN, A);
const finB = org('finB', FIN, B);
const transC = org('transC', DEPT, C, Sector.TRANSPORT);
const transD = org('transD', DEPT, D, Sector.TRANSPORT);
const eduD = org('eduD', DEPT, D, Sector.EDUCATION);
const transA = org('transA', DEPT, A, Sector.TRANSPORT);
const transB = org('transB', DEPT, B, Sector.TRANSPORT);
const unitD = org('unitD', UNIT, D, Sector.TRANSPORT, 'transD');
const unitA = org('unitA', UNIT, A, Sector.TRANSPORT, 'transA');
const loneUnitA = org('loneUnitA', UNIT, A, Sector.TRANSPORT);
const all = [finC, finD, finA, finB, transC, transD, eduD, transA, transB, unitD, unitA, loneUnitA];
// DOMAIN §3: counterparts (对口部门) are an explicit mapping — here the same-sector offices one level down.
const dir = directoryOf(all, [
  { upperId: 'transC', regionId: D.id, counterpartId: 'transD' },
  { upperId: 'transD', regionId: A.id, counterpartId: 'transA' },
  { upperId: 'transD', regionId: B.id, counterpartId: 'transB' },
]);

const fundD = { departmentId: 'transD', region: D };
const fundC = { departmentId: 'transC', region: C };

type Expected = [string, ReviewRole][];
const {
  SUPERVISING_DEPARTMENT: SUP,
  LOWER_FINANCE: LOW,
  FUND_DEPARTMENT: FUND,
  BUDGET_FINANCE: FINAL,
} = ReviewRole;

// DOMAIN §7 review-chain table; 002 第十一条 (谁审核预算、谁审核目标); 003 第十三条; 003 转移支付 第十五条.
describe('review chains follow budget levels', () => {
  test.each<[string, ChainSubject, Expected]>([
    [
      'PROJECT by its unit: its competent department → finance at R (003 第十三条)',
      { scope: GoalScope.PROJECT, region: D, drafter: unitD, unit: unitD },
      [
        ['transD', SUP],
        ['finD', FINAL],
      ],
    ],
    [
      'PROJECT by the department for its unit: finance at R only (P2; no self-review)',
      { scope: GoalScope.PROJECT, region: D, drafter: transD, unit: unitD },
      [['finD', FINAL]],
    ],
    [
      'DEPARTMENT: finance at its region (003 第十三条(二))',
      { scope: GoalScope.DEPARTMENT, region: D, drafter: eduD, department: eduD },
      [['finD', FINAL]],
    ],
    [
      'TRANSFER_OVERALL: finance at R (003 转移支付 第十五条(一))',
      { scope: GoalScope.TRANSFER_OVERALL, region: D, drafter: transD, fund: fundD },
      [['finD', FINAL]],
    ],
    [
      'TRANSFER_REGIONAL top-down: finance at R',
      {
        scope: GoalScope.TRANSFER_REGIONAL,
        region: A,
        drafter: transD,
        fund: fundD,
        decomposition: DecompositionMode.TOP_DOWN,
      },
      [['finD', FINAL]],
    ],
    [
      "TRANSFER_REGIONAL bottom-up: S's finance → the fund's department → finance at R (003 转移支付 第十五条(二))",
      {
        scope: GoalScope.TRANSFER_REGIONAL,
        region: A,
        drafter: transA,
        fund: fundD,
        decomposition: DecompositionMode.BOTTOM_UP,
      },
      [
        ['finA', LOW],
        ['transD', FUND],
        ['finD', FINAL],
      ],
    ],
    [
      'TRANSFER_REGIONAL bottom-up under a city fund: the district is S',
      {
        scope: GoalScope.TRANSFER_REGIONAL,
        region: D,
        drafter: transD,
        fund: fundC,
        decomposition: DecompositionMode.BOTTOM_UP,
      },
      [
        ['finD', LOW],
        ['transC', FUND],
        ['finC', FINAL],
      ],
    ],
    [
      "TRANSFER_PROJECT: S's department → S's finance → the fund's department → finance at R (003 转移支付 第十五条(三))",
      { scope: GoalScope.TRANSFER_PROJECT, region: A, drafter: unitA, unit: unitA, fund: fundD },
      [
        ['transA', SUP],
        ['finA', LOW],
        ['transD', FUND],
        ['finD', FINAL],
      ],
    ],
    [
      "TRANSFER_PROJECT of a unit without a supervisor: S's counterpart of the fund's department (DOMAIN §3 mapping)",
      { scope: GoalScope.TRANSFER_PROJECT, region: A, drafter: loneUnitA, unit: loneUnitA, fund: fundD },
      [
        ['transA', SUP],
        ['finA', LOW],
        ['transD', FUND],
        ['finD', FINAL],
      ],
    ],
    [
      "TRANSFER_PROJECT drafted by S's department for its unit: the department does not review itself",
      { scope: GoalScope.TRANSFER_PROJECT, region: A, drafter: transA, unit: unitA, fund: fundD },
      [
        ['finA', LOW],
        ['transD', FUND],
        ['finD', FINAL],
      ],
    ],
    [
      'TRANSFER_PROJECT of a unit directly at R (S = R): each body once, finance at R last',
      { scope: GoalScope.TRANSFER_PROJECT, region: D, drafter: unitD, unit: unitD, fund: fundD },
      [
        ['transD', FUND],
        ['finD', FINAL],
      ],
    ],
  ])('%s', (_name, subject, expected) => {
    const chain = buildReviewChain(subject, dir);
    if (!chain.ok) throw new Error(chain.message.en);
    expect(chain.steps.map((s) => [s.organizationId, s.role])).toEqual(expected);
    expect(chain.steps.map((s) => s.index)).toEqual(expected.map((_, i) => i + 1));
    // Exactly one final step, the last, and it is finance at the budget's level (P3).
    expect(chain.steps.map((s) => s.final)).toEqual(expected.map((_, i) => i === expected.length - 1));
    expect(chain.steps.at(-1)?.organizationKind).toBe(OrganizationKind.FINANCE_BUREAU);
    expect(chain.steps.some((s) => s.organizationId === subject.drafter.id)).toBe(false);
  });

  test.each<[string, ChainSubject]>([
    ['a transfer goal without its fund', { scope: GoalScope.TRANSFER_OVERALL, region: D, drafter: transD }],
    [
      'an overall goal away from the fund region',
      { scope: GoalScope.TRANSFER_OVERALL, region: A, drafter: transD, fund: fundD },
    ],
    [
      'a regional goal for the fund region itself',
      {
        scope: GoalScope.TRANSFER_REGIONAL,
        region: D,
        drafter: transD,
        fund: fundD,
        decomposition: DecompositionMode.TOP_DOWN,
      },
    ],
    [
      'a regional goal without a decomposition mode',
      { scope: GoalScope.TRANSFER_REGIONAL, region: A, drafter: transD, fund: fundD },
    ],
    [
      'a project goal outside the fund region',
      {
        scope: GoalScope.TRANSFER_PROJECT,
        region: B,
        drafter: unitA,
        unit: unitA,
        fund: { departmentId: 'transA', region: A },
      },
    ],
    [
      'a fund owned by a department of another region',
      {
        scope: GoalScope.TRANSFER_OVERALL,
        region: D,
        drafter: transD,
        fund: { departmentId: 'transA', region: D },
      },
    ],
    [
      'a fund owned by a finance bureau',
      {
        scope: GoalScope.TRANSFER_OVERALL,
        region: D,
        drafter: transD,
        fund: { departmentId: 'finD', region: D },
      },
    ],
    ['a project goal without its unit', { scope: GoalScope.PROJECT, region: D, drafter: unitD }],
    [
      'a region with no finance bureau in the directory',
      { scope: GoalScope.DEPARTMENT, region: region('/c/x/'), drafter: eduD, department: eduD },
    ],
    [
      'a finance bureau as the only reviewer of its own goal',
      { scope: GoalScope.DEPARTMENT, region: D, drafter: finD, department: finD },
    ],
  ])('%s is bad input', (_name, subject) => {
    const chain = buildReviewChain(subject, dir);
    expect(chain.ok).toBe(false);
    if (!chain.ok) {
      expect(chain.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(chain.message.zh.length * chain.message.en.length).toBeGreaterThan(0);
    }
  });
});

const topDown = (drafter: OrgRef, r: RegionRef = A): ChainSubject => ({
  scope: GoalScope.TRANSFER_REGIONAL,
  region: r,
  drafter,
  fund: fundD,
  decomposition: DecompositionMode.TOP_DOWN,
});
const bottomUp = (drafter: OrgRef, r: RegionRef = A): ChainSubject => ({
  ...topDown(drafter, r),
  decomposition: DecompositionMode.BOTTOM_UP,
});
const overall = (drafter: OrgRef): ChainSubject => ({
  scope: GoalScope.TRANSFER_OVERALL,
  region: D,
  drafter,
  fund: fundD,
});
const project = (drafter: OrgRef): ChainSubject => ({
  scope: GoalScope.PROJECT,
  region: D,
  drafter,
  unit: unitD,
});
const transferProject = (drafter: OrgRef): ChainSubject => ({
  scope: GoalScope.TRANSFER_PROJECT,
  region: A,
  drafter,
  unit: unitA,
  fund: fundD,
});
const department = (drafter: OrgRef): ChainSubject => ({
  scope: GoalScope.DEPARTMENT,
  region: D,
  drafter,
  department: eduD,
});

describe('who may draft which goal', () => {
  const drafting: [string, ChainSubject, 'P1' | 'P2' | null][] = [
    // P1 谁分配预算、谁设定目标 (002 第十条(二); 003 转移支付 第十五条(一)): the fund's department sets the overall goal.
    ["overall goal by the fund's department", overall(transD), null],
    ['overall goal by another department at R', overall(eduD), 'P1'],
    ['overall goal by finance at R', overall(finD), 'P1'],
    ["overall goal by a township's counterpart department", overall(transA), 'P1'],
    // P1: top-down decomposition only by the fund's department.
    ["top-down regional goal by the fund's department", topDown(transD), null],
    ["top-down regional goal by S's department", topDown(transA), 'P1'],
    ['top-down regional goal by another department at R', topDown(eduD), 'P1'],
    // 003 转移支付 第十五条(二): bottom-up regional goals by S's counterpart department (会同 S's finance).
    ["bottom-up regional goal by S's counterpart department", bottomUp(transA), null],
    ["bottom-up regional goal by the sibling township's department", bottomUp(transB), 'P1'],
    ["bottom-up regional goal by S's finance", bottomUp(finA), 'P1'],
    ["bottom-up regional goal by the fund's department", bottomUp(transD), 'P1'],
    // P2 谁编制预算/谁使用资金、谁编制目标 (002 第十条(一)): the unit, or its department for it.
    ['own-level project goal by its unit', project(unitD), null],
    ["own-level project goal by the unit's department", project(transD), null],
    ['own-level project goal by another department', project(eduD), 'P2'],
    ['own-level project goal by finance', project(finD), 'P2'],
    ['own-level project goal by a unit that does not use the money', project(unitA), 'P2'],
    // P2; 003 转移支付 第十五条(三): set by the applying or implementing unit.
    ['transfer project goal by its unit', transferProject(unitA), null],
    ["transfer project goal by the unit's department in S", transferProject(transA), null],
    ["transfer project goal by the sibling township's department", transferProject(transB), 'P2'],
    ["transfer project goal by the fund's department", transferProject(transD), 'P2'],
    ["transfer project goal by S's finance", transferProject(finA), 'P2'],
    // P2; 003 第十二条(二): a department sets its own department-wide goal.
    ['department goal by the department', department(eduD), null],
    ['department goal by another department', department(transD), 'P2'],
    ['department goal by finance', department(finD), 'P2'],
  ];
  test.each(drafting.map(([name, subject, principle]) => [name, principle ?? 'allowed', subject, principle]))(
    '%s → %s',
    (_name, _shown, subject, principle) => {
      const refusal = checkDrafter(subject, dir);
      if (principle === null) {
        expect(refusal).toBeNull();
      } else {
        expect(refusal).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN, principle });
      }
    },
  );

  test('drafting without the data to decide is bad input, not a silent pass', () => {
    expect(checkDrafter({ scope: GoalScope.PROJECT, region: D, drafter: unitD }, dir)?.code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(checkDrafter({ scope: GoalScope.TRANSFER_OVERALL, region: D, drafter: transD }, dir)?.code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(checkDrafter({ ...topDown(transD), decomposition: null }, dir)?.code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  });

  test.each([
    [GoalScope.TRANSFER_OVERALL, 'P1'],
    [GoalScope.TRANSFER_REGIONAL, 'P1'],
    [GoalScope.TRANSFER_PROJECT, 'P2'],
    [GoalScope.PROJECT, 'P2'],
    [GoalScope.DEPARTMENT, 'P2'],
  ])('drafting %s is governed by %s', (scope, principle) => expect(draftingPrinciple(scope)).toBe(principle));
});
