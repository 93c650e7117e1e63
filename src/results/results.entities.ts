import { Check, Column, CreateDateColumn, Entity, Index, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';

/**
 * 问题与整改 — a finding from a completed evaluation (DOMAIN §13; 003 转移支付 第三十三条), its due dates (Asia/
 * Shanghai calendar dates), the feedback by the evaluating body, the evaluated body's rectification report and
 * finance's verification. OVERDUE is computed from today, never stored.
 */
@Entity({ name: 'result_finding' })
@Unique('uq_result_finding_source', ['tenantId', 'sourceKind', 'sourceId'])
@Index('idx_result_finding_region_path', { synchronize: false })
export class FindingEntity extends TenantKeyed('pk_result_finding') {
  @Column('varchar', { name: 'source_kind', length: 24 })
  sourceKind!: string;

  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('integer')
  year!: number;

  @Column('varchar', { length: 16, nullable: true })
  grade!: string | null;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { name: 'feedback_organization_id' })
  feedbackOrganizationId!: string;

  @Column('uuid', { name: 'responsible_organization_id' })
  responsibleOrganizationId!: string;

  @Column('uuid', { name: 'verifier_organization_id' })
  verifierOrganizationId!: string;

  @Column('text')
  description!: string;

  @Column('date', { name: 'completed_on' })
  completedOn!: string;

  @Column('date', { name: 'own_deadline', nullable: true })
  ownDeadline!: string | null;

  @Column('date', { name: 'feedback_due_on' })
  feedbackDueOn!: string;

  @Column('date', { name: 'rectification_due_on' })
  rectificationDueOn!: string;

  @Column('varchar', { length: 16 })
  state!: string;

  @Column('text', { nullable: true })
  feedback!: string | null;

  @Column('date', { name: 'feedback_given_on', nullable: true })
  feedbackGivenOn!: string | null;

  @Column('text', { nullable: true })
  response!: string | null;

  @Column('date', { name: 'responded_on', nullable: true })
  respondedOn!: string | null;

  @Column('text', { name: 'verification_comment', nullable: true })
  verificationComment!: string | null;

  @Column('date', { name: 'verified_on', nullable: true })
  verifiedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('integer', { name: 'row_version', default: 1 })
  rowVersion!: number;
}

/**
 * 预算安排建议 — next year's budget recommendation for a subject (DOMAIN §13 "Budget linkage"; 003 第二十六条,
 * 转移支付 第三十–三十一条; 004 二(五)), with its basis, this year's amount, the change and its minimum cut.
 */
@Entity({ name: 'result_recommendation' })
@Unique('uq_result_recommendation_basis', ['tenantId', 'budgetYear', 'basisId'])
@Check('ck_result_recommendation_cut', `"minimum_cut" IS NULL OR "recommended_change" <= -"minimum_cut"`)
@Index('idx_result_recommendation_region_path', { synchronize: false })
export class RecommendationEntity extends TenantKeyed('pk_result_recommendation') {
  @Column('integer', { name: 'budget_year' })
  budgetYear!: number;

  @Column('varchar', { name: 'subject_kind', length: 16 })
  subjectKind!: string;

  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('uuid', { name: 'fund_id', nullable: true })
  fundId!: string | null;

  @Column('uuid', { name: 'project_id', nullable: true })
  projectId!: string | null;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { name: 'basis_id' })
  basisId!: string;

  @Column('varchar', { name: 'basis_kind', length: 24 })
  basisKind!: string;

  @Column('varchar', { length: 16, nullable: true })
  grade!: string | null;

  @Column('varchar', { length: 24 })
  action!: string;

  @Column('text')
  rule!: string;

  @Column('numeric', { name: 'current_amount', precision: 14, scale: 2 })
  currentAmount!: string;

  @Column('numeric', { name: 'recommended_change', precision: 14, scale: 2 })
  recommendedChange!: string;

  @Column('numeric', { name: 'minimum_cut', precision: 14, scale: 2, nullable: true })
  minimumCut!: string | null;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('numeric', { name: 'decided_change', precision: 14, scale: 2, nullable: true })
  decidedChange!: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('uuid', { name: 'decided_by_organization_id', nullable: true })
  decidedByOrganizationId!: string | null;

  @Column('uuid', { name: 'proposed_by_organization_id' })
  proposedByOrganizationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('integer', { name: 'row_version', default: 1 })
  rowVersion!: number;
}

/**
 * 因素法分配模拟 — a saved factor-allocation simulation of a factor-method fund (DOMAIN §13 "Factor allocation";
 * 003 转移支付 第三十二条): the factors with weights and values, and the shares next to this year's
 * allocations. Saved, never applied: allocations change only through setAllocations.
 */
@Entity({ name: 'result_allocation_simulation' })
@Check('ck_result_allocation_simulation_amount', `"amount" > 0`)
@Index('idx_result_allocation_simulation_fund', ['tenantId', 'fundId'])
export class AllocationSimulationEntity extends TenantKeyed('pk_result_allocation_simulation') {
  @Column('uuid', { name: 'fund_id' })
  fundId!: string;

  @Column('integer', { name: 'result_year' })
  resultYear!: number;

  @Column('integer', { name: 'budget_year' })
  budgetYear!: number;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('numeric', { precision: 14, scale: 2 })
  amount!: string;

  /** [{ name, weight, performance, values: [{ regionId, value }] }] — exact decimal text. */
  @Column('jsonb')
  factors!: SimulationFactorJson[];

  /** [{ regionId, share, current, change, performanceScore }] — exact decimal text. */
  @Column('jsonb')
  shares!: SimulationShareJson[];

  @Column('uuid', { name: 'created_by_organization_id' })
  createdByOrganizationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export interface SimulationFactorJson {
  name: string;
  weight: string;
  performance: boolean;
  values: { regionId: string; value: string }[];
}

export interface SimulationShareJson {
  regionId: string;
  share: string;
  current: string;
  change: string;
  performanceScore: string | null;
}

export const resultsEntities = [FindingEntity, RecommendationEntity, AllocationSimulationEntity];
