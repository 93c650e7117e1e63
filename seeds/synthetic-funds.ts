import type { OrganizationRow, RegionRow, SectorCode, SeedDb } from './db';
import { departmentId } from './hierarchy';
import type { SyntheticSector } from './synthetic-indicators';
import { bulkInsert, splitCents, yuan, type Directory } from './synthetic-model';

export interface ProjectPlan {
  id: string;
  name: string;
  unit: OrganizationRow;
  region: RegionRow;
  /** Set for the projects the big transfer fund finances (TRANSFER_PROJECT goals, DOMAIN §5). */
  fundId: string | null;
  fiscalCents: number;
  otherCents: number;
  isNew: boolean;
}

export interface FundPlan {
  id: string;
  organizationId: string;
  name: string;
  level: 'CITY' | 'DISTRICT';
  category: 'SHARED_FISCAL_AUTHORITY' | 'SPECIAL_TRANSFER';
  method: 'FACTOR' | 'PROJECT';
  upperCents: number;
  ownCents: number;
  upperFundId: string | null;
}

export interface AllocationPlan {
  id: string;
  fundId: string;
  regionId: string | null;
  projectId: string | null;
  cents: number;
}

const projectNames: Record<SyntheticSector, string[]> = {
  TRANSPORT: [
    '农村公路养护工程',
    '危桥改造工程',
    '公路安全生命防护工程',
    '客运站点提升工程',
    '道路标志标线完善',
  ],
  AGRICULTURE: ['高标准农田建设', '农机作业补助', '良种推广示范', '动物疫病防控', '农技推广培训'],
  EDUCATION: ['校舍维修改造', '学生资助', '教师能力提升培训', '教学设备购置', '农村学生营养改善'],
};

/** The city's transfer funds (因素法, DOMAIN §4); the first is the big fund whose goal tree is generated. */
const cityFunds: { sector: SectorCode; name: string; category: FundPlan['category'] }[] = [
  { sector: 'TRANSPORT', name: '农村公路建设养护专项资金', category: 'SPECIAL_TRANSFER' },
  { sector: 'TRANSPORT', name: '交通运输安全提升转移支付', category: 'SHARED_FISCAL_AUTHORITY' },
  { sector: 'AGRICULTURE', name: '农业产业发展专项资金', category: 'SPECIAL_TRANSFER' },
  { sector: 'EDUCATION', name: '义务教育均衡发展转移支付', category: 'SHARED_FISCAL_AUTHORITY' },
];

/** Three projects per implementing unit, each in its unit's region with its unit's supervising department. */
export function planProjects(dir: Directory, bigFundId: string): ProjectPlan[] {
  const projects: ProjectPlan[] = [];
  const year = dir.ctx.year;
  const transferPicked = new Set<string>();
  for (const unit of dir.ctx.organizations) {
    if (unit.kind !== 'IMPLEMENTING_UNIT' || unit.sector === null) continue;
    const region = dir.region.get(unit.regionId)!;
    const names = [...projectNames[unit.sector as SyntheticSector]];
    for (let p = 1; p <= 3; p++) {
      const name = names.splice(Math.floor(dir.random() * names.length), 1)[0];
      const fiscalCents = dir.int(500, 50_000) * 10_000; // 5万 – 500万元, whole hundreds of yuan
      const otherCents = dir.random() < 0.3 ? Math.floor(fiscalCents / 500) * dir.int(10, 30) : 0;
      // The big fund finances its sector's township projects (003 转移支付 第十五条(三)).
      const transfer = region.level === 'TOWNSHIP' && unit.sector === 'TRANSPORT';
      if (transfer) transferPicked.add(region.id);
      projects.push({
        id: dir.id('project', unit.id, String(p)),
        name: `${unit.name}${year}年${name}`,
        unit,
        region,
        fundId: transfer ? bigFundId : null,
        fiscalCents,
        otherCents,
        isNew: dir.random() < 0.3,
      });
    }
  }
  // Every township receives the big fund: where it has no transport unit, its first project is financed.
  for (const region of dir.ctx.regions) {
    if (region.level !== 'TOWNSHIP' || transferPicked.has(region.id)) continue;
    const first = projects.find((p) => p.region.id === region.id);
    if (first) first.fundId = bigFundId;
  }
  return projects;
}

/**
 * Funds and allocations (DOMAIN §4), all within their ceilings (allocation-rules.ts): each city fund
 * allocates by factor to the districts directly below (isDirectChildPath); each district receiving one
 * sets up a district fund financed by it (上级资金 = the allocation) that allocates to its townships; each
 * district has one project-method fund allocated to township projects of its sector.
 * Policy: a district fund budgets the received transfer as its own-level money (the allocation cap).
 */
export function planFunds(dir: Directory, projects: ProjectPlan[], bigFundId: string) {
  const { key } = dir.ctx;
  const city = dir.ctx.regions.find((r) => r.level === 'CITY')!;
  const districts = dir.ctx.regions.filter((r) => r.level === 'DISTRICT');
  const townshipsOf = (d: RegionRow) => dir.ctx.regions.filter((r) => r.parentId === d.id);
  const funds: FundPlan[] = [];
  const allocations: AllocationPlan[] = [];
  const transferCents = new Map<string, number>(); // region id → the big fund's money for its projects
  for (const p of projects) {
    if (p.fundId !== bigFundId) continue;
    const cents = p.fiscalCents + p.otherCents;
    transferCents.set(p.region.id, (transferCents.get(p.region.id) ?? 0) + cents);
    const district = p.region.parentId!;
    transferCents.set(district, (transferCents.get(district) ?? 0) + cents);
  }
  const allocate = (fund: FundPlan, targets: RegionRow[], shares: number[]) => {
    targets.forEach((region, i) => {
      if (shares[i] <= 0) return;
      allocations.push({
        id: dir.id('allocation', fund.id, region.id),
        fundId: fund.id,
        regionId: region.id,
        projectId: null,
        cents: shares[i],
      });
    });
  };

  cityFunds.forEach((spec, f) => {
    const big = f === 0;
    const weights = districts.map((d) => (big ? (transferCents.get(d.id) ?? 0) : dir.int(50, 150)));
    const own = big ? weights.reduce((s, w) => s + w, 0) : dir.int(2_000, 8_000) * 1_000_000;
    const fund: FundPlan = {
      id: big ? bigFundId : dir.id('fund', city.code, String(f)),
      organizationId: departmentId(key, city.code, spec.sector),
      name: `${city.name}${dir.ctx.year}年${spec.name}`,
      level: 'CITY',
      category: spec.category,
      method: 'FACTOR',
      upperCents: 0,
      ownCents: own,
      upperFundId: null,
    };
    funds.push(fund);
    const toDistricts = big ? weights : splitCents(Math.floor(own * 0.95), weights);
    allocate(fund, districts, toDistricts);
    districts.forEach((district, d) => {
      if (toDistricts[d] <= 0) return;
      const child: FundPlan = {
        id: dir.id('fund', district.code, String(f)),
        organizationId: departmentId(key, district.code, spec.sector),
        name: `${district.name}${dir.ctx.year}年${spec.name}`,
        level: 'DISTRICT',
        category: spec.category,
        method: 'FACTOR',
        upperCents: toDistricts[d],
        ownCents: toDistricts[d],
        upperFundId: fund.id,
      };
      funds.push(child);
      const townships = townshipsOf(district);
      const shares = big
        ? townships.map((t) => transferCents.get(t.id) ?? 0)
        : splitCents(
            toDistricts[d],
            townships.map(() => dir.int(50, 150)),
          );
      allocate(child, townships, shares);
    });
  });

  // 项目法: one district fund per district, to up to 20 township projects of its sector.
  districts.forEach((district, d) => {
    const sector: SectorCode = d % 2 === 0 ? 'AGRICULTURE' : 'EDUCATION';
    const chosen = projects
      .filter((p) => p.region.parentId === district.id && p.fundId === null && p.unit.sector === sector)
      .slice(0, 20);
    if (chosen.length === 0) return;
    const total = chosen.reduce((s, p) => s + p.fiscalCents, 0);
    const fund: FundPlan = {
      id: dir.id('fund', district.code, 'project'),
      organizationId: departmentId(key, district.code, sector),
      name: `${district.name}${dir.ctx.year}年${sector === 'AGRICULTURE' ? '农业项目' : '教育项目'}专项资金`,
      level: 'DISTRICT',
      category: 'SPECIAL_TRANSFER',
      method: 'PROJECT',
      upperCents: 0,
      ownCents: total + Math.floor(total / 2000) * 100, // 5 % kept in reserve
      upperFundId: null,
    };
    funds.push(fund);
    for (const p of chosen) {
      allocations.push({
        id: dir.id('allocation', fund.id, p.id),
        fundId: fund.id,
        regionId: null,
        projectId: p.id,
        cents: p.fiscalCents,
      });
    }
  });
  return { funds, allocations };
}

export async function insertFundsAndProjects(
  tx: SeedDb,
  dir: Directory,
  funds: FundPlan[],
  projects: ProjectPlan[],
  allocations: AllocationPlan[],
): Promise<void> {
  const { tenantId, year } = dir.ctx;
  // Parents first: a district fund references the city fund it is financed by.
  const ordered = [...funds.filter((f) => f.level === 'CITY'), ...funds.filter((f) => f.level !== 'CITY')];
  await bulkInsert(
    tx,
    'fund',
    tenantId,
    [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['region_id', 'uuid'],
      ['region_path', 'text'],
      ['name', 'text'],
      ['budget_book', 'text'],
      ['category', 'text'],
      ['allocation_method', 'text'],
      ['start_year', 'int'],
      ['end_year', 'int'],
      ['upper_level_amount', 'numeric'],
      ['own_level_amount', 'numeric'],
      ['lower_level_amount', 'numeric'],
      ['upper_fund_id', 'uuid'],
    ],
    ordered.map((f) => [
      f.id,
      f.organizationId,
      dir.organization.get(f.organizationId)!.regionId,
      '',
      f.name,
      'GENERAL_PUBLIC',
      f.category,
      f.method,
      year,
      year,
      yuan(f.upperCents),
      yuan(f.ownCents),
      '0.00',
      f.upperFundId,
    ]),
  );
  await bulkInsert(
    tx,
    'project',
    tenantId,
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['department_id', 'uuid'],
      ['implementing_unit_id', 'uuid'],
      ['region_id', 'uuid'],
      ['region_path', 'text'],
      ['fund_id', 'uuid'],
      ['year', 'int'],
      ['annual_amount', 'numeric'],
      ['fiscal_amount', 'numeric'],
      ['other_amount', 'numeric'],
      ['is_new', 'boolean'],
      ['library_status', 'text'],
    ],
    projects.map((p) => [
      p.id,
      p.name,
      p.unit.supervisingDepartmentId,
      p.unit.id,
      p.region.id,
      '',
      p.fundId,
      year,
      yuan(p.fiscalCents + p.otherCents),
      yuan(p.fiscalCents),
      yuan(p.otherCents),
      p.isNew,
      p.isNew ? 'CANDIDATE' : 'IN_LIBRARY',
    ]),
  );
  await bulkInsert(
    tx,
    'fund_allocation',
    tenantId,
    [
      ['id', 'uuid'],
      ['fund_id', 'uuid'],
      ['fund_region_path', 'text'],
      ['region_id', 'uuid'],
      ['project_id', 'uuid'],
      ['region_path', 'text'],
      ['amount', 'numeric'],
    ],
    allocations.map((a) => [a.id, a.fundId, '', a.regionId, a.projectId, '', yuan(a.cents)]),
  );
}
