import type { RequestContext } from '../../common/request-context';
import type { FundEntity } from '../../funds/fund.entity';
import type { ProjectEntity } from '../../funds/project.entity';
import type { GoalIndicatorEntity } from '../../goals/goal-indicator.entity';
import type { GoalEntity } from '../../goals/goal.entity';
import { monitoringLoaders } from '../../monitoring/monitoring.loaders';
import { notFound, subjectUuid } from './form-ids';

/**
 * A goal as the forms show it (附件1–3; DOMAIN §5), read through the caller's loaders: the goal and its
 * indicators only when the caller may see the goal (P6, otherwise NOT_FOUND), its project, fund and region
 * through their own scopes, and the names of the organisations the goal names (its department, unit,
 * drafter, the fund's department) — those a participant always sees (DOMAIN §7), read by id in the tenant.
 */
export interface GoalFormData {
  goal: GoalEntity;
  indicators: GoalIndicatorEntity[];
  project: ProjectEntity | null;
  fund: FundEntity | null;
  regionName: string | null;
  /** organisation id → name, for the organisations the goal names */
  names: Map<string, string>;
}

/** The name of an organisation the goal names (`names`); null for none. */
export function nameIn(d: GoalFormData, id: string | null | undefined): string | null {
  return id ? (d.names.get(id) ?? null) : null;
}

export async function loadGoalForm(ctx: RequestContext, id: string): Promise<GoalFormData> {
  void ctx.caller; // UNAUTHENTICATED before anything is read
  const uuid = subjectUuid(id, 'PerformanceGoal');
  const goal = uuid ? await ctx.loaders.goalById.load(uuid) : null;
  if (!goal) throw notFound('PerformanceGoal');
  return goalFormOf(ctx, goal);
}

export async function goalFormOf(ctx: RequestContext, goal: GoalEntity): Promise<GoalFormData> {
  const l = ctx.loaders;
  const [indicators, project, fund, region] = await Promise.all([
    l.indicatorsByGoalId.load(goal.id),
    goal.projectId ? l.projectById.load(goal.projectId) : null,
    goal.fundId ? l.fundById.load(goal.fundId) : null,
    l.regionById.load(goal.regionId),
  ]);
  const orgIds = [
    goal.drafterOrganizationId,
    goal.departmentId,
    project?.departmentId,
    project?.implementingUnitId,
    fund?.organizationId,
  ].filter((x): x is string => typeof x === 'string');
  return {
    goal,
    indicators,
    project,
    fund,
    regionName: region?.name ?? null,
    names: await orgNames(ctx, orgIds),
  };
}

/** Names of organisations named by objects the caller sees (DOMAIN §7: parties are never hidden). */
export async function orgNames(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const parties = monitoringLoaders(ctx).partyById;
  const orgs = await Promise.all(unique.map((id) => parties.load(id)));
  return new Map(orgs.filter((o) => o !== null).map((o) => [o.id, o.name]));
}
