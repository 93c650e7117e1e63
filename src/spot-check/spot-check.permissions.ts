import { p6SignedInWithinJurisdiction, principalRule } from '../auth/rules';
import { msg } from '../common/errors';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * Who draws and records spot checks (DOMAIN §12, §8): finance, or a competent department over its funds.
 * Audit offices read and write nothing (P6, 003 第七条); third parties are not commissioned for spot checks
 * (P6); an implementing unit is the self-evaluating side and never its own checker (P7, 002 第十七条
 * 委托人和项目实施主体相分离). The service then checks the jurisdiction and the separation per item.
 */
export const p7SpotChecker = principalRule('P7 spot-checker: finance or a competent department', (p) => {
  switch (p.organizationKind) {
    case OrganizationKind.FINANCE_BUREAU:
    case OrganizationKind.COMPETENT_DEPARTMENT:
      return true;
    case OrganizationKind.IMPLEMENTING_UNIT:
      return refusal.forbidden(
        'P7',
        msg(
          '项目实施单位不能开展抽查复核（委托人和项目实施主体相分离）',
          'An implementing unit never spot-checks: the checker is separate from the implementer (P7)',
        ),
      );
    case OrganizationKind.AUDIT_OFFICE:
      return refusal.forbidden('P6', msg('审计部门只能查阅抽查结果', 'Audit offices only read spot checks'));
    default:
      return refusal.forbidden(
        'P6',
        msg('第三方机构未受托开展抽查复核', 'Third parties are not commissioned for spot checks'),
      );
  }
});

/** Root fields of the spot-check module and the principle that admits their callers (DOMAIN §8). */
export const spotCheckPermissions = {
  Query: {
    spotCheckSamples: p6SignedInWithinJurisdiction,
    spotCheckSample: p6SignedInWithinJurisdiction,
    spotCheckNotice: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    drawSpotCheckSample: p7SpotChecker,
    recordSpotCheck: p7SpotChecker,
  },
};
