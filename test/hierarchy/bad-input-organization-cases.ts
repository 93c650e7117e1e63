import { toGlobalId } from '../../src/common/global-id';
import { f, v, MISSING, type Case } from './bad-input-fixtures';

/** Bad input on the organization mutations (run by bad-input-mutations-api.test.ts). */

const CREDIT_CODE = '12370303MB0000002X';
const organization = (over: Record<string, unknown> = {}) => ({
  regionId: f.region['370303001'],
  kind: 'IMPLEMENTING_UNIT',
  sector: 'TRANSPORT',
  name: '车站街道新建单位',
  ...over,
});

export const organizationCases: Case[] = [
  {
    name: 'unknown regionId',
    mutation: 'createOrganization',
    input: () => organization({ regionId: toGlobalId('Region', MISSING) }),
    expected: [['NOT_FOUND', 'input.regionId']],
  },
  {
    name: 'region of another tenant',
    mutation: 'createOrganization',
    input: () => organization({ regionId: f.region['371102001'] }),
    expected: [['NOT_FOUND', 'input.regionId']],
  },
  // DOMAIN §3: competent departments are by sector; finance and audit have none.
  {
    name: 'COMPETENT_DEPARTMENT without sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'COMPETENT_DEPARTMENT', sector: null, name: '车站街道卫生办公室' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'FINANCE_BUREAU with a sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'FINANCE_BUREAU', sector: 'TRANSPORT' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'AUDIT_OFFICE with a sector',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'AUDIT_OFFICE', sector: 'HEALTH' }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  // DOMAIN §3: one finance bureau and one audit office per region, one department per sector.
  {
    name: 'a second FINANCE_BUREAU in the same region',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'FINANCE_BUREAU', sector: null, name: '车站街道第二财政所' }),
    expected: [['CONFLICT', 'input.kind']],
  },
  {
    name: 'a second AUDIT_OFFICE in the same region',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'AUDIT_OFFICE', sector: null, name: '车站街道第二审计办公室' }),
    expected: [['CONFLICT', 'input.kind']],
  },
  // DOMAIN §3 (corrected, issue 9 item 5): two departments of a region may share a sector — no longer bad
  // input; test/hierarchy/counterparts-api.test.ts creates one.
  // DOMAIN §3: only implementing units have a supervising department — a competent department of the
  // unit's own region or of a region above it.
  {
    name: 'supervisingDepartmentId on a non-unit',
    mutation: 'createOrganization',
    input: () =>
      organization({
        kind: 'COMPETENT_DEPARTMENT',
        sector: 'HEALTH',
        supervisingDepartmentId: f.org['张店区交通运输局'],
      }),
    expected: [['BAD_USER_INPUT', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor that is a finance bureau',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['车站街道财政所'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor that is an implementing unit',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['车站街道市政道路养护站'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in a sibling region (公园街道)',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['公园街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in a region below the unit’s',
    mutation: 'createOrganization',
    input: () =>
      organization({ regionId: f.region['370303'], supervisingDepartmentId: f.org['车站街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'supervisor in another tenant',
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: f.org['日照街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: "malformed supervisor id 'abc'",
    mutation: 'createOrganization',
    input: () => organization({ supervisingDepartmentId: 'abc' }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  // 统一社会信用代码 (GB 32100-2015): 18 characters, no I, O, S, V, Z.
  ...[
    'ABC',
    CREDIT_CODE.slice(0, 17),
    `${CREDIT_CODE}1`,
    '12370303MB0000002I',
    CREDIT_CODE.toLowerCase(),
    '1237030AMB0000002X',
  ].map(
    (creditCode): Case => ({
      name: `malformed creditCode '${creditCode}'`,
      mutation: 'createOrganization',
      input: () => organization({ creditCode }),
      expected: [['BAD_USER_INPUT', 'input.creditCode']],
    }),
  ),
  {
    name: 'blank name',
    mutation: 'createOrganization',
    input: () => organization({ name: '  ' }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'name of 201 characters',
    mutation: 'createOrganization',
    input: () => organization({ name: '单'.repeat(201) }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createOrganization',
    input: () => organization({ kind: 'COMPETENT_DEPARTMENT', sector: null, name: '', creditCode: 'X' }),
    expected: [
      ['BAD_USER_INPUT', 'input.sector'],
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.creditCode'],
    ],
  },

  // updateOrganization. 车站街道市政道路养护站 was renamed in beforeAll: its version is 2.
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']) - 1,
      name: '车站街道养护中心',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'malformed creditCode',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      creditCode: '12370303MB000000OO',
    }),
    expected: [['BAD_USER_INPUT', 'input.creditCode']],
  },
  {
    name: 'blank name',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      name: ' ',
    }),
    expected: [['BAD_USER_INPUT', 'input.name']],
  },
  {
    name: 'a sector for a finance bureau',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道财政所'],
      expectedVersion: v(f.org['车站街道财政所']),
      sector: 'EDUCATION',
    }),
    expected: [['BAD_USER_INPUT', 'input.sector']],
  },
  {
    name: 'a supervisor for a non-unit',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道建设办公室'],
      expectedVersion: v(f.org['车站街道建设办公室']),
      supervisingDepartmentId: f.org['张店区交通运输局'],
    }),
    expected: [['BAD_USER_INPUT', 'input.supervisingDepartmentId']],
  },
  {
    name: 'a supervisor in a sibling region',
    mutation: 'updateOrganization',
    input: () => ({
      id: f.org['车站街道市政道路养护站'],
      expectedVersion: v(f.org['车站街道市政道路养护站']),
      supervisingDepartmentId: f.org['公园街道建设办公室'],
    }),
    expected: [['NOT_FOUND', 'input.supervisingDepartmentId']],
  },
  {
    name: 'unknown id',
    mutation: 'updateOrganization',
    input: () => ({ id: toGlobalId('Organization', MISSING), expectedVersion: 1, name: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization outside the caller’s subtree',
    mutation: 'updateOrganization',
    input: () => ({ id: f.org['淄川区财政局'], expectedVersion: v(f.org['淄川区财政局']), name: '淄川' }),
    expected: [['NOT_FOUND', 'input.id']],
  },

  // deleteOrganization
  {
    name: 'unknown id',
    mutation: 'deleteOrganization',
    input: () => ({ id: toGlobalId('Organization', MISSING) }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: "malformed id 'abc'",
    mutation: 'deleteOrganization',
    input: () => ({ id: 'abc' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a region id instead of an organization id',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.region['370303001'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization of another tenant',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['日照街道建设办公室'] }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'an organization with users',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['车站街道财政所'] }),
    expected: [['CONFLICT', 'input.id']],
  },
  {
    name: 'the caller’s own organization',
    mutation: 'deleteOrganization',
    input: () => ({ id: f.org['张店区财政局'] }),
    expected: [['BAD_USER_INPUT', 'input.id']],
  },
];
