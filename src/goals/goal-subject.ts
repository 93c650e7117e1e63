import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { pathIds } from '../auth/principal';
import { NO_ID } from '../common/sql';
import { OrganizationCounterpartEntity } from '../hierarchy/counterpart.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import type { CreateGoalInput } from './dto/goal.inputs';
import { notFound } from './goal.errors';
import { GoalEntity } from './goal.entity';
import { GoalScope } from './goal.enums';
import { buildReviewChain, directoryOf, type ChainSubject, type OrgRef } from './rules/review-chain';
import { refusal } from '../common/refusal';

export const orgRef = (o: OrganizationEntity): OrgRef => ({
  id: o.id,
  kind: o.kind,
  regionId: o.regionId,
  sector: o.sector,
  supervisingDepartmentId: o.supervisingDepartmentId,
});

export interface Subject {
  chain: ChainSubject;
  regionId: string;
  projectId: string | null;
  fundId: string | null;
  departmentId: string | null;
  project: ProjectEntity | null;
  fund: FundEntity | null;
}

/** The organizations a chain may name: those of the subject region and its ancestors, plus named ids. */
export async function directoryFor(em: EntityManager, tenantId: string, path: string, ids: string[]) {
  const rows = await em
    .createQueryBuilder(OrganizationEntity, 'o')
    .where('o.tenant_id = :tenantId', { tenantId })
    .andWhere(`(:path LIKE o.region_path || '%' OR o.id = ANY(:ids))`, { path, ids })
    .getMany();
  // DOMAIN §3: the counterparts mapped in the subject's region (S), for bottom-up and project chains.
  const regionId = pathIds(path).at(-1) ?? NO_ID;
  const mapped = await em.findBy(OrganizationCounterpartEntity, { tenantId, regionId });
  return directoryOf(
    rows.map(orgRef),
    mapped.map((m) => ({
      upperId: m.upperOrganizationId,
      regionId: m.regionId,
      counterpartId: m.counterpartOrganizationId,
    })),
  );
}

export async function regionRef(em: EntityManager, tenantId: string, id: string) {
  const r = await em.findOneBy(RegionEntity, { tenantId, id });
  return r ? { id: r.id, path: r.path } : null;
}

/**
 * The subject a create names (DOMAIN §5): a visible project (PROJECT, TRANSFER_PROJECT), a visible fund
 * (transfer scopes, with the receiving region for TRANSFER_REGIONAL), or the caller's own department
 * (DEPARTMENT). Out of view reads as NOT_FOUND.
 */
export async function subjectOf(
  ctx: RequestContext,
  em: EntityManager,
  input: CreateGoalInput,
): Promise<Subject> {
  const caller = ctx.caller;
  const tenantId = caller.tenantId;
  let project: ProjectEntity | null = null;
  let fund: FundEntity | null = null;
  let regionId: string = caller.regionId;
  const needsProject = input.scope === GoalScope.PROJECT || input.scope === GoalScope.TRANSFER_PROJECT;
  if (needsProject) {
    const id = input.projectId ? idOfType(input.projectId, 'Project') : null;
    project = id ? await ctx.loaders.projectById.load(id) : null;
    if (!project)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'projectId'], msg('未找到该项目', 'Project not found'));
    regionId = project.regionId;
  }
  const transfer =
    input.scope === GoalScope.TRANSFER_OVERALL ||
    input.scope === GoalScope.TRANSFER_REGIONAL ||
    input.scope === GoalScope.TRANSFER_PROJECT;
  if (transfer) {
    const given = input.fundId ? idOfType(input.fundId, 'Fund') : (project?.fundId ?? null);
    fund = given ? await ctx.loaders.fundById.load(given) : null;
    if (!fund)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'fundId'], msg('未找到该专项资金', 'Fund not found'));
    if (input.scope === GoalScope.TRANSFER_OVERALL) regionId = fund.regionId;
  }
  if (input.scope === GoalScope.TRANSFER_REGIONAL) {
    const id = input.regionId ? idOfType(input.regionId, 'Region') : null;
    const region = id ? await ctx.loaders.regionById.load(id) : null;
    if (!region)
      throw refusal(ErrorCode.NOT_FOUND, ['input', 'regionId'], msg('未找到该区划', 'Region not found'));
    regionId = region.id;
  }
  const region = await regionRef(em, tenantId, regionId);
  if (!region)
    throw refusal(ErrorCode.NOT_FOUND, ['input', 'regionId'], msg('未找到该区划', 'Region not found'));
  const unitRow = project
    ? await em.findOneBy(OrganizationEntity, { tenantId, id: project.implementingUnitId })
    : null;
  const drafterRow = await em.findOneBy(OrganizationEntity, { tenantId, id: caller.organizationId });
  const fundRegion = fund ? await regionRef(em, tenantId, fund.regionId) : null;
  if (!drafterRow) return notFound(['input', 'scope']);
  const drafter = orgRef(drafterRow);
  const unit = unitRow ? orgRef(unitRow) : null;
  const chain: ChainSubject = {
    scope: input.scope,
    region,
    drafter,
    unit: unit ?? null,
    projectDepartmentId: project?.departmentId ?? null,
    department: input.scope === GoalScope.DEPARTMENT ? drafter : null,
    fund: fund && fundRegion ? { departmentId: fund.organizationId, region: fundRegion } : null,
    decomposition: input.decomposition ?? null,
  };
  return {
    chain,
    regionId,
    projectId: project?.id ?? null,
    fundId: fund?.id ?? null,
    departmentId: input.scope === GoalScope.DEPARTMENT ? caller.organizationId : null,
    project,
    fund,
  };
}

/** The chain and the directory for an existing goal (rebuilt on submission: the snapshot). */
export async function chainSubjectOf(
  em: EntityManager,
  g: GoalEntity,
  drafterId: string,
): Promise<ChainSubject> {
  const tenantId = g.tenantId;
  const project = g.projectId ? await em.findOneByOrFail(ProjectEntity, { tenantId, id: g.projectId }) : null;
  const fund = g.fundId ? await em.findOneByOrFail(FundEntity, { tenantId, id: g.fundId }) : null;
  const region = { id: g.regionId, path: g.regionPath };
  const unitOrg = project
    ? await em.findOneByOrFail(OrganizationEntity, { tenantId, id: project.implementingUnitId })
    : null;
  const ids = [
    drafterId,
    ...(unitOrg ? [unitOrg.id] : []),
    ...(unitOrg?.supervisingDepartmentId ? [unitOrg.supervisingDepartmentId] : []),
    ...(project ? [project.departmentId] : []),
    ...(fund ? [fund.organizationId] : []),
  ];
  const dir = await directoryFor(em, tenantId, region.path, ids);
  const fundRegion = fund ? await regionRef(em, tenantId, fund.regionId) : null;
  const drafter = dir.organization(drafterId);
  if (!drafter) return notFound();
  return {
    scope: g.scope,
    region,
    drafter,
    unit: unitOrg ? orgRef(unitOrg) : null,
    projectDepartmentId: project?.departmentId ?? null,
    department: g.departmentId ? (dir.organization(g.departmentId) ?? null) : null,
    fund: fund && fundRegion ? { departmentId: fund.organizationId, region: fundRegion } : null,
    decomposition: g.decomposition,
  };
}

export async function rebuildChain(em: EntityManager, g: GoalEntity) {
  const subject = await chainSubjectOf(em, g, g.drafterOrganizationId);
  return buildReviewChain(subject, await dirOf(em, g.tenantId, subject));
}

/** The directory of the organizations a subject's chain may name. */
export async function dirOf(em: EntityManager, tenantId: string, subject: ChainSubject) {
  const ids = [
    subject.drafter.id,
    ...(subject.unit ? [subject.unit.id] : []),
    ...(subject.unit?.supervisingDepartmentId ? [subject.unit.supervisingDepartmentId] : []),
    ...(subject.projectDepartmentId ? [subject.projectDepartmentId] : []),
    ...(subject.fund ? [subject.fund.departmentId] : []),
  ];
  return directoryFor(em, tenantId, subject.region.path, ids);
}
