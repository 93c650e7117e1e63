import { msg, type Message } from '../../common/errors';
import { OrganizationKind, type Sector } from '../hierarchy.enums';

/** A competent department (业务主管部门) is by sector (DOMAIN §3); finance, audit and third parties have none. */
export function checkSector(kind: OrganizationKind, sector: Sector | null): Message | null {
  if (kind === OrganizationKind.COMPETENT_DEPARTMENT && !sector) {
    return msg('业务主管部门须指定行业', 'A competent department needs a sector');
  }
  if (
    sector &&
    kind !== OrganizationKind.COMPETENT_DEPARTMENT &&
    kind !== OrganizationKind.IMPLEMENTING_UNIT
  ) {
    return msg(
      '只有业务主管部门和项目实施单位可以指定行业',
      'Only competent departments and implementing units have a sector',
    );
  }
  return null;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters of digits and upper-case letters except I, O, S, V, Z. */
export function checkCreditCode(code: string): Message | null {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)
    ? null
    : msg(
        '统一社会信用代码格式不正确（18位）',
        'The unified social credit code is malformed (18 characters)',
      );
}
