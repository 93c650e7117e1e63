import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed, tenantFk } from '../common/tenant-keyed.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { GoalEntity } from '../goals/goal.entity';
import { RegionEntity } from '../hierarchy/region.entity';
import { UserEntity } from '../hierarchy/user.entity';
import { SpotCheckSampleEntity } from './spot-check-sample.entity';
import type { SpotCheckFlag, SpotCheckItemStatus } from './spot-check.enums';

/**
 * 抽查对象 — one goal of a sample (DOMAIN §12): a drawn submitted self-evaluation (`sampled`), PENDING until
 * re-scored as a SPOT_CHECK evaluation and then CHECKED with its flags; or an issued project goal without a
 * submitted self-evaluation (not sampled, flagged MISSING_SELF_EVALUATION, CHECKED when drawn).
 */
@Entity({ name: 'spot_check_item' })
@Check('ck_spot_check_item_status', `"status" IN ('PENDING', 'CHECKED')`)
@Check('ck_spot_check_item_sampled', `"sampled" = ("self_evaluation_id" IS NOT NULL)`)
@Check(
  'ck_spot_check_item_missing',
  `"sampled" OR ("status" = 'CHECKED' AND "flags" = '["MISSING_SELF_EVALUATION"]'::jsonb)`,
)
@Check(
  'ck_spot_check_item_checked',
  `("status" = 'CHECKED') = ("checked_at" IS NOT NULL) AND ("check_evaluation_id" IS NULL OR ("sampled" AND "status" = 'CHECKED' AND "checked_by_user_id" IS NOT NULL)) AND ("status" = 'PENDING' OR NOT "sampled" OR "check_evaluation_id" IS NOT NULL)`,
)
@Check('ck_spot_check_item_position', `"position" >= 1`)
@Unique('uq_spot_check_item_goal', ['tenantId', 'sampleId', 'goalId'])
@Unique('uq_spot_check_item_position', ['tenantId', 'sampleId', 'position'])
@Unique('uq_spot_check_item_check', ['tenantId', 'checkEvaluationId'])
@Index('idx_spot_check_item_region_path', { synchronize: false })
@Index('idx_spot_check_item_self', ['tenantId', 'selfEvaluationId'])
export class SpotCheckItemEntity extends TenantKeyed('pk_spot_check_item') {
  @Column('uuid', { name: 'sample_id' })
  sampleId!: string;

  /** 1-based: drawn items in draw order, then the goals without a self-evaluation. */
  @Column('integer')
  position!: number;

  @Column('uuid', { name: 'goal_id' })
  goalId!: string;

  @Column('uuid', { name: 'self_evaluation_id', nullable: true })
  selfEvaluationId!: string | null;

  @Column('boolean')
  sampled!: boolean;

  /** The goal's region (the notice groups by it). */
  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('varchar', { length: 16 })
  status!: SpotCheckItemStatus;

  @Column('jsonb', { default: () => "'[]'" })
  flags!: SpotCheckFlag[];

  @Column('uuid', { name: 'check_evaluation_id', nullable: true })
  checkEvaluationId!: string | null;

  @Column('uuid', { name: 'checked_by_user_id', nullable: true })
  checkedByUserId!: string | null;

  @Column('timestamptz', { name: 'checked_at', nullable: true })
  checkedAt!: Date | null;

  @Column('integer', { name: 'row_version', default: 1 })
  rowVersion!: number;

  @ManyToOne(() => SpotCheckSampleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_sample', 'sample_id'))
  sample?: SpotCheckSampleEntity;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_goal', 'goal_id'))
  goal?: GoalEntity;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_self_evaluation', 'self_evaluation_id'))
  selfEvaluation?: EvaluationEntity;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_check_evaluation', 'check_evaluation_id'))
  checkEvaluation?: EvaluationEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_region', 'region_id'))
  region?: RegionEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_spot_check_item_checked_by_user', 'checked_by_user_id'))
  checkedByUser?: UserEntity;
}
