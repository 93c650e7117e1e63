import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { msg } from '../common/error-code';
import { refusal, type RefusalError } from '../common/refusal';
import { canAdminister, type Principal } from './principal';
import { OrganizationKind } from './principal-kinds';

/**
 * Shield rules, named after the principles of DOMAIN §8. They decide who may call a root field at all;
 * record-level checks (which objects) live in the scoped data access and the services.
 */

/** Anyone, signed in or not: signing in. */
export const publicAccess = rule('public', { cache: 'no_cache' })(() => true);

/** P6 jurisdiction: a signed-in caller; what it sees is then limited to its subtree by the scoped helper. */
export const p6SignedInWithinJurisdiction = rule('P6 signed in, within jurisdiction', {
  cache: 'contextual',
})((_parent, _args, ctx: RequestContext) => (ctx.principal ? true : refusal.unauthenticated()));

/**
 * P6 administration: tenant administrators (系统管理员) of a body that may write — audit offices read
 * their subtree and write nothing (003 第七条).
 */
export const p6TenantAdministrator = rule('P6 tenant administrator', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  return canAdminister(ctx.principal)
    ? true
    : refusal.forbidden('P6', msg('只有系统管理员可以执行此操作', 'Only a tenant administrator may do this'));
});

/**
 * A shield rule on the signed-in caller: unauthenticated without a principal, else the module's answer for
 * it — true, or the refusal naming the principle of DOMAIN §8 (one shape for the modules' kind rules).
 */
export function principalRule(name: string, decide: (principal: Principal) => true | RefusalError) {
  return rule(name, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) =>
    ctx.principal ? decide(ctx.principal) : refusal.unauthenticated(),
  );
}

/**
 * A shield rule on the caller's kind of organization (DOMAIN §8): the `allowed` kinds pass; an audit office
 * is refused under P6 with `auditOffice` (it reads and writes nothing, 003 第七条); any other kind under
 * `principle` with `message`.
 */
export function kindRule(
  name: string,
  allowed: OrganizationKind | readonly OrganizationKind[],
  principle: string,
  message: { zh: string; en: string },
  auditOffice: { zh: string; en: string },
) {
  const kinds: readonly OrganizationKind[] = [allowed].flat();
  return principalRule(name, ({ organizationKind: kind }) => {
    if (kinds.includes(kind)) return true;
    if (kind === OrganizationKind.AUDIT_OFFICE)
      return refusal.forbidden('P6', msg(auditOffice.zh, auditOffice.en));
    return refusal.forbidden(principle, msg(message.zh, message.en));
  });
}
