import { Ctx, Query, Resolver } from 'type-graphql';
import { grantedAbilities } from '../auth/abilities';
import { hasSubtreeJurisdiction } from '../auth/principal';
import type { RequestContext } from '../common/request-context';
import { Ability, Me } from './dto/me.types';
import { refusal } from '../common/refusal';

/**
 * DOMAIN §8: what the caller may do, as the UI needs it (issue 11 item 5) — its reach (P6, the scoped
 * access) and every ability whose permission rule admits it (src/auth/abilities.ts).
 */
export async function abilitiesOf(ctx: RequestContext): Promise<Ability[]> {
  const reach = hasSubtreeJurisdiction(ctx.caller) ? Ability.READ_SUBTREE : Ability.READ_OWN;
  return [reach, ...((await grantedAbilities(ctx)) as Ability[])];
}

/**
 * 当前用户: the caller as the hierarchy knows it (user, organization, region, tenant). It lives with the
 * hierarchy, not in auth/, so that auth/ (tokens, passwords, the principal) imports no domain module.
 */
@Resolver()
export class MeResolver {
  @Query(() => Me, { description: '当前用户 — the caller, its organization, region, tenant and abilities' })
  async me(@Ctx() ctx: RequestContext) {
    const p = ctx.caller;
    const em = await ctx.scope.manager();
    const [user, organization, region, tenant] = await Promise.all([
      (await ctx.scope.users()).andWhere('u.id = :id', { id: p.userId }).getOne(),
      ctx.loaders.organizationById.load(p.organizationId),
      ctx.loaders.regionById.load(p.regionId),
      em.query('SELECT id, name FROM tenant WHERE id = $1', [p.tenantId]) as Promise<
        { id: string; name: string }[]
      >,
    ]);
    if (!user || !organization || !region || !tenant[0]) throw refusal.unauthenticated();
    return { user, organization, region, tenant: tenant[0], abilities: await abilitiesOf(ctx) };
  }
}
