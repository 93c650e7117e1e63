import type { SelectQueryBuilder } from 'typeorm';
import { hasSubtreeJurisdiction } from '../auth/principal';
import { registerScope, subtreePrefix, through } from '../common/scoped-access';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { EvaluationActualEntity } from './evaluation-actual.entity';
import { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import { EvaluationTransitionEntity } from './evaluation-transition.entity';
import { EvaluationEntity } from './evaluation.entity';

declare module '../common/scoped-access' {
  interface ScopedAccess {
    evaluations(alias?: string): Promise<SelectQueryBuilder<EvaluationEntity>>;
    evaluationActuals(alias?: string): Promise<SelectQueryBuilder<EvaluationActualEntity>>;
    evaluationFrameworkScores(alias?: string): Promise<SelectQueryBuilder<EvaluationFrameworkScoreEntity>>;
    evaluationReportSections(alias?: string): Promise<SelectQueryBuilder<EvaluationReportSectionEntity>>;
    evaluationTransitions(alias?: string): Promise<SelectQueryBuilder<EvaluationTransitionEntity>>;
  }
}

/**
 * 绩效评价 (DOMAIN §10, P6): finance, departments and audit offices see the evaluations of goals in their
 * subtree and those they make or review; units see those they make (谁支出、谁自评) and, once submitted,
 * the other evaluations of the projects they implement (结果反馈, 002 第二十八条(二)); third parties see
 * only the evaluations they are commissioned for.
 */
registerScope({
  name: 'evaluations',
  entity: EvaluationEntity,
  alias: 'ev',
  rule: (qb, { alias, caller }) => {
    if (hasSubtreeJurisdiction(caller)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix OR ${alias}.evaluator_organization_id = :scopeOrg
          OR ${alias}.reviewer_organization_id = :scopeOrg)`,
        { scopePrefix: subtreePrefix(caller), scopeOrg: caller.organizationId },
      );
    }
    if (caller.organizationKind === OrganizationKind.THIRD_PARTY) {
      return qb.andWhere(`${alias}.commissioned_organization_id = :scopeOrg`, {
        scopeOrg: caller.organizationId,
      });
    }
    return qb.andWhere(
      `(${alias}.evaluator_organization_id = :scopeOrg
        OR (${alias}.status NOT IN ('DRAFT', 'RETURNED') AND EXISTS (SELECT 1 FROM performance_goal seg JOIN project sep ON sep.tenant_id = seg.tenant_id AND sep.id = seg.project_id
              WHERE seg.tenant_id = ${alias}.tenant_id AND seg.id = ${alias}.goal_id AND sep.implementing_unit_id = :scopeOrg)))`,
      { scopeOrg: caller.organizationId },
    );
  },
});

/** Actuals, framework scores, report sections and history of the evaluations the caller sees. */
const throughEvaluation = through(EvaluationEntity, 'evaluation_id');
registerScope({
  name: 'evaluationActuals',
  entity: EvaluationActualEntity,
  alias: 'eva',
  rule: throughEvaluation,
});
registerScope({
  name: 'evaluationFrameworkScores',
  entity: EvaluationFrameworkScoreEntity,
  alias: 'evf',
  rule: throughEvaluation,
});
registerScope({
  name: 'evaluationReportSections',
  entity: EvaluationReportSectionEntity,
  alias: 'evr',
  rule: throughEvaluation,
});
registerScope({
  name: 'evaluationTransitions',
  entity: EvaluationTransitionEntity,
  alias: 'evt',
  rule: throughEvaluation,
});
