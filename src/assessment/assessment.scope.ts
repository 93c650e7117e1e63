import type { SelectQueryBuilder } from 'typeorm';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { registerScope, registerScopedView, subtreePrefix, through } from '../common/scoped-access';
import { AssessmentDimensionEntity } from './assessment-dimension.entity';
import { AssessmentEntity } from './assessment.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    assessments(alias?: string): Promise<SelectQueryBuilder<AssessmentEntity>>;
    assessmentDimensions(alias?: string): Promise<SelectQueryBuilder<AssessmentDimensionEntity>>;
    assessmentGateFacts(alias?: string): Promise<SelectQueryBuilder<AssessmentEntity>>;
  }
}

/**
 * 事前绩效评估 (DOMAIN §6, P6): the subtree (by the subject's region), plus those the caller's body made as
 * assessor (a commissioned third party sees its own); units see those of the projects they implement.
 */
registerScope({
  name: 'assessments',
  entity: AssessmentEntity,
  alias: 'ea',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(`(${alias}.region_path LIKE :scopePrefix OR ${alias}.assessor_id = :scopeOrg)`, {
        scopePrefix: subtreePrefix(caller),
        scopeOrg: caller.organizationId,
      });
    }
    return qb.andWhere(
      `(${alias}.assessor_id = :scopeOrg OR EXISTS (SELECT 1 FROM project sep WHERE sep.tenant_id = ${alias}.tenant_id AND sep.id = ${alias}.project_id AND sep.implementing_unit_id = :scopeOrg))`,
      { scopeOrg: caller.organizationId },
    );
  },
});

/** The five conclusions of assessments the caller sees (same predicate through the parent). */
registerScope({
  name: 'assessmentDimensions',
  entity: AssessmentDimensionEntity,
  alias: 'ead',
  rule: through(AssessmentEntity, 'assessment_id'),
});

/**
 * Gate facts (status, grade, review time) of every assessment of subjects the caller already sees: the
 * gate of a visible fund or project (DOMAIN §6) depends on all of its assessments, also those made
 * outside the caller's subtree. Callers must pass only ids of subjects they loaded through the scope.
 */
registerScopedView({
  name: 'assessmentGateFacts',
  entity: AssessmentEntity,
  alias: 'eg',
  rule: (qb, { alias }) =>
    qb.select([
      `${alias}.tenantId`,
      `${alias}.id`,
      `${alias}.fundId`,
      `${alias}.projectId`,
      `${alias}.status`,
      `${alias}.grade`,
      `${alias}.reviewedAt`,
    ]),
});
