import type Decimal from 'decimal.js';
import type { Problem } from '../../common/problem';
import { ErrorCode, msg, type Message } from '../../common/errors';
import { checkScore, Grade, gradeNames, gradeOf } from '../../common/grade';
import { OrganizationKind } from '../../hierarchy/hierarchy.enums';
import {
  ASSESSMENT_DIMENSIONS,
  AssessmentDimension,
  AssessmentStatus,
  dimensionNames,
  ReviewOutcome,
} from '../assessment.enums';

/** Longest conclusion or comment accepted, in characters. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Who may make an ex-ante assessment (DOMAIN §6): the competent department that proposes the subject
 * (002 第六条 "预算部门…在立项前开展绩效评估"; 003 第九条 "区业务主管部门…应开展事前绩效评估"), or a third
 * party commissioned by finance (002 第七条; 003 第十条 "必要时可以组织第三方机构独立开展绩效评估").
 */
export const ASSESSOR_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.COMPETENT_DEPARTMENT,
  OrganizationKind.THIRD_PARTY,
];

export interface DimensionConclusionInput {
  dimension: AssessmentDimension;
  conclusion: string;
}

export interface AssessmentInput {
  dimensions: readonly DimensionConclusionInput[];
  /** Overall score, 0–100 (graded by 002 第二十五条). Give a score, a grade, or both (then they agree). */
  score?: Decimal | string | null;
  grade?: Grade | null;
}

export interface AssessmentContext {
  assessor: { id: string; kind: OrganizationKind };
  /** For a third party: the organization that commissioned it. */
  commissionedBy?: { kind: OrganizationKind; regionPath: string } | null;
  /** The subject: its region and the competent department responsible for it. */
  subject: { regionPath: string; departmentId: string };
}

const bad = (field: string[], message: Message): Problem => ({
  code: ErrorCode.BAD_USER_INPUT,
  field,
  message,
});

/** Whether `ancestor` is `path` itself or a region above it (materialized paths "/a/b/"). */
function isSameOrAbove(ancestor: string, path: string): boolean {
  return path.startsWith(ancestor);
}

function checkText(text: string, field: string[], what: [string, string]): Problem | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return bad(field, msg(`${what[0]}不能为空`, `The ${what[1]} must not be blank`));
  if (trimmed.length > MAX_TEXT_LENGTH) {
    return bad(
      field,
      msg(
        `${what[0]}不能超过${MAX_TEXT_LENGTH}个字符`,
        `The ${what[1]} has at most ${MAX_TEXT_LENGTH} characters`,
      ),
    );
  }
  return null;
}

/** The five dimensions, each exactly once with a conclusion (002 第六条). */
function checkDimensions(dimensions: readonly DimensionConclusionInput[], at: string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<AssessmentDimension, number>();
  dimensions.forEach((d, i) => {
    const here = [...at, 'dimensions', String(i)];
    const name = dimensionNames[d.dimension];
    const first = seen.get(d.dimension);
    if (first !== undefined) {
      problems.push(
        bad(
          [...here, 'dimension'],
          msg(`“${name}”已在第 ${first + 1} 项填写`, `${d.dimension} is already given in item ${first + 1}`),
        ),
      );
    } else seen.set(d.dimension, i);
    const text = checkText(d.conclusion, [...here, 'conclusion'], [`“${name}”的评估结论`, 'conclusion']);
    if (text) problems.push(text);
  });
  for (const dimension of ASSESSMENT_DIMENSIONS) {
    if (!seen.has(dimension)) {
      problems.push(
        bad(
          [...at, 'dimensions'],
          msg(`缺少“${dimensionNames[dimension]}”的评估结论`, `The conclusion on ${dimension} is missing`),
        ),
      );
    }
  }
  return problems;
}

/** The overall grade an assessment input states: the grade of its score, or the grade given. */
export function overallGradeOf(input: Pick<AssessmentInput, 'score' | 'grade'>): Grade | null {
  if (input.score != null && checkScore(input.score) === null) return gradeOf(input.score);
  return input.grade ?? null;
}

function checkOverall(input: AssessmentInput, at: string[]): Problem[] {
  if (input.score == null) {
    return input.grade
      ? []
      : [bad([...at, 'grade'], msg('须填写评估总分或评估等级', 'Give the overall score or grade'))];
  }
  const scoreProblem = checkScore(input.score);
  if (scoreProblem) return [bad([...at, 'score'], scoreProblem)];
  const derived = gradeOf(input.score);
  if (input.grade && input.grade !== derived) {
    return [
      bad(
        [...at, 'grade'],
        msg(
          `评估等级“${gradeNames[input.grade]}”与总分 ${input.score.toString()} 对应的等级“${gradeNames[derived]}”不符`,
          `The grade ${input.grade} does not match the score ${input.score.toString()}, which is ${derived}`,
        ),
      ),
    ];
  }
  return [];
}

function checkAssessor(context: AssessmentContext, at: string[]): Problem[] {
  const { assessor, commissionedBy, subject } = context;
  const field = [...at, 'assessorId'];
  if (!ASSESSOR_KINDS.includes(assessor.kind)) {
    return [
      bad(
        field,
        msg(
          '事前绩效评估由业务主管部门开展，或由财政部门委托第三方机构开展',
          'An ex-ante assessment is made by the competent department, or by a third party commissioned by finance',
        ),
      ),
    ];
  }
  if (assessor.kind === OrganizationKind.COMPETENT_DEPARTMENT) {
    const problems: Problem[] = [];
    if (assessor.id !== subject.departmentId) {
      problems.push(
        bad(
          field,
          msg(
            '业务主管部门只能评估本部门申请的政策、项目或专项资金',
            'A competent department assesses only what it applies for itself',
          ),
        ),
      );
    }
    if (commissionedBy) {
      problems.push(
        bad(
          [...at, 'commissionedById'],
          msg('委托单位只适用于第三方机构', 'Only a third party is commissioned'),
        ),
      );
    }
    return problems;
  }
  if (
    !commissionedBy ||
    commissionedBy.kind !== OrganizationKind.FINANCE_BUREAU ||
    !isSameOrAbove(commissionedBy.regionPath, subject.regionPath)
  ) {
    return [
      bad(
        [...at, 'commissionedById'],
        msg(
          '第三方机构须由评估对象所在级次或上级的财政部门委托',
          "A third party must be commissioned by a finance bureau at the subject's level or above",
        ),
      ),
    ];
  }
  return [];
}

/**
 * Validates an ex-ante assessment (DOMAIN §6) and returns every problem with its field path under `at`:
 * the five dimensions exactly once with non-blank conclusions; an overall score and/or grade that
 * agree (002 第二十五条); an assessor allowed to assess this subject.
 */
export function validateAssessment(
  input: AssessmentInput,
  context: AssessmentContext,
  at: string[] = ['input'],
): Problem[] {
  return [
    ...checkAssessor(context, at),
    ...checkDimensions(input.dimensions, at),
    ...checkOverall(input, at),
  ];
}

export interface FinanceReviewInput {
  outcome: ReviewOutcome;
  comment?: string | null;
}

export interface FinanceReviewContext {
  reviewer: { kind: OrganizationKind; regionPath: string };
  subjectRegionPath: string;
  status: AssessmentStatus;
}

/**
 * Validates finance's review of an assessment (002 第七条 "财政部门应结合事前绩效评估结果，加强…预算审核";
 * 003 第十条; 004 二(一)2): only a finance bureau at the subject's level or above (P3, 谁审核预算、谁审核
 * 目标), only a submitted assessment, and a return always carries a comment (DOMAIN §7).
 */
export function validateFinanceReview(
  input: FinanceReviewInput,
  context: FinanceReviewContext,
  at: string[] = ['input'],
): Problem[] {
  const problems: Problem[] = [];
  const { reviewer } = context;
  if (
    reviewer.kind !== OrganizationKind.FINANCE_BUREAU ||
    !isSameOrAbove(reviewer.regionPath, context.subjectRegionPath)
  ) {
    problems.push({
      code: ErrorCode.FORBIDDEN,
      field: at,
      message: msg(
        '事前绩效评估只能由评估对象所在级次或上级的财政部门审核（谁审核预算、谁审核目标）',
        "Only a finance bureau at the subject's level or above reviews an assessment (P3)",
      ),
    });
  }
  if (context.status !== AssessmentStatus.SUBMITTED) {
    problems.push({
      code: ErrorCode.WORKFLOW_VIOLATION,
      field: at,
      message: msg(
        '只能审核已报送、待审核的评估',
        'Only a submitted assessment awaiting review can be reviewed',
      ),
    });
  }
  const comment = input.comment ?? '';
  if (input.outcome === ReviewOutcome.RETURNED || comment.trim().length > 0) {
    const text = checkText(comment, [...at, 'comment'], ['审核意见', 'review comment']);
    if (text) {
      problems.push(
        comment.trim().length === 0
          ? bad([...at, 'comment'], msg('退回须填写意见', 'A return needs a comment'))
          : text,
      );
    }
  }
  return problems;
}

/** The status an assessment takes after finance's review. */
export function statusAfterReview(outcome: ReviewOutcome): AssessmentStatus {
  return outcome === ReviewOutcome.ACCEPTED ? AssessmentStatus.ACCEPTED : AssessmentStatus.RETURNED;
}

export type { Problem };
