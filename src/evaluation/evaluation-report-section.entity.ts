import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { tenantFk } from '../common/tenant-keyed.entity';
import { EvaluationEntity } from './evaluation.entity';

/**
 * 评价报告章节 — one section of a department or finance evaluation report, keyed by the outline of
 * 002 附件8 (structured data, not a file blob, DOMAIN §10). Frozen with the evaluation (P8).
 */
@Entity({ name: 'evaluation_report_section' })
export class EvaluationReportSectionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_evaluation_report_section' })
  tenantId!: string;

  @PrimaryColumn('uuid', { name: 'evaluation_id', primaryKeyConstraintName: 'pk_evaluation_report_section' })
  evaluationId!: string;

  @PrimaryColumn('varchar', {
    name: 'section_key',
    length: 32,
    primaryKeyConstraintName: 'pk_evaluation_report_section',
  })
  sectionKey!: string;

  @Column('text')
  body!: string;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn(tenantFk('fk_evaluation_report_section_evaluation', 'evaluation_id'))
  evaluation?: EvaluationEntity;
}
