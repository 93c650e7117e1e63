import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { auditedWriter } from '../audit/audit.service';
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

const projects = auditedWriter<ProjectEntity>({
  entity: ProjectEntity,
  type: 'Project',
  pathOf: (p) => p.regionPath,
  forget,
});

/** 新建: audited as CREATE. */
export const insertProject = (
  ctx: RequestContext,
  em: EntityManager,
  row: QueryDeepPartialEntity<ProjectEntity> & { tenantId: string; id: string },
): Promise<ProjectEntity> => projects.insert(ctx, em, row);

/** Changes a project under its version (stale → CONFLICT); audited with before and after. */
export const updateProjectRow = (
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
): Promise<ProjectEntity> =>
  projects.update(ctx, em, current, change.expectedVersion, change.changes, {
    action: change.action,
    auditExtra: change.auditExtra,
  });
