/**
 * Review chains follow budget levels (DOMAIN §7 table; 002 第十一条; 003 第十三条; 003 转移支付 第十五条):
 * the chain of each goal scope and decomposition, pure (the world: review-chain-fixtures.ts; who may draft
 * which goal: goal-drafters.unit.test.ts).
 */
import { ErrorCode } from '../../src/common/errors';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import { DecompositionMode, GoalScope, ReviewRole } from '../../src/goals/goal.enums';
import { buildReviewChain, type ChainSubject } from '../../src/goals/rules/review-chain';
import {
  A,
  B,
  D,
  dir,
  eduD,
  finD,
  fundC,
  fundD,
  loneUnitA,
  region,
  transA,
  transD,
  unitA,
  unitD,
} from './review-chain-fixtures';

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
