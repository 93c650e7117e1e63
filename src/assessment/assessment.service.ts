import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { problem } from '../common/problem';
import { fromGlobalId, idOfType } from '../common/global-id';
import { enforce } from '../common/decision';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { AssessmentEntity } from './assessment.entity';
import { AssessmentAction, AssessmentStatus, AssessmentSubjectKind } from './assessment.enums';
import { assessmentSnapshot, insertAssessment, updateAssessmentRow } from './assessment.repository';
import type {
  CreateAssessmentInput,
  ReviewAssessmentInput,
  SubmitAssessmentInput,
  UpdateAssessmentInput,
} from './dto/assessment.inputs';
import { decideAssessment, reviewAction } from './rules/assessment-decision';
import {
  overallGradeOf,
  statusAfterReview,
  validateAssessment,
  type AssessmentInput,
} from './rules/assessment-rules';
import { refusal } from '../common/refusal';
export { enterProjectLibrary } from './project-library.service';

const meanings: ConstraintMeanings = {
  ck_ex_ante_assessment_transition: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'id'],
    msg('该评估当前状态不允许此操作', 'The assessment’s status does not allow this'),
  ),
  ck_ex_ante_assessment_frozen: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'id'],
    msg('已报送的评估不能修改', 'A submitted assessment cannot be changed'),
  ),
};

const notFound = (field: string[] = ['input', 'id']) => {
  throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该事前绩效评估', 'Assessment not found'));
};

interface Subject {
  kind: AssessmentSubjectKind;
  fund: FundEntity | null;
  project: ProjectEntity | null;
  regionPath: string;
  departmentId: string;
}

/**
 * The subject a global id names. Departments see it through the scoped loaders (out of view → NOT_FOUND).
 * A third party sees no funds or projects (P6); it names the subject it was commissioned for, which is
 * looked up in the tenant and then must lie in the commissioning finance bureau's subtree (checked by
 * `validateAssessment`).
 */
async function subjectOf(ctx: RequestContext, em: EntityManager, globalId: string): Promise<Subject> {
  const parsed = fromGlobalId(globalId);
  const field = ['input', 'subjectId'];
  const thirdParty = ctx.caller.organizationKind === OrganizationKind.THIRD_PARTY;
  const tenantId = ctx.caller.tenantId;
  if (parsed?.type === 'Fund') {
    const fund = thirdParty
      ? await em.findOneBy(FundEntity, { tenantId, id: parsed.id })
      : await ctx.loaders.fundById.load(parsed.id);
    if (fund) {
      return {
        kind: AssessmentSubjectKind.FUND,
        fund,
        project: null,
        regionPath: fund.regionPath,
        departmentId: fund.organizationId,
      };
    }
  } else if (parsed?.type === 'Project') {
    const project = thirdParty
      ? await em.findOneBy(ProjectEntity, { tenantId, id: parsed.id })
      : await ctx.loaders.projectById.load(parsed.id);
    if (project) {
      return {
        kind: AssessmentSubjectKind.PROJECT,
        fund: null,
        project,
        regionPath: project.regionPath,
        departmentId: project.departmentId,
      };
    }
  }
  throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该评估对象', 'Subject not found'));
}

/** The content a create names, or an update's merged with the stored one (issue 11 item 1). */
function content(input: CreateAssessmentInput): AssessmentInput {
  return { dimensions: input.dimensions, score: input.score ?? null, grade: input.grade ?? null };
}

const scoreColumn = (score: AssessmentInput['score']) =>
  score != null ? new Decimal(score).toFixed(2) : null;

/** 新建事前绩效评估 (DOMAIN §6) — by the subject's competent department or a commissioned third party. */
export function createAssessment(ctx: RequestContext, input: CreateAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const subject = await subjectOf(ctx, em, input.subjectId);
    let commissionedBy: OrganizationEntity | null = null;
    if (input.commissionedById) {
      const id = idOfType(input.commissionedById, 'Organization');
      commissionedBy = id ? await em.findOneBy(OrganizationEntity, { tenantId: caller.tenantId, id }) : null;
      if (!commissionedBy) {
        throw refusal(
          ErrorCode.NOT_FOUND,
          ['input', 'commissionedById'],
          msg('未找到该委托单位', 'Organization not found'),
        );
      }
    }
    const v = new Validation();
    for (const p of validateAssessment(content(input), {
      assessor: { id: caller.organizationId, kind: caller.organizationKind },
      commissionedBy: commissionedBy
        ? { kind: commissionedBy.kind, regionPath: commissionedBy.regionPath }
        : null,
      subject: { regionPath: subject.regionPath, departmentId: subject.departmentId },
    }))
      v.add(p.code, [...p.field], p.message);
    v.check();

    const assessment = await insertAssessment(
      ctx,
      em,
      {
        tenantId: caller.tenantId,
        id: randomUUID(),
        subjectKind: subject.kind,
        fundId: subject.fund?.id ?? null,
        projectId: subject.project?.id ?? null,
        regionPath: '',
        assessorId: caller.organizationId,
        commissionedById: commissionedBy?.id ?? null,
        score: scoreColumn(input.score),
        grade: overallGradeOf(content(input)),
        status: AssessmentStatus.DRAFT,
      },
      input.dimensions,
    );
    return { assessment };
  });
}

/** The assessment a global id names, if the caller sees it (P6: otherwise NOT_FOUND). */
async function visibleAssessment(ctx: RequestContext, globalId: string): Promise<AssessmentEntity> {
  const id = idOfType(globalId, 'ExAnteAssessment');
  const current = id ? await ctx.loaders.assessmentById.load(id) : null;
  return current ?? notFound();
}

/** The caller's verdict on one action — the decision `availableActions` shows (rules/assessment-decision.ts). */
function requireAllowed(
  ctx: RequestContext,
  current: AssessmentEntity,
  action: AssessmentAction,
  comment?: string | null,
) {
  enforce(decideAssessment(current, ctx.caller, action, { comment }));
}

/**
 * 修改事前绩效评估 — DRAFT or RETURNED only, by the assessor, guarded by version. A partial update (issue 11
 * item 1): an omitted field keeps its value; `score: null` or `grade: null` clears it; the conclusions are
 * required content and cannot be cleared (`dimensions: null` → BAD_USER_INPUT). A new score without a
 * grade re-derives the grade from the score.
 */
export function updateAssessment(ctx: RequestContext, input: UpdateAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleAssessment(ctx, input.id);
    requireAllowed(ctx, current, AssessmentAction.EDIT);
    if (input.dimensions === null)
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'dimensions'],
        msg(
          '评估内容结论不能清空；省略该字段则保持不变',
          'The conclusions cannot be cleared; omit the field to keep them',
        ),
      );
    const stored = await ctx.loaders.dimensionsByAssessmentId.load(current.id);
    const before = assessmentSnapshot(current, stored);
    const merged: AssessmentInput = {
      dimensions:
        input.dimensions ?? stored.map((d) => ({ dimension: d.dimension, conclusion: d.conclusion })),
      score:
        input.score !== undefined ? input.score : current.score != null ? new Decimal(current.score) : null,
      grade: input.grade !== undefined ? input.grade : input.score !== undefined ? null : current.grade,
    };
    const commissionedBy = current.commissionedById
      ? await em.findOneBy(OrganizationEntity, { tenantId: caller.tenantId, id: current.commissionedById })
      : null;
    const departmentId = current.fundId
      ? (await em.findOneByOrFail(FundEntity, { tenantId: caller.tenantId, id: current.fundId }))
          .organizationId
      : (await em.findOneByOrFail(ProjectEntity, { tenantId: caller.tenantId, id: current.projectId ?? '' }))
          .departmentId;
    const v = new Validation();
    for (const p of validateAssessment(merged, {
      assessor: { id: caller.organizationId, kind: caller.organizationKind },
      commissionedBy: commissionedBy
        ? { kind: commissionedBy.kind, regionPath: commissionedBy.regionPath }
        : null,
      subject: { regionPath: current.regionPath, departmentId },
    }))
      v.add(p.code, [...p.field], p.message);
    v.check();
    const assessment = await updateAssessmentRow(ctx, em, current, {
      action: 'UPDATE',
      expectedVersion: input.expectedVersion,
      changes: { score: scoreColumn(merged.score), grade: overallGradeOf(merged) },
      dimensions: [...merged.dimensions],
      before,
    });
    return { assessment };
  });
}

/** 报送 — the assessor submits a DRAFT or RETURNED assessment to finance. */
export function submitAssessment(ctx: RequestContext, input: SubmitAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await visibleAssessment(ctx, input.id);
    requireAllowed(ctx, current, AssessmentAction.SUBMIT);
    const assessment = await updateAssessmentRow(ctx, em, current, {
      action: 'SUBMIT',
      expectedVersion: input.expectedVersion,
      changes: { status: AssessmentStatus.SUBMITTED, submittedAt: () => 'now()' },
    });
    return { assessment };
  });
}

/** 财政审核 — finance at the subject's level or above accepts or returns (with a comment); never the assessor (P7). */
export function reviewAssessment(ctx: RequestContext, input: ReviewAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await visibleAssessment(ctx, input.id);
    requireAllowed(ctx, current, reviewAction(input.outcome), input.comment);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const assessment = await updateAssessmentRow(ctx, em, current, {
      action: `REVIEW_${input.outcome}`,
      expectedVersion: input.expectedVersion,
      changes: {
        status: statusAfterReview(input.outcome),
        reviewerId: ctx.caller.organizationId,
        reviewOutcome: input.outcome,
        reviewComment: comment,
        reviewedAt: () => 'clock_timestamp()',
      },
      changesGate: true,
    });
    return { assessment };
  });
}
