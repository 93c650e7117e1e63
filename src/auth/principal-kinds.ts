/**
 * The vocabulary a principal is described in (DOMAIN §2, §8): which kind of body the caller acts for and
 * at which level of the region tree it sits. Defined here, beside the principal, so that auth/ imports no
 * domain module; hierarchy/hierarchy.enums.ts re-exports them and registers them with the GraphQL schema.
 */

/** 行政区划层级 (DOMAIN §2): city, district (区/县), township (镇/街道办). */
export enum RegionLevel {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
}

/** 单位 / 部门的类型 (DOMAIN §2). */
export enum OrganizationKind {
  FINANCE_BUREAU = 'FINANCE_BUREAU',
  COMPETENT_DEPARTMENT = 'COMPETENT_DEPARTMENT',
  AUDIT_OFFICE = 'AUDIT_OFFICE',
  IMPLEMENTING_UNIT = 'IMPLEMENTING_UNIT',
  THIRD_PARTY = 'THIRD_PARTY',
}
