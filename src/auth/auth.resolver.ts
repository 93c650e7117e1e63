import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { AppError } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { login } from './auth.service';
import { Ability, LoginInput, LoginPayload, Me } from './dto/auth.types';
import { canAdminister, hasSubtreeJurisdiction, type Principal } from './principal';

/** DOMAIN §8: what the caller may do, as the UI needs it. */
export function abilitiesOf(p: Principal): Ability[] {
  const abilities = [hasSubtreeJurisdiction(p) ? Ability.READ_SUBTREE : Ability.READ_OWN];
  if (canAdminister(p)) abilities.push(Ability.ADMINISTER_HIERARCHY);
  if (p.organizationKind === OrganizationKind.AUDIT_OFFICE || canAdminister(p))
    abilities.push(Ability.READ_AUDIT_TRAIL);
  return abilities;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: '登录 — sign in; returns a bearer token that expires' })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LoginInput, { description: '输入 — the mutation input' }) input: LoginInput,
  ): Promise<LoginPayload> {
    return login(ctx, input);
  }

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
    if (!user || !organization || !region || !tenant[0]) throw AppError.unauthenticated();
    return { user, organization, region, tenant: tenant[0], abilities: abilitiesOf(p) };
  }
}
