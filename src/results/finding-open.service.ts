import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation } from '../common/mutation';
import { visibleEvaluation, visibleGoal } from '../evaluation/evaluation.query';
import { EvaluationKind } from '../evaluation/evaluation.enums';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import type { GoalEntity } from '../goals/goal.entity';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { FundingHoldEntity } from '../monitoring/execution.entity';
import { isCalendarDate } from '../policy/rules/policy';
import type { OpenFindingInput, OpenFundingHoldFindingInput } from './dto/results.inputs';
import { completedAt, SOURCE_EVALUATION, SOURCE_FUNDING_HOLD } from './finding.service';
import { addFinding } from './finding.repository';
import { FindingEntity } from './results.entities';
import { findingDueDates, shanghaiDateOf } from './rules/due-dates';
import { FindingState } from './rules/finding-workflow';
import { refusal } from '../common/refusal';

export interface Source {
  kind: string;
  id: string;
  field: string[];
  goal: GoalEntity;
  year: number;
  grade: string | null;
  completed: Date;
  feedbackGiver: string;
}

/** The evaluated body: the implementing unit, the fund's department, or the goal's department. */
async function subjectOf(em: EntityManager, goal: GoalEntity) {
  const tenantId = goal.tenantId;
  const project = goal.projectId ? await em.findOneBy(ProjectEntity, { tenantId, id: goal.projectId }) : null;
  const fund = goal.fundId ? await em.findOneBy(FundEntity, { tenantId, id: goal.fundId }) : null;
  const responsible =
    project?.implementingUnitId ?? fund?.organizationId ?? goal.departmentId ?? goal.drafterOrganizationId;
  const department = project?.departmentId ?? fund?.organizationId ?? goal.departmentId;
  return { responsible, department };
}

/**
 * One finding on a source (DOMAIN §13; 003 转移支付 第三十三条), opened by the body that gives feedback or by
 * finance in whose subtree the goal lies; due dates follow from the source's date (Asia/Shanghai).
 */
export async function insertFinding(
  ctx: RequestContext,
  em: EntityManager,
  source: Source,
  text: { description: string; ownDeadline?: string | null },
) {
  const caller = ctx.caller;
  const { goal, field } = source;
  const financeOver =
    caller.organizationKind === OrganizationKind.FINANCE_BUREAU &&
    goal.regionPath.startsWith(caller.regionPath);
  if (caller.organizationId !== source.feedbackGiver && !financeOver) {
    throw refusal(
      ErrorCode.FORBIDDEN,
      field,
      msg(
        '问题由评价主体或其上级财政部门开具',
        'A finding is opened by the evaluating body or finance over it',
      ),
      { principle: 'P6' },
    );
  }
  const verifier = await em.findOneBy(OrganizationEntity, {
    tenantId: caller.tenantId,
    regionId: goal.regionId,
    kind: OrganizationKind.FINANCE_BUREAU,
  });
  if (!verifier) {
    throw refusal(
      ErrorCode.WORKFLOW_VIOLATION,
      field,
      msg('该区划没有财政部门核实整改', 'The region has no finance bureau to verify'),
    );
  }
  const completedOn = shanghaiDateOf(source.completed);
  const ownDeadline = text.ownDeadline ?? null;
  if (!text.description.trim())
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'description'],
      msg('请填写问题描述', 'Describe the problem'),
    );
  if (ownDeadline !== null && (!isCalendarDate(ownDeadline) || ownDeadline < completedOn)) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'ownDeadline'],
      msg(
        '整改时限须为不早于来源日期的日期（YYYY-MM-DD）',
        'The deadline must be a date (YYYY-MM-DD) not before the source’s date',
      ),
    );
  }
  const exists = await em.findOneBy(FindingEntity, {
    tenantId: caller.tenantId,
    sourceKind: source.kind,
    sourceId: source.id,
  });
  if (exists)
    throw refusal(
      ErrorCode.CONFLICT,
      field,
      msg('该来源已开具问题', 'A finding already exists for this source'),
    );
  const { responsible, department } = await subjectOf(em, goal);
  const finding: FindingEntity = Object.assign(new FindingEntity(), {
    tenantId: caller.tenantId,
    id: randomUUID(),
    sourceKind: source.kind,
    sourceId: source.id,
    goalId: goal.id,
    year: source.year,
    grade: source.grade,
    regionId: goal.regionId,
    regionPath: goal.regionPath,
    departmentId: department,
    feedbackOrganizationId: source.feedbackGiver,
    responsibleOrganizationId: responsible,
    verifierOrganizationId: verifier.id,
    description: text.description.trim(),
    completedOn,
    ownDeadline,
    ...findingDueDates(completedOn, null, ownDeadline),
    state: FindingState.OPEN,
  });
  return { finding: await addFinding(ctx, em, finding) };
}

/**
 * 开具问题 on a completed evaluation of any kind (DOMAIN §13; 001 三(四)1; 002 第二十八条(二)): feedback is
 * given by the evaluator (for a SELF evaluation, its reviewer, the level above).
 */
export function openFinding(ctx: RequestContext, input: OpenFindingInput) {
  return runMutation(ctx, {}, async (em) => {
    const field = ['input', 'evaluationId'];
    const evaluation = await visibleEvaluation(ctx, input.evaluationId);
    const goal = await ctx.loaders.goalById.load(evaluation.goalId);
    if (!goal) throw refusal(ErrorCode.NOT_FOUND, field, msg('未找到该评价', 'Evaluation not found'));
    const completed = completedAt(evaluation);
    if (!completed) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        field,
        msg('评价尚未完成，不能据此开具问题', 'The evaluation is not completed yet'),
      );
    }
    const feedbackGiver =
      evaluation.kind === EvaluationKind.SELF
        ? (evaluation.reviewerOrganizationId ?? evaluation.evaluatorOrganizationId)
        : evaluation.evaluatorOrganizationId;
    const source: Source = {
      kind: SOURCE_EVALUATION,
      id: evaluation.id,
      field,
      goal,
      year: evaluation.year,
      grade: evaluation.grade,
      completed,
      feedbackGiver,
    };
    return insertFinding(ctx, em, source, input);
  });
}

/**
 * 开具问题 on a goal's current funding hold (DOMAIN §13 "a funding hold"; 001 三(二); 003 第十八条): the finance
 * bureau that held the money gives feedback; the hold's date starts the 1-month clock.
 */
export function openFundingHoldFinding(ctx: RequestContext, input: OpenFundingHoldFindingInput) {
  return runMutation(ctx, {}, async (em) => {
    const field = ['input', 'goalId'];
    const goal = await visibleGoal(ctx, input.goalId);
    const hold = await em.findOne(FundingHoldEntity, {
      where: { tenantId: goal.tenantId, goalId: goal.id },
      order: { at: 'DESC', id: 'DESC' },
    });
    if (!hold || hold.status === 'LIFTED') {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        field,
        msg('该绩效目标没有暂缓或停止拨款', 'The goal’s funding is not held'),
      );
    }
    const source: Source = {
      kind: SOURCE_FUNDING_HOLD,
      id: hold.id,
      field,
      goal,
      year: goal.year,
      grade: null,
      completed: hold.at,
      feedbackGiver: hold.actorOrganizationId,
    };
    return insertFinding(ctx, em, source, input);
  });
}
