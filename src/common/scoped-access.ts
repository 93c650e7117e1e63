import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { canAdminister, hasSubtreeJurisdiction, pathIds, type Principal } from '../auth/principal';
import { OrganizationKind } from '../hierarchy/hierarchy.enums';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { UserEntity } from '../hierarchy/user.entity';
import { AssessmentDimensionEntity } from '../assessment/assessment-dimension.entity';
import { AssessmentEntity } from '../assessment/assessment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AllocationEntity } from '../funds/allocation.entity';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import { GoalTransitionEntity } from '../goals/goal-transition.entity';
import { GoalEntity } from '../goals/goal.entity';
import type { RequestDb } from '../db/request-db';
import { FundingHoldEntity, GoalExecutionEntity } from '../monitoring/execution.entity';
import { TenantPolicyEntity } from '../policy/policy.entity';
import { MonitoringReportEntity, MonitoringReportIndicatorEntity } from '../monitoring/report.entity';
import { EvaluationActualEntity } from '../evaluation/evaluation-actual.entity';
import { EvaluationFrameworkScoreEntity } from '../evaluation/evaluation-framework-score.entity';
import { EvaluationReportSectionEntity } from '../evaluation/evaluation-report-section.entity';
import { EvaluationTransitionEntity } from '../evaluation/evaluation-transition.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { SpotCheckSampleEntity } from '../spot-check/spot-check-sample.entity';

/** Thrown when tenant data is read without a caller: scoping fails closed (STYLE principle 3). */
export class MissingScopeError extends Error {
  constructor() {
    super('Tenant data was read without a principal in the request context');
  }
}

/**
 * The one way to read tenant data (DOMAIN §3, §8 P6). Every builder starts with the tenant and the
 * caller's jurisdiction, as single indexed predicates on the materialized path:
 * - regions: the caller's subtree (finance, departments, audit) plus its own region's ancestors, so
 *   breadcrumbs work; units and third parties see their own region and its ancestors only;
 * - organizations: the subtree; units and third parties see themselves and their supervising department;
 * - users: tenant administrators see the users of their subtree; everyone else sees only themselves;
 * - funds: a fund is visible to finance, departments and audit offices whose subtree contains the fund's
 *   region (the giving side), or receives money of it — an allocation to a region or project in their
 *   subtree, or a project in their subtree financed by it (the receiving side); units see the funds of the
 *   projects they implement and the funds allocated to their own region (so that they can apply for
 *   them), but of the allocations only those to their projects; third parties see no funds until
 *   commissioning comes (evaluation issues);
 * - allocations: the giving side sees all allocations of its funds, a receiver only those into its own
 *   subtree (车站街道 sees its own share of a 张店区 fund, not 公园街道's); units those to their projects;
 * - projects: the subtree (by the implementing unit's region); units see the projects they implement;
 * - ex-ante assessments: the subtree (by the subject's region), plus those the caller's body made as
 *   assessor (a commissioned third party sees its own); units see those of the projects they implement;
 * - performance goals: the drafter, the organizations in the goal's review chain, and bodies whose subtree
 *   contains the goal's region; the receiving side of a fund also sees its overall goal once in force (the
 *   requirements a bottom-up regional goal answers, 003 转移支付 第十五条(二)); units see the goals they drafted and those of the projects they implement;
 *   third parties see none (not commissioned for goals).
 * Row-level security repeats the tenant predicate in PostgreSQL (defence in depth).
 */
export class ScopedAccess {
  constructor(
    private readonly db: RequestDb,
    private readonly principal: Principal | null,
  ) {}

  get caller(): Principal {
    if (!this.principal) throw new MissingScopeError();
    return this.principal;
  }

  async manager(): Promise<EntityManager> {
    if (!this.principal) throw new MissingScopeError();
    return this.db.manager();
  }

  async regions(alias = 'r'): Promise<SelectQueryBuilder<RegionEntity>> {
    const p = this.caller;
    const qb = await this.base(RegionEntity, alias);
    const ancestors = pathIds(p.regionPath);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`(${alias}.path LIKE :scopePrefix OR ${alias}.id = ANY(:scopeAncestors))`, {
        scopePrefix: `${p.regionPath}%`,
        scopeAncestors: ancestors,
      });
    }
    return qb.andWhere(`${alias}.id = ANY(:scopeAncestors)`, { scopeAncestors: ancestors });
  }

  async organizations(alias = 'o'): Promise<SelectQueryBuilder<OrganizationEntity>> {
    const p = this.caller;
    const qb = await this.base(OrganizationEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
    }
    const own = [p.organizationId, ...(p.supervisingDepartmentId ? [p.supervisingDepartmentId] : [])];
    return qb.andWhere(`${alias}.id = ANY(:scopeOrganizations)`, { scopeOrganizations: own });
  }

  async users(alias = 'u'): Promise<SelectQueryBuilder<UserEntity>> {
    const p = this.caller;
    const qb = await this.base(UserEntity, alias);
    if (canAdminister(p)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
    }
    return qb.andWhere(`${alias}.id = :scopeSelf`, { scopeSelf: p.userId });
  }

  /** Audit trail (DOMAIN §15): audit offices and administrators read their subtree (003 第七条). */
  async auditEvents(alias = 'a'): Promise<SelectQueryBuilder<AuditEventEntity>> {
    const p = this.caller;
    const qb = await this.base(AuditEventEntity, alias);
    return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
  }

  /** 专项资金 (DOMAIN §4, P6): see the class comment for who sees which fund. */
  async funds(alias = 'f'): Promise<SelectQueryBuilder<FundEntity>> {
    const p = this.caller;
    const qb = await this.base(FundEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix
          OR EXISTS (SELECT 1 FROM fund_allocation sfa WHERE sfa.tenant_id = ${alias}.tenant_id AND sfa.fund_id = ${alias}.id AND sfa.region_path LIKE :scopePrefix)
          OR EXISTS (SELECT 1 FROM project sfp WHERE sfp.tenant_id = ${alias}.tenant_id AND sfp.fund_id = ${alias}.id AND sfp.region_path LIKE :scopePrefix))`,
        { scopePrefix: `${p.regionPath}%` },
      );
    }
    return qb.andWhere(
      `(EXISTS (SELECT 1 FROM project sfp WHERE sfp.tenant_id = ${alias}.tenant_id AND sfp.fund_id = ${alias}.id AND sfp.implementing_unit_id = :scopeUnit)
        OR EXISTS (SELECT 1 FROM fund_allocation sfr WHERE sfr.tenant_id = ${alias}.tenant_id AND sfr.fund_id = ${alias}.id AND sfr.region_id = :scopeRegion)
        OR EXISTS (SELECT 1 FROM fund_allocation sfa JOIN project sfap ON sfap.tenant_id = sfa.tenant_id AND sfap.id = sfa.project_id
                    WHERE sfa.tenant_id = ${alias}.tenant_id AND sfa.fund_id = ${alias}.id AND sfap.implementing_unit_id = :scopeUnit))`,
      { scopeUnit: p.organizationId, scopeRegion: p.regionId },
    );
  }

  /** 资金分配 (DOMAIN §4, P6): the giving side sees all, each receiver its own subtree's share. */
  async allocations(alias = 'a'): Promise<SelectQueryBuilder<AllocationEntity>> {
    const p = this.caller;
    const qb = await this.base(AllocationEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(
        `(${alias}.fund_region_path LIKE :scopePrefix OR ${alias}.region_path LIKE :scopePrefix)`,
        {
          scopePrefix: `${p.regionPath}%`,
        },
      );
    }
    return qb.andWhere(
      `EXISTS (SELECT 1 FROM project sap WHERE sap.tenant_id = ${alias}.tenant_id AND sap.id = ${alias}.project_id AND sap.implementing_unit_id = :scopeUnit)`,
      { scopeUnit: p.organizationId },
    );
  }

  /** 项目 (DOMAIN §4, P6): the subtree by the unit's region; units their own projects. */
  async projects(alias = 'p'): Promise<SelectQueryBuilder<ProjectEntity>> {
    const p = this.caller;
    const qb = await this.base(ProjectEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`${alias}.region_path LIKE :scopePrefix`, { scopePrefix: `${p.regionPath}%` });
    }
    return qb.andWhere(`${alias}.implementing_unit_id = :scopeUnit`, { scopeUnit: p.organizationId });
  }

  /** 事前绩效评估 (DOMAIN §6, P6): see the class comment. */
  async assessments(alias = 'ea'): Promise<SelectQueryBuilder<AssessmentEntity>> {
    const p = this.caller;
    const qb = await this.base(AssessmentEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(`(${alias}.region_path LIKE :scopePrefix OR ${alias}.assessor_id = :scopeOrg)`, {
        scopePrefix: `${p.regionPath}%`,
        scopeOrg: p.organizationId,
      });
    }
    return qb.andWhere(
      `(${alias}.assessor_id = :scopeOrg OR EXISTS (SELECT 1 FROM project sep WHERE sep.tenant_id = ${alias}.tenant_id AND sep.id = ${alias}.project_id AND sep.implementing_unit_id = :scopeOrg))`,
      { scopeOrg: p.organizationId },
    );
  }

  /** The five conclusions of assessments the caller sees (same predicate through the parent). */
  async assessmentDimensions(alias = 'ead'): Promise<SelectQueryBuilder<AssessmentDimensionEntity>> {
    const visible = await this.assessments('sea');
    const qb = await this.base(AssessmentDimensionEntity, alias);
    return qb
      .andWhere(`${alias}.assessment_id IN (${visible.select('sea.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /**
   * Gate facts (status, grade, review time) of every assessment of subjects the caller already sees: the
   * gate of a visible fund or project (DOMAIN §6) depends on all of its assessments, also those made
   * outside the caller's subtree. Callers must pass only ids of subjects they loaded through this class.
   */
  async assessmentGateFacts(alias = 'eg'): Promise<SelectQueryBuilder<AssessmentEntity>> {
    const qb = await this.base(AssessmentEntity, alias);
    return qb.select([
      `${alias}.tenantId`,
      `${alias}.id`,
      `${alias}.fundId`,
      `${alias}.projectId`,
      `${alias}.status`,
      `${alias}.grade`,
      `${alias}.reviewedAt`,
    ]);
  }

  /** 绩效目标 (DOMAIN §5, §7, P6): see the class comment. */
  async goals(alias = 'g'): Promise<SelectQueryBuilder<GoalEntity>> {
    const p = this.caller;
    const qb = await this.base(GoalEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix OR ${alias}.drafter_organization_id = :scopeOrg
          OR ${alias}.review_chain @> jsonb_build_array(jsonb_build_object('organizationId', CAST(:scopeOrg AS text)))
          OR (${alias}.scope = 'TRANSFER_OVERALL' AND ${alias}.status IN ('ISSUED', 'FILED_FOR_RECORD', 'SUPERSEDED')
              AND EXISTS (SELECT 1 FROM fund_allocation sga WHERE sga.tenant_id = ${alias}.tenant_id AND sga.fund_id = ${alias}.fund_id AND sga.region_path LIKE :scopePrefix)))`,
        { scopePrefix: `${p.regionPath}%`, scopeOrg: p.organizationId },
      );
    }
    return qb.andWhere(
      `(${alias}.drafter_organization_id = :scopeOrg
        OR EXISTS (SELECT 1 FROM project sgp WHERE sgp.tenant_id = ${alias}.tenant_id AND sgp.id = ${alias}.project_id AND sgp.implementing_unit_id = :scopeOrg))`,
      { scopeOrg: p.organizationId },
    );
  }

  /** Indicators of the goals the caller sees (same predicate through the goal). */
  async goalIndicators(alias = 'gi'): Promise<SelectQueryBuilder<GoalIndicatorEntity>> {
    const visible = await this.goals('sgi');
    const qb = await this.base(GoalIndicatorEntity, alias);
    return qb
      .andWhere(`${alias}.goal_id IN (${visible.select('sgi.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** Review history of the goals the caller sees (same predicate through the goal). */
  async goalTransitions(alias = 'gt'): Promise<SelectQueryBuilder<GoalTransitionEntity>> {
    const visible = await this.goals('sgt');
    const qb = await this.base(GoalTransitionEntity, alias);
    return qb
      .andWhere(`${alias}.goal_id IN (${visible.select('sgt.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /**
   * 绩效评价 (DOMAIN §10, P6): finance, departments and audit offices see the evaluations of goals in their
   * subtree and those they make or review; units see those they make (谁支出、谁自评) and, once submitted,
   * the other evaluations of the projects they implement (结果反馈, 002 第二十八条(二)); third parties see
   * only the evaluations they are commissioned for.
   */
  async evaluations(alias = 'ev'): Promise<SelectQueryBuilder<EvaluationEntity>> {
    const p = this.caller;
    const qb = await this.base(EvaluationEntity, alias);
    if (hasSubtreeJurisdiction(p)) {
      return qb.andWhere(
        `(${alias}.region_path LIKE :scopePrefix OR ${alias}.evaluator_organization_id = :scopeOrg
          OR ${alias}.reviewer_organization_id = :scopeOrg)`,
        { scopePrefix: `${p.regionPath}%`, scopeOrg: p.organizationId },
      );
    }
    if (p.organizationKind === OrganizationKind.THIRD_PARTY) {
      return qb.andWhere(`${alias}.commissioned_organization_id = :scopeOrg`, { scopeOrg: p.organizationId });
    }
    return qb.andWhere(
      `(${alias}.evaluator_organization_id = :scopeOrg
        OR (${alias}.status NOT IN ('DRAFT', 'RETURNED') AND EXISTS (SELECT 1 FROM performance_goal seg JOIN project sep ON sep.tenant_id = seg.tenant_id AND sep.id = seg.project_id
              WHERE seg.tenant_id = ${alias}.tenant_id AND seg.id = ${alias}.goal_id AND sep.implementing_unit_id = :scopeOrg)))`,
      { scopeOrg: p.organizationId },
    );
  }

  /** Actuals of the evaluations the caller sees (same predicate through the evaluation). */
  async evaluationActuals(alias = 'eva'): Promise<SelectQueryBuilder<EvaluationActualEntity>> {
    return this.throughEvaluation(EvaluationActualEntity, alias);
  }

  /** Framework scores of the evaluations the caller sees. */
  async evaluationFrameworkScores(
    alias = 'evf',
  ): Promise<SelectQueryBuilder<EvaluationFrameworkScoreEntity>> {
    return this.throughEvaluation(EvaluationFrameworkScoreEntity, alias);
  }

  /** Report sections of the evaluations the caller sees. */
  async evaluationReportSections(alias = 'evr'): Promise<SelectQueryBuilder<EvaluationReportSectionEntity>> {
    return this.throughEvaluation(EvaluationReportSectionEntity, alias);
  }

  /** History of the evaluations the caller sees. */
  async evaluationTransitions(alias = 'evt'): Promise<SelectQueryBuilder<EvaluationTransitionEntity>> {
    return this.throughEvaluation(EvaluationTransitionEntity, alias);
  }

  private async throughEvaluation<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
  ): Promise<SelectQueryBuilder<T>> {
    const visible = await this.evaluations(`s${alias}`);
    const qb = await this.base(entity, alias);
    return qb
      .andWhere(`${alias}.evaluation_id IN (${visible.select(`s${alias}.id`).getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** 预算执行 money of the goals the caller sees (DOMAIN §9; same predicate through the goal). */
  async goalExecutions(alias = 'gx'): Promise<SelectQueryBuilder<GoalExecutionEntity>> {
    const visible = await this.goals('sgx');
    const qb = await this.base(GoalExecutionEntity, alias);
    return qb
      .andWhere(`${alias}.goal_id IN (${visible.select('sgx.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** 暂缓/停止拨款 history of the goals the caller sees (DOMAIN §9; same predicate through the goal). */
  async fundingHolds(alias = 'fh'): Promise<SelectQueryBuilder<FundingHoldEntity>> {
    const visible = await this.goals('sfh');
    const qb = await this.base(FundingHoldEntity, alias);
    return qb
      .andWhere(`${alias}.goal_id IN (${visible.select('sfh.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** 绩效运行监控 reports of the goals the caller sees (DOMAIN §9; same predicate through the goal). */
  async monitoringReports(alias = 'mr'): Promise<SelectQueryBuilder<MonitoringReportEntity>> {
    const visible = await this.goals('smr');
    const qb = await this.base(MonitoringReportEntity, alias);
    return qb
      .andWhere(`${alias}.goal_id IN (${visible.select('smr.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** Indicator lines of the monitoring reports the caller sees (same predicate through report and goal). */
  async monitoringReportIndicators(
    alias = 'mri',
  ): Promise<SelectQueryBuilder<MonitoringReportIndicatorEntity>> {
    const visible = await this.monitoringReports('smri');
    const qb = await this.base(MonitoringReportIndicatorEntity, alias);
    return qb
      .andWhere(`${alias}.report_id IN (${visible.select('smri.id').getQuery()})`)
      .setParameters(visible.getParameters());
  }

  /** 绩效管理参数 (DOMAIN §10.7): the tenant's policy versions, readable by every signed-in caller of the tenant. */
  async tenantPolicies(alias = 'tp'): Promise<SelectQueryBuilder<TenantPolicyEntity>> {
    return this.base(TenantPolicyEntity, alias);
  }

  /**
   * 抽查样本 (DOMAIN §12, P6): finance, departments and audit offices see the samples drawn in their subtree
   * (audit offices read, 003 第七条) and those their own body drew; units and third parties see none. Items
   * are read through this predicate on their sample.
   */
  async spotCheckSamples(alias = 'scs'): Promise<SelectQueryBuilder<SpotCheckSampleEntity>> {
    const p = this.caller;
    const qb = await this.base(SpotCheckSampleEntity, alias);
    if (!hasSubtreeJurisdiction(p)) return qb.andWhere('1 = 0');
    return qb.andWhere(
      `(${alias}.region_path LIKE :scopePrefix OR ${alias}.drawn_by_organization_id = :scopeOrg)`,
      {
        scopePrefix: `${p.regionPath}%`,
        scopeOrg: p.organizationId,
      },
    );
  }

  /** The subtree the caller may administer (tenant administrators), as a path prefix. */
  adminPrefix(): string {
    return `${this.caller.regionPath}%`;
  }

  private async base<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
  ): Promise<SelectQueryBuilder<T>> {
    const p = this.caller;
    const em = await this.db.manager();
    return em
      .createQueryBuilder(entity, alias)
      .where(`${alias}.tenant_id = :scopeTenant`, { scopeTenant: p.tenantId });
  }
}
