/**
 * Pure rules of finance's review of an ex-ante assessment (DOMAIN §6, §7; 002 第十一条 谁审核预算、谁审核目标):
 * who may accept or return it, a return carries a comment, and the status after review. Split from
 * assessment-rules.test.ts.
 */
import { ErrorCode } from '../../src/common/errors';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import { AssessmentStatus, ReviewOutcome } from '../../src/assessment/assessment.enums';
import {
  statusAfterReview,
  validateFinanceReview,
  type FinanceReviewContext,
} from '../../src/assessment/rules/assessment-rules';
import { expectReadable, FINANCE_HERE } from './assessment-rules-fixtures';

const review = (overrides: Partial<FinanceReviewContext> = {}): FinanceReviewContext => ({
  reviewer: FINANCE_HERE,
  subjectRegionPath: '/c/d/',
  status: AssessmentStatus.SUBMITTED,
  ...overrides,
});

// DOMAIN §6: finance reviews; 002 第十一条 谁审核预算、谁审核目标; DOMAIN §7: a return carries a comment.
describe('validateFinanceReview', () => {
  test.each<[string, ReviewOutcome, string | null, FinanceReviewContext]>([
    ['accepted by finance at the same level', ReviewOutcome.ACCEPTED, null, review()],
    [
      'accepted by city finance',
      ReviewOutcome.ACCEPTED,
      '同意',
      review({ reviewer: { ...FINANCE_HERE, regionPath: '/c/' } }),
    ],
    ['returned with a comment', ReviewOutcome.RETURNED, '筹资来源未落实，请补充', review()],
  ])('%s is valid', (_case, outcome, comment, ctx) =>
    expect(validateFinanceReview({ outcome, comment }, ctx)).toEqual([]),
  );

  test.each<[string, ReviewOutcome, string | null, FinanceReviewContext, string[][], ErrorCode[]]>([
    [
      'returned without a comment',
      ReviewOutcome.RETURNED,
      null,
      review(),
      [['input', 'comment']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'returned with a blank comment',
      ReviewOutcome.RETURNED,
      '  ',
      review(),
      [['input', 'comment']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'a comment too long',
      ReviewOutcome.ACCEPTED,
      '意'.repeat(2001),
      review(),
      [['input', 'comment']],
      [ErrorCode.BAD_USER_INPUT],
    ],
    [
      'reviewed by a competent department',
      ReviewOutcome.ACCEPTED,
      null,
      review({ reviewer: { kind: OrganizationKind.COMPETENT_DEPARTMENT, regionPath: '/c/d/' } }),
      [['input']],
      [ErrorCode.FORBIDDEN],
    ],
    [
      'reviewed by township finance below the subject',
      ReviewOutcome.ACCEPTED,
      null,
      review({ reviewer: { ...FINANCE_HERE, regionPath: '/c/d/t/' } }),
      [['input']],
      [ErrorCode.FORBIDDEN],
    ],
    [
      'reviewed by finance of a sibling district',
      ReviewOutcome.ACCEPTED,
      null,
      review({ reviewer: { ...FINANCE_HERE, regionPath: '/c/e/' } }),
      [['input']],
      [ErrorCode.FORBIDDEN],
    ],
    [
      'a draft',
      ReviewOutcome.ACCEPTED,
      null,
      review({ status: AssessmentStatus.DRAFT }),
      [['input']],
      [ErrorCode.WORKFLOW_VIOLATION],
    ],
    [
      'already accepted',
      ReviewOutcome.RETURNED,
      '重审',
      review({ status: AssessmentStatus.ACCEPTED }),
      [['input']],
      [ErrorCode.WORKFLOW_VIOLATION],
    ],
    [
      'already returned',
      ReviewOutcome.ACCEPTED,
      null,
      review({ status: AssessmentStatus.RETURNED }),
      [['input']],
      [ErrorCode.WORKFLOW_VIOLATION],
    ],
  ])('%s', (_case, outcome, comment, ctx, fields, codes) => {
    const problems = validateFinanceReview({ outcome, comment }, ctx);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems.map((p) => p.code)).toEqual(codes);
    expectReadable(problems);
  });

  test.each([
    [ReviewOutcome.ACCEPTED, AssessmentStatus.ACCEPTED],
    [ReviewOutcome.RETURNED, AssessmentStatus.RETURNED],
  ])('%s leaves the assessment %s', (outcome, status) => expect(statusAfterReview(outcome)).toBe(status));
});
