import type { SeedDb } from './db';
import type { GoalPlan } from './synthetic-goals';
import { bulkInsert, type Directory } from './synthetic-model';

export type GoalStatusCode = 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'APPROVED' | 'ISSUED' | 'RETURNED';

/** One workflow action on one goal, as goal.service records it (goal_transition, DOMAIN §7). */
interface Transition {
  id: string;
  goalId: string;
  action: 'SUBMIT' | 'APPROVE' | 'ISSUE' | 'RETURN';
  from: GoalStatusCode;
  to: GoalStatusCode;
  fromStep: number;
  toStep: number;
  stepCount: number;
  role: string | null;
  actorUserId: string;
  actorOrganizationId: string;
  comment: string | null;
}

const RETURN_COMMENT = '产出指标测算依据不足，请补充细化后重新提交';

/** The status a goal ends in: the tree's top issued; projects mostly ISSUED, some in every other state. */
function targetStatus(dir: Directory, goal: GoalPlan): GoalStatusCode {
  if (goal.scope === 'TRANSFER_OVERALL' || goal.scope === 'TRANSFER_REGIONAL') return 'ISSUED';
  const r = dir.random();
  if (r < 0.85) return 'ISSUED';
  if (r < 0.89) return 'DRAFT';
  if (r < 0.92) return 'SUBMITTED';
  if (r < 0.95) return 'IN_REVIEW';
  if (r < 0.97) return 'APPROVED';
  return 'RETURNED';
}

/**
 * The legal path to a goal's status through its review chain (DOMAIN §7; src/goals/rules/workflow.ts):
 * SUBMIT by the drafter (→ SUBMITTED, step 1), APPROVE by each step's body (→ IN_REVIEW step k+1, or
 * APPROVED after the final step), ISSUE by finance at the budget's level; RETURN at step 1 with a comment.
 */
function pathOf(dir: Directory, goal: GoalPlan, status: GoalStatusCode): Transition[] {
  const steps: Transition[] = [];
  const n = goal.chain.length;
  let from: GoalStatusCode = 'DRAFT';
  let at = 0;
  const add = (
    action: Transition['action'],
    to: GoalStatusCode,
    toStep: number,
    role: string | null,
    org: string,
    comment: string | null = null,
  ) => {
    steps.push({
      id: dir.id('transition', goal.id, String(steps.length)),
      goalId: goal.id,
      action,
      from,
      to,
      fromStep: at,
      toStep,
      stepCount: n,
      role,
      actorUserId: dir.user(org),
      actorOrganizationId: org,
      comment,
    });
    from = to;
    at = toStep;
  };
  if (status === 'DRAFT') return steps;
  add('SUBMIT', 'SUBMITTED', 1, null, goal.drafterOrganizationId);
  if (status === 'SUBMITTED') return steps;
  if (status === 'RETURNED') {
    add('RETURN', 'RETURNED', 0, goal.chain[0].role, goal.chain[0].organizationId, RETURN_COMMENT);
    return steps;
  }
  for (const s of goal.chain) {
    if (status === 'IN_REVIEW' && at >= 2) return steps;
    add('APPROVE', s.final ? 'APPROVED' : 'IN_REVIEW', s.final ? 0 : s.index + 1, s.role, s.organizationId);
  }
  if (status === 'APPROVED' || status === 'IN_REVIEW') return steps;
  const last = goal.chain[n - 1];
  add('ISSUE', 'ISSUED', 0, last.role, last.organizationId);
  return steps;
}

/**
 * Moves the DRAFT goals to their statuses with set-based UPDATEs, one legal step per round (the trigger
 * allows only one step per update, P8 — never disabled), and records every step in goal_transition.
 * A goal whose chain is too short for IN_REVIEW (one step) stops at APPROVED instead.
 */
export async function advanceGoals(
  tx: SeedDb,
  dir: Directory,
  goals: GoalPlan[],
): Promise<{ byStatus: Record<string, number>; transitions: number }> {
  const paths = goals.map((g) => pathOf(dir, g, targetStatus(dir, g)));
  const statuses: Record<string, number> = {};
  paths.forEach((p) => {
    const end = p.length === 0 ? 'DRAFT' : p[p.length - 1].to;
    statuses[end] = (statuses[end] ?? 0) + 1;
  });
  const rounds = Math.max(0, ...paths.map((p) => p.length));
  for (let r = 0; r < rounds; r++) {
    const moves = paths.filter((p) => p.length > r).map((p) => p[r]);
    await tx.query(
      `UPDATE performance_goal g SET status = m.status, current_step = m.step, row_version = g.row_version + 1
       FROM unnest($2::uuid[], $3::text[], $4::int[]) AS m(id, status, step)
       WHERE g.tenant_id = $1 AND g.id = m.id`,
      [dir.ctx.tenantId, moves.map((m) => m.goalId), moves.map((m) => m.to), moves.map((m) => m.toStep)],
    );
  }
  // In path order, so the clock_timestamp() of each goal's history increases step by step.
  await bulkInsert(
    tx,
    'goal_transition',
    dir.ctx.tenantId,
    [
      ['id', 'uuid'],
      ['goal_id', 'uuid'],
      ['goal_version', 'int'],
      ['action', 'text'],
      ['from_status', 'text'],
      ['to_status', 'text'],
      ['from_step', 'int'],
      ['to_step', 'int'],
      ['step_count', 'int'],
      ['role', 'text'],
      ['actor_user_id', 'uuid'],
      ['actor_organization_id', 'uuid'],
      ['comment', 'text'],
    ],
    paths
      .flat()
      .map((t) => [
        t.id,
        t.goalId,
        1,
        t.action,
        t.from,
        t.to,
        t.fromStep,
        t.toStep,
        t.stepCount,
        t.role,
        t.actorUserId,
        t.actorOrganizationId,
        t.comment,
      ]),
    25_000,
  );
  return { byStatus: statuses, transitions: paths.reduce((s, p) => s + p.length, 0) };
}
