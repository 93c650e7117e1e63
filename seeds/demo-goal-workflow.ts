import { GoalScope, GoalStatus, WorkflowAction } from '../src/goals/goal.enums';
import {
  buildReviewChain,
  checkDrafter,
  type ChainSubject,
  type ReviewStep,
} from '../src/goals/rules/review-chain';
import { decide, type Decision, type WorkflowGoal } from '../src/goals/rules/workflow';
import type { DemoContext } from './demo-goal-context';
import { insertGoal, insertIndicators, insertTransition } from './demo-goal-rows';
import type { FundSpec, GoalSpec, ProjectSpec, StepSpec } from './demo-goal-types';

/** What the seed tracks of a goal version it wrote (the workflow's view of the row). */
interface Written {
  spec: GoalSpec;
  wg: WorkflowGoal;
  indicatorIds: string[];
}

/**
 * Writes demo goals as the services would: insert as DRAFT by the drafter (P1/P2, checked by
 * `checkDrafter`), then each step decided by `decide` (DOMAIN §7) and applied as one UPDATE, one
 * goal_transition row and one audit event. An adjustment is requested on version n and creates version
 * n + 1 as a copy, which its drafter then edits; issuing it supersedes version n.
 */
export class GoalWriter {
  private readonly goals = new Map<string, Written>();
  private readonly projectUnits: Map<string, string>;
  private readonly fundOwners: Map<string, string>;

  constructor(
    private readonly ctx: DemoContext,
    projects: ProjectSpec[],
    funds: FundSpec[],
  ) {
    this.projectUnits = new Map(projects.map((p) => [p.key, p.unit]));
    this.fundOwners = new Map(funds.map((f) => [f.key, f.owner]));
  }

  async write(spec: GoalSpec): Promise<void> {
    const written = spec.adjusts ? await this.adjust(spec) : await this.create(spec);
    this.goals.set(spec.key, written);
    for (const step of spec.steps) await this.step(written, step);
  }

  private parentIndicators(parent: string | undefined): string[] {
    return parent ? this.written(parent).indicatorIds : [];
  }

  private written(key: string): Written {
    const w = this.goals.get(key);
    if (!w) throw new Error(`demo goals: goal ${key} must come first`);
    return w;
  }

  /** The subject's region and the chain subject, as src/goals/goal-subject.ts builds them. */
  private subject(spec: GoalSpec, drafterId: string): ChainSubject {
    const ctx = this.ctx;
    const project = spec.project ? this.projectUnit(spec.project) : null;
    const fund = spec.fund ? this.fundOwner(spec.fund) : null;
    let regionId: string;
    if (spec.scope === GoalScope.PROJECT || spec.scope === GoalScope.TRANSFER_PROJECT)
      regionId = project!.regionId;
    else if (spec.scope === GoalScope.TRANSFER_OVERALL) regionId = fund!.regionId;
    else if (spec.scope === GoalScope.TRANSFER_REGIONAL) regionId = ctx.region(spec.region!).id;
    else regionId = ctx.organization(drafterId).regionId;
    return {
      scope: spec.scope,
      region: ctx.regionRef(regionId),
      drafter: ctx.organization(drafterId),
      unit: project,
      department: spec.scope === GoalScope.DEPARTMENT ? ctx.organization(drafterId) : null,
      fund: fund ? { departmentId: fund.id, region: ctx.regionRef(fund.regionId) } : null,
      decomposition: spec.decomposition ?? null,
    };
  }

  private projectUnit(key: string) {
    const login = this.projectUnits.get(key);
    if (!login) throw new Error(`demo goals: no project ${key}`);
    return this.ctx.user(login).organization;
  }

  private fundOwner(key: string) {
    const login = this.fundOwners.get(key);
    if (!login) throw new Error(`demo goals: no fund ${key}`);
    return this.ctx.user(login).organization;
  }

  private chain(spec: GoalSpec, drafterId: string): { subject: ChainSubject; steps: ReviewStep[] } {
    const subject = this.subject(spec, drafterId);
    const refusal = checkDrafter(subject, this.ctx.dir);
    if (refusal) throw new Error(`demo goals: ${spec.key} drafter refused: ${refusal.message.en}`);
    const chain = buildReviewChain(subject, this.ctx.dir);
    if (!chain.ok) throw new Error(`demo goals: ${spec.key} has no review chain: ${chain.message.en}`);
    return { subject, steps: chain.steps };
  }

  /** 新建绩效目标: DRAFT, with the chain as createGoal stores it, and an audit CREATE. */
  private async create(spec: GoalSpec): Promise<Written> {
    const ctx = this.ctx;
    const drafter = ctx.user(spec.drafter);
    const { subject, steps } = this.chain(spec, drafter.organizationId);
    const id = ctx.id('goal', spec.key);
    const at = ctx.at(spec.on);
    await insertGoal(ctx, id, spec, subject, steps, drafter.organizationId, at, null);
    const indicatorIds = await insertIndicators(
      ctx,
      id,
      spec.key,
      spec.indicators,
      this.parentIndicators(spec.parent),
    );
    await ctx.audit(spec.drafter, at, {
      entityType: 'PerformanceGoal',
      entityId: id,
      action: 'CREATE',
      regionPath: subject.region.path,
      after: await ctx.snapshot('performance_goal', id),
    });
    return {
      spec,
      wg: this.workflowGoal(id, spec, subject, steps, drafter.organizationId, 1, null),
      indicatorIds,
    };
  }

  /**
   * 申请调整 (DOMAIN §7; 002 第十三条): decided on version n, recorded on n; version n + 1 starts as a copy
   * of n (requestAdjustment), then its drafter edits it to the new content (updateGoal).
   */
  private async adjust(spec: GoalSpec): Promise<Written> {
    const ctx = this.ctx;
    const request = spec.adjusts!;
    const previous = this.written(request.goal);
    const d = decide(previous.wg, ctx.actor(request.by), WorkflowAction.REQUEST_ADJUSTMENT, {
      reason: request.reason,
    });
    const ok = accepted(d, spec.key, WorkflowAction.REQUEST_ADJUSTMENT, request.by);
    const adjustment = ok.adjustment!;
    const { subject, steps } = this.chain(previous.spec, adjustment.drafterOrganizationId);
    const id = ctx.id('goal', spec.key);
    const at = ctx.at(request.on);
    await insertGoal(ctx, id, previous.spec, subject, steps, adjustment.drafterOrganizationId, at, {
      version: adjustment.version,
      supersedes: previous.wg.id,
      reason: adjustment.reason,
    });
    await insertIndicators(
      ctx,
      id,
      spec.key,
      previous.spec.indicators,
      this.parentIndicators(previous.spec.parent),
    );
    await insertTransition(
      ctx,
      previous.wg.id,
      ok.transitionRecord,
      previous.wg.chain.length,
      request.by,
      at,
    );
    previous.wg = { ...previous.wg, adjustmentPending: true };
    await ctx.audit(request.by, at, {
      entityType: 'PerformanceGoal',
      entityId: id,
      action: 'REQUEST_ADJUSTMENT',
      regionPath: subject.region.path,
      after: { ...(await ctx.snapshot('performance_goal', id)), adjusts: previous.wg.id },
    });
    const wg = this.workflowGoal(
      id,
      spec,
      subject,
      steps,
      adjustment.drafterOrganizationId,
      adjustment.version,
      adjustment.adjusts,
    );
    accepted(
      decide(wg, ctx.actor(spec.drafter), WorkflowAction.EDIT),
      spec.key,
      WorkflowAction.EDIT,
      spec.drafter,
    );
    const editedAt = ctx.at(request.on);
    const before = await ctx.snapshot('performance_goal', id);
    await ctx.tx.query(
      `UPDATE performance_goal SET name = $3, implementation_period_objective = $4, annual_objective = $5,
              annual_amount = $6, fiscal_amount = $7, other_amount = $8, row_version = row_version + 1, updated_at = $9
       WHERE tenant_id = $1 AND id = $2`,
      [
        ctx.tenantId,
        id,
        spec.name,
        spec.implementationPeriodObjective,
        spec.annualObjective,
        spec.annualAmount,
        spec.fiscalAmount,
        spec.otherAmount,
        editedAt,
      ],
    );
    await ctx.tx.query('DELETE FROM goal_indicator WHERE tenant_id = $1 AND goal_id = $2', [
      ctx.tenantId,
      id,
    ]);
    const indicatorIds = await insertIndicators(
      ctx,
      id,
      spec.key,
      spec.indicators,
      this.parentIndicators(spec.parent),
    );
    await ctx.audit(spec.drafter, editedAt, {
      entityType: 'PerformanceGoal',
      entityId: id,
      action: 'UPDATE',
      regionPath: subject.region.path,
      before,
      after: await ctx.snapshot('performance_goal', id),
    });
    return { spec, wg, indicatorIds };
  }

  /** One workflow action (goal-workflow.service transition): decide, UPDATE, history row, audit event. */
  private async step(w: Written, step: StepSpec): Promise<void> {
    const ctx = this.ctx;
    const d = accepted(
      decide(w.wg, ctx.actor(step.by), step.action, { comment: step.comment ?? null }),
      w.spec.key,
      step.action,
      step.by,
    );
    const at = ctx.at(step.on);
    const before = await ctx.snapshot('performance_goal', w.wg.id);
    await ctx.tx.query(
      `UPDATE performance_goal SET status = $3, current_step = $4, review_chain = $5::jsonb,
              row_version = row_version + 1, updated_at = $6
       WHERE tenant_id = $1 AND id = $2`,
      [ctx.tenantId, w.wg.id, d.next.status, d.next.step, JSON.stringify(w.wg.chain), at],
    );
    await insertTransition(ctx, w.wg.id, d.transitionRecord, w.wg.chain.length, step.by, at);
    w.wg = { ...w.wg, status: d.next.status, step: d.next.step };
    if (d.supersedes) {
      const previous = this.written(w.spec.adjusts!.goal);
      const prevBefore = await ctx.snapshot('performance_goal', previous.wg.id);
      await ctx.tx.query(
        `UPDATE performance_goal SET status = $3, row_version = row_version + 1, updated_at = $4
         WHERE tenant_id = $1 AND id = $2`,
        [ctx.tenantId, previous.wg.id, d.supersedes.status, at],
      );
      await insertTransition(
        ctx,
        previous.wg.id,
        d.supersedes.transitionRecord,
        previous.wg.chain.length,
        step.by,
        at,
      );
      previous.wg = { ...previous.wg, status: d.supersedes.status };
      await ctx.audit(step.by, at, {
        entityType: 'PerformanceGoal',
        entityId: previous.wg.id,
        action: 'SUPERSEDE',
        regionPath: previous.wg.regionPath,
        before: prevBefore,
        after: await ctx.snapshot('performance_goal', previous.wg.id),
      });
    }
    await ctx.audit(step.by, at, {
      entityType: 'PerformanceGoal',
      entityId: w.wg.id,
      action: step.action,
      regionPath: w.wg.regionPath,
      before,
      after: { ...(await ctx.snapshot('performance_goal', w.wg.id)), comment: d.transitionRecord.comment },
    });
  }

  private workflowGoal(
    id: string,
    spec: GoalSpec,
    subject: ChainSubject,
    chain: ReviewStep[],
    drafterId: string,
    version: number,
    adjusts: number | null,
  ): WorkflowGoal {
    return {
      id,
      tenantId: this.ctx.tenantId,
      scope: spec.scope,
      version,
      status: GoalStatus.DRAFT,
      step: 0,
      chain,
      drafterOrganizationId: drafterId,
      regionPath: subject.region.path,
      filingBasis: spec.filingBasis ?? null,
      adjusts,
      adjustmentPending: false,
    };
  }
}

function accepted(d: Decision, key: string, action: WorkflowAction, login: string) {
  if (!d.ok) throw new Error(`demo goals: ${action} of ${key} by ${login} refused: ${d.message.en}`);
  return d;
}
