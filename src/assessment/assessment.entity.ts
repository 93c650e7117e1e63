import { Versioned } from '../common/stamped.entity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import type { Grade } from '../common/grade';
import { FundEntity } from '../funds/fund.entity';
import { ProjectEntity } from '../funds/project.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';
import type { AssessmentStatus, AssessmentSubjectKind, ReviewOutcome } from './assessment.enums';

/**
 * 事前绩效评估 — an ex-ante assessment of one fund or one project (DOMAIN §6). Exactly one subject
 * (checked); `region_path` is the subject's, copied by trigger, so subtree scoping is one indexed
 * predicate. The five dimension conclusions are child rows (`ex_ante_assessment_dimension`). Never
 * deleted (DOMAIN §15); the database refuses status skips and edits after submission.
 */
@Entity({ name: 'ex_ante_assessment' })
@Check('ck_ex_ante_assessment_subject_kind', `"subject_kind" IN ('FUND', 'PROJECT')`)
@Check(
  'ck_ex_ante_assessment_subject',
  `("subject_kind" = 'FUND' AND "fund_id" IS NOT NULL AND "project_id" IS NULL) OR ("subject_kind" = 'PROJECT' AND "project_id" IS NOT NULL AND "fund_id" IS NULL)`,
)
@Check('ck_ex_ante_assessment_status', `"status" IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')`)
@Check('ck_ex_ante_assessment_grade', `"grade" IS NULL OR "grade" IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')`)
@Check('ck_ex_ante_assessment_score', `"score" IS NULL OR ("score" >= 0 AND "score" <= 100)`)
@Check(
  'ck_ex_ante_assessment_review',
  `("review_outcome" IS NULL OR "review_outcome" IN ('ACCEPTED', 'RETURNED')) AND ("status" <> 'ACCEPTED' OR ("review_outcome" = 'ACCEPTED' AND "reviewer_id" IS NOT NULL AND "reviewed_at" IS NOT NULL AND "grade" IS NOT NULL)) AND ("status" <> 'RETURNED' OR ("review_outcome" = 'RETURNED' AND "reviewer_id" IS NOT NULL AND "reviewed_at" IS NOT NULL AND length(btrim("review_comment")) > 0))`,
)
@Index('idx_ex_ante_assessment_region_path', { synchronize: false })
@Index('idx_ex_ante_assessment_fund', ['tenantId', 'fundId'])
@Index('idx_ex_ante_assessment_project', ['tenantId', 'projectId'])
@Index('idx_ex_ante_assessment_assessor', ['tenantId', 'assessorId'])
export class AssessmentEntity extends TenantKeyed('pk_ex_ante_assessment', Versioned) {
  @Column('varchar', { name: 'subject_kind', length: 16 })
  subjectKind!: AssessmentSubjectKind;

  @Column('uuid', { name: 'fund_id', nullable: true })
  fundId!: string | null;

  @Column('uuid', { name: 'project_id', nullable: true })
  projectId!: string | null;

  /** The subject's region path (fund: its department's; project: its unit's), copied by trigger. */
  @Column('text', { name: 'region_path' })
  regionPath!: string;

  /** 评估主体 — the subject's competent department, or a third party commissioned by finance. */
  @Column('uuid', { name: 'assessor_id' })
  assessorId!: string;

  /** 委托财政部门 — for a third party: the finance bureau that commissioned it. */
  @Column('uuid', { name: 'commissioned_by_id', nullable: true })
  commissionedById!: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  grade!: Grade | null;

  @Column('varchar', { length: 16 })
  status!: AssessmentStatus;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('uuid', { name: 'reviewer_id', nullable: true })
  reviewerId!: string | null;

  @Column('varchar', { name: 'review_outcome', length: 16, nullable: true })
  reviewOutcome!: ReviewOutcome | null;

  @Column('text', { name: 'review_comment', nullable: true })
  reviewComment!: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @ManyToOne(() => FundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_fund',
    },
    { name: 'fund_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_ex_ante_assessment_fund' },
  ])
  fund?: FundEntity;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_project',
    },
    {
      name: 'project_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_project',
    },
  ])
  project?: ProjectEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_assessor',
    },
    {
      name: 'assessor_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_assessor',
    },
  ])
  assessor?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_commissioned_by',
    },
    {
      name: 'commissioned_by_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_commissioned_by',
    },
  ])
  commissionedBy?: OrganizationEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_reviewer',
    },
    {
      name: 'reviewer_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_reviewer',
    },
  ])
  reviewer?: OrganizationEntity;
}
