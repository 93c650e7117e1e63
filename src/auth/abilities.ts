import type { RequestContext } from '../common/request-context';

/**
 * 权限 for menus (issue 11 item 5): an ability is granted exactly when the permission rule of its
 * representative root field admits the caller — the very rule object the shield applies to that field
 * (registered by the composition root, src/app/abilities.ts), so `me.abilities` and the permissions
 * cannot drift apart. Rules that depend on a record (which goal, which project) are decided with no
 * arguments: the ability says the caller may use the menu; the record-level checks still apply.
 */

/** The part of a graphql-shield rule this needs (Rule and LogicRule both have it). */
export interface ShieldRuleLike {
  resolve(
    parent: unknown,
    args: Record<string, unknown>,
    ctx: unknown,
    info: unknown,
    options: unknown,
  ): Promise<unknown>;
}

export interface AbilityGrant {
  ability: string;
  /** The representative root field, e.g. `Mutation.createFund`. */
  operation: string;
  rule: ShieldRuleLike;
}

let grants: readonly AbilityGrant[] = [];

/** Called once by the composition root with the ability table resolved against the permission tree. */
export function registerAbilityGrants(list: readonly AbilityGrant[]): void {
  grants = list;
}

export function abilityGrants(): readonly AbilityGrant[] {
  return grants;
}

const SHIELD_OPTIONS = { debug: false, allowExternalErrors: true, hashFunction: () => 'ability' };

/**
 * The abilities whose rule admits the caller, in table order. Each rule runs on a context of its own
 * (its own shield cache), so this never answers for, or from, the request's real permission checks.
 */
export async function grantedAbilities(ctx: RequestContext): Promise<string[]> {
  const probe = Object.assign(Object.create(ctx) as object, { _shield: { cache: {} } });
  const granted: string[] = [];
  for (const grant of grants) {
    if ((await grant.rule.resolve(undefined, {}, probe, undefined, SHIELD_OPTIONS)) === true)
      granted.push(grant.ability);
  }
  return granted;
}
