import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { auditedWriter, recordAudit } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { OrganizationCounterpartEntity } from './counterpart.entity';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

/**
 * The one writer of the hierarchy (issue 10 item 2; DOMAIN §3, §15): regions, organisations, users and
 * counterpart mappings are written here only, in the caller's transaction (`em`), each change together
 * with its audit event (before and after) and with this request's cached copies dropped. The hierarchy
 * keeps no history table: the audit trail is its history.
 */

/** 行政区划 (DOMAIN §3). */
export const regionWriter = auditedWriter<RegionEntity>({
  entity: RegionEntity,
  type: 'Region',
  pathOf: (r) => r.path,
  forget: (ctx, r) => {
    ctx.loaders.regionById.clear(r.id);
    if (r.parentId) ctx.loaders.childrenByRegionId.clear(r.parentId);
    ctx.loaders.descendantsByPath.clearAll();
  },
});

/** 单位 / 部门 (DOMAIN §3). */
export const organizationWriter = auditedWriter<OrganizationEntity>({
  entity: OrganizationEntity,
  type: 'Organization',
  pathOf: (o) => o.regionPath,
  forget: (ctx, o) => {
    ctx.loaders.organizationById.clear(o.id);
    ctx.loaders.organizationsByRegionId.clear(o.regionId);
    ctx.loaders.counterpartsByDepartmentId.clearAll();
    ctx.loaders.counterpartOfByOrganizationId.clearAll();
  },
});

/** 用户 (DOMAIN §3); the audit event never carries the password hash (audit.service.ts redacts it). */
export const userWriter = auditedWriter<UserEntity>({
  entity: UserEntity,
  type: 'User',
  pathOf: (u) => u.regionPath,
  // A user moved to another organisation is filed where it now is.
  fileUpdatesUnder: 'after',
  // No hierarchy loader caches users (scope.users() reads them fresh).
  forget: () => undefined,
});

function forgetCounterparts(ctx: RequestContext, department: OrganizationEntity, counterpartIds: string[]) {
  ctx.loaders.counterpartsByDepartmentId.clear(department.id);
  for (const id of counterpartIds) ctx.loaders.counterpartOfByOrganizationId.clear(id);
}

/**
 * 设置对口部门 (DOMAIN §3; 003 转移支付 第六–八条): the region's counterpart of `department` becomes
 * `counterpartId`, replacing `existing`; audited on the upper department as SET_COUNTERPART.
 */
export async function setCounterpartRow(
  ctx: RequestContext,
  em: EntityManager,
  department: OrganizationEntity,
  regionId: string,
  existing: OrganizationCounterpartEntity | null,
  counterpartId: string,
): Promise<void> {
  if (existing) {
    await em.update(
      OrganizationCounterpartEntity,
      { tenantId: existing.tenantId, id: existing.id },
      { counterpartOrganizationId: counterpartId },
    );
  } else {
    await em.insert(OrganizationCounterpartEntity, {
      tenantId: department.tenantId,
      upperOrganizationId: department.id,
      regionId,
      id: randomUUID(),
      counterpartOrganizationId: counterpartId,
    });
  }
  await recordAudit(em, ctx.caller, {
    entityType: 'Organization',
    entityId: department.id,
    action: 'SET_COUNTERPART',
    regionPath: department.regionPath,
    before: existing ? { regionId, counterpartId: existing.counterpartOrganizationId } : null,
    after: { regionId, counterpartId },
  });
  forgetCounterparts(ctx, department, [
    counterpartId,
    ...(existing ? [existing.counterpartOrganizationId] : []),
  ]);
}

/** 取消对口部门: deletes the mapping; audited on the upper department as REMOVE_COUNTERPART. */
export async function removeCounterpartRow(
  ctx: RequestContext,
  em: EntityManager,
  department: OrganizationEntity,
  existing: OrganizationCounterpartEntity,
): Promise<void> {
  await em.delete(OrganizationCounterpartEntity, { tenantId: existing.tenantId, id: existing.id });
  await recordAudit(em, ctx.caller, {
    entityType: 'Organization',
    entityId: department.id,
    action: 'REMOVE_COUNTERPART',
    regionPath: department.regionPath,
    before: { regionId: existing.regionId, counterpartId: existing.counterpartOrganizationId },
    after: null,
  });
  forgetCounterparts(ctx, department, [existing.counterpartOrganizationId]);
}
