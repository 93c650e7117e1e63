import { registerEnumType } from 'type-graphql';
import { OrganizationKind, RegionLevel } from '../auth/principal-kinds';

/** 行政区划层级 and 单位类型 are the principal's vocabulary too: defined in auth/, registered here. */
export { OrganizationKind, RegionLevel };

/** 行业 — the sector of a competent department (业务主管部门) or implementing unit. */
export enum Sector {
  AGRICULTURE = 'AGRICULTURE',
  TRANSPORT = 'TRANSPORT',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  WATER = 'WATER',
  ECOLOGY = 'ECOLOGY',
  HOUSING = 'HOUSING',
  CULTURE = 'CULTURE',
  SCIENCE = 'SCIENCE',
  HUMAN_RESOURCES = 'HUMAN_RESOURCES',
  EMERGENCY = 'EMERGENCY',
  OTHER = 'OTHER',
}

export const sectorNames: Record<Sector, string> = {
  AGRICULTURE: '农业农村',
  TRANSPORT: '交通运输',
  EDUCATION: '教育',
  HEALTH: '卫生健康',
  CIVIL_AFFAIRS: '民政',
  WATER: '水利',
  ECOLOGY: '生态环境',
  HOUSING: '住房城乡建设',
  CULTURE: '文化和旅游',
  SCIENCE: '科技',
  HUMAN_RESOURCES: '人力资源社会保障',
  EMERGENCY: '应急管理',
  OTHER: '其他',
};

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划层级 — level of a region',
  valuesConfig: {
    CITY: { description: '市 — city (the tenant root)' },
    DISTRICT: { description: '区/县 — district or county' },
    TOWNSHIP: { description: '镇/街道办 — township or sub-district' },
  },
});

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '单位类型 — kind of organization',
  valuesConfig: {
    FINANCE_BUREAU: { description: '财政部门 — finance bureau' },
    COMPETENT_DEPARTMENT: { description: '业务主管部门 — competent (line) department' },
    AUDIT_OFFICE: { description: '审计部门 — audit office (reads its subtree, writes nothing)' },
    IMPLEMENTING_UNIT: { description: '项目实施单位 — implementing unit' },
    THIRD_PARTY: { description: '第三方机构 — third-party evaluator' },
  },
});

registerEnumType(Sector, {
  name: 'Sector',
  description: '行业 — sector of a department or unit',
  valuesConfig: Object.fromEntries(
    Object.entries(sectorNames).map(([k, zh]) => [
      k,
      { description: `${zh} — ${k.toLowerCase().replace('_', ' ')}` },
    ]),
  ),
});
