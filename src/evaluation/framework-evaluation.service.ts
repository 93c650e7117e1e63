import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { p7Separation } from '../auth/principles';
import { enforce, principleVerdict } from '../common/decision';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import type { Problem } from '../common/problem';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { GoalEntity } from '../goals/goal.entity';
import type { CreateEvaluationInput } from './dto/evaluation.inputs';
import type { SaveFrameworkEvaluationInput } from './dto/framework.inputs';
import { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import { insertEvaluation, updateEvaluation } from './evaluation.repository';
import { meanings } from './evaluation.errors';
import { requireEditable, requireGoalInForce, text } from './rules/evaluation-guards';
import { visibleEvaluation, visibleGoal } from './evaluation.query';
import { EvaluationEntity } from './evaluation.entity';
import { EvaluationKind } from './evaluation.enums';
import { figureColumns, frameworkRows, prepareFramework } from './framework-content';
import { policyFor } from '../policy/policy.service';
import { gradeBandsOf } from '../policy/rules/policy';
import { scoreFramework } from './rules/framework';
import { checkReportSections } from './rules/report-outline';
import { refusal, abort } from '../common/refusal';

/**
 * P7 委托人和项目实施主体相分离 (002 第十七条): the evaluator (department, finance, third party) is neither
 * the goal's implementing unit nor the author of the goal's self-evaluation — decided by `p7Separation`.
 */
export async function checkSeparation(
  em: EntityManager,
  goal: GoalEntity,
  organizationId: string,
  field: string[],
) {
  const tenantId = goal.tenantId;
  const project = goal.projectId ? await em.findOneBy(ProjectEntity, { tenantId, id: goal.projectId }) : null;
  const self = await em.findOneBy(EvaluationEntity, { tenantId, goalId: goal.id, kind: EvaluationKind.SELF });
  const separation = p7Separation({
    evaluatorOrgId: organizationId,
    implementingOrgIds: [project?.implementingUnitId],
    selfEvaluatorOrgIds: [self?.evaluatorOrganizationId],
  });
  enforce(principleVerdict(separation, field));
}

async function create(ctx: RequestContext, em: EntityManager, goal: GoalEntity, kind: EvaluationKind) {
  const caller = ctx.caller;
  requireGoalInForce(goal);
  await checkSeparation(em, goal, caller.organizationId, ['input', 'goalId']);
  return insertEvaluation(ctx, em, {
    goalId: goal.id,
    kind,
    year: goal.year,
    evaluatorOrganizationId: caller.organizationId,
  });
}

/** 部门评价 (DOMAIN §10): the competent department, on the goals of its own projects and funds. */
export function createDepartmentEvaluation(ctx: RequestContext, input: CreateEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const goal = await visibleGoal(ctx, input.goalId);
    const tenantId = caller.tenantId;
    const project = goal.projectId
      ? await em.findOneBy(ProjectEntity, { tenantId, id: goal.projectId })
      : null;
    const fund = goal.fundId ? await em.findOneBy(FundEntity, { tenantId, id: goal.fundId }) : null;
    if (project?.departmentId !== caller.organizationId && fund?.organizationId !== caller.organizationId) {
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['input', 'goalId'],
        msg(
          '部门评价由业务主管部门对本部门的项目和专项资金开展',
          'A department evaluates the goals of its own projects and funds (DOMAIN §10)',
        ),
      );
    }
    return create(ctx, em, goal, EvaluationKind.DEPARTMENT);
  });
}

/** 财政评价（重点评价） (DOMAIN §10): finance at the goal's region or above (P6 jurisdiction). */
export function createFinanceEvaluation(ctx: RequestContext, input: CreateEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const goal = await visibleGoal(ctx, input.goalId);
    if (!goal.regionPath.startsWith(caller.regionPath)) {
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['input', 'goalId'],
        msg(
          '财政评价由绩效目标所在区划或其上级的财政部门开展',
          'Finance evaluates goals of its own region or below',
        ),
        { principle: 'P6' },
      );
    }
    return create(ctx, em, goal, EvaluationKind.FINANCE);
  });
}

const isFramework = (e: EvaluationEntity) =>
  e.kind === EvaluationKind.DEPARTMENT || e.kind === EvaluationKind.FINANCE;

export function requireFramework(e: EvaluationEntity): void {
  if (!isFramework(e)) {
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      ['input', 'id'],
      msg('该操作只适用于部门评价和财政评价', 'This applies to department and finance evaluations only'),
    );
  }
}

/** Who carries out a department or finance evaluation: the commissioned third party, else the evaluator. */
export const frameworkEditorOf = (e: EvaluationEntity) =>
  e.commissionedOrganizationId ?? e.evaluatorOrganizationId;

export function requireEditor(ctx: RequestContext, e: EvaluationEntity): void {
  if (frameworkEditorOf(e) === ctx.caller.organizationId) return;
  throw refusal(
    ErrorCode.FORBIDDEN,
    ['input', 'id'],
    e.commissionedOrganizationId
      ? msg(
          '该评价已委托第三方机构开展，由受托机构填报和提交',
          'The evaluation is commissioned: the third party fills it in and submits it',
        )
      : msg('只有开展该评价的单位可以填报和提交', 'Only the evaluating body fills it in and submits it'),
    { principle: 'P7' },
  );
}

export async function contentSnapshot(em: EntityManager, e: EvaluationEntity) {
  const key = { tenantId: e.tenantId, evaluationId: e.id };
  const [indicators, sections] = await Promise.all([
    em.find(EvaluationFrameworkScoreEntity, { where: key, order: { position: 'ASC' } }),
    em.findBy(EvaluationReportSectionEntity, key),
  ]);
  return { ...e, indicators, sections };
}

/**
 * 填报部门/财政评价 (DOMAIN §10; 002 第二十一条(二), 附件7–8): the framework indicators — reference or custom —
 * with points totalling 100, OUTPUT + BENEFIT under 60 only with a justification (原则上), scores within
 * their points; the entered figures, from which the rate indicators' scores are computed; and the report
 * sections. All are replaced as sets; bad input is refused with its fields and nothing is written.
 */
export function saveFrameworkEvaluation(ctx: RequestContext, input: SaveFrameworkEvaluationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleEvaluation(ctx, input.id);
    requireFramework(current);
    requireEditor(ctx, current);
    requireEditable(current);
    // 002 第二十一条(二): points total 100, OUTPUT + BENEFIT ≥ 60, scores within their points; a draft
    // report may still lack sections, but never repeats or invents one.
    const prepared = prepareFramework(input.indicators, input.figures);
    const justification = text(input.weightJustification);
    const problems: Problem[] = [
      ...prepared.problems,
      // DOMAIN §10.7: the engine with the year's tenant policy (its grade bands), as on submission.
      ...scoreFramework(prepared.lines, gradeBandsOf(await policyFor(ctx, current.year)), justification)
        .inputProblems,
      ...checkReportSections(input.sections.map((s) => ({ key: s.key, text: s.body }))).filter(
        (p) => p.reason === 'UNKNOWN_SECTION' || p.reason === 'DUPLICATE_SECTION',
      ),
    ];
    if (problems.length > 0) abort(problems, { under: ['input'] });
    const before = await contentSnapshot(em, current);
    const children = async () => {
      const key = { tenantId: caller.tenantId, evaluationId: current.id };
      await em.delete(EvaluationFrameworkScoreEntity, key);
      await em.delete(EvaluationReportSectionEntity, key);
      if (input.indicators.length > 0) {
        await em.insert(
          EvaluationFrameworkScoreEntity,
          frameworkRows(
            prepared.lines,
            input.indicators.map((i) => text(i.comment)),
          ).map((row) => ({ ...key, id: randomUUID(), ...row })),
        );
      }
      const sections = input.sections.filter((s) => s.body.trim() !== '');
      if (sections.length > 0) {
        await em.insert(
          EvaluationReportSectionEntity,
          sections.map((s) => ({ ...key, sectionKey: s.key, body: s.body.trim() })),
        );
      }
    };
    return updateEvaluation(
      ctx,
      em,
      current,
      input.expectedVersion,
      { ...figureColumns(prepared.figures), weightJustification: justification },
      {
        action: 'SAVE_FRAMEWORK',
        before,
        children,
        after: (evaluation) => contentSnapshot(em, evaluation),
      },
    );
  });
}
