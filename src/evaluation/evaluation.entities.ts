import { EvaluationActualEntity } from './evaluation-actual.entity';
import { EvaluationFrameworkScoreEntity } from './evaluation-framework-score.entity';
import { EvaluationReportSectionEntity } from './evaluation-report-section.entity';
import { EvaluationTransitionEntity } from './evaluation-transition.entity';
import { EvaluationEntity } from './evaluation.entity';

/** The entities of evaluations (DOMAIN §10), registered as one entry in src/db/entities.ts. */
export const evaluationEntities = [
  EvaluationEntity,
  EvaluationActualEntity,
  EvaluationFrameworkScoreEntity,
  EvaluationReportSectionEntity,
  EvaluationTransitionEntity,
];

/** The tables an evaluation mutation may write (test digests: nothing written on refusal). */
export const EVALUATION_TABLES = [
  'evaluation',
  'evaluation_actual',
  'evaluation_framework_score',
  'evaluation_report_section',
  'evaluation_transition',
];
