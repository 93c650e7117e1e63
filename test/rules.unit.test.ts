import { RegionLevel } from '../src/hierarchy/hierarchy.enums';
import {
  checkDivisionCode,
  checkLevelUnderParent,
  checkName,
  childLevelOf,
} from '../src/hierarchy/rules/division-code';
import { checkCreditCode, checkSector } from '../src/hierarchy/rules/organization-rules';
import { checkLogin, checkPassword } from '../src/hierarchy/rules/user-rules';
import { OrganizationKind, Sector } from '../src/hierarchy/hierarchy.enums';
import { fromGlobalId, idOfType, toGlobalId } from '../src/common/global-id';

// DOMAIN §3: city → district → township.
describe('region levels', () => {
  test.each([
    [RegionLevel.CITY, RegionLevel.DISTRICT],
    [RegionLevel.DISTRICT, RegionLevel.TOWNSHIP],
    [RegionLevel.TOWNSHIP, null],
  ])('under %s sits %s', (parent, child) => expect(childLevelOf(parent)).toBe(child));

  test.each([
    [RegionLevel.DISTRICT, RegionLevel.CITY, true],
    [RegionLevel.TOWNSHIP, RegionLevel.DISTRICT, true],
    [RegionLevel.TOWNSHIP, RegionLevel.CITY, false],
    [RegionLevel.DISTRICT, RegionLevel.DISTRICT, false],
    [RegionLevel.CITY, RegionLevel.CITY, false],
  ])('%s under %s fits: %s', (level, parent, fits) => {
    expect(checkLevelUnderParent(level, parent) === null).toBe(fits);
  });
});

// DOMAIN §3: 6-digit codes for county level, 9-digit for townships (e.g. 370303 张店区).
describe('administrative division codes', () => {
  test.each([
    [RegionLevel.DISTRICT, '370303', '370300', true],
    [RegionLevel.TOWNSHIP, '370303001', '370303', true],
    [RegionLevel.CITY, '370300', null, true],
    [RegionLevel.DISTRICT, '37030', '370300', false],
    [RegionLevel.DISTRICT, '3703031', '370300', false],
    [RegionLevel.DISTRICT, '37a303', '370300', false],
    [RegionLevel.DISTRICT, '371102', '370300', false],
    [RegionLevel.TOWNSHIP, '370303', '370303', false],
    [RegionLevel.TOWNSHIP, '370302001', '370303', false],
  ])('%s %s under %s is valid: %s', (level, code, parent, valid) => {
    const problem = checkDivisionCode(level, code, parent);
    expect(problem === null).toBe(valid);
    if (problem) expect(problem.zh.length * problem.en.length).toBeGreaterThan(0);
  });

  test.each([
    ['张店区', true],
    ['  ', false],
    ['', false],
    ['区'.repeat(101), false],
    ['区'.repeat(100), true],
  ])('name %j is valid: %s', (name, valid) => expect(checkName(name) === null).toBe(valid));
});

describe('organizations', () => {
  test.each([
    [OrganizationKind.COMPETENT_DEPARTMENT, Sector.TRANSPORT, true],
    [OrganizationKind.COMPETENT_DEPARTMENT, null, false],
    [OrganizationKind.IMPLEMENTING_UNIT, Sector.EDUCATION, true],
    [OrganizationKind.IMPLEMENTING_UNIT, null, true],
    [OrganizationKind.FINANCE_BUREAU, null, true],
    [OrganizationKind.FINANCE_BUREAU, Sector.TRANSPORT, false],
    [OrganizationKind.AUDIT_OFFICE, Sector.OTHER, false],
  ])('%s with sector %s is valid: %s', (kind, sector, valid) =>
    expect(checkSector(kind, sector) === null).toBe(valid),
  );

  test.each([
    ['91370303MA3C0000XK', true],
    ['11370300004188000L', true],
    ['91370303MA3C0000X', false],
    ['91370303ma3c0000xk', false],
    ['91370303MA3C0000XI', false],
  ])('credit code %s is well-formed: %s', (code, valid) =>
    expect(checkCreditCode(code) === null).toBe(valid),
  );
});

describe('logins and passwords', () => {
  test.each([
    ['finance.zhangdian', true],
    ['ab', false],
    ['Admin', false],
    ['has space', false],
    ['a'.repeat(65), false],
    ['unit_01-x', true],
  ])('login %j is valid: %s', (login, valid) => expect(checkLogin(login) === null).toBe(valid));

  test.each([
    ['Jixiao@2025', 'someone', true],
    ['short1', 'someone', false],
    ['nodigitshere', 'someone', false],
    ['12345678', 'someone', false],
    ['someone2025x', 'someone', false],
  ])('password %j for %s is acceptable: %s', (password, login, ok) =>
    expect(checkPassword(password, login) === null).toBe(ok),
  );
});

// DOMAIN §16: global ids are opaque and typed; a malformed one reads as not found.
describe('global ids', () => {
  const uuid = '5b1d6a1e-2f0c-4c3b-9d7e-0a1b2c3d4e5f';
  test('round trip', () => {
    expect(fromGlobalId(toGlobalId('Region', uuid))).toEqual({ type: 'Region', id: uuid });
    expect(idOfType(toGlobalId('Region', uuid), 'Region')).toBe(uuid);
  });
  test.each(['', 'abc', toGlobalId('Region', 'not-a-uuid'), Buffer.from(uuid).toString('base64url')])(
    'malformed %j decodes to null',
    (id) => expect(fromGlobalId(id)).toBeNull(),
  );
  test('an id of another type does not name a region', () => {
    expect(idOfType(toGlobalId('Organization', uuid), 'Region')).toBeNull();
  });
});
