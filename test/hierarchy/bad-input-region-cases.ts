import { toGlobalId } from '../../src/common/global-id';
import { f, v, township, district, MISSING, type Case } from './bad-input-fixtures';

/** Bad input on createRegion, updateRegion and deleteRegion (run by bad-input-mutations-api.test.ts). */

export const regionCases: Case[] = [
  // P6: a parent that does not exist, or lies outside the caller's subtree, reads as not found.
  {
    name: 'unknown parentId',
    mutation: 'createRegion',
    input: () => township({ parentId: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: "malformed parentId 'abc'",
    mutation: 'createRegion',
    input: () => township({ parentId: 'abc' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parentId of another type (an organization)',
    mutation: 'createRegion',
    input: () => township({ parentId: f.org['张店区财政局'] }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parent outside the caller’s subtree (sibling district 淄川区)',
    mutation: 'createRegion',
    input: () => township({ parentId: f.region['370302'], code: '370302301' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  {
    name: 'parent in another tenant (日照 东港区)',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => township({ parentId: f.region['371102'], code: '371102301' }),
    expected: [['NOT_FOUND', 'input.parentId']],
  },
  // DOMAIN §3: a district sits under the city, a township under a district, nothing under a township.
  {
    name: 'TOWNSHIP under the city',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => township({ parentId: f.region['370300'], code: '370300301' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'DISTRICT under a district',
    mutation: 'createRegion',
    input: () => district({ parentId: f.region['370303'], code: '370392' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'CITY under the city',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ level: 'CITY', code: '370393' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  {
    name: 'TOWNSHIP under a township',
    mutation: 'createRegion',
    input: () => township({ parentId: f.region['370303001'], code: '370303302' }),
    expected: [['BAD_USER_INPUT', 'input.level']],
  },
  // DOMAIN §3: 6-digit codes for county level, 9-digit for townships, with the parent's prefix.
  {
    name: 'township code with 8 digits',
    mutation: 'createRegion',
    input: () => township({ code: '37030330' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'township code with 10 digits',
    mutation: 'createRegion',
    input: () => township({ code: '3703033011' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'district code with 9 digits',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '370391001' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with a letter',
    mutation: 'createRegion',
    input: () => township({ code: '37030330A' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with full-width digits',
    mutation: 'createRegion',
    input: () => township({ code: '３７０３０３３０１' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with surrounding space',
    mutation: 'createRegion',
    input: () => township({ code: ' 370303301' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'empty code',
    mutation: 'createRegion',
    input: () => township({ code: '' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'township code with another district’s prefix',
    mutation: 'createRegion',
    input: () => township({ code: '370302301' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'district code with another city’s prefix',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '371191' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  // DOMAIN §3: division codes are unique per tenant.
  {
    name: 'duplicate township code (车站街道 370303001)',
    mutation: 'createRegion',
    input: () => township({ code: '370303001' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'duplicate district code (淄川区 370302)',
    mutation: 'createRegion',
    as: 'admin.zibo',
    input: () => district({ code: '370302' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'empty name',
    mutation: 'createRegion',
    input: () => township({ name: '' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'blank name',
    mutation: 'createRegion',
    input: () => township({ name: ' \t　 ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 101 characters',
    mutation: 'createRegion',
    input: () => township({ name: '街'.repeat(101) }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createRegion',
    input: () => township({ level: 'DISTRICT', name: '  ', code: '12' }),
    expected: [
      ['BAD_USER_INPUT', 'input.level'],
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.code'],
    ],
  },

  // updateRegion. 公园街道 (370303002) was renamed in beforeAll: its version is 2.
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']) - 1,
      name: '公园新街道',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'expectedVersion from the future',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']) + 5,
      name: '公园新街道',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    // DOMAIN §3: the townships' codes carry the district's prefix, so a district with townships keeps its code.
    name: 'recoding a district that has townships',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303'], expectedVersion: v(f.region['370303']), code: '370399' }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'code with the wrong digit count',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303002'], expectedVersion: v(f.region['370303002']), code: '370303' }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code with another district’s prefix',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      code: '370302099',
    }),
    expected: [['BAD_USER_INPUT', 'input.code']],
  },
  {
    name: 'code taken by a sibling',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      code: '370303001',
    }),
    expected: [['CONFLICT', 'input.code']],
  },
  {
    name: 'blank name',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370303002'], expectedVersion: v(f.region['370303002']), name: '   ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 101 characters',
    mutation: 'updateRegion',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      name: 'x'.repeat(101),
    }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    // DOMAIN §3: regions never move.
    name: 'a different parentId',
    mutation: 'updateRegion',
    as: 'admin.zibo',
    input: () => ({
      id: f.region['370303002'],
      expectedVersion: v(f.region['370303002']),
      parentId: f.region['370302'],
    }),
    expected: [['BAD_USER_INPUT', 'input.parentId']],
  },
  {
    name: 'unknown id',
    mutation: 'updateRegion',
    input: () => ({ id: toGlobalId('Region', MISSING), expectedVersion: 1, name: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    // P6: never on an ancestor.
    name: 'the city, an ancestor of the caller',
    mutation: 'updateRegion',
    input: () => ({ id: f.region['370300'], expectedVersion: v(f.region['370300']), name: '淄博' }),
    expected: [['NOT_FOUND', 'input.id']],
  },

  // deleteRegion
  {
    name: 'unknown id',
    mutation: 'deleteRegion',
    input: () => ({ id: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: "malformed id 'abc'",
    mutation: 'deleteRegion',
    input: () => ({ id: 'abc' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a township of another tenant',
    mutation: 'deleteRegion',
    input: () => ({ id: f.region['371102001'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a township that holds organizations',
    mutation: 'deleteRegion',
    input: () => ({ id: f.region['370303001'] }),
    expected: [['CONFLICT', 'input.id']],
  },
  {
    name: 'the city',
    mutation: 'deleteRegion',
    as: 'admin.zibo',
    input: () => ({ id: f.region['370300'] }),
    expected: [['BAD_USER_INPUT', 'input.id']],
  },
];
