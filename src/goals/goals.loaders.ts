import DataLoader from 'dataloader';
import { groupBy } from '../common/collections';
import { registerLoaders } from '../common/request-context';
import type { ScopedAccess } from '../common/scoped-access';
import type { GoalIndicatorEntity } from './goal-indicator.entity';
import type { GoalTransitionEntity } from './goal-transition.entity';
import type { GoalEntity } from './goal.entity';
import { goalParticipantsLoaders } from './goal-participants.loaders';

/**
 * Per-request loaders of performance goals (STYLE principle 6): every batch goes through the scoped
 * helper, takes its keys as one array parameter and answers in key order; a key outside the caller's
 * jurisdiction answers null (or leaves its list), exactly like a missing one.
 */
export function goalsLoaders(scope: ScopedAccess) {
  return {
    ...goalParticipantsLoaders(scope),
    goalById: new DataLoader<string, GoalEntity | null>(async (ids) => {
      const rows = await (await scope.goals()).andWhere('g.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((g) => [g.id, g]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    goalsByParentId: new DataLoader<string, GoalEntity[]>(async (ids) => {
      const rows = await (await scope.goals())
        .andWhere('g.parent_goal_id = ANY(:ids)', { ids })
        .orderBy('g.created_at')
        .addOrderBy('g.id')
        .getMany();
      const grouped = groupBy(rows, (g) => g.parentGoalId ?? '');
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    /** The next version (n+1) of each goal version, if an adjustment was requested and not withdrawn. */
    adjustmentByGoalId: new DataLoader<string, GoalEntity | null>(async (ids) => {
      const rows = await (await scope.goals())
        .andWhere('g.supersedes_goal_id = ANY(:ids)', { ids })
        .andWhere(`g.status <> 'WITHDRAWN'`)
        .getMany();
      const byId = new Map(rows.map((g) => [g.supersedesGoalId ?? '', g]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Adjustments of each goal version that their drafters withdrew (DOMAIN §15: kept), oldest first. */
    withdrawnAdjustmentsByGoalId: new DataLoader<string, GoalEntity[]>(async (ids) => {
      const rows = await (await scope.goals())
        .andWhere('g.supersedes_goal_id = ANY(:ids)', { ids })
        .andWhere(`g.status = 'WITHDRAWN'`)
        .orderBy('g.created_at')
        .addOrderBy('g.id')
        .getMany();
      const grouped = groupBy(rows, (g) => g.supersedesGoalId ?? '');
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    indicatorsByGoalId: new DataLoader<string, GoalIndicatorEntity[]>(async (ids) => {
      const rows = await (await scope.goalIndicators())
        .andWhere('gi.goal_id = ANY(:ids)', { ids })
        .orderBy('gi.position')
        .getMany();
      const grouped = groupBy(rows, (i) => i.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    transitionsByGoalId: new DataLoader<string, GoalTransitionEntity[]>(async (ids) => {
      const rows = await (await scope.goalTransitions())
        .andWhere('gt.goal_id = ANY(:ids)', { ids })
        .orderBy('gt.at')
        .addOrderBy('gt.id')
        .getMany();
      const grouped = groupBy(rows, (t) => t.goalId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type GoalsLoaders = ReturnType<typeof goalsLoaders>;

// This module's part of every request's loader set (composed by src/app/modules.ts).
registerLoaders('goals', goalsLoaders);
declare module '../common/request-context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge adds the members
  interface Loaders extends GoalsLoaders {}
}
