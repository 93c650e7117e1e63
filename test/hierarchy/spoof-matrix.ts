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

const ZD = 'admin.zhangdian';
type Input = (target: string) => Json | Promise<Json>;

/** A row maker for one mutation whose input field `field` carries the spoofed reference. */
const spoof =
  (mutation: string, field: string) =>
  (what: string, target: Target, input: Input, caller = ZD): SpoofRow => ({
    caller,
    mutation,
    what,
    target,
    input: async (t) => input(t),
    field: ['input', field],
  });

const createRegion = spoof('createRegion', 'parentId');
const createOrganization = spoof('createOrganization', 'regionId');
const createUser = spoof('createUser', 'organizationId');
const updateRegion = spoof('updateRegion', 'id');
const deleteRegion = spoof('deleteRegion', 'id');
const updateOrganization = spoof('updateOrganization', 'id');
const deleteOrganization = spoof('deleteOrganization', 'id');
const updateUser = spoof('updateUser', 'id');

const newRegion = (level: 'DISTRICT' | 'TOWNSHIP', code: string) => (t: string) => ({
  parentId: t,
  level,
  name: level === 'TOWNSHIP' ? '越权测试街道' : '越权测试区',
  code,
});
const newUnit = (t: string) => ({
  regionId: t,
  kind: 'IMPLEMENTING_UNIT',
  name: '越权测试单位',
  sector: 'TRANSPORT',
});
const newUser =
  (n: number, extra: Json = {}) =>
  (t: string) => ({
    organizationId: t,
    login: `spoof.user${n}`,
    displayName: '越权用户',
    password: 'Spoofed2025x',
    ...extra,
  });
const byId = (t: string) => ({ id: t });
const rename = (t: string) => ({ id: t, expectedVersion: 1, name: '被改名' });
const deactivate = (t: string) => ({ id: t, expectedVersion: 1, isActive: false });

/** The table; `app` is read only when a row's input is built (inside a test). */
export function spoofRows(app: () => TestApp): SpoofRow[] {
  const moveChezhan = async (t: string) => ({
    id: await userGid(app(), 'finance.chezhan'),
    expectedVersion: 1,
    organizationId: t,
  });
  return [
    // DOMAIN §3: never on a sibling or an ancestor; §8 P6: tenants never see each other.
    createRegion('parent = 淄川区 (sibling district)', R('370302', ''), newRegion('TOWNSHIP', '370302098')),
    createRegion('parent = 日照市 (other tenant)', R('371100', ''), newRegion('DISTRICT', '371198')),
    createRegion('parent = 淄博市 (ancestor)', R('370300', ''), newRegion('DISTRICT', '370398')),
    createRegion(
      'parent = 张店区 (other tenant)',
      R('370303', ''),
      newRegion('TOWNSHIP', '370303098'),
      'admin.rizhao',
    ),
    createOrganization('region = 日照街道 (other tenant)', R('371102001', ''), newUnit),
    createOrganization('region = 淄川区 (sibling district)', R('370302', ''), newUnit),
    spoof('createOrganization', 'supervisingDepartmentId')(
      'own region, supervisor = 日照街道建设办公室 (other tenant)',
      O('日照街道建设办公室', ''),
      async (t) => ({ ...newUnit(await regionGid(app(), '370303002')), supervisingDepartmentId: t }),
    ),
    createUser('organization = 日照市财政局 (other tenant)', O('日照市财政局', ''), newUser(1)),
    createUser('organization = 淄川区财政局 (sibling district)', O('淄川区财政局', ''), newUser(2)),
    createUser(
      'organization = 淄博市财政局 (ancestor)',
      O('淄博市财政局', ''),
      newUser(3, { isTenantAdmin: true }),
    ),
    updateRegion('淄川区 (sibling district)', R('370302', ''), rename),
    updateRegion('日照街道 (other tenant)', R('371102001', ''), rename),
    updateRegion('淄博市 (ancestor)', R('370300', ''), rename),
    deleteRegion('an empty township of 淄川区 (sibling district)', R('370302199', ''), byId),
    deleteRegion('an empty township of 日照 (other tenant)', R('371103099', ''), byId),
    deleteRegion(
      'an empty township of 日照 (other tenant, city administrator)',
      R('371103099', ''),
      byId,
      'admin.zibo',
    ),
    updateOrganization('日照市财政局 (other tenant)', O('日照市财政局', ''), rename),
    updateOrganization('淄川区财政局 (sibling district)', O('淄川区财政局', ''), rename),
    updateOrganization('淄博市财政局 (ancestor)', O('淄博市财政局', ''), rename),
    spoof('updateOrganization', 'supervisingDepartmentId')(
      'own unit, supervisor = 淄川区交通运输局 (sibling district)',
      O('淄川区交通运输局', ''),
      async (t) => ({
        id: await organizationGid(app(), '车站街道市政道路养护站'),
        expectedVersion: 1,
        supervisingDepartmentId: t,
      }),
    ),
    deleteOrganization('日照市审计局 (other tenant, deletable)', O('日照市审计局', ''), byId),
    deleteOrganization('淄川区审计局 (sibling district, deletable)', O('淄川区审计局', ''), byId),
    updateUser('finance.rizhao (other tenant)', U('finance.rizhao', ''), deactivate),
    updateUser('finance.zichuan (sibling district)', U('finance.zichuan', ''), deactivate),
    updateUser('admin.zibo (ancestor administrator)', U('admin.zibo', ''), deactivate),
    updateUser(
      'admin.zibo (other tenant)',
      U('admin.zibo', ''),
      (t) => ({ id: t, expectedVersion: 1, password: 'Takeover2025x' }),
      'admin.rizhao',
    ),
    spoof('updateUser', 'organizationId')(
      'own user finance.chezhan moved to 日照市财政局 (other tenant)',
      O('日照市财政局', ''),
      moveChezhan,
    ),
    spoof('updateUser', 'organizationId')(
      'own user finance.chezhan moved to 淄博市财政局 (ancestor)',
      O('淄博市财政局', ''),
      moveChezhan,
    ),
  ];
}
