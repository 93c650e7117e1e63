import { OrganizationKind } from '../../auth/principal-kinds';
import { toGlobalId } from '../../common/global-id';
import type { RequestContext } from '../../common/request-context';
import type { ProjectEntity } from '../../funds/project.entity';
import { DecompositionMode, GoalScope } from '../../goals/goal.enums';
import { OrganizationEntity } from '../../hierarchy/organization.entity';
import type { DraftPlan } from './draft-plan';
import { CellErrors, ImportErrorCode as C } from './import-errors';

const notFound = (
  errors: CellErrors,
  plan: DraftPlan,
  cell: string,
  what: string,
  whatEn: string,
  name: string,
) =>
  errors.add(
    C.SUBJECT_NOT_FOUND,
    plan.sheet,
    cell,
    `未找到${what}「${name}」（或不在您的管辖范围内）`,
    `${whatEn} "${name}" was not found (or is outside your jurisdiction)`,
  );

/** The caller's visible projects of a year with this name (P6: units see only the projects they implement). */
async function projectsNamed(ctx: RequestContext, year: number, name: string) {
  return (await ctx.scope.projects('p'))
    .andWhere('p.year = :year', { year })
    .andWhere('p.name = :name', { name })
    .getMany();
}

async function unitMatches(ctx: RequestContext, project: ProjectEntity, unitName: string | null) {
  if (unitName === null) return true;
  const em = await ctx.scope.manager();
  const unit = await em.findOneBy(OrganizationEntity, {
    tenantId: project.tenantId,
    id: project.implementingUnitId,
  });
  return unit?.name.replace(/\s+/g, '') === unitName.replace(/\s+/g, '');
}

/**
 * Fills the subject ids of a draft from the names on its sheet, looked up only among what the caller can
 * see (P6): another unit's or another tenant's project reads as not found, a cell error on the name. 附件1:
 * the project of that name and year (its 实施单位 must match when filled in). 附件3: the fund of that name
 * whose period holds the year; then a visible project of the fund whose name the goal's name contains (or
 * the caller's only project of it, for an implementing unit) makes a TRANSFER_PROJECT goal, else the region
 * a TRANSFER_REGIONAL one (TOP_DOWN when the caller is the fund's department, else BOTTOM_UP). Whether the caller may draft it (P2, P1) is the goal service's decision.
 */
export async function resolveSubject(
  ctx: RequestContext,
  plan: DraftPlan,
  errors: CellErrors,
): Promise<void> {
  const { input, subject } = plan;
  if (subject.form === 'ANNEX1') {
    if (!subject.projectName) return;
    const found = await projectsNamed(ctx, input.year, subject.projectName);
    if (found.length !== 1)
      return notFound(errors, plan, plan.subjectCells.name, '项目', 'Project', subject.projectName);
    if (!(await unitMatches(ctx, found[0], subject.unitName)))
      return errors.add(
        C.SUBJECT_NOT_FOUND,
        plan.sheet,
        plan.subjectCells.unit!,
        `实施单位「${subject.unitName}」不是项目「${subject.projectName}」的实施单位`,
        `"${subject.unitName}" is not the implementing unit of project "${subject.projectName}"`,
      );
    input.projectId = toGlobalId('Project', found[0].id);
    return;
  }
  if (!subject.fundName) return;
  const funds = await (await ctx.scope.funds('f'))
    .andWhere('f.name = :name', { name: subject.fundName })
    .andWhere(':year BETWEEN f.start_year AND f.end_year', { year: input.year })
    .getMany();
  if (funds.length !== 1)
    return notFound(errors, plan, plan.subjectCells.fund!, '专项资金', 'Fund', subject.fundName);
  const fund = funds[0];
  input.fundId = toGlobalId('Fund', fund.id);
  const ofFund = await (await ctx.scope.projects('p'))
    .andWhere('p.year = :year AND p.fund_id = :fundId', { year: input.year, fundId: fund.id })
    .getMany();
  // The goal names its project ("<项目名称>" or "<项目名称>绩效目标"); a unit sees only its own projects.
  const named = ofFund.filter((p) => subject.goalName.includes(p.name));
  const unit = ctx.caller.organizationKind === OrganizationKind.IMPLEMENTING_UNIT;
  const projects = named.length > 0 ? named : unit ? ofFund : [];
  if (projects.length === 1) {
    input.scope = GoalScope.TRANSFER_PROJECT;
    input.projectId = toGlobalId('Project', projects[0].id);
    return;
  }
  input.scope = GoalScope.TRANSFER_REGIONAL;
  // DOMAIN §5: the fund's competent department decomposes top-down; anyone else reports bottom-up.
  input.decomposition =
    fund.organizationId === ctx.caller.organizationId
      ? DecompositionMode.TOP_DOWN
      : DecompositionMode.BOTTOM_UP;
  const regionName = subject.regionName;
  const regions = regionName
    ? await (await ctx.scope.regions('r')).andWhere('r.name = :name', { name: regionName }).getMany()
    : [];
  if (regions.length !== 1)
    return notFound(
      errors,
      plan,
      plan.subjectCells.region!,
      '下达地区',
      'Receiving region',
      regionName ?? '',
    );
  input.regionId = toGlobalId('Region', regions[0].id);
}
