import { nullsRefused, orCurrent } from '../common/partial-update';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { pathIds } from '../auth/principal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType, toGlobalId } from '../common/global-id';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import type {
  CreateOrganizationInput,
  DeleteOrganizationInput,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import { administeredOrganization, administeredRegion } from './administered';
import { OrganizationKind, type Sector } from './hierarchy.enums';
import { organizationWriter } from './hierarchy.repository';
import { OrganizationEntity } from './organization.entity';
import { checkName } from './rules/division-code';
import { checkCreditCode, checkSector } from './rules/organization-rules';
import { UserEntity } from './user.entity';
import { refusal } from '../common/refusal';

const meanings: ConstraintMeanings = {
  uq_organization_singleton: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'kind'],
    message: msg(
      '该区划已有同类机构（财政部门、审计部门各限一个）',
      'This region already has an organization of this kind (one finance bureau and one audit office per region)',
    ),
  },
};

/**
 * A unit's supervising department is a competent department of its own region or of a region above it
 * (a township school may answer to the district education bureau).
 */
async function checkSupervisor(
  em: EntityManager,
  v: Validation,
  tenantId: string,
  regionPath: string,
  kind: OrganizationKind,
  globalId: string | undefined | null,
): Promise<string | null> {
  if (!globalId) return null;
  const field = ['input', 'supervisingDepartmentId'];
  if (kind !== OrganizationKind.IMPLEMENTING_UNIT) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      field,
      msg('只有项目实施单位可以设置主管部门', 'Only an implementing unit has a supervising department'),
    );
    return null;
  }
  const id = idOfType(globalId, 'Organization');
  const department = id
    ? await em
        .createQueryBuilder(OrganizationEntity, 'o')
        .where('o.tenant_id = :tenantId AND o.id = :id AND o.kind = :kind AND o.region_id = ANY(:regions)', {
          tenantId,
          id,
          kind: OrganizationKind.COMPETENT_DEPARTMENT,
          regions: pathIds(regionPath),
        })
        .getOne()
    : null;
  if (!department) {
    v.add(
      ErrorCode.NOT_FOUND,
      field,
      msg(
        '未找到该主管部门（须为本级或上级区划的业务主管部门）',
        'Supervising department not found (a competent department of the same region or above)',
      ),
    );
    return null;
  }
  return department.id;
}

/** 新建单位 — tenant administrators, in a region of their subtree (DOMAIN §3, P6). */
export function createOrganization(ctx: RequestContext, input: CreateOrganizationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const region = await administeredRegion(ctx, input.regionId, ['input', 'regionId']);
    const v = new Validation();
    const nameProblem = checkName(input.name, 200);
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], nameProblem);
    const sectorProblem = checkSector(input.kind, input.sector ?? null);
    if (sectorProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'sector'], sectorProblem);
    const creditProblem = input.creditCode ? checkCreditCode(input.creditCode) : null;
    if (creditProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'creditCode'], creditProblem);
    const supervisor = await checkSupervisor(
      em,
      v,
      region.tenantId,
      region.path,
      input.kind,
      input.supervisingDepartmentId,
    );
    v.check();

    const organization = await organizationWriter.insert(ctx, em, {
      tenantId: region.tenantId,
      id: randomUUID(),
      regionId: region.id,
      regionPath: '',
      kind: input.kind,
      sector: input.sector ?? null,
      supervisingDepartmentId: supervisor,
      name: input.name.trim(),
      creditCode: input.creditCode ?? null,
    });
    return { organization };
  });
}

/** 修改单位 — guarded by version; an organization stays in its region. */
export function updateOrganization(ctx: RequestContext, input: UpdateOrganizationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await administeredOrganization(ctx, input.id, ['input', 'id']);
    const v = new Validation();
    // Issue 11 item 1: omitted keeps, null clears — the name cannot be cleared (BAD_USER_INPUT).
    for (const p of nullsRefused(input, ['name'])) v.add(p.code, p.field, p.message, { reason: p.reason });
    if (input.name != null) {
      const problem = checkName(input.name, 200);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], problem);
    }
    // A department cannot lose its sector (checkSector says so at input.sector); others may clear it.
    const sector: Sector | null = orCurrent(input.sector, current.sector);
    const sectorProblem = checkSector(current.kind, sector);
    if (sectorProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'sector'], sectorProblem);
    if (input.creditCode != null) {
      const problem = checkCreditCode(input.creditCode);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'creditCode'], problem);
    }
    const supervisor =
      input.supervisingDepartmentId === null
        ? null
        : input.supervisingDepartmentId !== undefined
          ? await checkSupervisor(
              em,
              v,
              current.tenantId,
              current.regionPath,
              current.kind,
              input.supervisingDepartmentId,
            )
          : current.supervisingDepartmentId;
    v.check();

    const organization = await organizationWriter.update(ctx, em, current, input.expectedVersion, {
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.creditCode !== undefined ? { creditCode: input.creditCode } : {}),
      sector,
      supervisingDepartmentId: supervisor,
    });
    return { organization };
  });
}

/** 删除单位 — refused while it has users or supervises units. */
export function deleteOrganization(ctx: RequestContext, input: DeleteOrganizationInput) {
  return runMutation(ctx, meanings, async (em) => {
    const current = await administeredOrganization(ctx, input.id, ['input', 'id']);
    if (current.id === ctx.caller.organizationId) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'id'],
        msg('不能删除本人所在单位', 'You cannot delete your own organization'),
      );
    }
    const [users, units] = await Promise.all([
      em.countBy(UserEntity, { tenantId: current.tenantId, organizationId: current.id }),
      em.countBy(OrganizationEntity, { tenantId: current.tenantId, supervisingDepartmentId: current.id }),
    ]);
    if (users + units > 0) {
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'id'],
        msg(
          `该单位仍有${users}个用户和${units}个下属实施单位，不能删除`,
          `The organization still has ${users} users and supervises ${units} units and cannot be deleted`,
        ),
      );
    }
    await organizationWriter.remove(ctx, em, current);
    return { deletedId: toGlobalId('Organization', current.id) };
  });
}
