import DataLoader from 'dataloader';
import type { ScopedAccess } from '../common/scoped-access';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { UserEntity } from '../hierarchy/user.entity';
import { GoalEntity } from './goal.entity';
import type { GoalStatus } from './goal.enums';

/** The acting person of a goal transition, as far as the visibility rule needs it (DOMAIN §7). */
export interface GoalActor {
  id: string;
  displayName: string;
  organizationId: string;
  regionPath: string;
}

/**
 * Loaders for what a participant of a goal sees beyond its own jurisdiction (DOMAIN §7: "the organisations
 * of the review chain are never hidden from those who take part in it"). Each reads only through goals the
 * caller already sees (`scope.goals()`), inside the tenant, one statement per batch:
 * - `goalParticipantById`: organisations that draft, review (a chain step) or acted on (a transition) a
 *   goal the caller sees — a township drafter sees the district bodies that review its goal;
 * - `goalActorById`: the persons who acted on a goal the caller sees (the resolver decides whether the
 *   name is shown: see `GoalTransitionResolver.actorName`);
 * - `parentStatusByGoalId`: the status — nothing else — of the parent of a goal the caller sees, which the
 *   tree-integrity rule needs even when the parent itself is outside the caller's view (DOMAIN §5).
 */
export function goalParticipantsLoaders(scope: ScopedAccess) {
  const visibleGoals = async (alias: string) => {
    const visible = await scope.goals(alias);
    return { sql: visible.select(`${alias}.id`).getQuery(), params: visible.getParameters() };
  };
  return {
    goalParticipantById: new DataLoader<string, OrganizationEntity | null>(async (ids) => {
      const em = await scope.manager();
      const visible = await visibleGoals('gpv');
      const rows = await em
        .createQueryBuilder(OrganizationEntity, 'gpo')
        .where('gpo.tenant_id = :gpTenant', { gpTenant: scope.caller.tenantId })
        .andWhere('gpo.id = ANY(:gpIds)', { gpIds: ids })
        .andWhere(
          `EXISTS (SELECT 1 FROM performance_goal gpg WHERE gpg.tenant_id = gpo.tenant_id AND gpg.id IN (${visible.sql})
             AND (gpg.drafter_organization_id = gpo.id
               OR gpg.review_chain @> jsonb_build_array(jsonb_build_object('organizationId', gpo.id::text))
               OR EXISTS (SELECT 1 FROM goal_transition gpt WHERE gpt.tenant_id = gpg.tenant_id AND gpt.goal_id = gpg.id AND gpt.actor_organization_id = gpo.id)))`,
        )
        .setParameters(visible.params)
        .getMany();
      const byId = new Map(rows.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    goalActorById: new DataLoader<string, GoalActor | null>(async (ids) => {
      const em = await scope.manager();
      const visible = await visibleGoals('gav');
      const rows = await em
        .createQueryBuilder(UserEntity, 'gau')
        .select(['gau.id', 'gau.displayName', 'gau.organizationId', 'gau.regionPath'])
        .where('gau.tenant_id = :gaTenant', { gaTenant: scope.caller.tenantId })
        .andWhere('gau.id = ANY(:gaIds)', { gaIds: ids })
        .andWhere(
          `EXISTS (SELECT 1 FROM goal_transition gat WHERE gat.tenant_id = gau.tenant_id AND gat.actor_user_id = gau.id AND gat.goal_id IN (${visible.sql}))`,
        )
        .setParameters(visible.params)
        .getMany();
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => {
        const u = byId.get(id);
        return u
          ? {
              id: u.id,
              displayName: u.displayName,
              organizationId: u.organizationId,
              regionPath: u.regionPath,
            }
          : null;
      });
    }),

    parentStatusByGoalId: new DataLoader<string, GoalStatus | null>(async (ids) => {
      const em = await scope.manager();
      const visible = await visibleGoals('gsv');
      const rows = await em
        .createQueryBuilder(GoalEntity, 'gsp')
        .select(['gsp.id', 'gsp.status', 'gsc.id'])
        .innerJoin(GoalEntity, 'gsc', 'gsc.tenant_id = gsp.tenant_id AND gsc.parent_goal_id = gsp.id')
        .where('gsp.tenant_id = :gsTenant', { gsTenant: scope.caller.tenantId })
        .andWhere('gsc.id = ANY(:gsIds)', { gsIds: ids })
        .andWhere(`gsc.id IN (${visible.sql})`)
        .setParameters(visible.params)
        .getRawMany<{ gsp_id: string; gsp_status: GoalStatus; gsc_id: string }>();
      const byChild = new Map(rows.map((r) => [r.gsc_id, r.gsp_status]));
      return ids.map((id) => byChild.get(id) ?? null);
    }),
  };
}
