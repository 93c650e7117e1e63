import type { SelectQueryBuilder } from 'typeorm';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { registerScope, subtreePrefix, through } from '../common/scoped-access';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { GoalTransitionEntity } from './goal-transition.entity';
import { GoalEntity } from './goal.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    goals(alias?: string): Promise<SelectQueryBuilder<GoalEntity>>;
    goalIndicators(alias?: string): Promise<SelectQueryBuilder<GoalIndicatorEntity>>;
    goalTransitions(alias?: string): Promise<SelectQueryBuilder<GoalTransitionEntity>>;
  }
}

/**
 * 绩效目标 (DOMAIN §5, §7, P6): the drafter, the organizations in the goal's review chain, and bodies whose
 * subtree contains the goal's region; the receiving side of a fund also sees its overall goal once in force
 * (the requirements a bottom-up regional goal answers, 003 转移支付 第十五条(二)); units see the goals they
 * drafted and those of the projects they implement; third parties see none (not commissioned for goals).
 */
registerScope({
  name: 'goals',
  entity: GoalEntity,
  alias: 'g',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix OR ${alias}.drafter_organization_id = :scopeOrg
          OR ${alias}.review_chain @> jsonb_build_array(jsonb_build_object('organizationId', CAST(:scopeOrg AS text)))
          OR (${alias}.scope = 'TRANSFER_OVERALL' AND ${alias}.status IN ('ISSUED', 'FILED_FOR_RECORD', 'SUPERSEDED')
              AND EXISTS (SELECT 1 FROM fund_allocation sga WHERE sga.tenant_id = :scopeTenant AND sga.fund_id = ${alias}.fund_id AND sga.region_path LIKE :scopePrefix)))`,
        { scopePrefix: subtreePrefix(caller), scopeOrg: caller.organizationId },
      );
    }
    return qb.andWhere(
      `(${alias}.drafter_organization_id = :scopeOrg
        OR EXISTS (SELECT 1 FROM project sgp WHERE sgp.tenant_id = :scopeTenant AND sgp.id = ${alias}.project_id AND sgp.implementing_unit_id = :scopeOrg))`,
      { scopeOrg: caller.organizationId },
    );
  },
});

/** Indicators of the goals the caller sees (same predicate through the goal). */
registerScope({
  name: 'goalIndicators',
  entity: GoalIndicatorEntity,
  alias: 'gi',
  rule: through(GoalEntity, 'goal_id'),
});

/** Review history of the goals the caller sees (same predicate through the goal). */
registerScope({
  name: 'goalTransitions',
  entity: GoalTransitionEntity,
  alias: 'gt',
  rule: through(GoalEntity, 'goal_id'),
});
