/**
 * The little world of the review-chain rule tests (DOMAIN §3, §7): a city C with district D (张店区, the
 * fund's level R) and townships A and B under D (S); every region has its finance bureau; transport
 * departments at C, D, A and B; education at D; implementing units; the counterparts one level down.
 */
import { OrganizationKind, Sector } from '../../src/hierarchy/hierarchy.enums';
import { directoryOf, type OrgRef, type RegionRef } from '../../src/goals/rules/review-chain';

export const region = (path: string): RegionRef => ({
  id: path.split('/').filter(Boolean).pop() as string,
  path,
});
export const C = region('/c/');
export const D = region('/c/d/');
export const A = region('/c/d/a/');
export const B = region('/c/d/b/');

export const org = (
  id: string,
  kind: OrganizationKind,
  r: RegionRef,
  sector: Sector | null = null,
  supervisingDepartmentId: string | null = null,
): OrgRef => ({ id, kind, regionId: r.id, sector, supervisingDepartmentId });
const { FINANCE_BUREAU: FIN, COMPETENT_DEPARTMENT: DEPT, IMPLEMENTING_UNIT: UNIT } = OrganizationKind;

export const finC = org('finC', FIN, C);
export const finD = org('finD', FIN, D);
export const finA = org('finA', FIN, A);
export const finB = org('finB', FIN, B);
export const transC = org('transC', DEPT, C, Sector.TRANSPORT);
export const transD = org('transD', DEPT, D, Sector.TRANSPORT);
export const eduD = org('eduD', DEPT, D, Sector.EDUCATION);
export const transA = org('transA', DEPT, A, Sector.TRANSPORT);
export const transB = org('transB', DEPT, B, Sector.TRANSPORT);
export const unitD = org('unitD', UNIT, D, Sector.TRANSPORT, 'transD');
export const unitA = org('unitA', UNIT, A, Sector.TRANSPORT, 'transA');
export const loneUnitA = org('loneUnitA', UNIT, A, Sector.TRANSPORT);
export const all = [finC, finD, finA, finB, transC, transD, eduD, transA, transB, unitD, unitA, loneUnitA];
// DOMAIN §3: counterparts (对口部门) are an explicit mapping — here the same-sector offices one level down.
export const dir = directoryOf(all, [
  { upperId: 'transC', regionId: D.id, counterpartId: 'transD' },
  { upperId: 'transD', regionId: A.id, counterpartId: 'transA' },
  { upperId: 'transD', regionId: B.id, counterpartId: 'transB' },
]);

export const fundD = { departmentId: 'transD', region: D };
export const fundC = { departmentId: 'transC', region: C };
