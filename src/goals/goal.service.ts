import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../app/context';
import { GatePurpose } from '../assessment/assessment.enums';
import { fundGateSubject, projectGateSubject } from '../assessment/assessment.gate';
import { assessmentGate } from '../assessment/rules/gate';
import { recordAudit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { Decimal as DecimalValue, money, type Decimal } from '../common/decimal';
import { ErrorCode, msg, type Message } from '../common/errors';
import { idOfType } from '../common/global-id';
import { guardedUpdate } from '../common/guarded-update';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import type {
  CreateGoalInput,
  GoalActionInput,
  GoalIndicatorInput,
  RequestAdjustmentInput,
  UpdateGoalInput,
} from './dto/goal.inputs';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { GoalTransitionEntity } from './goal-transition.entity';
import { GoalEntity } from './goal.entity';
import { GoalScope, GoalStatus, WorkflowAction } from './goal.enums';
import { checkGoalCompleteness, type GoalDraft } from './rules/completeness';
import { checkConsistency } from './rules/consistency';
import { checkIndicator, type IndicatorInput, type Problem } from './rules/indicator-rules';
import {
  buildReviewChain,
  checkDrafter,
  directoryOf,
  type ChainSubject,
  type OrgRef,
} from './rules/review-chain';
import {
  decide,
  type Accepted,
  type DecideInput,
  type Decision,
  type TransitionRecord,
  type WorkflowFacts,
  type WorkflowGoal,
} from './rules/workflow';
import type { Refusal } from './rules/workflow-refusal';

const meanings: ConstraintMeanings = {
  ck_performance_goal_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该绩效目标当前状态不允许此操作', 'The goal’s status does not allow this'),
  },
  ck_goal_indicator_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的绩效目标不能修改指标', 'The indicators of a submitted goal cannot be changed'),
  },
  fk_goal_indicator_parent: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'indicators'],
    message: msg(
      '下级目标的指标关联了本目标的指标，不能整体替换；请先调整下级目标',
      "Child goals' indicators link to this goal's indicators, so they cannot be replaced; change the child goals first",
    ),
  },
  ck_goal_indicator_pair: {
    code: ErrorCode.BAD_USER_INPUT,
    field: ['input', 'indicators'],
    message: msg('二级指标不属于所选一级指标', 'The subcategory does not belong to the category'),
  },
};

const notFound = (field: string[] = ['input', 'id']): never =>
  abortWith(ErrorCode.NOT_FOUND, field, msg('未找到该绩效目标', 'Performance goal not found'));

const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/**
 * A goal row as the pure workflow sees it (DOMAIN §7). `next` is the version that adjusts this one, if
 * any: while it is not yet in force, another adjustment is pending.
 */
export function workflowGoal(g: GoalEntity, next: GoalEntity | null = null): WorkflowGoal {
  return {
    id: g.id,
    tenantId: g.tenantId,
    scope: g.scope,
    version: g.goalVersion,
    status: g.status,
    step: g.currentStep,
    chain: g.reviewChain,
    drafterOrganizationId: g.drafterOrganizationId,
    regionPath: g.regionPath,
    filingBasis: g.filingBasis,
    adjusts: g.supersedesGoalId ? g.goalVersion - 1 : null,
    adjustmentPending: next !== null && next.status !== GoalStatus.SUPERSEDED,
  };
}

/** A refusal of the workflow as one user error; P6 reads exactly like a missing goal (DOMAIN §8). */
function refusalErrors(refusal: Refusal, details: readonly Problem[] = []) {
  if (refusal.principle === 'P6') return notFound();
  if (refusal.code === ErrorCode.BAD_USER_INPUT && details.length > 0) {
    throw new UserErrorsAbort(details.map((p) => userError(p.code, p.field, p.message)));
  }
  const main = userError(refusal.code, ['input', 'id'], refusal.message, refusal.principle ?? null);
  const extra = (refusal.details ?? []).map((m: Message) => userError(refusal.code, ['input', 'id'], m));
  throw new UserErrorsAbort([main, ...extra]);
}

const orgRef = (o: OrganizationEntity): OrgRef => ({
  id: o.id,
  kind: o.kind,
  regionId: o.regionId,
  sector: o.sector,
  supervisingDepartmentId: o.supervisingDepartmentId,
});

interface Subject {
  chain: ChainSubject;
  regionId: string;
  projectId: string | null;
  fundId: string | null;
  departmentId: string | null;
  project: ProjectEntity | null;
  fund: FundEntity | null;
}

/** The organizations a chain may name: those of the subject region and its ancestors, plus named ids. */
async function directoryFor(em: EntityManager, tenantId: string, path: string, ids: string[]) {
  const rows = await em
    .createQueryBuilder(OrganizationEntity, 'o')
    .where('o.tenant_id = :tenantId', { tenantId })
    .andWhere(`(:path LIKE o.region_path || '%' OR o.id = ANY(:ids))`, { path, ids })
    .getMany();
  return directoryOf(rows.map(orgRef));
}

async function regionRef(em: EntityManager, tenantId: string, id: string) {
  const r = await em.findOneBy(RegionEntity, { tenantId, id });
  return r ? { id: r.id, path: r.path } : null;
}

/**
 * The subject a create names (DOMAIN §5): a visible project (PROJECT, TRANSFER_PROJECT), a visible fund
 * (transfer scopes, with the receiving region for TRANSFER_REGIONAL), or the caller's own department
 * (DEPARTMENT). Out of view reads as NOT_FOUND.
 */
async function subjectOf(ctx: RequestContext, em: EntityManager, input: CreateGoalInput): Promise<Subject> {
  const caller = ctx.caller;
  const tenantId = caller.tenantId;
  let project: ProjectEntity | null = null;
  let fund: FundEntity | null = null;
  let regionId: string = caller.regionId;
  const needsProject = input.scope === GoalScope.PROJECT || input.scope === GoalScope.TRANSFER_PROJECT;
  if (needsProject) {
    const id = input.projectId ? idOfType(input.projectId, 'Project') : null;
    project = id ? await ctx.loaders.projectById.load(id) : null;
    if (!project)
      abortWith(ErrorCode.NOT_FOUND, ['input', 'projectId'], msg('未找到该项目', 'Project not found'));
    regionId = project.regionId;
  }
  const transfer =
    input.scope === GoalScope.TRANSFER_OVERALL ||
    input.scope === GoalScope.TRANSFER_REGIONAL ||
    input.scope === GoalScope.TRANSFER_PROJECT;
  if (transfer) {
    const given = input.fundId ? idOfType(input.fundId, 'Fund') : (project?.fundId ?? null);
    fund = given ? await ctx.loaders.fundById.load(given) : null;
    if (!fund) abortWith(ErrorCode.NOT_FOUND, ['input', 'fundId'], msg('未找到该专项资金', 'Fund not found'));
    if (input.scope === GoalScope.TRANSFER_OVERALL) regionId = fund.regionId;
  }
  if (input.scope === GoalScope.TRANSFER_REGIONAL) {
    const id = input.regionId ? idOfType(input.regionId, 'Region') : null;
    const region = id ? await ctx.loaders.regionById.load(id) : null;
    if (!region)
      abortWith(ErrorCode.NOT_FOUND, ['input', 'regionId'], msg('未找到该区划', 'Region not found'));
    regionId = region.id;
  }
  const region = await regionRef(em, tenantId, regionId);
  if (!region)
    return abortWith(ErrorCode.NOT_FOUND, ['input', 'regionId'], msg('未找到该区划', 'Region not found'));
  const unitRow = project
    ? await em.findOneBy(OrganizationEntity, { tenantId, id: project.implementingUnitId })
    : null;
  const drafterRow = await em.findOneBy(OrganizationEntity, { tenantId, id: caller.organizationId });
  const fundRegion = fund ? await regionRef(em, tenantId, fund.regionId) : null;
  if (!drafterRow) return notFound(['input', 'scope']);
  const drafter = orgRef(drafterRow);
  const unit = unitRow ? orgRef(unitRow) : null;
  const chain: ChainSubject = {
    scope: input.scope,
    region,
    drafter,
    unit: unit ?? null,
    department: input.scope === GoalScope.DEPARTMENT ? drafter : null,
    fund: fund && fundRegion ? { departmentId: fund.organizationId, region: fundRegion } : null,
    decomposition: input.decomposition ?? null,
  };
  return {
    chain,
    regionId,
    projectId: project?.id ?? null,
    fundId: fund?.id ?? null,
    departmentId: input.scope === GoalScope.DEPARTMENT ? caller.organizationId : null,
    project,
    fund,
  };
}

/** The chain and the directory for an existing goal (rebuilt on submission: the snapshot). */
async function chainSubjectOf(em: EntityManager, g: GoalEntity, drafterId: string): Promise<ChainSubject> {
  const tenantId = g.tenantId;
  const project = g.projectId ? await em.findOneByOrFail(ProjectEntity, { tenantId, id: g.projectId }) : null;
  const fund = g.fundId ? await em.findOneByOrFail(FundEntity, { tenantId, id: g.fundId }) : null;
  const region = { id: g.regionId, path: g.regionPath };
  const unitOrg = project
    ? await em.findOneByOrFail(OrganizationEntity, { tenantId, id: project.implementingUnitId })
    : null;
  const ids = [
    drafterId,
    ...(unitOrg ? [unitOrg.id] : []),
    ...(unitOrg?.supervisingDepartmentId ? [unitOrg.supervisingDepartmentId] : []),
    ...(fund ? [fund.organizationId] : []),
  ];
  const dir = await directoryFor(em, tenantId, region.path, ids);
  const fundRegion = fund ? await regionRef(em, tenantId, fund.regionId) : null;
  const drafter = dir.organization(drafterId);
  if (!drafter) return notFound();
  return {
    scope: g.scope,
    region,
    drafter,
    unit: unitOrg ? orgRef(unitOrg) : null,
    department: g.departmentId ? (dir.organization(g.departmentId) ?? null) : null,
    fund: fund && fundRegion ? { departmentId: fund.organizationId, region: fundRegion } : null,
    decomposition: g.decomposition,
  };
}

async function rebuildChain(em: EntityManager, g: GoalEntity) {
  const subject = await chainSubjectOf(em, g, g.drafterOrganizationId);
  return buildReviewChain(subject, await dirOf(em, g.tenantId, subject));
}

/** The directory of the organizations a subject's chain may name. */
async function dirOf(em: EntityManager, tenantId: string, subject: ChainSubject) {
  const ids = [
    subject.drafter.id,
    ...(subject.unit ? [subject.unit.id] : []),
    ...(subject.unit?.supervisingDepartmentId ? [subject.unit.supervisingDepartmentId] : []),
    ...(subject.fund ? [subject.fund.departmentId] : []),
  ];
  return directoryFor(em, tenantId, subject.region.path, ids);
}

const indicatorOf = (i: GoalIndicatorInput): IndicatorInput => ({
  category: i.category,
  subcategory: i.subcategory,
  name: i.name,
  kind: i.kind,
  unit: i.unit ?? null,
  comparator: i.comparator ?? null,
  target: i.target ?? null,
  points: i.points ?? null,
  aggregation: i.aggregation ?? null,
  parentIndicatorId: null,
  ratio:
    i.ratioNumerator != null && i.ratioDenominator != null
      ? { numerator: i.ratioNumerator, denominator: i.ratioDenominator }
      : null,
});

const storedIndicator = (i: GoalIndicatorEntity): IndicatorInput => ({
  category: i.category,
  subcategory: i.subcategory,
  name: i.name,
  kind: i.kind,
  unit: i.unit,
  comparator: i.comparator,
  target: i.target,
  points: i.points,
  aggregation: i.aggregation,
  parentIndicatorId: i.parentIndicatorId,
  ratio:
    i.ratioNumerator != null && i.ratioDenominator != null
      ? { numerator: i.ratioNumerator, denominator: i.ratioDenominator }
      : null,
});

/**
 * Each indicator checked on its own (DOMAIN §5), with the parent goal's indicator it links to: all
 * problems at once, nothing written. Returns the resolved parent indicator id of each indicator.
 */
async function validateIndicators(
  em: EntityManager,
  tenantId: string,
  scope: GoalScope,
  parentGoalId: string | null,
  indicators: GoalIndicatorInput[],
): Promise<(string | null)[]> {
  const v = new Validation();
  const use = scope === GoalScope.DEPARTMENT ? 'DEPARTMENT_GOAL' : 'GOAL';
  const parents = parentGoalId
    ? await em.findBy(GoalIndicatorEntity, { tenantId, goalId: parentGoalId })
    : [];
  const byId = new Map(parents.map((p) => [p.id, p]));
  const links = indicators.map((i, k) => {
    const path = ['input', 'indicators', String(k)];
    let linked: GoalIndicatorEntity | undefined;
    if (i.parentIndicatorId) {
      const id = idOfType(i.parentIndicatorId, 'GoalIndicator');
      linked = id ? byId.get(id) : undefined;
      if (!linked) {
        v.add(
          ErrorCode.BAD_USER_INPUT,
          [...path, 'parentIndicatorId'],
          msg(
            '关联的上级指标不属于上级目标',
            "The linked indicator is not one of the parent goal's indicators",
          ),
        );
      }
    }
    const linkedParent = linked
      ? { kind: linked.kind, unit: linked.unit, aggregation: linked.aggregation }
      : null;
    for (const p of checkIndicator(indicatorOf(i), { use, path, linkedParent }))
      v.add(p.code, p.field, p.message);
    return linked?.id ?? null;
  });
  v.check();
  return links;
}

const amount = (d: Decimal | null | undefined): string | null => (d == null ? null : money(d));
const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();

async function writeIndicators(
  em: EntityManager,
  tenantId: string,
  goalId: string,
  indicators: GoalIndicatorInput[],
  links: (string | null)[],
): Promise<void> {
  await em.delete(GoalIndicatorEntity, { tenantId, goalId });
  if (indicators.length === 0) return;
  await em.insert(
    GoalIndicatorEntity,
    indicators.map((i, position) => ({
      tenantId,
      id: randomUUID(),
      goalId,
      position,
      category: i.category,
      subcategory: i.subcategory,
      name: i.name.trim(),
      kind: i.kind,
      unit: text(i.unit),
      comparator: i.comparator ?? null,
      target: text(i.target),
      points: i.points != null && i.points.trim() !== '' ? i.points.trim() : null,
      parentIndicatorId: links[position] ?? null,
      aggregation: i.aggregation ?? null,
      ratioNumerator: text(i.ratioNumerator),
      ratioDenominator: text(i.ratioDenominator),
    })),
  );
}

async function reload(ctx: RequestContext, em: EntityManager, id: string) {
  ctx.loaders.goalById.clear(id);
  ctx.loaders.indicatorsByGoalId.clear(id);
  ctx.loaders.transitionsByGoalId.clear(id);
  const goal = await em.findOneByOrFail(GoalEntity, { tenantId: ctx.caller.tenantId, id });
  const indicators = await em.find(GoalIndicatorEntity, {
    where: { tenantId: ctx.caller.tenantId, goalId: id },
    order: { position: 'ASC' },
  });
  return { goal, indicators };
}

const snapshot = (g: GoalEntity, indicators: GoalIndicatorEntity[]) => ({
  ...g,
  indicators: indicators.map((i) => ({ ...i })),
});

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
    v.check();
    let parentGoalId: string | null = null;
    if (input.parentGoalId) {
      const pid = idOfType(input.parentGoalId, 'PerformanceGoal');
      const parent = pid ? await ctx.loaders.goalById.load(pid) : null;
      if (!parent) return notFound(['input', 'parentGoalId']);
      if (parent.fundId !== subject.fundId || parent.scope === GoalScope.TRANSFER_PROJECT) {
        abortWith(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'parentGoalId'],
          msg(
            '上级目标须为同一专项资金的整体或分区域目标',
            'The parent goal must be an overall or regional goal of the same fund',
          ),
        );
      }
      parentGoalId = parent.id;
    }
    const links = await validateIndicators(em, caller.tenantId, input.scope, parentGoalId, input.indicators);
    const chain = buildReviewChain(subject.chain, dir);
    if (!chain.ok) refusalErrors(chain);
    const id = randomUUID();
    await em.insert(GoalEntity, {
      tenantId: caller.tenantId,
      id,
      scope: input.scope,
      year: input.year,
      projectId: subject.projectId,
      fundId: subject.fundId,
      regionId: subject.regionId,
      departmentId: subject.departmentId,
      parentGoalId,
      decomposition: input.scope === GoalScope.TRANSFER_REGIONAL ? (input.decomposition ?? null) : null,
      name: input.name.trim(),
      implementationPeriodObjective: text(input.implementationPeriodObjective),
      annualObjective: text(input.annualObjective),
      annualAmount: amount(input.annualAmount),
      fiscalAmount: amount(input.fiscalAmount),
      otherAmount: amount(input.otherAmount),
      status: GoalStatus.DRAFT,
      currentStep: 0,
      reviewChain: chain.ok ? chain.steps : [],
      drafterOrganizationId: caller.organizationId,
      regionPath: '',
    });
    await writeIndicators(em, caller.tenantId, id, input.indicators, links);
    const { goal, indicators } = await reload(ctx, em, id);
    await recordAudit(em, caller, {
      entityType: 'PerformanceGoal',
      entityId: id,
      action: 'CREATE',
      regionPath: goal.regionPath,
      after: snapshot(goal, indicators),
    });
    return { goal };
  });
}

async function visibleGoal(ctx: RequestContext, globalId: string): Promise<GoalEntity> {
  const id = idOfType(globalId, 'PerformanceGoal');
  const goal = id ? await ctx.loaders.goalById.load(id) : null;
  return goal ?? notFound();
}

/** 修改绩效目标 — the drafter, DRAFT or RETURNED only (P8), guarded by rowVersion (DOMAIN §15). */
export function updateGoal(ctx: RequestContext, input: UpdateGoalInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    const d = decide(workflowGoal(current), caller, WorkflowAction.EDIT);
    if (!d.ok) refusalErrors(d);
    if (!input.name.trim() || input.name.trim().length > 200) {
      abortWith(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'name'],
        msg('须填写目标名称（最多200字）', 'A name of at most 200 characters is required'),
      );
    }
    const links = await validateIndicators(
      em,
      caller.tenantId,
      current.scope,
      current.parentGoalId,
      input.indicators,
    );
    const before = snapshot(current, await ctx.loaders.indicatorsByGoalId.load(current.id));
    await guardedUpdate(
      em,
      GoalEntity,
      current,
      input.expectedVersion,
      {
        name: input.name.trim(),
        implementationPeriodObjective: text(input.implementationPeriodObjective),
        annualObjective: text(input.annualObjective),
        annualAmount: amount(input.annualAmount),
        fiscalAmount: amount(input.fiscalAmount),
        otherAmount: amount(input.otherAmount),
      },
      ROW_VERSION,
    );
    await writeIndicators(em, caller.tenantId, current.id, input.indicators, links);
    const { goal, indicators } = await reload(ctx, em, current.id);
    await recordAudit(em, caller, {
      entityType: 'PerformanceGoal',
      entityId: current.id,
      action: 'UPDATE',
      regionPath: current.regionPath,
      before,
      after: snapshot(goal, indicators),
    });
    return { goal };
  });
}

/** Completeness of a stored goal (DOMAIN §5; 002 第十条(四)). */
export function completenessProblems(g: GoalEntity, indicators: readonly GoalIndicatorEntity[]): Problem[] {
  const draft: GoalDraft = {
    scope: g.scope,
    implementationPeriodObjective: g.implementationPeriodObjective,
    annualObjective: g.annualObjective,
    annualAmount: g.annualAmount,
    fiscalAmount: g.fiscalAmount,
    otherAmount: g.otherAmount,
    indicators: indicators.map(storedIndicator),
  };
  return checkGoalCompleteness(draft, ['input', 'id']);
}

/** The ex-ante assessment gate for approving the goal (DOMAIN §6): the project's, or the fund's. */
export async function gateErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  let subject = null;
  if (g.projectId) {
    const project = await ctx.loaders.projectById.load(g.projectId);
    subject = project ? await projectGateSubject(ctx, project) : null;
  } else if (g.scope === GoalScope.TRANSFER_OVERALL && g.fundId) {
    const fund = await ctx.loaders.fundById.load(g.fundId);
    subject = fund ? await fundGateSubject(ctx, fund) : null;
  }
  if (!subject) return [];
  const r = assessmentGate(subject, GatePurpose.GOAL_APPROVAL);
  return r.passes ? [] : [r.reason];
}

/**
 * 分解一致性 (DOMAIN §5): approving an overall transfer goal checks its regional goals — each linked
 * indicator's children combined by the parent's aggregation must meet the parent's target, and the
 * children's money must add up to the fund's allocations. Errors block the approval.
 */
export async function consistencyErrors(ctx: RequestContext, g: GoalEntity): Promise<Message[]> {
  if (g.scope !== GoalScope.TRANSFER_OVERALL || !g.fundId) return [];
  const children = (await ctx.loaders.goalsByParentId.load(g.id)).filter(
    (c) => c.status !== GoalStatus.SUPERSEDED && c.scope === GoalScope.TRANSFER_REGIONAL,
  );
  if (children.length === 0) return [];
  const [parentIndicators, childIndicators, regions, allocations] = await Promise.all([
    ctx.loaders.indicatorsByGoalId.load(g.id),
    ctx.loaders.indicatorsByGoalId.loadMany(children.map((c) => c.id)),
    ctx.loaders.regionById.loadMany(children.map((c) => c.regionId)),
    (await ctx.scope.allocations()).andWhere('a.fund_id = :fundId', { fundId: g.fundId }).getMany(),
  ]);
  const allocated = allocations.reduce((sum, a) => sum.plus(a.amount), new DecimalValue(0));
  const report = checkConsistency({
    parent: {
      allocatedAmount: money(allocated),
      indicators: parentIndicators.map((i) => ({ id: i.id, ...storedIndicator(i) })),
    },
    children: children.map((c, k) => {
      const rows = childIndicators[k];
      const region = regions[k];
      return {
        goalId: c.id,
        label: region && !(region instanceof Error) ? region.name : c.name,
        annualAmount: c.annualAmount ?? '0',
        indicators: Array.isArray(rows) ? rows.map(storedIndicator) : [],
      };
    }),
    childKind: 'REGIONAL',
  });
  return report.errors.map((e) => e.message);
}

/** The facts `decide` needs for one action (only those it looks at). */
export async function factsFor(
  ctx: RequestContext,
  g: GoalEntity,
  action: WorkflowAction | null,
): Promise<{ facts: WorkflowFacts; problems: Problem[] }> {
  let problems: Problem[] = [];
  const facts: WorkflowFacts = {};
  if (action === null || action === WorkflowAction.SUBMIT || action === WorkflowAction.FILE_FOR_RECORD) {
    if (g.status === GoalStatus.DRAFT || g.status === GoalStatus.RETURNED) {
      problems = completenessProblems(g, await ctx.loaders.indicatorsByGoalId.load(g.id));
      facts.completenessErrors = problems.map((p) => p.message);
    }
  }
  if (
    (action === null || action === WorkflowAction.APPROVE) &&
    (g.status === GoalStatus.SUBMITTED || g.status === GoalStatus.IN_REVIEW)
  ) {
    facts.gateErrors = await gateErrors(ctx, g);
    facts.consistencyErrors = await consistencyErrors(ctx, g);
  }
  return { facts, problems };
}

/** One workflow action (DOMAIN §7): `decide`, then the guarded update, the history row and the audit event. */
function transition(ctx: RequestContext, input: GoalActionInput, action: WorkflowAction) {
  return runMutation(ctx, meanings, async (em) => {
    const caller: Principal = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    const { facts, problems } = await factsFor(ctx, current, action);
    const decideInput: DecideInput = { ...facts, comment: input.comment ?? null };
    const next = await em.findOneBy(GoalEntity, { tenantId: caller.tenantId, supersedesGoalId: current.id });
    const d: Decision = decide(workflowGoal(current, next), caller, action, decideInput);
    if (!d.ok) {
      if (action === WorkflowAction.RETURN && d.code === ErrorCode.BAD_USER_INPUT) {
        abortWith(ErrorCode.BAD_USER_INPUT, ['input', 'comment'], d.message);
      }
      return refusalErrors(d, problems);
    }
    const changes: Partial<GoalEntity> = { status: d.next.status, currentStep: d.next.step };
    if (action === WorkflowAction.SUBMIT) {
      // The chain is snapshotted on submission (DOMAIN §7): who reviews is fixed for this round.
      const chain = await rebuildChain(em, current);
      if (!chain.ok) return refusalErrors(chain);
      changes.reviewChain = chain.steps;
    }
    await guardedUpdate(em, GoalEntity, current, input.expectedVersion, changes, ROW_VERSION);
    await insertTransition(
      em,
      caller,
      current.id,
      d.transitionRecord,
      changes.reviewChain ? changes.reviewChain.length : d.transitionRecord.stepCount,
    );
    const r = d.transitionRecord;
    if (d.supersedes && current.supersedesGoalId) await supersede(ctx, em, current.supersedesGoalId, d);
    const { goal } = await reload(ctx, em, current.id);
    await recordAudit(em, caller, {
      entityType: 'PerformanceGoal',
      entityId: current.id,
      action,
      regionPath: current.regionPath,
      before: current,
      after: { ...goal, comment: r.comment },
    });
    return { goal };
  });
}

/** Issuing (or filing) version n+1 supersedes version n (DOMAIN §7); n stays readable, with its record. */
async function supersede(ctx: RequestContext, em: EntityManager, previousId: string, d: Accepted) {
  const caller = ctx.caller;
  const previous = await em.findOneByOrFail(GoalEntity, { tenantId: caller.tenantId, id: previousId });
  const s = d.supersedes;
  if (!s) return;
  await guardedUpdate(em, GoalEntity, previous, previous.rowVersion, { status: s.status }, ROW_VERSION);
  await insertTransition(em, caller, previous.id, s.transitionRecord, previous.reviewChain.length);
  const after = await em.findOneByOrFail(GoalEntity, { tenantId: caller.tenantId, id: previousId });
  ctx.loaders.goalById.clear(previousId);
  await recordAudit(em, caller, {
    entityType: 'PerformanceGoal',
    entityId: previous.id,
    action: 'SUPERSEDE',
    regionPath: previous.regionPath,
    before: previous,
    after,
  });
}

async function insertTransition(
  em: EntityManager,
  caller: Principal,
  goalId: string,
  r: TransitionRecord,
  stepCount: number,
) {
  await em.insert(GoalTransitionEntity, {
    tenantId: caller.tenantId,
    id: randomUUID(),
    goalId,
    goalVersion: r.version,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    fromStep: r.fromStep,
    toStep: r.toStep,
    stepCount,
    role: r.role,
    actorUserId: caller.userId,
    actorOrganizationId: caller.organizationId,
    comment: r.comment,
  });
}

/**
 * 申请调整 (DOMAIN §7; 002 第十三条; 000 第十四条): an issued or filed goal changes only through version
 * n+1, drafted by the requester with a reason and reviewed by the same chain; n stays in force until n+1
 * is issued. The request is recorded on version n; n itself does not change (it is frozen, P8).
 */
export function requestAdjustment(ctx: RequestContext, input: RequestAdjustmentInput) {
  return runMutation(ctx, meanings, async (em) => {
    const caller = ctx.caller;
    const current = await visibleGoal(ctx, input.id);
    const next = await em.findOneBy(GoalEntity, { tenantId: caller.tenantId, supersedesGoalId: current.id });
    const d = decide(workflowGoal(current, next), caller, WorkflowAction.REQUEST_ADJUSTMENT, {
      reason: input.reason,
    });
    if (!d.ok) {
      if (d.code === ErrorCode.BAD_USER_INPUT) abortWith(d.code, ['input', 'reason'], d.message);
      return refusalErrors(d);
    }
    if (current.rowVersion !== input.expectedVersion) {
      abortWith(
        ErrorCode.CONFLICT,
        ['input', 'expectedVersion'],
        msg(
          '该记录已被他人修改，请刷新后重试',
          'The record was changed by someone else since you read it; reload and try again',
        ),
      );
    }
    const adjustment = d.adjustment;
    if (!adjustment) return notFound();
    const subject = await chainSubjectOf(em, current, adjustment.drafterOrganizationId);
    const chain = buildReviewChain(subject, await dirOf(em, caller.tenantId, subject));
    if (!chain.ok) return refusalErrors(chain);
    const id = randomUUID();
    await em.insert(GoalEntity, {
      tenantId: caller.tenantId,
      id,
      scope: current.scope,
      year: current.year,
      projectId: current.projectId,
      fundId: current.fundId,
      regionId: current.regionId,
      departmentId: current.departmentId,
      parentGoalId: current.parentGoalId,
      decomposition: current.decomposition,
      name: current.name,
      implementationPeriodObjective: current.implementationPeriodObjective,
      annualObjective: current.annualObjective,
      annualAmount: current.annualAmount,
      fiscalAmount: current.fiscalAmount,
      otherAmount: current.otherAmount,
      status: GoalStatus.DRAFT,
      currentStep: 0,
      reviewChain: chain.steps,
      drafterOrganizationId: adjustment.drafterOrganizationId,
      goalVersion: adjustment.version,
      supersedesGoalId: current.id,
      adjustmentReason: adjustment.reason,
      filingBasis: adjustment.filingBasis,
      regionPath: '',
    });
    const indicators = await em.find(GoalIndicatorEntity, {
      where: { tenantId: caller.tenantId, goalId: current.id },
      order: { position: 'ASC' },
    });
    if (indicators.length > 0) {
      await em.insert(
        GoalIndicatorEntity,
        indicators.map((i) => ({ ...i, id: randomUUID(), goalId: id })),
      );
    }
    await insertTransition(em, caller, current.id, d.transitionRecord, current.reviewChain.length);
    const { goal, indicators: copied } = await reload(ctx, em, id);
    ctx.loaders.adjustmentByGoalId.clear(current.id);
    await recordAudit(em, caller, {
      entityType: 'PerformanceGoal',
      entityId: id,
      action: 'REQUEST_ADJUSTMENT',
      regionPath: goal.regionPath,
      after: { ...snapshot(goal, copied), adjusts: current.id },
    });
    return { goal };
  });
}

export const submitGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.SUBMIT);
export const approveGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.APPROVE);
export const returnGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.RETURN);
export const issueGoal = (ctx: RequestContext, input: GoalActionInput) =>
  transition(ctx, input, WorkflowAction.ISSUE);
