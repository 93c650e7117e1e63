import { hashPassword } from '../src/auth/password';
import { DEMO_PASSWORD } from './demo';
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
import {
  departmentId,
  financeBureauId,
  implementingUnit,
  insertCounterparts,
  regionBodies,
  sectorCounterparts,
} from './hierarchy';
import { seedId } from './ids';
import { mulberry32 } from './synthetic-model';
import { generateWorkload, type SyntheticWorkloadSummary } from './synthetic-workload';

export interface SyntheticCityOptions {
  /** Everything (names, sectors, ids) is derived from this seed. */
  seed: number;
  tenantName?: string;
  /** 6-digit city division code; districts are `${cityCode.slice(0, 4)}NN`, townships `${district}NNN`. */
  cityCode?: string;
  districts?: number;
  townshipsPerDistrict?: number;
  unitsPerTownship?: number;
  /** District-level units (e.g. 公路事业发展中心) beside the townships' ones. */
  unitsPerDistrict?: number;
  /**
   * 'full' (default): 10 districts × 15 townships, 6,000 units. 'small': 2 districts × 2 townships with
   * 4 units each and 2 per district (20 units), for tests. Explicit counts above win over the scale.
   */
  scale?: 'full' | 'small';
  /**
   * Also generate funds, allocations, projects (3 per unit) and their goals with indicators and review
   * histories (issue #3). Default: on when `scale` is given, off otherwise — so the hierarchy-only callers
   * (bench/run.ts, test/query-count.test.ts) stay as fast and as they were.
   */
  workload?: boolean;
  /** Budget year of the workload (default 2026). */
  year?: number;
}

export interface SyntheticCity {
  tenantId: string;
  cityRegionId: string;
  cityCode: string;
  regionCount: number;
  organizationCount: number;
  userCount: number;
  unitCount: number;
  sampleLogins: { cityFinance: string; districtFinance: string; unit: string };
  /** Present when the workload was generated. */
  workload?: SyntheticWorkloadSummary;
}

const sectors: SectorCode[] = ['TRANSPORT', 'AGRICULTURE', 'EDUCATION'];

const placeSyllables = [
  ...'东西南北新安和平兴华长青阳河山泉丰宁明德龙凤桃柳石林湖桥庄营金玉广太永福康乐文昌',
];
const surnames = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
];
const givenNames = [
  ...[
    '建国',
    '秀英',
    '志强',
    '丽娟',
    '海涛',
    '晓燕',
    '明亮',
    '玉兰',
    '建华',
    '振东',
    '婉清',
    '立新',
    '红梅',
    '志刚',
  ],
  ...[
    '国庆',
    '静',
    '敏',
    '伟',
    '洋',
    '芳',
    '磊',
    '军',
    '勇',
    '艳',
    '杰',
    '娜',
    '涛',
    '超',
    '霞',
    '鹏',
    '雪',
    '浩然',
  ],
];
const chineseDigits = [...'零一二三四五六七八九'];

/** 1 → 一, 12 → 十二, 40 → 四十, 123 → 123 (beyond 99 arabic digits read fine too). */
function chineseNumber(n: number): string {
  if (n < 10) {
    return chineseDigits[n];
  }
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : chineseDigits[tens]}十${ones === 0 ? '' : chineseDigits[ones]}`;
  }
  return String(n);
}

/** Unit name templates by sector: the first such unit of a township, then the numbered ones (第二…). */
const unitTemplates: Record<string, { base: string; first: string }[]> = {
  TRANSPORT: [
    { base: '农村公路养护站', first: '农村公路养护站' },
    { base: '交通运输服务站', first: '交通运输服务站' },
    { base: '道路养护中心', first: '道路养护中心' },
  ],
  AGRICULTURE: [
    { base: '农业综合服务中心', first: '农业综合服务中心' },
    { base: '畜牧兽医站', first: '畜牧兽医站' },
    { base: '农机服务站', first: '农机服务站' },
    { base: '农业技术推广站', first: '农业技术推广站' },
  ],
  EDUCATION: [
    { base: '小学', first: '中心小学' },
    { base: '幼儿园', first: '中心幼儿园' },
    { base: '中学', first: '中学' },
  ],
};

function assertRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`generateSyntheticCity: ${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/**
 * Generates a large synthetic city (default 1 city, 10 districts, 150 townships, 6,000 implementing
 * units at district and township level, 6,644 users) deterministically from `seed`, with bulk `unnest` inserts in one transaction.
 * Every user's password is {@link DEMO_PASSWORD}. Throws if the tenant (same seed and city code) exists.
 */
export async function generateSyntheticCity(
  db: SeedDb,
  options: SyntheticCityOptions,
): Promise<SyntheticCity> {
  const { seed } = options;
  const tenantName = options.tenantName ?? '合成市';
  const cityCode = options.cityCode ?? '379900';
  const small = options.scale === 'small';
  const districtCount = options.districts ?? (small ? 2 : 10);
  const townshipsPerDistrict = options.townshipsPerDistrict ?? (small ? 2 : 15);
  // Defaults: 10 × 15 + 150 × 39 = 6,000 implementing units, at both levels like a real city.
  const unitsPerTownship = options.unitsPerTownship ?? (small ? 4 : 39);
  const unitsPerDistrict = options.unitsPerDistrict ?? (small ? 2 : 15);
  const withWorkload = options.workload ?? options.scale !== undefined;
  const year = options.year ?? 2026;
  assertRange('year', year, 2000, 2100);
  assertRange('seed', seed, 0, 0xffffffff);
  assertRange('districts', districtCount, 1, 99);
  assertRange('townshipsPerDistrict', townshipsPerDistrict, 0, 999);
  assertRange('unitsPerTownship', unitsPerTownship, 0, 100_000);
  assertRange('unitsPerDistrict', unitsPerDistrict, 0, 100_000);
  if (!/^\d{6}$/.test(cityCode)) {
    throw new Error(`generateSyntheticCity: cityCode must have 6 digits, got ${cityCode}`);
  }

  const key = `synthetic|${seed}|${cityCode}`;
  const prefix = `syn${seed}`;
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const personName = () => pick(surnames) + pick(givenNames);
  const placeName = (taken: Set<string>, suffix: string): string => {
    for (;;) {
      const name = pick(placeSyllables) + pick(placeSyllables) + suffix;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };

  const regions: RegionRow[] = [];
  const organizations: OrganizationRow[] = [];
  const users: UserRow[] = [];
  const addBodies = (region: RegionRow) => {
    organizations.push(...regionBodies(key, region, sectors));
    users.push({
      id: seedId(key, 'user', 'fin', region.code),
      organizationId: financeBureauId(key, region.code),
      login: `${prefix}.fin.${region.code}`,
      displayName: personName(),
      isActive: true,
      isTenantAdmin: false,
    });
    for (const sector of sectors) {
      users.push({
        id: seedId(key, 'user', 'dep', region.code, sector),
        organizationId: departmentId(key, region.code, sector),
        login: `${prefix}.dep.${region.code}.${sector.toLowerCase()}`,
        displayName: personName(),
        isActive: true,
        isTenantAdmin: false,
      });
    }
  };

  let unitCount = 0;
  const addUnits = (region: RegionRow, count: number) => {
    const ordinals = new Map<string, number>();
    for (let u = 1; u <= count; u++) {
      const sector = pick(sectors);
      const template = pick(unitTemplates[sector]);
      const ordinal = (ordinals.get(template.base) ?? 0) + 1;
      ordinals.set(template.base, ordinal);
      const name = `${region.name}${ordinal === 1 ? template.first : `第${chineseNumber(ordinal)}${template.base}`}`;
      const unit = implementingUnit(key, region, String(u), name, sector);
      organizations.push(unit);
      unitCount += 1;
      users.push({
        id: seedId(key, 'user', 'unit', String(unitCount)),
        organizationId: unit.id,
        login: `${prefix}.unit.${unitCount}`,
        displayName: personName(),
        isActive: true,
        isTenantAdmin: false,
      });
    }
  };

  const city: RegionRow = {
    id: seedId(key, 'region', cityCode),
    parentId: null,
    level: 'CITY',
    name: tenantName,
    code: cityCode,
  };
  regions.push(city);
  addBodies(city);

  const districtNames = new Set<string>();
  for (let d = 1; d <= districtCount; d++) {
    const code = `${cityCode.slice(0, 4)}${String(d).padStart(2, '0')}`;
    const district: RegionRow = {
      id: seedId(key, 'region', code),
      parentId: city.id,
      level: 'DISTRICT',
      name: placeName(districtNames, '区'),
      code,
    };
    regions.push(district);
    addBodies(district);
    addUnits(district, unitsPerDistrict);

    const townshipNames = new Set<string>();
    for (let t = 1; t <= townshipsPerDistrict; t++) {
      const townshipCode = `${code}${String(t).padStart(3, '0')}`;
      const township: RegionRow = {
        id: seedId(key, 'region', townshipCode),
        parentId: district.id,
        level: 'TOWNSHIP',
        name: placeName(townshipNames, random() < 0.5 ? '街道' : '镇'),
        code: townshipCode,
      };
      regions.push(township);
      addBodies(township);

      addUnits(township, unitsPerTownship);
    }
  }

  const tenantId = seedId(key, 'tenant');
  if (await tenantExists(db, tenantId)) {
    throw new Error(`generateSyntheticCity: the synthetic city of seed ${seed} (${cityCode}) already exists`);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const workload = await inTransaction(db, async (tx) => {
    await lockSeed(tx, key);
    await insertTenant(tx, tenantId, tenantName);
    await insertRegions(tx, tenantId, regions);
    await insertOrganizations(tx, tenantId, organizations);
    // DOMAIN §3: the same-sector counterparts, explicit (issue 9 item 5).
    await insertCounterparts(tx, key, tenantId, sectorCounterparts(key, regions, sectors));
    await insertUsers(tx, tenantId, passwordHash, users);
    return withWorkload
      ? generateWorkload(tx, { key, seed, tenantId, year, regions, organizations, users })
      : undefined;
  });

  return {
    tenantId,
    cityRegionId: city.id,
    cityCode,
    regionCount: regions.length,
    organizationCount: organizations.length,
    userCount: users.length,
    unitCount,
    sampleLogins: {
      cityFinance: `${prefix}.fin.${cityCode}`,
      districtFinance: `${prefix}.fin.${cityCode.slice(0, 4)}01`,
      unit: unitCount > 0 ? `${prefix}.unit.1` : `${prefix}.fin.${cityCode}`,
    },
    ...(workload ? { workload } : {}),
  };
}
