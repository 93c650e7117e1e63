import type { ReviewStep, ChainSubject } from '../src/goals/rules/review-chain';
import type { TransitionRecord } from '../src/goals/rules/workflow';
import type { DemoContext } from './demo-goal-context';
import type { GoalSpec, IndicatorSpec } from './demo-goal-types';

/*
 * The rows of the goal tables as the services write them (goal-drafting / goal-workflow services):
 * a goal inserted as DRAFT (the database refuses any other start), its indicators in form order
 * (position from 0), and one history row per workflow action. Ids are fixed (seedId).
 */

/** 流转记录 (DOMAIN §7: who, which organisation, when, comment). */
export async function insertTransition(
  ctx: DemoContext,
  goalId: string,
  r: TransitionRecord,
  stepCount: number,
  login: string,
  at: string,
): Promise<void> {
  const actor = ctx.user(login);
  await ctx.tx.query(
    `INSERT INTO goal_transition (tenant_id, id, goal_id, goal_version, action, from_status, to_status, from_step,
                                    to_step, step_count, role, actor_user_id, actor_organization_id, comment, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      ctx.tenantId,
      ctx.id('goal-transition', goalId, at),
      goalId,
      r.version,
      r.action,
      r.fromStatus,
      r.toStatus,
      r.fromStep,
      r.toStep,
      stepCount,
      r.role,
      actor.userId,
      actor.organizationId,
      r.comment,
      at,
    ],
  );
}

/** A goal version, DRAFT, with its review chain. */
export async function insertGoal(
  ctx: DemoContext,
  id: string,
  spec: GoalSpec,
  subject: ChainSubject,
  chain: ReviewStep[],
  drafterId: string,
  at: string,
  adjustment: { version: number; supersedes: string; reason: string } | null,
): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO performance_goal (tenant_id, id, scope, year, project_id, fund_id, region_id, department_id,
         parent_goal_id, decomposition, name, implementation_period_objective, annual_objective, annual_amount,
         fiscal_amount, other_amount, status, current_step, review_chain, drafter_organization_id, goal_version,
         supersedes_goal_id, adjustment_reason, filing_basis, region_path, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'DRAFT', 0, $17::jsonb, $18,
               $19, $20, $21, $22, '', $23, $23)`,
    [
      ctx.tenantId,
      id,
      spec.scope,
      spec.year,
      spec.project ? ctx.id('project', spec.project) : null,
      spec.fund ? ctx.id('fund', spec.fund) : null,
      subject.region.id,
      subject.department?.id ?? null,
      spec.parent ? ctx.id('goal', spec.parent) : null,
      spec.decomposition ?? null,
      spec.name,
      spec.implementationPeriodObjective,
      spec.annualObjective,
      spec.annualAmount,
      spec.fiscalAmount,
      spec.otherAmount,
      JSON.stringify(chain),
      drafterId,
      adjustment?.version ?? 1,
      adjustment?.supersedes ?? null,
      adjustment?.reason ?? null,
      spec.filingBasis ?? null,
      at,
    ],
  );
  // DOMAIN §5 附件1–3 header for the demo: a one-year period with its money (附件1), and the transfer split
  // (附件2–3: all of the annual amount from the allocating level, nothing from 县级及以下).
  const project = spec.scope === 'PROJECT';
  const transfer = spec.scope.startsWith('TRANSFER_');
  await ctx.tx.query(
    `UPDATE performance_goal SET project_attribute = $3, period_start_year = $4, period_end_year = $4,
            period_amount = $5, period_fiscal_amount = $6, period_other_amount = $7,
            allocating_level_amount = $8, lower_level_amount = $9
      WHERE tenant_id = $1 AND id = $2`,
    [
      ctx.tenantId,
      id,
      project ? 'NEW' : null,
      project || spec.scope === 'TRANSFER_OVERALL' ? spec.year : null,
      project ? spec.annualAmount : null,
      project ? spec.fiscalAmount : null,
      project ? spec.otherAmount : null,
      transfer ? spec.annualAmount : null,
      transfer ? '0.00' : null,
    ],
  );
}

/** 绩效指标, each linked to the parent goal's indicator at its `parent` position (DOMAIN §5). */
export async function insertIndicators(
  ctx: DemoContext,
  goalId: string,
  key: string,
  list: IndicatorSpec[],
  parentIds: string[],
): Promise<string[]> {
  const ids = list.map((_, k) => ctx.id('indicator', key, String(k)));
  for (const [k, i] of list.entries()) {
    const parentIndicator = i.parent === null ? null : parentIds[i.parent];
    if (i.parent !== null && !parentIndicator)
      throw new Error(`demo goals: ${key} links to a missing indicator`);
    await ctx.tx.query(
      `INSERT INTO goal_indicator (tenant_id, id, goal_id, position, category, subcategory, name, kind, unit,
                                     comparator, target, points, parent_indicator_id, aggregation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        ctx.tenantId,
        ids[k],
        goalId,
        k,
        i.category,
        i.subcategory,
        i.name,
        i.kind,
        i.unit,
        i.comparator,
        i.target,
        i.points,
        parentIndicator,
        i.aggregation,
      ],
    );
  }
  return ids;
}
