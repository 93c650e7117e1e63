/**
 * The spoofed-id table (DOMAIN §3, §8 P6): a mutation input naming an object outside the caller's
 * jurisdiction is refused NOT_FOUND, exactly like a missing id, and nothing is written.
 */
import type { TestApp } from '../harness/app';
import { organizationGid, regionGid, userGid } from '../harness/ids';
import type { Json } from './isolation-world';
import { O, R, U, type Target } from './read-matrix';

export interface SpoofRow {
  caller: string;
  mutation: string;
  what: string;
  /** The spoofed reference. */
  target: Target;
  /** The input, given the target's global id. */
  input: (target: string) => Promise<Json>;
  field: string[];
}

/** The table; `app` is read only when a row's input is built (inside a test). */
export function spoofRows(app: () => TestApp): SpoofRow[] {
  const regionIdOf = (code: string) => regionGid(app(), code);
  const orgIdOf = (name: string) => organizationGid(app(), name);
  return [
    // DOMAIN §3: never on a sibling or an ancestor; §8 P6: tenants never see each other.
    {
      caller: 'admin.zhangdian',
      mutation: 'createRegion',
      what: 'parent = 淄川区 (sibling district)',
      target: R('370302', ''),
      input: async (t) => ({ parentId: t, level: 'TOWNSHIP', name: '越权测试街道', code: '370302098' }),
      field: ['input', 'parentId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createRegion',
      what: 'parent = 日照市 (other tenant)',
      target: R('371100', ''),
      input: async (t) => ({ parentId: t, level: 'DISTRICT', name: '越权测试区', code: '371198' }),
      field: ['input', 'parentId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createRegion',
      what: 'parent = 淄博市 (ancestor)',
      target: R('370300', ''),
      input: async (t) => ({ parentId: t, level: 'DISTRICT', name: '越权测试区', code: '370398' }),
      field: ['input', 'parentId'],
    },
    {
      caller: 'admin.rizhao',
      mutation: 'createRegion',
      what: 'parent = 张店区 (other tenant)',
      target: R('370303', ''),
      input: async (t) => ({ parentId: t, level: 'TOWNSHIP', name: '越权测试街道', code: '370303098' }),
      field: ['input', 'parentId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createOrganization',
      what: 'region = 日照街道 (other tenant)',
      target: R('371102001', ''),
      input: async (t) => ({
        regionId: t,
        kind: 'IMPLEMENTING_UNIT',
        name: '越权测试单位',
        sector: 'TRANSPORT',
      }),
      field: ['input', 'regionId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createOrganization',
      what: 'region = 淄川区 (sibling district)',
      target: R('370302', ''),
      input: async (t) => ({
        regionId: t,
        kind: 'IMPLEMENTING_UNIT',
        name: '越权测试单位',
        sector: 'TRANSPORT',
      }),
      field: ['input', 'regionId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createOrganization',
      what: 'own region, supervisor = 日照街道建设办公室 (other tenant)',
      target: O('日照街道建设办公室', ''),
      input: async (t) => ({
        regionId: await regionIdOf('370303002'),
        kind: 'IMPLEMENTING_UNIT',
        name: '越权测试单位',
        sector: 'TRANSPORT',
        supervisingDepartmentId: t,
      }),
      field: ['input', 'supervisingDepartmentId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createUser',
      what: 'organization = 日照市财政局 (other tenant)',
      target: O('日照市财政局', ''),
      input: async (t) => ({
        organizationId: t,
        login: 'spoof.user1',
        displayName: '越权用户',
        password: 'Spoofed2025x',
      }),
      field: ['input', 'organizationId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createUser',
      what: 'organization = 淄川区财政局 (sibling district)',
      target: O('淄川区财政局', ''),
      input: async (t) => ({
        organizationId: t,
        login: 'spoof.user2',
        displayName: '越权用户',
        password: 'Spoofed2025x',
      }),
      field: ['input', 'organizationId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'createUser',
      what: 'organization = 淄博市财政局 (ancestor)',
      target: O('淄博市财政局', ''),
      input: async (t) => ({
        organizationId: t,
        login: 'spoof.user3',
        displayName: '越权用户',
        password: 'Spoofed2025x',
        isTenantAdmin: true,
      }),
      field: ['input', 'organizationId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateRegion',
      what: '淄川区 (sibling district)',
      target: R('370302', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateRegion',
      what: '日照街道 (other tenant)',
      target: R('371102001', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateRegion',
      what: '淄博市 (ancestor)',
      target: R('370300', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'deleteRegion',
      what: 'an empty township of 淄川区 (sibling district)',
      target: R('370302199', ''),
      input: async (t) => ({ id: t }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'deleteRegion',
      what: 'an empty township of 日照 (other tenant)',
      target: R('371103099', ''),
      input: async (t) => ({ id: t }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zibo',
      mutation: 'deleteRegion',
      what: 'an empty township of 日照 (other tenant, city administrator)',
      target: R('371103099', ''),
      input: async (t) => ({ id: t }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateOrganization',
      what: '日照市财政局 (other tenant)',
      target: O('日照市财政局', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateOrganization',
      what: '淄川区财政局 (sibling district)',
      target: O('淄川区财政局', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateOrganization',
      what: '淄博市财政局 (ancestor)',
      target: O('淄博市财政局', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, name: '被改名' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateOrganization',
      what: 'own unit, supervisor = 淄川区交通运输局 (sibling district)',
      target: O('淄川区交通运输局', ''),
      input: async (t) => ({
        id: await orgIdOf('车站街道市政道路养护站'),
        expectedVersion: 1,
        supervisingDepartmentId: t,
      }),
      field: ['input', 'supervisingDepartmentId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'deleteOrganization',
      what: '日照市审计局 (other tenant, deletable)',
      target: O('日照市审计局', ''),
      input: async (t) => ({ id: t }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'deleteOrganization',
      what: '淄川区审计局 (sibling district, deletable)',
      target: O('淄川区审计局', ''),
      input: async (t) => ({ id: t }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateUser',
      what: 'finance.rizhao (other tenant)',
      target: U('finance.rizhao', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateUser',
      what: 'finance.zichuan (sibling district)',
      target: U('finance.zichuan', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateUser',
      what: 'admin.zibo (ancestor administrator)',
      target: U('admin.zibo', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, isActive: false }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.rizhao',
      mutation: 'updateUser',
      what: 'admin.zibo (other tenant)',
      target: U('admin.zibo', ''),
      input: async (t) => ({ id: t, expectedVersion: 1, password: 'Takeover2025x' }),
      field: ['input', 'id'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateUser',
      what: 'own user finance.chezhan moved to 日照市财政局 (other tenant)',
      target: O('日照市财政局', ''),
      input: async (t) => ({
        id: await userGid(app(), 'finance.chezhan'),
        expectedVersion: 1,
        organizationId: t,
      }),
      field: ['input', 'organizationId'],
    },
    {
      caller: 'admin.zhangdian',
      mutation: 'updateUser',
      what: 'own user finance.chezhan moved to 淄博市财政局 (ancestor)',
      target: O('淄博市财政局', ''),
      input: async (t) => ({
        id: await userGid(app(), 'finance.chezhan'),
        expectedVersion: 1,
        organizationId: t,
      }),
      field: ['input', 'organizationId'],
    },
  ];
}
