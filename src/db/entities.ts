import { AssessmentDimensionEntity } from '../assessment/assessment-dimension.entity';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AllocationEntity } from '../funds/allocation.entity';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalTransitionEntity } from '../goals/goal-transition.entity';
import { GoalEntity } from '../goals/goal.entity';
import { OrganizationCounterpartEntity } from '../hierarchy/counterpart.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { TenantEntity } from '../hierarchy/tenant.entity';
import { UserEntity } from '../hierarchy/user.entity';
import { UserLoginEntity } from '../hierarchy/user-login.entity';
import { monitoringEntities } from '../monitoring/monitoring.entities';
import { evaluationEntities } from '../evaluation/evaluation.entities';
import { spotCheckEntities } from '../spot-check/spot-check.entities';
import { rollUpEntities } from '../rollup/rollup-stat.entities';
import { TenantPolicyEntity } from '../policy/policy.entity';
import { departmentEntities } from '../department-performance/common-indicator.entity';
import { resultsEntities } from '../results/results.entities';
import { biAccessEntities } from '../bi-access/reporting-login.entity';
import { serviceAccountEntities } from '../service-accounts/service-account.entity';
import { reportingEntities } from '../reporting/reporting-fact.entity';

/**
 * Every entity of the schema; the drift test compares them with the migrated database. The catalogue is
 * the one file of db/ that names domain modules (TypeORM needs every class when the DataSource is built;
 * test/architecture/import-graph.ts ALLOWED_UPWARD): the rest of db/ imports no module.
 */
export const entities = [
  TenantEntity,
  RegionEntity,
  OrganizationEntity,
  OrganizationCounterpartEntity,
  UserEntity,
  UserLoginEntity,
  AuditEventEntity,
  FundEntity,
  ProjectEntity,
  AllocationEntity,
  AssessmentEntity,
  AssessmentDimensionEntity,
  GoalEntity,
  GoalIndicatorEntity,
  GoalTransitionEntity,
  ...monitoringEntities,
  ...evaluationEntities,
  ...spotCheckEntities,
  ...rollUpEntities,
  TenantPolicyEntity,
  ...departmentEntities,
  ...resultsEntities,
  ...biAccessEntities,
  ...serviceAccountEntities,
  ...reportingEntities,
];
