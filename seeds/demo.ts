import { hashPassword } from '../src/auth/password';
import {
  type OrganizationRow,
  type RegionRow,
  type SectorCode,
  type SeedDb,
  type UserRow,
  inTransaction,
  insertOrganizations,
  insertRegions,
  insertTenant,
  insertUsers,
  lockSeed,
  tenantExists,
} from './db';
import { demoGoalsExist, loadDemoGoals } from './demo-goals';
import {
  auditOfficeId,
  departmentId,
  financeBureauId,
  implementingUnit,
  insertCounterparts,
  regionBodies,
  sectorCounterparts,
  type CounterpartRow,
} from './hierarchy';
import { seedCreditCode, seedId } from './ids';

/** The password of every demo account (documented in the README; change it outside demos). */
export const DEMO_PASSWORD = 'Jixiao@2025';

/** [name, sector] of an implementing unit; the first unit of a region is its "unit.*" demo account. */
type UnitSpec = [name: string, sector: SectorCode];

interface TownshipSpec {
  name: string;
  code: string;
  units: UnitSpec[];
}

interface DistrictSpec extends TownshipSpec {
  townships: TownshipSpec[];
}

/** Where a demo account works. */
type OrgRef =
  | { region: string; kind: 'FINANCE_BUREAU' | 'AUDIT_OFFICE' }
  | { region: string; sector: SectorCode }
  | { region: string; unit: number }
  | { thirdParty: string };

interface UserSpec {
  login: string;
  displayName: string;
  role: string;
  at: OrgRef;
  admin?: boolean;
  inactive?: boolean;
}

/**
 * A further competent department of a region sharing a sector with another (DOMAIN §3: a district has
 * thirty or more budget departments, two may share a sector), and the townships whose office of that
 * sector also answers for it (one township office serving several district departments).
 */
interface ExtraDepartmentSpec {
  region: string;
  name: string;
  sector: SectorCode;
  answeredIn: string[];
}

interface TenantSpec {
  name: string;
  code: string;
  sectors: SectorCode[];
  extraDepartments?: ExtraDepartmentSpec[];
  districts: DistrictSpec[];
  thirdParties: string[];
  users: UserSpec[];
}

const zibo: TenantSpec = {
  name: '淄博市',
  code: '370300',
  sectors: ['TRANSPORT', 'AGRICULTURE', 'EDUCATION'],
  // 张店区城市管理局 shares the TRANSPORT sector with 张店区交通运输局; 车站街道建设办公室 answers for both.
  extraDepartments: [
    { region: '370303', name: '张店区城市管理局', sector: 'TRANSPORT', answeredIn: ['370303001'] },
  ],
  districts: [
    {
      name: '张店区',
      code: '370303',
      units: [
        ['张店区公路事业发展中心', 'TRANSPORT'],
        ['张店区农业技术推广中心', 'AGRICULTURE'],
      ],
      townships: [
        {
          name: '车站街道',
          code: '370303001',
          units: [
            ['车站街道市政道路养护站', 'TRANSPORT'],
            ['车站街道中心小学', 'EDUCATION'],
            ['车站街道农业综合服务站', 'AGRICULTURE'],
          ],
        },
        {
          name: '公园街道',
          code: '370303002',
          units: [
            ['公园街道市政道路养护站', 'TRANSPORT'],
            ['公园街道中心幼儿园', 'EDUCATION'],
          ],
        },
        {
          name: '湖田街道',
          code: '370303003',
          units: [
            ['湖田街道道路养护站', 'TRANSPORT'],
            ['湖田街道农业综合服务站', 'AGRICULTURE'],
            ['湖田街道中心小学', 'EDUCATION'],
          ],
        },
        {
          name: '马尚街道',
          code: '370303004',
          units: [
            ['马尚街道道路养护站', 'TRANSPORT'],
            ['马尚街道中心幼儿园', 'EDUCATION'],
          ],
        },
        {
          name: '中埠镇',
          code: '370303100',
          units: [
            ['中埠镇农村公路养护站', 'TRANSPORT'],
            ['中埠镇农业综合服务中心', 'AGRICULTURE'],
            ['中埠镇中心小学', 'EDUCATION'],
          ],
        },
      ],
    },
    {
      name: '淄川区',
      code: '370302',
      units: [
        ['淄川区公路事业发展中心', 'TRANSPORT'],
        ['淄川区实验中学', 'EDUCATION'],
      ],
      townships: [
        {
          name: '般阳路街道',
          code: '370302001',
          units: [
            ['般阳路街道道路养护站', 'TRANSPORT'],
            ['般阳路街道中心小学', 'EDUCATION'],
          ],
        },
        {
          name: '松龄路街道',
          code: '370302002',
          units: [
            ['松龄路街道道路养护站', 'TRANSPORT'],
            ['松龄路街道中心幼儿园', 'EDUCATION'],
          ],
        },
        {
          name: '罗村镇',
          code: '370302100',
          units: [
            ['罗村镇农村公路养护站', 'TRANSPORT'],
            ['罗村镇农业综合服务中心', 'AGRICULTURE'],
            ['罗村镇中心小学', 'EDUCATION'],
          ],
        },
      ],
    },
    {
      name: '博山区',
      code: '370304',
      units: [
        ['博山区公路事业发展中心', 'TRANSPORT'],
        ['博山区林业保护发展中心', 'AGRICULTURE'],
      ],
      townships: [
        {
          name: '城东街道',
          code: '370304001',
          units: [
            ['城东街道道路养护站', 'TRANSPORT'],
            ['城东街道中心小学', 'EDUCATION'],
          ],
        },
        {
          name: '山头街道',
          code: '370304002',
          units: [
            ['山头街道道路养护站', 'TRANSPORT'],
            ['山头街道林果技术服务站', 'AGRICULTURE'],
          ],
        },
      ],
    },
    {
      name: '临淄区',
      code: '370305',
      units: [
        ['临淄区公路事业发展中心', 'TRANSPORT'],
        ['临淄区农业技术推广中心', 'AGRICULTURE'],
      ],
      townships: [
        {
          name: '闻韶街道',
          code: '370305001',
          units: [
            ['闻韶街道道路养护站', 'TRANSPORT'],
            ['闻韶街道中心小学', 'EDUCATION'],
          ],
        },
        {
          name: '齐都镇',
          code: '370305100',
          units: [
            ['齐都镇农村公路养护站', 'TRANSPORT'],
            ['齐都镇农业综合服务中心', 'AGRICULTURE'],
            ['齐都镇中心小学', 'EDUCATION'],
          ],
        },
      ],
    },
    {
      name: '周村区',
      code: '370306',
      units: [
        ['周村区公路事业发展中心', 'TRANSPORT'],
        ['周村区实验小学', 'EDUCATION'],
      ],
      townships: [
        {
          name: '丝绸路街道',
          code: '370306001',
          units: [
            ['丝绸路街道道路养护站', 'TRANSPORT'],
            ['丝绸路街道中心幼儿园', 'EDUCATION'],
          ],
        },
        {
          name: '北郊镇',
          code: '370306100',
          units: [
            ['北郊镇农村公路养护站', 'TRANSPORT'],
            ['北郊镇农业综合服务中心', 'AGRICULTURE'],
            ['北郊镇中心小学', 'EDUCATION'],
          ],
        },
      ],
    },
  ],
  thirdParties: ['山东正信绩效评价咨询有限公司'],
  users: [
    {
      login: 'admin.zibo',
      displayName: '系统管理员',
      role: '租户管理员 tenant admin',
      at: { region: '370300', kind: 'FINANCE_BUREAU' },
      admin: true,
    },
    {
      login: 'finance.zibo',
      displayName: '王建国',
      role: '财政部门 finance bureau',
      at: { region: '370300', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'transport.zibo',
      displayName: '李秀英',
      role: '业务主管部门 competent department',
      at: { region: '370300', sector: 'TRANSPORT' },
    },
    {
      login: 'audit.zibo',
      displayName: '张志强',
      role: '审计部门 audit office',
      at: { region: '370300', kind: 'AUDIT_OFFICE' },
    },
    {
      login: 'finance.zhangdian',
      displayName: '刘洋',
      role: '财政部门 finance bureau',
      at: { region: '370303', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'transport.zhangdian',
      displayName: '陈静',
      role: '业务主管部门 competent department',
      at: { region: '370303', sector: 'TRANSPORT' },
    },
    {
      login: 'agri.zhangdian',
      displayName: '杨国庆',
      role: '业务主管部门 competent department',
      at: { region: '370303', sector: 'AGRICULTURE' },
    },
    {
      login: 'audit.zhangdian',
      displayName: '赵丽娟',
      role: '审计部门 audit office',
      at: { region: '370303', kind: 'AUDIT_OFFICE' },
    },
    {
      login: 'admin.zhangdian',
      displayName: '周海涛',
      role: '租户管理员 tenant admin',
      at: { region: '370303', kind: 'FINANCE_BUREAU' },
      admin: true,
    },
    {
      login: 'finance.zichuan',
      displayName: '吴敏',
      role: '财政部门 finance bureau',
      at: { region: '370302', kind: 'FINANCE_BUREAU' },
    },
    // 部门/单位整体绩效 demo (seeds/demo-department.ts, docs/demo.md): 淄川区's departments and a subordinate unit.
    {
      login: 'agri.zichuan',
      displayName: '韩立军',
      role: '业务主管部门 competent department',
      at: { region: '370302', sector: 'AGRICULTURE' },
    },
    {
      login: 'edu.zichuan',
      displayName: '宋雅琴',
      role: '业务主管部门 competent department',
      at: { region: '370302', sector: 'EDUCATION' },
    },
    {
      login: 'unit.zichuan',
      displayName: '曹文博',
      role: '项目实施单位 implementing unit (所属单位 of 淄川区教育局)',
      at: { region: '370302', unit: 1 },
    },
    {
      login: 'finance.chezhan',
      displayName: '徐立新',
      role: '财政部门 finance bureau',
      at: { region: '370303001', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'transport.chezhan',
      displayName: '孙红梅',
      role: '业务主管部门 competent department',
      at: { region: '370303001', sector: 'TRANSPORT' },
    },
    {
      login: 'agri.chezhan',
      displayName: '马志刚',
      role: '业务主管部门 competent department',
      at: { region: '370303001', sector: 'AGRICULTURE' },
    },
    {
      login: 'unit.chezhan',
      displayName: '胡晓燕',
      role: '项目实施单位 implementing unit',
      at: { region: '370303001', unit: 0 },
    },
    {
      login: 'finance.gongyuan',
      displayName: '朱明亮',
      role: '财政部门 finance bureau',
      at: { region: '370303002', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'transport.gongyuan',
      displayName: '郭玉兰',
      role: '业务主管部门 competent department',
      at: { region: '370303002', sector: 'TRANSPORT' },
    },
    {
      login: 'unit.gongyuan',
      displayName: '何建华',
      role: '项目实施单位 implementing unit',
      at: { region: '370303002', unit: 0 },
    },
    {
      login: 'unit.zhangdian',
      displayName: '高振东',
      role: '项目实施单位 implementing unit',
      at: { region: '370303', unit: 0 },
    },
    {
      login: 'thirdparty.zibo',
      displayName: '林婉清',
      role: '第三方机构 third party',
      at: { thirdParty: '山东正信绩效评价咨询有限公司' },
    },
    {
      login: 'inactive.zibo',
      displayName: '郑伟',
      role: '已停用账号 inactive account',
      at: { region: '370300', kind: 'FINANCE_BUREAU' },
      inactive: true,
    },
  ],
};

const rizhao: TenantSpec = {
  name: '日照市',
  code: '371100',
  sectors: ['TRANSPORT'],
  districts: [
    {
      name: '东港区',
      code: '371102',
      units: [],
      townships: [
        { name: '日照街道', code: '371102001', units: [['日照街道道路养护站', 'TRANSPORT']] },
        { name: '石臼街道', code: '371102002', units: [['石臼街道道路养护站', 'TRANSPORT']] },
      ],
    },
    {
      name: '岚山区',
      code: '371103',
      units: [],
      townships: [{ name: '安东卫街道', code: '371103001', units: [['安东卫街道道路养护站', 'TRANSPORT']] }],
    },
  ],
  thirdParties: [],
  users: [
    {
      login: 'admin.rizhao',
      displayName: '系统管理员',
      role: '租户管理员 tenant admin',
      at: { region: '371100', kind: 'FINANCE_BUREAU' },
      admin: true,
    },
    {
      login: 'finance.rizhao',
      displayName: '宋晓峰',
      role: '财政部门 finance bureau',
      at: { region: '371100', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'finance.donggang',
      displayName: '韩雪',
      role: '财政部门 finance bureau',
      at: { region: '371102', kind: 'FINANCE_BUREAU' },
    },
    {
      login: 'unit.rizhao',
      displayName: '唐志勇',
      role: '项目实施单位 implementing unit',
      at: { region: '371102001', unit: 0 },
    },
  ],
};

interface BuiltTenant {
  id: string;
  name: string;
  cityCode: string;
  regions: RegionRow[];
  organizations: OrganizationRow[];
  counterparts: CounterpartRow[];
  users: UserRow[];
  /** `tenant`: the tenant code to sign in with (the city's division code). */
  logins: { login: string; role: string; organization: string; tenant: string }[];
}

function tenantId(cityCode: string): string {
  return seedId(cityCode, 'tenant');
}

/** Expands a tenant description into rows (pure: no database, no password hashing). */
function buildTenant(spec: TenantSpec): BuiltTenant {
  const key = spec.code;
  const regions: RegionRow[] = [];
  const organizations: OrganizationRow[] = [];
  const unitIdsByRegion = new Map<string, string[]>();

  const addRegion = (parent: RegionRow | null, level: RegionRow['level'], name: string, code: string) => {
    const region: RegionRow = {
      id: seedId(key, 'region', code),
      parentId: parent?.id ?? null,
      level,
      name,
      code,
    };
    regions.push(region);
    organizations.push(...regionBodies(key, region, spec.sectors));
    return region;
  };
  const addUnits = (region: RegionRow, units: UnitSpec[]) => {
    const ids = units.map(([name, sector]) => {
      const unit = implementingUnit(key, region, name, name, sector);
      organizations.push(unit);
      return unit.id;
    });
    unitIdsByRegion.set(region.code, ids);
  };

  const city = addRegion(null, 'CITY', spec.name, spec.code);
  for (const d of spec.districts) {
    const district = addRegion(city, 'DISTRICT', d.name, d.code);
    addUnits(district, d.units);
    for (const t of d.townships) {
      addUnits(addRegion(district, 'TOWNSHIP', t.name, t.code), t.units);
    }
  }
  const counterparts = sectorCounterparts(key, regions, spec.sectors);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  for (const extra of spec.extraDepartments ?? []) {
    const home = regionByCode.get(extra.region)!;
    const id = seedId(key, 'org', 'COMPETENT_DEPARTMENT', extra.region, extra.name);
    organizations.push({
      id,
      regionId: home.id,
      kind: 'COMPETENT_DEPARTMENT',
      sector: extra.sector,
      supervisingDepartmentId: null,
      name: extra.name,
      creditCode: seedCreditCode('11', extra.region, id),
    });
    for (const code of extra.answeredIn) {
      const township = regionByCode.get(code)!;
      counterparts.push({
        upperId: id,
        counterpartId: departmentId(key, code, extra.sector),
        regionId: township.id,
      });
    }
  }
  for (const name of spec.thirdParties) {
    const id = seedId(key, 'org', 'THIRD_PARTY', name);
    organizations.push({
      id,
      regionId: city.id,
      kind: 'THIRD_PARTY',
      sector: null,
      supervisingDepartmentId: null,
      name,
      creditCode: seedCreditCode('91', spec.code, id),
    });
  }

  const byId = new Map(organizations.map((o) => [o.id, o]));
  for (const o of organizations) {
    if (o.supervisingDepartmentId !== null && !byId.has(o.supervisingDepartmentId)) {
      throw new Error(`demo seed: ${o.name} has no ${o.sector ?? ''} department to supervise it`);
    }
  }
  const resolve = (at: OrgRef): OrganizationRow => {
    let id: string | undefined;
    if ('thirdParty' in at) {
      id = seedId(key, 'org', 'THIRD_PARTY', at.thirdParty);
    } else if ('unit' in at) {
      id = unitIdsByRegion.get(at.region)?.[at.unit];
    } else if ('sector' in at) {
      id = departmentId(key, at.region, at.sector);
    } else {
      id = at.kind === 'FINANCE_BUREAU' ? financeBureauId(key, at.region) : auditOfficeId(key, at.region);
    }
    const organization = id === undefined ? undefined : byId.get(id);
    if (organization === undefined) {
      throw new Error(`demo seed: no organization for ${JSON.stringify(at)}`);
    }
    return organization;
  };

  const users: UserRow[] = [];
  const logins: BuiltTenant['logins'] = [];
  for (const u of spec.users) {
    const organization = resolve(u.at);
    users.push({
      id: seedId(key, 'user', u.login),
      organizationId: organization.id,
      login: u.login,
      displayName: u.displayName,
      isActive: u.inactive !== true,
      isTenantAdmin: u.admin === true,
    });
    logins.push({ login: u.login, role: u.role, organization: organization.name, tenant: spec.code });
  }
  return {
    id: tenantId(spec.code),
    name: spec.name,
    cityCode: spec.code,
    regions,
    organizations,
    counterparts,
    users,
    logins,
  };
}

const built = [buildTenant(zibo), buildTenant(rizhao)];

/** The two demo tenants (the ids are seedId(cityCode, 'tenant')). */
export const demoTenants = {
  zibo: { id: tenantId(zibo.code), name: zibo.name, cityCode: zibo.code },
  rizhao: { id: tenantId(rizhao.code), name: rizhao.name, cityCode: rizhao.code },
} as const;

/** Every demo account (password {@link DEMO_PASSWORD}), for the README and the startup banner. */
export const demoLogins: BuiltTenant['logins'] = built.flatMap((t) => t.logins);

/**
 * Loads the demo data (淄博市 and 日照市) through an OWNER connection, in one transaction: the hierarchy and
 * demo accounts, then 淄博市's demo funds, projects and goals (seeds/demo-goals.ts: the DOMAIN §11 worked
 * example and goals in every workflow state). Idempotent: each part is written only when it is missing
 * (a database seeded before the goals existed gains them), and `created` says whether anything was written.
 */
export async function loadDemo(db: SeedDb): Promise<{ created: boolean }> {
  const zibo = demoTenants.zibo;
  if ((await tenantExists(db, zibo.id)) && (await demoGoalsExist(db, zibo.id, zibo.cityCode))) {
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (tx) => {
    await lockSeed(tx, 'demo');
    let created = false;
    if (!(await tenantExists(tx, zibo.id))) {
      for (const tenant of built) {
        await insertTenant(tx, tenant.id, tenant.name, tenant.cityCode);
        await insertRegions(tx, tenant.id, tenant.regions);
        await insertOrganizations(tx, tenant.id, tenant.organizations);
        await insertCounterparts(tx, tenant.cityCode, tenant.id, tenant.counterparts);
        await insertUsers(tx, tenant.id, passwordHash, tenant.users);
      }
      created = true;
    }
    if (!(await demoGoalsExist(tx, zibo.id, zibo.cityCode))) {
      await loadDemoGoals(tx, zibo.id, zibo.cityCode);
      created = true;
    }
    return { created };
  });
}
