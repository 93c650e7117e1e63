import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import type { DisclosureRow, Subject } from './disclosure.service';

/**
 * The one writer of disclosure marks (issue 10 item 2; DOMAIN §14, §15): the `disclosure` row and its audit
 * event change together, in the caller's transaction (`em`). No other code writes `disclosure`.
 */
export async function currentDisclosure(
  em: EntityManager,
  ctx: RequestContext,
  s: Subject,
): Promise<DisclosureRow | null> {
  const rows = await em.query<DisclosureRow[]>(
    `SELECT subject_type AS "subjectType", subject_id AS "subjectId", classified, classified_reason AS "classifiedReason",
            to_char(published_on, 'YYYY-MM-DD') AS "publishedOn", to_char(withdrawn_on, 'YYYY-MM-DD') AS "withdrawnOn",
            responsible_organization_id AS "responsibleOrganizationId"
       FROM disclosure WHERE tenant_id = $1 AND subject_type = $2 AND subject_id = $3`,
    [ctx.caller.tenantId, s.type, s.id],
  );
  return rows[0] ?? null;
}

/**
 * Stores the subject's new mark and dates under its responsible department (checked by the caller, P5) and
 * audits the change as `action` (DOMAIN §14 "marked classified … audited", §15).
 */
export async function writeDisclosure(
  em: EntityManager,
  ctx: RequestContext,
  s: Subject & { responsibleOrganizationId: string },
  action: string,
  before: DisclosureRow | null,
  next: Pick<DisclosureRow, 'classified' | 'classifiedReason' | 'publishedOn' | 'withdrawnOn'>,
): Promise<DisclosureRow> {
  await em.query(
    `INSERT INTO disclosure (tenant_id, subject_type, subject_id, region_path, responsible_organization_id,
                             classified, classified_reason, published_on, withdrawn_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, subject_type, subject_id) DO UPDATE SET responsible_organization_id = EXCLUDED.responsible_organization_id,
       classified = EXCLUDED.classified, classified_reason = EXCLUDED.classified_reason,
       published_on = EXCLUDED.published_on, withdrawn_on = EXCLUDED.withdrawn_on, updated_at = now()`,
    [
      ctx.caller.tenantId,
      s.type,
      s.id,
      s.regionPath,
      s.responsibleOrganizationId,
      next.classified,
      next.classifiedReason,
      next.publishedOn,
      next.withdrawnOn,
    ],
  );
  const after = (await currentDisclosure(em, ctx, s))!;
  await recordAudit(em, ctx.caller, {
    entityType: s.type === 'GOAL' ? 'PerformanceGoal' : 'Evaluation',
    entityId: s.id,
    action,
    regionPath: s.regionPath,
    before,
    after,
  });
  return after;
}
