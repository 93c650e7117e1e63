import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { canAdminister, type Principal } from '../auth/principal';
import { msg } from '../common/error-code';
import { refusal } from '../common/refusal';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';

/**
 * Who reads the audit trail (DOMAIN §15; 003 第七条; P6), always limited to the caller's subtree by
 * `ScopedAccess.auditEvents`:
 * - audit offices (审计部门) — the readers 003 第七条 names;
 * - finance bureaus (财政部门) — they organize and supervise budget performance management of their level
 *   and the finance offices below (002 第四条(二)), and review the goals whose history this is;
 * - tenant administrators (系统管理员) of competent departments — they administer the subtree's accounts.
 * Implementing units, other department users and third parties see only their own items (P6): refused.
 */
export function canReadAuditTrail(p: Principal): boolean {
  return (
    p.organizationKind === OrganizationKind.AUDIT_OFFICE ||
    p.organizationKind === OrganizationKind.FINANCE_BUREAU ||
    canAdminister(p)
  );
}

export const p6AuditTrailReader = rule('P6 audit trail reader: audit office, finance or administrator', {
  cache: 'contextual',
})((_parent, _args, ctx: RequestContext) => {
  if (!ctx.principal) return refusal.unauthenticated();
  return canReadAuditTrail(ctx.principal)
    ? true
    : refusal.forbidden(
        'P6',
        msg(
          '审计留痕仅供审计部门、财政部门和系统管理员查阅本辖区',
          'Only audit offices, finance bureaus and tenant administrators read the audit trail of their subtree',
        ),
      );
});

/** Root fields of the audit module and the principle that admits their callers (DOMAIN §8). */
export const auditPermissions = {
  Query: {
    auditEvents: p6AuditTrailReader,
  },
  Mutation: {},
};
