import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { runMutation, type ConstraintMeanings } from '../common/mutation';
import { administeredOrganization } from './administered';
import { OrganizationCounterpartEntity } from './counterpart.entity';
import type { RemoveCounterpartInput, SetCounterpartInput } from './dto/counterpart.inputs';
import { OrganizationKind } from './hierarchy.enums';
import { removeCounterpartRow, setCounterpartRow } from './hierarchy.repository';
import type { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';
import { refusal } from '../common/refusal';

const meanings: ConstraintMeanings = {
  uq_organization_counterpart_region: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'counterpartId'],
    message: msg('该部门在该区划已有对口部门', 'The department already has a counterpart in this region'),
  },
};

/**
 * The counterpart (对口部门) of an upper department in a child region, from the explicit mapping
 * (DOMAIN §3; 003 转移支付 第六–八条) — never inferred from a sector. Null when none is mapped.
 */
export async function counterpartIdOf(
  em: EntityManager,
  tenantId: string,
  upperOrganizationId: string,
  regionId: string,
): Promise<string | null> {
  const row = await em.findOneBy(OrganizationCounterpartEntity, { tenantId, upperOrganizationId, regionId });
  return row?.counterpartOrganizationId ?? null;
}

function requireDepartment(o: OrganizationEntity, field: string[]): void {
  if (o.kind !== OrganizationKind.COMPETENT_DEPARTMENT) {
    throw refusal(
      ErrorCode.BAD_USER_INPUT,
      field,
      msg('对口关系只能在业务主管部门之间设置', 'A counterpart mapping links competent departments only'),
    );
  }
}

/**
 * Both ends, administered by the caller (P6: a tenant administrator whose subtree holds the upper
 * department — then the child region is in it too; anything else reads as not found).
 */
async function ends(ctx: RequestContext, input: SetCounterpartInput | RemoveCounterpartInput) {
  const department = await administeredOrganization(ctx, input.departmentId, ['input', 'departmentId']);
  const counterpart = await administeredOrganization(ctx, input.counterpartId, ['input', 'counterpartId']);
  return { department, counterpart };
}

/**
 * 设置对口部门 — tenant administrators (the organisational structure is theirs to keep, like a unit's
 * supervising department): the counterpart is a competent department of a region directly under the
 * department's region (funds and goals go one level down, 003 转移支付 第二条, 第十五条(二)); it
 * replaces the region's previous counterpart of that department; naming the current one again is a
 * CONFLICT. One township office may answer for several district departments.
 */
export function setCounterpart(ctx: RequestContext, input: SetCounterpartInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { department, counterpart } = await ends(ctx, input);
    requireDepartment(department, ['input', 'departmentId']);
    requireDepartment(counterpart, ['input', 'counterpartId']);
    const region = await em.findOneBy(RegionEntity, {
      tenantId: counterpart.tenantId,
      id: counterpart.regionId,
    });
    if (!region || region.parentId !== department.regionId) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'counterpartId'],
        msg(
          '对口部门须位于该部门所在区划的直接下级区划',
          "The counterpart must sit in a region directly under the department's region",
        ),
      );
    }
    const key = { tenantId: department.tenantId, upperOrganizationId: department.id, regionId: region.id };
    const existing = await em.findOneBy(OrganizationCounterpartEntity, key);
    if (existing?.counterpartOrganizationId === counterpart.id) {
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'counterpartId'],
        msg('该对口关系已存在', 'This counterpart mapping already exists'),
      );
    }
    await setCounterpartRow(ctx, em, department, region.id, existing, counterpart.id);
    return { department, counterpart };
  });
}

/** 取消对口部门 — tenant administrators; NOT_FOUND when the mapping does not exist. */
export function removeCounterpart(ctx: RequestContext, input: RemoveCounterpartInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { department, counterpart } = await ends(ctx, input);
    const existing = await em.findOneBy(OrganizationCounterpartEntity, {
      tenantId: department.tenantId,
      upperOrganizationId: department.id,
      counterpartOrganizationId: counterpart.id,
    });
    if (!existing) {
      throw refusal(
        ErrorCode.NOT_FOUND,
        ['input', 'counterpartId'],
        msg('未找到该对口关系', 'Counterpart mapping not found'),
      );
    }
    await removeCounterpartRow(ctx, em, department, existing);
    return { department, counterpart };
  });
}
