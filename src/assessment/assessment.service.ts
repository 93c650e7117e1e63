import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { Decimal } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { fromGlobalId, idOfType } from '../common/global-id';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { abortWith } from '../common/user-error';
import { FundEntity } from '../funds/fund.entity';
import { ProjectLibraryStatus } from '../funds/fund.enums';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { AssessmentDimensionEntity } from './assessment-dimension.entity';
import { AssessmentEntity } from './assessment.entity';
import { AssessmentStatus, AssessmentSubjectKind } from './assessment.enums';
import { projectGateSubject } from './assessment.gate';
import type {
  CreateAssessmentInput,
  EnterProjectLibraryInput,
  ReviewAssessmentInput,
  SubmitAssessmentInput,
  UpdateAssessmentInput,
} from './dto/assessment.inputs';
import {
  overallGradeOf,
  statusAfterReview,
  validateAssessment,
  validateFinanceReview,
} from './rules/assessment-rules';
import { mayEnterProjectLibrary } from './rules/gate';
import { libraryGoalRefusal } from '../goals/goal-library';

const meanings: ConstraintMeanings = {
  ck_ex_ante_assessment_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该评估当前状态不允许此操作', 'The assessment’s status does not allow this'),
  },
  ck_ex_ante_assessment_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已报送的评估不能修改', 'A submitted assessment cannot be changed'),
  },
};

const notFound = (field: string[] = ['input', 'id']) =>
  abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该事前绩效评估', 'Assessment not found'));

const notAssessor = () =>
  abortWith(
    ErrorCode.FORBIDDEN,
    ['input', 'id'],
    msg(
      '只有评估主体（开展评估的业务主管部门或受托第三方）可以修改和报送评估',
      'Only the assessor (the competent department or the commissioned third party) edits and submits it',
    ),
  );

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
  return abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该评估对象', 'Subject not found'));
}

function content(input: CreateAssessmentInput | UpdateAssessmentInput) {
  return {
    dimensions: input.dimensions,
    score: input.score ?? null,
    grade: input.grade ?? null,
  };
}

async function writeDimensions(
  em: EntityManager,
  tenantId: string,
  assessmentId: string,
  input: CreateAssessmentInput | UpdateAssessmentInput,
): Promise<void> {
  await em.delete(AssessmentDimensionEntity, { tenantId, assessmentId });
  await em.insert(
    AssessmentDimensionEntity,
    input.dimensions.map((d) => ({
      tenantId,
      assessmentId,
      dimension: d.dimension,
      conclusion: d.conclusion.trim(),
    })),
  );
}

async function reload(ctx: RequestContext, em: EntityManager, id: string) {
  ctx.loaders.assessmentById.clear(id);
  ctx.loaders.dimensionsByAssessmentId.clear(id);
  const assessment = await em.findOneByOrFail(AssessmentEntity, { tenantId: ctx.caller.tenantId, id });
  const dimensions = await em.findBy(AssessmentDimensionEntity, {
    tenantId: ctx.caller.tenantId,
    assessmentId: id,
  });
  return { assessment, dimensions };
}

const snapshot = (a: AssessmentEntity, dimensions: AssessmentDimensionEntity[]) => ({
  ...a,
  dimensions: dimensions.map((d) => ({ dimension: d.dimension, conclusion: d.conclusion })),
});

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
        abortWith(
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
      v.add(p.code, p.field, p.message);
    v.check();

    const id = randomUUID();
    await em.insert(AssessmentEntity, {
      tenantId: caller.tenantId,
      id,
      subjectKind: subject.kind,
      fundId: subject.fund?.id ?? null,
      projectId: subject.project?.id ?? null,
      regionPath: '',
      assessorId: caller.organizationId,
      commissionedById: commissionedBy?.id ?? null,
      score: input.score != null ? new Decimal(input.score).toFixed(2) : null,
      grade: overallGradeOf(content(input)),
      status: AssessmentStatus.DRAFT,
    });
    await writeDimensions(em, caller.tenantId, id, input);
    const { assessment, dimensions } = await reload(ctx, em, id);
    await recordAudit(em, caller, {
      entityType: 'ExAnteAssessment',
      entityId: id,
      action: 'CREATE',
      regionPath: assessment.regionPath,
      after: snapshot(assessment, dimensions),
    });
    return { assessment };
  });
}

async function ownAssessment(ctx: RequestContext, globalId: string): Promise<AssessmentEntity> {
  const id = idOfType(globalId, 'ExAnteAssessment');
  const current = id ? await ctx.loaders.assessmentById.load(id) : null;
  if (!current) return notFound();
  if (current.assessorId !== ctx.caller.organizationId) return notAssessor();
  return current;
}

function requireEditable(current: AssessmentEntity, action: [string, string]): void {
  if (current.status !== AssessmentStatus.DRAFT && current.status !== AssessmentStatus.RETURNED) {
    abortWith(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'id'],
      msg(
        `只有草稿或被退回的评估可以${action[0]}`,
        `Only a DRAFT or RETURNED assessment can be ${action[1]}`,
      ),
    );
  }
}

/** 修改事前绩效评估 — DRAFT or RETURNED only, by the assessor, guarded by version. */
export function updateAssessment(ctx: RequestContext, input: UpdateAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await ownAssessment(ctx, input.id);
    requireEditable(current, ['修改', 'changed']);
    const before = snapshot(current, await ctx.loaders.dimensionsByAssessmentId.load(current.id));
    const commissionedBy = current.commissionedById
      ? await em.findOneBy(OrganizationEntity, { tenantId: caller.tenantId, id: current.commissionedById })
      : null;
    const departmentId = current.fundId
      ? (await em.findOneByOrFail(FundEntity, { tenantId: caller.tenantId, id: current.fundId }))
          .organizationId
      : (await em.findOneByOrFail(ProjectEntity, { tenantId: caller.tenantId, id: current.projectId ?? '' }))
          .departmentId;
    const v = new Validation();
    for (const p of validateAssessment(content(input), {
      assessor: { id: caller.organizationId, kind: caller.organizationKind },
      commissionedBy: commissionedBy
        ? { kind: commissionedBy.kind, regionPath: commissionedBy.regionPath }
        : null,
      subject: { regionPath: current.regionPath, departmentId },
    }))
      v.add(p.code, p.field, p.message);
    v.check();
    await guardedUpdate(em, AssessmentEntity, current, input.expectedVersion, {
      score: input.score != null ? new Decimal(input.score).toFixed(2) : null,
      grade: overallGradeOf(content(input)),
    });
    await writeDimensions(em, caller.tenantId, current.id, input);
    const { assessment, dimensions } = await reload(ctx, em, current.id);
    await recordAudit(em, caller, {
      entityType: 'ExAnteAssessment',
      entityId: current.id,
      action: 'UPDATE',
      regionPath: current.regionPath,
      before,
      after: snapshot(assessment, dimensions),
    });
    return { assessment };
  });
}

/** 报送 — the assessor submits a DRAFT or RETURNED assessment to finance. */
export function submitAssessment(ctx: RequestContext, input: SubmitAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await ownAssessment(ctx, input.id);
    requireEditable(current, ['报送', 'submitted']);
    await guardedUpdate(em, AssessmentEntity, current, input.expectedVersion, {
      status: AssessmentStatus.SUBMITTED,
      submittedAt: () => 'now()',
    });
    const { assessment } = await reload(ctx, em, current.id);
    await recordAudit(em, ctx.caller, {
      entityType: 'ExAnteAssessment',
      entityId: current.id,
      action: 'SUBMIT',
      regionPath: current.regionPath,
      before: current,
      after: assessment,
    });
    return { assessment };
  });
}

/** 财政审核 — finance at the subject's level or above accepts or returns (with a comment); never the assessor. */
export function reviewAssessment(ctx: RequestContext, input: ReviewAssessmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const id = idOfType(input.id, 'ExAnteAssessment');
    const current = id ? await ctx.loaders.assessmentById.load(id) : null;
    if (!current) return notFound();
    if (current.assessorId === caller.organizationId) {
      abortWith(
        ErrorCode.FORBIDDEN,
        ['input', 'id'],
        msg('评估主体不能审核自己的评估（P7）', 'The assessor never reviews its own assessment (P7)'),
      );
    }
    const v = new Validation();
    for (const p of validateFinanceReview(
      { outcome: input.outcome, comment: input.comment },
      {
        reviewer: { kind: caller.organizationKind, regionPath: caller.regionPath },
        subjectRegionPath: current.regionPath,
        status: current.status,
      },
    ))
      v.add(p.code, p.field, p.message);
    v.check();
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    await guardedUpdate(em, AssessmentEntity, current, input.expectedVersion, {
      status: statusAfterReview(input.outcome),
      reviewerId: caller.organizationId,
      reviewOutcome: input.outcome,
      reviewComment: comment,
      reviewedAt: () => 'clock_timestamp()',
    });
    const { assessment } = await reload(ctx, em, current.id);
    ctx.loaders.gateFactsByFundId.clearAll();
    ctx.loaders.gateFactsByProjectId.clearAll();
    await recordAudit(em, caller, {
      entityType: 'ExAnteAssessment',
      entityId: current.id,
      action: `REVIEW_${input.outcome}`,
      regionPath: current.regionPath,
      before: current,
      after: assessment,
    });
    return { assessment };
  });
}

/**
 * 纳入项目库 (DOMAIN §6; 003 第九条) — a CANDIDATE project enters the library only when the ex-ante gate
 * passes; by the project's competent department or a finance bureau at its region or above.
 */
export function enterProjectLibrary(ctx: RequestContext, input: EnterProjectLibraryInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const id = idOfType(input.projectId, 'Project');
    const current = id ? await ctx.loaders.projectById.load(id) : null;
    if (!current)
      abortWith(ErrorCode.NOT_FOUND, ['input', 'projectId'], msg('未找到该项目', 'Project not found'));
    const isDepartment = caller.organizationId === current.departmentId;
    const isFinance =
      caller.organizationKind === OrganizationKind.FINANCE_BUREAU &&
      current.regionPath.startsWith(caller.regionPath);
    if (!isDepartment && !isFinance) {
      abortWith(
        ErrorCode.FORBIDDEN,
        ['input', 'projectId'],
        msg(
          '项目由其主管部门或所在级次的财政部门纳入项目库',
          'A project enters the library through its competent department or the finance bureau of its region',
        ),
      );
    }
    if (current.libraryStatus !== ProjectLibraryStatus.CANDIDATE) {
      abortWith(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'projectId'],
        msg('只有待入库的项目可以纳入项目库', 'Only a CANDIDATE project can enter the library'),
      );
    }
    // DOMAIN §5: a goal (submitted at least) besides the gate (003 第十二条(一)).
    const noGoal = await libraryGoalRefusal(em, current);
    if (noGoal) abortWith(ErrorCode.WORKFLOW_VIOLATION, ['input', 'projectId'], noGoal);
    const gate = mayEnterProjectLibrary(await projectGateSubject(ctx, current));
    if (!gate.passes) abortWith(ErrorCode.WORKFLOW_VIOLATION, ['input', 'projectId'], gate.reason);
    await guardedUpdate(em, ProjectEntity, current, current.version, {
      libraryStatus: ProjectLibraryStatus.IN_LIBRARY,
    });
    const project = await em.findOneByOrFail(ProjectEntity, { tenantId: current.tenantId, id: current.id });
    await recordAudit(em, caller, {
      entityType: 'Project',
      entityId: current.id,
      action: 'ENTER_LIBRARY',
      regionPath: current.regionPath,
      before: current,
      after: { ...project, gate: { basis: gate.basis, reason: gate.reason } },
    });
    ctx.loaders.projectById.clear(current.id);
    return { project };
  });
}
