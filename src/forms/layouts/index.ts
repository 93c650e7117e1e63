/** The official forms' layouts (002 附件1–6), shared by the exporter and the importer. */
export * from './layout';
export * from './goal-header-text';
export { ANNEX1_LAYOUT, type Annex1Field, type GoalIndicatorRole } from './annex1';
export { ANNEX2_LAYOUT, ANNEX2_NOTES, type Annex2Field } from './annex2';
export { ANNEX3_LAYOUT, type Annex3Field } from './annex3';
export { ANNEX4_LAYOUT, type Annex4Field } from './annex4';
export { ANNEX5_LAYOUT, type Annex5Field } from './annex5';
export { ANNEX6_LAYOUT, type Annex6Field, type SelfEvaluationRole } from './annex6';
export * from './monitoring-layout';
