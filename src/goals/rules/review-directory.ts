import { msg } from '../../common/errors';
import { OrganizationKind, type Sector } from '../../hierarchy/hierarchy.enums';
import { GoalScope, type DecompositionMode } from '../goal.enums';
import { badInput, isWithin, type Refusal } from './workflow-refusal';

/** An organization as the goal rules need it (a plain copy of the organization row). */
export interface OrgRef {
  id: string;
  kind: OrganizationKind;
  regionId: string;
  sector: Sector | null;
  supervisingDepartmentId: string | null;
}

/**
 * The few directory questions a review chain needs, answered from plain data (no database): the
 * service loads the organizations of the regions concerned and wraps them with `directoryOf`.
 */
export interface OrgDirectory {
  organization(id: string): OrgRef | undefined;
  /** 财政部门 of a region (one per region, DOMAIN §3). */
  financeBureau(regionId: string): OrgRef | undefined;
  /**
   * 对口部门: the department of region `regionId` mapped to answer for `upperId`'s funds there — the
   * explicit mapping of DOMAIN §3 (003 转移支付 第六–八条), never inferred from a sector (a region has many
   * departments and two may share a sector).
   */
  counterpart(upperId: string, regionId: string): OrgRef | undefined;
}

/** One row of the counterpart mapping (organization_counterpart). */
export interface CounterpartRef {
  upperId: string;
  regionId: string;
  counterpartId: string;
}

export function directoryOf(
  orgs: readonly OrgRef[],
  counterparts: readonly CounterpartRef[] = [],
): OrgDirectory {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const mapped = new Map(counterparts.map((c) => [`${c.upperId}|${c.regionId}`, c.counterpartId]));
  return {
    organization: (id) => byId.get(id),
    financeBureau: (regionId) =>
      orgs.find((o) => o.regionId === regionId && o.kind === OrganizationKind.FINANCE_BUREAU),
    counterpart: (upperId, regionId) => {
      const id = mapped.get(`${upperId}|${regionId}`);
      return id ? byId.get(id) : undefined;
    },
  };
}

export interface RegionRef {
  id: string;
  /** Materialized path `/city/district/township/`. */
  path: string;
}

/** What a goal is about, as plain data: enough to name its drafter and its review chain. */
export interface ChainSubject {
  scope: GoalScope;
  /**
   * The subject's region: the project's budget level R (PROJECT), the department's region
   * (DEPARTMENT), the fund's region R (TRANSFER_OVERALL), the receiving region S (TRANSFER_REGIONAL),
   * the implementing unit's region S (TRANSFER_PROJECT).
   */
  region: RegionRef;
  /** The drafting organization (编制单位). */
  drafter: OrgRef;
  /** PROJECT, TRANSFER_PROJECT: the unit that applies for and uses the money (申请/实施单位). */
  unit?: OrgRef | null;
  /** PROJECT, TRANSFER_PROJECT: the project's owning competent department (项目主管部门). */
  projectDepartmentId?: string | null;
  /** DEPARTMENT: the department whose whole budget the goal covers. */
  department?: OrgRef | null;
  /** Transfer scopes: the fund's owning competent department and the allocating region R. */
  fund?: { departmentId: string; region: RegionRef } | null;
  /** TRANSFER_REGIONAL: top-down or bottom-up. */
  decomposition?: DecompositionMode | null;
}

/** One step of a review chain: who reviews, in which role; the last step is final. */
export const missing = (zh: string, en: string): Refusal => badInput(msg(`缺少${zh}`, `Missing ${en}`));

export interface FundParties {
  department: OrgRef;
  region: RegionRef;
}

/** The fund's competent department, which must sit at the fund's region R (DOMAIN §4). */
export function fundParties(subject: ChainSubject, dir: OrgDirectory): FundParties | Refusal {
  if (!subject.fund) return missing('专项资金信息', 'the fund of a transfer-payment goal');
  const department = dir.organization(subject.fund.departmentId);
  if (
    !department ||
    department.kind !== OrganizationKind.COMPETENT_DEPARTMENT ||
    department.regionId !== subject.fund.region.id
  ) {
    return badInput(
      msg(
        '专项资金须属于其所在区划的业务主管部门',
        "The fund must belong to a competent department of the fund's region",
      ),
    );
  }
  const region = subject.fund.region;
  const s = subject.region;
  const inside =
    subject.scope === GoalScope.TRANSFER_OVERALL
      ? s.id === region.id
      : subject.scope === GoalScope.TRANSFER_REGIONAL
        ? isWithin(s.path, region.path) && s.path !== region.path
        : isWithin(s.path, region.path);
  if (!inside) {
    return badInput(
      msg(
        '目标所属区划与专项资金的分配层级不符（整体目标在资金本级，分区域目标在其下级区划）',
        "The goal's region does not fit the fund's level (overall at the fund's region, regional below it)",
      ),
    );
  }
  return { department, region };
}

/** The counterpart department in S: the one mapped to answer for the fund's department there (DOMAIN §3). */
export function counterpartIn(
  regionId: string,
  fundDepartment: OrgRef,
  dir: OrgDirectory,
): OrgRef | undefined {
  return dir.counterpart(fundDepartment.id, regionId);
}

/**
 * The competent department over the spending unit (主管部门): a department running its own project
 * itself (本级, 002 第十六条 "部门本级") is its own; else the unit's supervising department; else the
 * project's owning department; else, for a transfer project, S's counterpart of the fund's department.
 */
export function supervisorOf(
  unit: OrgRef,
  fallbackRegionId: string,
  fallback: { projectDepartmentId?: string | null; fundDepartment?: OrgRef | null },
  dir: OrgDirectory,
) {
  if (unit.kind === OrganizationKind.COMPETENT_DEPARTMENT) return unit;
  if (unit.supervisingDepartmentId) return dir.organization(unit.supervisingDepartmentId);
  if (fallback.projectDepartmentId) return dir.organization(fallback.projectDepartmentId);
  return fallback.fundDepartment ? counterpartIn(fallbackRegionId, fallback.fundDepartment, dir) : undefined;
}
