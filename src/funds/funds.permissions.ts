import { rule } from 'graphql-shield';
import type { RequestContext } from '../common/request-context';
import { p6SignedInWithinJurisdiction } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * P1 谁分配预算、谁设定目标 (002 第十条(二)): only a competent department creates and changes funds and
 * their allocations. The shield checks the kind of body; the service checks that the fund is the
 * caller's own department's (another department's fund → FORBIDDEN, one out of view → NOT_FOUND).
 */
export const p1FundsCompetentDepartment = rule("P1 fund's competent department", { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.principal) return refusal.unauthenticated();
  return ctx.principal.organizationKind === OrganizationKind.COMPETENT_DEPARTMENT
    ? true
    : refusal.forbidden(
        'P1',
        msg(
          '只有业务主管部门可以设立和分配专项资金（谁分配预算、谁设定目标）',
          'Only a competent department sets up and allocates funds (whoever allocates the budget sets the goal)',
        ),
      );
});

/**
 * P2 谁申请资金/谁使用资金、谁编制 (002 第十条(一); 003 第十二条): projects are prepared by the implementing
 * unit or a competent department over it. The service checks which unit.
 */
export const p2ProjectUnitOrDepartment = rule("P2 project's unit or its department", { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) => {
    if (!ctx.principal) return refusal.unauthenticated();
    const kind = ctx.principal.organizationKind;
    return kind === OrganizationKind.IMPLEMENTING_UNIT || kind === OrganizationKind.COMPETENT_DEPARTMENT
      ? true
      : refusal.forbidden(
          'P2',
          msg(
            '项目由实施单位或其主管部门编制（谁申请资金、谁编制目标）',
            'Projects are prepared by the implementing unit or its competent department',
          ),
        );
  },
);

/** Root fields of the funds module and the principle that admits their callers (DOMAIN §8). */
export const fundsPermissions = {
  Query: {
    fund: p6SignedInWithinJurisdiction,
    funds: p6SignedInWithinJurisdiction,
    project: p6SignedInWithinJurisdiction,
    projects: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    createFund: p1FundsCompetentDepartment,
    updateFund: p1FundsCompetentDepartment,
    setAllocations: p1FundsCompetentDepartment,
    createProject: p2ProjectUnitOrDepartment,
    updateProject: p2ProjectUnitOrDepartment,
  },
};
