/**
 * Who may draft which goal (DOMAIN §7; P1 谁分配预算、谁设定目标, P2): the drafting principle of each goal
 * scope and decomposition, pure (the world: review-chain-fixtures.ts). Split from review-chain.unit.test.ts.
 */
import { ErrorCode } from '../../src/common/errors';
import { DecompositionMode, GoalScope } from '../../src/goals/goal.enums';
import {
  checkDrafter,
  draftingPrinciple,
  type ChainSubject,
  type OrgRef,
  type RegionRef,
} from '../../src/goals/rules/review-chain';
import {
  A,
  D,
  dir,
  eduD,
  finA,
  finD,
  fundD,
  transA,
  transB,
  transD,
  unitA,
  unitD,
} from './review-chain-fixtures';

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
