import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { TenantPolicyEntity } from '../policy/policy.entity';
import { UserEntity } from '../hierarchy/user.entity';

/**
 * 抽查样本 — one draw of a spot-check review (DOMAIN §12): the year, ratio, minimum and recorded seed, how
 * many submitted self-evaluations were candidates, how many were drawn and how many goals had none, the
 * score-gap threshold in force, who drew it and in which jurisdiction. Immutable once drawn (trigger).
 */
@Entity({ name: 'spot_check_sample' })
@Check('ck_spot_check_sample_ratio', `"ratio" > 0 AND "ratio" <= 1`)
@Check('ck_spot_check_sample_minimum', `"minimum" >= 1`)
@Check(
  'ck_spot_check_sample_counts',
  `"candidate_count" >= 0 AND "sampled_count" >= 0 AND "sampled_count" <= "candidate_count" AND "missing_count" >= 0`,
)
@Check('ck_spot_check_sample_gap', `"score_gap_threshold" >= 0 AND "score_gap_threshold" <= 100`)
@Check('ck_spot_check_sample_seed', `"seed" >= 0`)
@Check('ck_spot_check_sample_year', `"year" BETWEEN 2000 AND 2100`)
@Index('idx_spot_check_sample_region_path', { synchronize: false })
@Index('idx_spot_check_sample_year', ['tenantId', 'year'])
export class SpotCheckSampleEntity extends TenantKeyed('pk_spot_check_sample') {
  /** The budget year whose self-evaluations are checked. */
  @Column('integer')
  year!: number;

  /** 抽查比例, exact (e.g. 0.1000). */
  @Column('numeric', { precision: 5, scale: 4 })
  ratio!: string;

  @Column('integer')
  minimum!: number;

  /** 随机种子 — recorded so the draw can be repeated (0 ≤ seed < 2³¹). */
  @Column('integer')
  seed!: number;

  @Column('integer', { name: 'candidate_count' })
  candidateCount!: number;

  @Column('integer', { name: 'sampled_count' })
  sampledCount!: number;

  @Column('integer', { name: 'missing_count' })
  missingCount!: number;

  @Column('numeric', { name: 'score_gap_threshold', precision: 5, scale: 2 })
  scoreGapThreshold!: string;

  /** Whether the year had ended when drawn, so goals without a self-evaluation were listed. */
  @Column('boolean', { name: 'deadline_passed' })
  deadlinePassed!: boolean;

  /** 自评截止日期 of the year under the tenant policy when drawn (null: drawn before it was recorded). */
  @Column('date', { name: 'self_evaluation_due_date', nullable: true })
  selfEvaluationDueDate!: string | null;

  /** The tenant policy version in force when drawn (null: the defaults; DOMAIN §10.7). */
  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId!: string | null;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('uuid', { name: 'drawn_by_user_id' })
  drawnByUserId!: string;

  @Column('uuid', { name: 'drawn_by_organization_id' })
  drawnByOrganizationId!: string;

  @CreateDateColumn({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_sample_region', 'region_id'))
  region?: RegionEntity;

  @ManyToOne(() => TenantPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_sample_policy', 'policy_id'))
  policy?: TenantPolicyEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_sample_drawn_by_user', 'drawn_by_user_id'))
  drawnByUser?: UserEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_sample_drawn_by_organization', 'drawn_by_organization_id'))
  drawnByOrganization?: OrganizationEntity;
}
