import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import {
  DepartmentCommonIndicatorEntity,
  DepartmentCommonIndicatorSetEntity,
} from './common-indicator.entity';
import type { SetCommonIndicatorsInput } from './dto/department.inputs';

export interface CommonSet {
  set: DepartmentCommonIndicatorSetEntity;
  indicators: DepartmentCommonIndicatorEntity[];
}

/**
 * The 共性 set in force for a department located at `regionPath` (DOMAIN §5; 003 第十二条(二)): its own
 * region's set of the year, else the nearest one above it; null when finance set none.
 */
export async function commonSetFor(
  em: EntityManager,
  tenantId: string,
  regionPath: string,
  year: number,
): Promise<CommonSet | null> {
  const set = await em
    .createQueryBuilder(DepartmentCommonIndicatorSetEntity, 's')
    .where('s.tenant_id = :tenantId AND s.year = :year', { tenantId, year })
    .andWhere(`:path LIKE s.region_path || '%'`, { path: regionPath })
    .orderBy('length(s.region_path)', 'DESC')
    .getOne();
  if (!set) return null;
  const indicators = await em.find(DepartmentCommonIndicatorEntity, {
    where: { tenantId, setId: set.id },
    order: { position: 'ASC' },
  });
  return { set, indicators };
}

/**
 * The one writer of a region's 共性 set (issue 10 item 2; DOMAIN §5, §15): the set row of the caller's
 * region and year (created, or its version moved on), its indicators replaced as a whole, and the audit
 * event with the set before and after — together, in the caller's transaction. No loader caches sets.
 */
export async function replaceCommonSet(
  ctx: RequestContext,
  em: EntityManager,
  input: SetCommonIndicatorsInput,
): Promise<CommonSet> {
  const caller = ctx.caller;
  const existing = await em.findOneBy(DepartmentCommonIndicatorSetEntity, {
    tenantId: caller.tenantId,
    regionId: caller.regionId,
    year: input.year,
  });
  const before = existing ? await commonSetFor(em, caller.tenantId, existing.regionPath, input.year) : null;
  const id = existing?.id ?? randomUUID();
  if (existing) {
    await em.update(
      DepartmentCommonIndicatorSetEntity,
      { tenantId: caller.tenantId, id },
      { organizationId: caller.organizationId, updatedAt: new Date(), rowVersion: existing.rowVersion + 1 },
    );
    await em.delete(DepartmentCommonIndicatorEntity, { tenantId: caller.tenantId, setId: id });
  } else {
    await em.insert(DepartmentCommonIndicatorSetEntity, {
      tenantId: caller.tenantId,
      id,
      regionId: caller.regionId,
      regionPath: caller.regionPath,
      year: input.year,
      organizationId: caller.organizationId,
    });
  }
  if (input.indicators.length)
    await em.insert(
      DepartmentCommonIndicatorEntity,
      input.indicators.map((c, position) => ({
        tenantId: caller.tenantId,
        id: randomUUID(),
        setId: id,
        position,
        dimension: c.dimension,
        name: c.name.trim(),
        kind: c.kind,
        unit: c.unit?.trim() || null,
        comparator: c.comparator ?? null,
        target: c.target.trim(),
        points: c.points.trim(),
        source: c.source,
      })),
    );
  const after = (await commonSetFor(em, caller.tenantId, caller.regionPath, input.year))!;
  await recordAudit(em, caller, {
    entityType: 'DepartmentCommonIndicatorSet',
    entityId: id,
    action: existing ? 'UPDATE' : 'CREATE',
    regionPath: caller.regionPath,
    before,
    after,
  });
  return after;
}
