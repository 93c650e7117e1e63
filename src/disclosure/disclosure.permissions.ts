import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { p6SignedInWithinJurisdiction, publicAccess } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * P5 谁主管、谁负责、谁公开 (003 转移支付 第三十五条): finance and competent departments disclose; the service
 * then checks that the caller is the item's responsible department. Units, third parties and audit
 * offices (which write nothing, 003 第七条) never do.
 */
export const p5ResponsibleDepartmentDiscloses = rule('P5 responsible department discloses', {
  cache: 'contextual',
})((_parent, _args, ctx: RequestContext) => {
  if (!ctx.principal) return refusal.unauthenticated();
  const kind = ctx.principal.organizationKind;
  if (kind === OrganizationKind.FINANCE_BUREAU || kind === OrganizationKind.COMPETENT_DEPARTMENT) return true;
  return refusal.forbidden(
    'P5',
    msg(
      '谁主管、谁负责、谁公开：只有责任部门可以公开或定密',
      'Only the responsible department discloses (P5)',
    ),
  );
});

/** Root fields of disclosure (DOMAIN §14): the public reads need no token; they return published items only. */
export const disclosurePermissions = {
  Query: {
    publicGoals: publicAccess,
    publicEvaluations: publicAccess,
    publicResults: publicAccess,
    publicationDue: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    classifyForDisclosure: p5ResponsibleDepartmentDiscloses,
    publishDisclosure: p5ResponsibleDepartmentDiscloses,
    withdrawDisclosure: p5ResponsibleDepartmentDiscloses,
  },
};
