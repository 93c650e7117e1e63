import type { OrganizationRow, RegionRow, SectorCode, SeedDb } from './db';
import { seedCreditCode, seedId } from './ids';

/** Names of a competent department (业务主管部门) by sector: at city/district level and at a township. */
const departmentNames: Record<SectorCode, { county: string; township: string }> = {
  TRANSPORT: { county: '交通运输局', township: '建设办公室' },
  AGRICULTURE: { county: '农业农村局', township: '农业办公室' },
  EDUCATION: { county: '教育局', township: '教育办公室' },
  HEALTH: { county: '卫生健康局', township: '卫生健康办公室' },
  CIVIL_AFFAIRS: { county: '民政局', township: '民政办公室' },
  WATER: { county: '水利局', township: '水利站' },
  ECOLOGY: { county: '生态环境分局', township: '生态环境办公室' },
  HOUSING: { county: '住房和城乡建设局', township: '村镇建设办公室' },
  CULTURE: { county: '文化和旅游局', township: '文化站' },
  SCIENCE: { county: '科学技术局', township: '科技办公室' },
  HUMAN_RESOURCES: { county: '人力资源和社会保障局', township: '劳动保障所' },
  EMERGENCY: { county: '应急管理局', township: '应急管理办公室' },
  OTHER: { county: '综合办公室', township: '综合办公室' },
};

export function financeBureauId(tenantKey: string, regionCode: string): string {
  return seedId(tenantKey, 'org', 'FINANCE_BUREAU', regionCode);
}

export function auditOfficeId(tenantKey: string, regionCode: string): string {
  return seedId(tenantKey, 'org', 'AUDIT_OFFICE', regionCode);
}

export function departmentId(tenantKey: string, regionCode: string, sector: SectorCode): string {
  return seedId(tenantKey, 'org', 'COMPETENT_DEPARTMENT', regionCode, sector);
}

export function unitId(tenantKey: string, regionCode: string, key: string): string {
  return seedId(tenantKey, 'org', 'IMPLEMENTING_UNIT', regionCode, key);
}

/**
 * The bodies every region has (DOMAIN §3): its finance bureau (财政局 / 财政所), its audit office
 * (审计局 / 审计办公室) and one competent department per sector.
 */
export function regionBodies(tenantKey: string, region: RegionRow, sectors: SectorCode[]): OrganizationRow[] {
  const township = region.level === 'TOWNSHIP';
  const division = region.code.slice(0, 6);
  const body = (
    id: string,
    kind: OrganizationRow['kind'],
    sector: SectorCode | null,
    name: string,
  ): OrganizationRow => ({
    id,
    regionId: region.id,
    kind,
    sector,
    supervisingDepartmentId: null,
    name,
    creditCode: seedCreditCode('11', division, id),
  });
  return [
    body(
      financeBureauId(tenantKey, region.code),
      'FINANCE_BUREAU',
      null,
      `${region.name}${township ? '财政所' : '财政局'}`,
    ),
    body(
      auditOfficeId(tenantKey, region.code),
      'AUDIT_OFFICE',
      null,
      `${region.name}${township ? '审计办公室' : '审计局'}`,
    ),
    ...sectors.map((sector) =>
      body(
        departmentId(tenantKey, region.code, sector),
        'COMPETENT_DEPARTMENT',
        sector,
        `${region.name}${township ? departmentNames[sector].township : departmentNames[sector].county}`,
      ),
    ),
  ];
}

/** An implementing unit (项目实施单位, a 事业单位) supervised by its region's department of the same sector. */
export function implementingUnit(
  tenantKey: string,
  region: RegionRow,
  key: string,
  name: string,
  sector: SectorCode,
): OrganizationRow {
  const id = unitId(tenantKey, region.code, key);
  return {
    id,
    regionId: region.id,
    kind: 'IMPLEMENTING_UNIT',
    sector,
    supervisingDepartmentId: departmentId(tenantKey, region.code, sector),
    name,
    creditCode: seedCreditCode('12', region.code.slice(0, 6), id),
  };
}

/** One row of the counterpart mapping (对口部门, DOMAIN §3): who answers for `upperId` in `regionId`. */
export interface CounterpartRow {
  upperId: string;
  counterpartId: string;
  regionId: string;
}

/**
 * The demo's default counterparts: each region's department of a sector answers for its parent region's
 * department of the same sector (what the code inferred before the mapping was explicit, issue 9 item 5).
 */
export function sectorCounterparts(
  tenantKey: string,
  regions: readonly RegionRow[],
  sectors: readonly SectorCode[],
): CounterpartRow[] {
  const codeOf = new Map(regions.map((r) => [r.id, r.code]));
  return regions.flatMap((r) => {
    const parentCode = r.parentId ? codeOf.get(r.parentId) : undefined;
    if (!parentCode) return [];
    return sectors.map((sector) => ({
      upperId: departmentId(tenantKey, parentCode, sector),
      counterpartId: departmentId(tenantKey, r.code, sector),
      regionId: r.id,
    }));
  });
}

/** Inserts counterpart mappings in one statement (ids are derived, so a re-run is recognisable). */
export async function insertCounterparts(
  tx: SeedDb,
  tenantKey: string,
  tenantId: string,
  rows: readonly CounterpartRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO organization_counterpart (tenant_id, id, upper_organization_id, counterpart_organization_id, region_id)
     SELECT $1::uuid, c.id, c.upper_id, c.counterpart_id, c.region_id
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS c(id, upper_id, counterpart_id, region_id)`,
    [
      tenantId,
      rows.map((r) => seedId(tenantKey, 'counterpart', r.upperId, r.regionId)),
      rows.map((r) => r.upperId),
      rows.map((r) => r.counterpartId),
      rows.map((r) => r.regionId),
    ],
  );
}
