import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AssessmentDimension } from './assessment.enums';
import { AssessmentEntity } from './assessment.entity';

/**
 * One of the five conclusions of an ex-ante assessment (002 第六条; DOMAIN §6): the primary key
 * (tenant, assessment, dimension) makes each dimension appear at most once. Editable only while the
 * assessment is DRAFT or RETURNED (trigger).
 */
@Entity({ name: 'ex_ante_assessment_dimension' })
@Check(
  'ck_ex_ante_assessment_dimension_dimension',
  `"dimension" IN ('NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE')`,
)
@Check('ck_ex_ante_assessment_dimension_conclusion', `length(btrim("conclusion")) > 0`)
export class AssessmentDimensionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_ex_ante_assessment_dimension' })
  tenantId!: string;

  @PrimaryColumn('uuid', {
    name: 'assessment_id',
    primaryKeyConstraintName: 'pk_ex_ante_assessment_dimension',
  })
  assessmentId!: string;

  @PrimaryColumn('varchar', {
    length: 32,
    primaryKeyConstraintName: 'pk_ex_ante_assessment_dimension',
  })
  dimension!: AssessmentDimension;

  @Column('text')
  conclusion!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_dimension_assessment',
    },
    {
      name: 'assessment_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_ex_ante_assessment_dimension_assessment',
    },
  ])
  assessment?: AssessmentEntity;
}
