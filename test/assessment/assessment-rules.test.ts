/**
 * Pure rules of ex-ante assessment (DOMAIN §6; 002 第六条, 第二十五条): the grade of a score and an
 * assessment's dimensions, grade and assessor (finance's review: assessment-review-rules.test.ts).
 */
import Decimal from 'decimal.js';
import { ErrorCode } from '../../src/common/errors';
import { checkScore, Grade, gradeOf, isBetterThanPoor } from '../../src/common/grade';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import { ASSESSMENT_DIMENSIONS, AssessmentDimension } from '../../src/assessment/assessment.enums';
import {
  overallGradeOf,
  validateAssessment,
  type AssessmentContext,
  type AssessmentInput,
} from '../../src/assessment/rules/assessment-rules';
import { expectReadable, FINANCE_HERE } from './assessment-rules-fixtures';

// 002 第二十五条: 90（含）–100 优, 80（含）–90 良, 60（含）–80 中, 60 以下 差.
describe('gradeOf', () => {
  test.each([
    ['100', Grade.EXCELLENT],
    ['90.00', Grade.EXCELLENT],
    ['90', Grade.EXCELLENT],
    ['89.99', Grade.GOOD],
    ['89.999999999999999999999', Grade.GOOD],
    ['80', Grade.GOOD],
    ['79.99', Grade.FAIR],
    ['60', Grade.FAIR],
    ['60.00', Grade.FAIR],
    ['59.99', Grade.POOR],
    ['0', Grade.POOR],
  ])('%s → %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
    expect(gradeOf(new Decimal(score))).toBe(grade);
  });

  // Sums of rounded indicator scores (DOMAIN §10.6) are exact: 0.1 + 0.2 is 0.3, and 89.9 + 0.1 is 90.
  test('sums of decimals grade exactly', () => {
    expect(gradeOf(new Decimal('89.9').plus('0.1'))).toBe(Grade.EXCELLENT);
    expect(gradeOf(new Decimal('59.7').plus('0.1').plus('0.2'))).toBe(Grade.FAIR);
  });

  test('bands are a parameter (002 第二十五条: 具体分值和等级可根据不同评价内容确定)', () => {
    const bands = { excellent: '85', good: '75', fair: '60' };
    expect(gradeOf('85', bands)).toBe(Grade.EXCELLENT);
    expect(gradeOf('84.99', bands)).toBe(Grade.GOOD);
  });

  test.each(['-0.01', '100.01', 'abc', '1e2', ''])('%j is not a score', (score) =>
    expect(() => gradeOf(score)).toThrow(RangeError),
  );

  test.each([
    [Grade.EXCELLENT, true],
    [Grade.GOOD, true],
    [Grade.FAIR, true],
    [Grade.POOR, false],
  ])('%s is better than POOR: %s', (grade, better) => expect(isBetterThanPoor(grade)).toBe(better));

  test.each([
    ['85.5', true],
    ['0', true],
    ['100.00', true],
    ['85.555', false],
    ['100.01', false],
    ['-1', false],
    ['eighty', false],
  ])('score %j is valid input: %s', (score, valid) => {
    const problem = checkScore(score);
    expect(problem === null).toBe(valid);
    if (problem) expect(problem.zh.length * problem.en.length).toBeGreaterThan(0);
  });
});

const SUBJECT = { regionPath: '/c/d/', departmentId: 'dept' };

function assessment(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    dimensions: ASSESSMENT_DIMENSIONS.map((dimension) => ({ dimension, conclusion: '论证充分，予以支持' })),
    score: '86.5',
    ...overrides,
  };
}

const byDepartment: AssessmentContext = {
  assessor: { id: 'dept', kind: OrganizationKind.COMPETENT_DEPARTMENT },
  subject: SUBJECT,
};
const byThirdParty = (commissionedBy: AssessmentContext['commissionedBy']): AssessmentContext => ({
  assessor: { id: 'tp', kind: OrganizationKind.THIRD_PARTY },
  commissionedBy,
  subject: SUBJECT,
});

// DOMAIN §6; 002 第六条: five dimensions, an overall grade, an assessor.
describe('validateAssessment', () => {
  test.each<[string, AssessmentInput, AssessmentContext]>([
    ['by the proposing department, with a score', assessment(), byDepartment],
    ['with a grade only', assessment({ score: null, grade: Grade.FAIR }), byDepartment],
    ['with a matching score and grade', assessment({ score: '90.00', grade: Grade.EXCELLENT }), byDepartment],
    ['by a third party commissioned by finance at the same level', assessment(), byThirdParty(FINANCE_HERE)],
    [
      'by a third party commissioned by city finance',
      assessment(),
      byThirdParty({ ...FINANCE_HERE, regionPath: '/c/' }),
    ],
    [
      'dimensions in any order',
      assessment({ dimensions: [...assessment().dimensions].reverse() }),
      byDepartment,
    ],
  ])('%s is valid', (_case, input, ctx) => expect(validateAssessment(input, ctx)).toEqual([]));

  const withConclusion = (i: number, conclusion: string): AssessmentInput =>
    assessment({ dimensions: assessment().dimensions.map((d, j) => (j === i ? { ...d, conclusion } : d)) });

  test.each<[string, AssessmentInput, AssessmentContext, string[][]]>([
    [
      'a blank conclusion',
      withConclusion(2, ' \n '),
      byDepartment,
      [['input', 'dimensions', '2', 'conclusion']],
    ],
    [
      'a conclusion too long',
      withConclusion(0, '论'.repeat(2001)),
      byDepartment,
      [['input', 'dimensions', '0', 'conclusion']],
    ],
    [
      'a missing dimension',
      assessment({ dimensions: assessment().dimensions.slice(0, 4) }),
      byDepartment,
      [['input', 'dimensions']],
    ],
    ['no dimensions', assessment({ dimensions: [] }), byDepartment, Array(5).fill(['input', 'dimensions'])],
    [
      'a dimension twice (and so one missing)',
      assessment({
        dimensions: assessment().dimensions.map((d, i) =>
          i === 4 ? { ...d, dimension: AssessmentDimension.NECESSITY } : d,
        ),
      }),
      byDepartment,
      [
        ['input', 'dimensions', '4', 'dimension'],
        ['input', 'dimensions'],
      ],
    ],
    ['neither score nor grade', assessment({ score: null }), byDepartment, [['input', 'grade']]],
    ['a score above 100', assessment({ score: '100.5' }), byDepartment, [['input', 'score']]],
    ['a score with 3 decimals', assessment({ score: '86.555' }), byDepartment, [['input', 'score']]],
    [
      '89.99 called EXCELLENT',
      assessment({ score: '89.99', grade: Grade.EXCELLENT }),
      byDepartment,
      [['input', 'grade']],
    ],
    // DOMAIN §6: assessor is the competent department or a third party commissioned by finance.
    [
      'an implementing unit as assessor',
      assessment(),
      { ...byDepartment, assessor: { id: 'u', kind: OrganizationKind.IMPLEMENTING_UNIT } },
      [['input', 'assessorId']],
    ],
    [
      'finance as assessor',
      assessment(),
      { ...byDepartment, assessor: { id: 'f', kind: OrganizationKind.FINANCE_BUREAU } },
      [['input', 'assessorId']],
    ],
    [
      "another department's subject",
      assessment(),
      { ...byDepartment, assessor: { id: 'other', kind: OrganizationKind.COMPETENT_DEPARTMENT } },
      [['input', 'assessorId']],
    ],
    [
      'a department "commissioned"',
      assessment(),
      { ...byDepartment, commissionedBy: FINANCE_HERE },
      [['input', 'commissionedById']],
    ],
    ['a third party not commissioned', assessment(), byThirdParty(null), [['input', 'commissionedById']]],
    [
      'a third party commissioned by a department',
      assessment(),
      byThirdParty({ kind: OrganizationKind.COMPETENT_DEPARTMENT, regionPath: '/c/d/' }),
      [['input', 'commissionedById']],
    ],
    [
      'a third party commissioned by finance of a township below',
      assessment(),
      byThirdParty({ ...FINANCE_HERE, regionPath: '/c/d/t/' }),
      [['input', 'commissionedById']],
    ],
    [
      'a third party commissioned by finance of a sibling district',
      assessment(),
      byThirdParty({ ...FINANCE_HERE, regionPath: '/c/e/' }),
      [['input', 'commissionedById']],
    ],
  ])('%s', (_case, input, ctx, fields) => {
    const problems = validateAssessment(input, ctx);
    expect(problems.map((p) => p.field)).toEqual(fields);
    expect(problems.every((p) => p.code === ErrorCode.BAD_USER_INPUT)).toBe(true);
    expectReadable(problems);
  });

  test.each<[Partial<AssessmentInput>, Grade | null]>([
    [{ score: '59.99' }, Grade.POOR],
    [{ score: '60', grade: null }, Grade.FAIR],
    [{ score: null, grade: Grade.GOOD }, Grade.GOOD],
    [{ score: null, grade: null }, null],
  ])('overall grade of %j is %s', (input, grade) => expect(overallGradeOf(input)).toBe(grade));
});
