import type { EntityManager } from 'typeorm';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { ProjectEntity } from './project.entity';

/** An own-level (本级) project its competent department runs itself, without an implementing unit (002 第十六条). */
export function isSelfImplemented(
  project: Pick<ProjectEntity, 'implementingUnitId' | 'departmentId'>,
): boolean {
  return project.implementingUnitId === project.departmentId;
}

/**
 * Who reviews a project's self-evaluation (审核, the level above the evaluator; DOMAIN §10): the project's
 * competent department — or, when the department runs the project itself and so self-evaluates it (P4
 * 谁支出、谁自评), finance at the project's region, which reviews its budget (002 第十一条 谁审核预算), since
 * no body reviews its own evaluation.
 */
export async function selfEvaluationReviewerId(
  em: EntityManager,
  project: Pick<ProjectEntity, 'tenantId' | 'implementingUnitId' | 'departmentId' | 'regionId'>,
): Promise<string | null> {
  if (!isSelfImplemented(project)) return project.departmentId;
  const finance = await em.findOneBy(OrganizationEntity, {
    tenantId: project.tenantId,
    regionId: project.regionId,
    kind: OrganizationKind.FINANCE_BUREAU,
  });
  return finance?.id ?? null;
}
