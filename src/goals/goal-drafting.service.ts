import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation, Validation } from '../common/mutation';
import type { CreateGoalInput } from './dto/goal.inputs';
import { validateIndicators, writeIndicators } from './goal-indicators';
import { categoryPointsColumns, categoryPointsProblems } from './goal-category-points';
import { headerColumns, headerProblems, mergedHeader } from './goal-header';
import { dirOf, subjectOf, type Subject } from './goal-subject';
import { amount, text } from './rules/workflow-goal';
import { meanings, notFound, refusalErrors } from './goal.errors';
import { insertGoal } from './goal.repository';
import { GoalEntity } from './goal.entity';
import { FilingBasis, GoalScope, GoalStatus } from './goal.enums';
import { buildReviewChain, checkDrafter } from './rules/review-chain';
import { filingFits } from './rules/workflow-types';
import { checkDepartmentGoalIndicators } from '../department-performance/common-indicators.service';
import { refusal } from '../common/refusal';

/**
 * 先行下达预算 (002 第十二条): a goal is filed for record instead of reviewed only when its budget went out
 * first — an emergency fund's goal (EMERGENCY; the subject's fund must be an emergency fund), or a regional
 * or project transfer goal reported after the money (TRANSFER_DEFERRED). The basis is fixed at creation.
 */
async function filingBasisProblem(
  ctx: RequestContext,
  input: CreateGoalInput,
  subject: Subject,
): Promise<Message | null> {
  if (!input.filingBasis) return null;
  if (input.filingBasis === FilingBasis.EMERGENCY) {
    const fundId = subject.fund?.id ?? subject.project?.fundId ?? null;
    const fund = fundId ? await ctx.loaders.fundById.load(fundId) : null;
    return fund?.isEmergency
      ? null
      : msg(
          '只有应急资金（突发事件）的目标可以按应急情形先行下达后备案（002 第十二条）',
          'Only the goal of an emergency fund is filed for record on the emergency basis (002 第十二条)',
        );
  }
  return filingFits(input.filingBasis, input.scope)
    ? null
    : msg(
        '未同步下达的备案只适用于转移支付分区域或分项目目标（002 第十二条）',
        'The deferred basis applies only to regional or project goals of a transfer payment (002 第十二条)',
      );
}

/**
 * A unit drafting a TRANSFER_PROJECT goal (P2) names the regional goal its project answers to, which its
 * own view (its goals and its projects') does not include: the parent is accepted when it is an in-force
 * goal of the project's fund whose region contains the project's. Anything else reads as not found.
 */
async function parentThroughFund(
  em: EntityManager,
  subject: Subject,
  parentId: string,
): Promise<GoalEntity | null> {
  if (!subject.fund || !subject.project) return null;
  const parent = await em.findOneBy(GoalEntity, {
    tenantId: subject.fund.tenantId,
    id: parentId,
    fundId: subject.fund.id,
  });
  const inForce = parent?.status === GoalStatus.ISSUED || parent?.status === GoalStatus.FILED_FOR_RECORD;
  return parent && inForce && subject.project.regionPath.startsWith(parent.regionPath) ? parent : null;
}

/**
 * Where a goal may hang in the transfer goal tree (DOMAIN §5): under an overall or regional goal of the
 * same fund; or — 上级绩效目标传导 (002 第十条(二); 003 转移支付 第十五条) — a lower fund's overall goal under
 * the regional goal its upper fund set for the lower fund's region, so the upper goals are decomposed
 * into the lower fund's goals.
 */
function parentFits(scope: GoalScope, subject: Subject, parent: GoalEntity): boolean {
  if (parent.fundId === subject.fundId && parent.scope !== GoalScope.TRANSFER_PROJECT) return true;
  const fund = subject.fund;
  return (
    scope === GoalScope.TRANSFER_OVERALL &&
    !!fund?.upperFundId &&
    parent.fundId === fund.upperFundId &&
    parent.scope === GoalScope.TRANSFER_REGIONAL &&
    parent.regionId === fund.regionId
  );
}

/** 新建绩效目标 (DOMAIN §5) — the drafter P1/P2 name for the subject; DRAFT, with its review chain. */
export function createGoal(ctx: RequestContext, input: CreateGoalInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const subject = await subjectOf(ctx, em, input);
    const dir = await dirOf(em, caller.tenantId, subject.chain);
    const drafting = checkDrafter(subject.chain, dir);
    if (drafting) refusalErrors(drafting);
    const v = new Validation();
    if (!input.name.trim() || input.name.trim().length > 200)
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'name'],
        msg('须填写目标名称（最多200字）', 'A name of at most 200 characters is required'),
      );
    const filing = await filingBasisProblem(ctx, input, subject);
    if (filing) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'filingBasis'], filing);
    // DOMAIN §10.1: a goal's own category points total 100 (refused with nothing written).
    for (const p of categoryPointsProblems(input.categoryPoints)) v.add(p.code, p.field, p.message);
    // DOMAIN §5: the 附件1–3 header, checked field by field.
    const header = mergedHeader(input.header, null);
    const annual = amount(input.annualAmount);
    for (const p of headerProblems(header, input.scope, input.year, annual))
      v.add(p.code, p.field, p.message);
    v.check();
    let parentGoalId: string | null = null;
    if (input.parentGoalId) {
      const pid = idOfType(input.parentGoalId, 'PerformanceGoal');
      const parent = pid
        ? ((await ctx.loaders.goalById.load(pid)) ?? (await parentThroughFund(em, subject, pid)))
        : null;
      if (!parent) return notFound(['input', 'parentGoalId']);
      if (!parentFits(input.scope, subject, parent)) {
        throw refusal(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'parentGoalId'],
          msg(
            '上级目标须为同一专项资金的整体或分区域目标，或本资金所承接的上级资金对本区域的分区域目标（上级绩效目标传导）',
            'The parent goal must be an overall or regional goal of the same fund, or the upper fund’s regional goal for this fund’s region (上级绩效目标传导)',
          ),
        );
      }
      parentGoalId = parent.id;
    }
    const links = await validateIndicators(em, caller.tenantId, input.scope, parentGoalId, input.indicators);
    // DOMAIN §5; 003 第十二条(二): a department goal carries finance's 共性 indicators unchanged, points total 100.
    if (input.scope === GoalScope.DEPARTMENT)
      await checkDepartmentGoalIndicators(
        em,
        caller.tenantId,
        subject.chain.region.path,
        input.year,
        input.indicators,
      );
    const chain = buildReviewChain(subject.chain, dir);
    if (!chain.ok) refusalErrors(chain);
    const id = randomUUID();
    return insertGoal(
      ctx,
      em,
      {
        id,
        scope: input.scope,
        year: input.year,
        projectId: subject.projectId,
        fundId: subject.fundId,
        regionId: subject.regionId,
        departmentId: subject.departmentId,
        parentGoalId,
        decomposition: input.scope === GoalScope.TRANSFER_REGIONAL ? (input.decomposition ?? null) : null,
        filingBasis: input.filingBasis ?? null,
        name: input.name.trim(),
        implementationPeriodObjective: text(input.implementationPeriodObjective),
        annualObjective: text(input.annualObjective),
        annualAmount: amount(input.annualAmount),
        fiscalAmount: amount(input.fiscalAmount),
        otherAmount: amount(input.otherAmount),
        ...categoryPointsColumns(input.categoryPoints ?? null),
        ...headerColumns(header),
        reviewChain: chain.ok ? chain.steps : [],
        drafterOrganizationId: caller.organizationId,
      },
      { action: 'CREATE', children: () => writeIndicators(em, caller.tenantId, id, input.indicators, links) },
    );
  });
}
