import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { guardedUpdate } from '../common/guarded-update';
import { AssessmentDimensionEntity } from './assessment-dimension.entity';
import { AssessmentEntity } from './assessment.entity';
import type { AssessmentDimension } from './assessment.enums';

/**
 * The one writer of ex-ante assessments (issue 10 item 2; DOMAIN §6, §15): the row, its dimension
 * conclusions, the audit event and the request's loader caches change together, in the caller's
 * transaction (`em`). A review also forgets the gate facts it changes (DOMAIN §6 gate). No other code
 * inserts or updates `ex_ante_assessment` or `ex_ante_assessment_dimension`.
 */
export interface DimensionRow {
  dimension: AssessmentDimension;
  conclusion: string;
}

async function writeDimensions(
  em: EntityManager,
  tenantId: string,
  assessmentId: string,
  dims: DimensionRow[],
) {
  await em.delete(AssessmentDimensionEntity, { tenantId, assessmentId });
  await em.insert(
    AssessmentDimensionEntity,
    dims.map((d) => ({ tenantId, assessmentId, dimension: d.dimension, conclusion: d.conclusion.trim() })),
  );
}

function forget(ctx: RequestContext, id: string, gate: boolean) {
  ctx.loaders.assessmentById.clear(id);
  ctx.loaders.dimensionsByAssessmentId.clear(id);
  if (gate) {
    ctx.loaders.gateFactsByFundId.clearAll();
    ctx.loaders.gateFactsByProjectId.clearAll();
  }
}

async function reload(em: EntityManager, tenantId: string, id: string) {
  const assessment = await em.findOneByOrFail(AssessmentEntity, { tenantId, id });
  const dimensions = await em.findBy(AssessmentDimensionEntity, { tenantId, assessmentId: id });
  return { assessment, dimensions };
}

/** What the audit trail keeps of an assessment: its columns and its conclusions. */
export const assessmentSnapshot = (
  a: AssessmentEntity,
  dimensions: readonly { dimension: AssessmentDimension; conclusion: string }[],
) => ({ ...a, dimensions: dimensions.map((d) => ({ dimension: d.dimension, conclusion: d.conclusion })) });

/** 新建: the row and its conclusions; audited as CREATE. */
export async function insertAssessment(
  ctx: RequestContext,
  em: EntityManager,
  row: QueryDeepPartialEntity<AssessmentEntity> & { tenantId: string; id: string },
  dimensions: DimensionRow[],
): Promise<AssessmentEntity> {
  await em.insert(AssessmentEntity, row);
  await writeDimensions(em, row.tenantId, row.id, dimensions);
  const saved = await reload(em, row.tenantId, row.id);
  await recordAudit(em, ctx.caller, {
    entityType: 'ExAnteAssessment',
    entityId: row.id,
    action: 'CREATE',
    regionPath: saved.assessment.regionPath,
    after: assessmentSnapshot(saved.assessment, saved.dimensions),
  });
  forget(ctx, row.id, false);
  return saved.assessment;
}

export interface AssessmentChange {
  /** UPDATE, SUBMIT, REVIEW_ACCEPTED, REVIEW_RETURNED. */
  action: string;
  expectedVersion: number;
  changes: QueryDeepPartialEntity<AssessmentEntity>;
  /** The conclusions, replaced as a set; undefined keeps them. */
  dimensions?: DimensionRow[];
  /** The audit's before (defaults to the row as read). */
  before?: unknown;
  /** A review changes the ex-ante gate (DOMAIN §6): forget the gate facts read in this request. */
  changesGate?: boolean;
}

/** Changes an assessment under its version (stale → CONFLICT); audited with before and after. */
export async function updateAssessmentRow(
  ctx: RequestContext,
  em: EntityManager,
  current: AssessmentEntity,
  change: AssessmentChange,
): Promise<AssessmentEntity> {
  await guardedUpdate(em, AssessmentEntity, current, change.expectedVersion, change.changes);
  if (change.dimensions) await writeDimensions(em, current.tenantId, current.id, change.dimensions);
  const saved = await reload(em, current.tenantId, current.id);
  await recordAudit(em, ctx.caller, {
    entityType: 'ExAnteAssessment',
    entityId: current.id,
    action: change.action,
    regionPath: current.regionPath,
    before: change.before ?? current,
    after: change.dimensions ? assessmentSnapshot(saved.assessment, saved.dimensions) : saved.assessment,
  });
  forget(ctx, current.id, change.changesGate ?? false);
  return saved.assessment;
}
