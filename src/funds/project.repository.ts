import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { guardedUpdate } from '../common/guarded-update';
import { ProjectEntity } from './project.entity';

/**
 * The one writer of projects (issue 10 item 2; DOMAIN §5–6 project library, §15): the row, the audit event
 * and the request's loader caches change together, in the caller's transaction (`em`). Used by the
 * project service (create, edit) and the library entry (assessment module). No other code inserts or
 * updates `project`.
 */
function forget(ctx: RequestContext, p: { id: string; fundId: string | null }) {
  ctx.loaders.projectById.clear(p.id);
  if (p.fundId) ctx.loaders.projectsByFundId.clear(p.fundId);
}

/** 新建: audited as CREATE. */
export async function insertProject(
  ctx: RequestContext,
  em: EntityManager,
  row: QueryDeepPartialEntity<ProjectEntity> & { tenantId: string; id: string },
): Promise<ProjectEntity> {
  await em.insert(ProjectEntity, row);
  const project = await em.findOneByOrFail(ProjectEntity, { tenantId: row.tenantId, id: row.id });
  await recordAudit(em, ctx.caller, {
    entityType: 'Project',
    entityId: row.id,
    action: 'CREATE',
    regionPath: project.regionPath,
    after: project,
  });
  forget(ctx, project);
  return project;
}

/** Changes a project under its version (stale → CONFLICT); audited with before and after. */
export async function updateProjectRow(
  ctx: RequestContext,
  em: EntityManager,
  current: ProjectEntity,
  change: {
    action: string;
    expectedVersion: number;
    changes: QueryDeepPartialEntity<ProjectEntity>;
    /** Recorded with the after state (e.g. the gate's basis on library entry). */
    auditExtra?: Record<string, unknown>;
  },
): Promise<ProjectEntity> {
  await guardedUpdate(em, ProjectEntity, current, change.expectedVersion, change.changes);
  const project = await em.findOneByOrFail(ProjectEntity, { tenantId: current.tenantId, id: current.id });
  await recordAudit(em, ctx.caller, {
    entityType: 'Project',
    entityId: current.id,
    action: change.action,
    regionPath: current.regionPath,
    before: current,
    after: { ...project, ...change.auditExtra },
  });
  forget(ctx, current);
  forget(ctx, project);
  return project;
}
