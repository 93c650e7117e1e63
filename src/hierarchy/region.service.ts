import { nullsRefused } from '../common/partial-update';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { ErrorCode, msg } from '../common/errors';
import { idOfType, toGlobalId } from '../common/global-id';
import { administeredRegion } from './administered';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import type { CreateRegionInput, DeleteRegionInput, UpdateRegionInput } from './dto/region.inputs';
import { regionWriter } from './hierarchy.repository';
import { OrganizationEntity } from './organization.entity';
import { RegionEntity } from './region.entity';
import { checkDivisionCode, checkLevelUnderParent, checkName } from './rules/division-code';
import { refusal } from '../common/refusal';

const meanings: ConstraintMeanings = {
  uq_region_code: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'code'],
    message: msg('该行政区划代码已存在', 'A region with this division code already exists'),
  },
  ck_region_parent_level: {
    code: ErrorCode.BAD_USER_INPUT,
    field: ['input', 'level'],
    message: msg('层级与上级区划不符', 'The level does not fit under the parent region'),
  },
};

/** 新建行政区划 — tenant administrators only, inside their subtree (DOMAIN §3, P6). */
export function createRegion(ctx: RequestContext, input: CreateRegionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const parent = await administeredRegion(ctx, input.parentId, ['input', 'parentId']);
    const v = new Validation();
    const levelProblem = checkLevelUnderParent(input.level, parent.level);
    if (levelProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'level'], levelProblem);
    const nameProblem = checkName(input.name);
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], nameProblem);
    const codeProblem = checkDivisionCode(input.level, input.code, parent.code);
    if (codeProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'code'], codeProblem);
    v.check();

    const region = await regionWriter.insert(ctx, em, {
      tenantId: ctx.caller.tenantId,
      id: randomUUID(),
      parentId: parent.id,
      level: input.level,
      name: input.name.trim(),
      code: input.code,
      path: '',
    });
    return { region };
  });
}

/** 修改行政区划 — guarded by the version the edit is based on; a region never moves. */
export function updateRegion(ctx: RequestContext, input: UpdateRegionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const region = await administeredRegion(ctx, input.id, ['input', 'id']);
    const v = new Validation();
    // Issue 11 item 1: omitted keeps; a region always has a name, a code and its place (null refused).
    for (const p of nullsRefused(input, ['name', 'code', 'parentId']))
      v.add(p.code, p.field, p.message, { reason: p.reason });
    if (input.parentId !== undefined && input.parentId !== null) {
      const parentId = idOfType(input.parentId, 'Region');
      if (parentId !== region.parentId) {
        v.add(
          ErrorCode.BAD_USER_INPUT,
          ['input', 'parentId'],
          msg('行政区划不能移动到其他上级之下', 'A region cannot be moved to another parent'),
        );
      }
    }
    if (input.name !== undefined && input.name !== null) {
      const problem = checkName(input.name);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], problem);
    }
    if (input.code !== undefined && input.code !== null) {
      const parent = region.parentId
        ? await em.findOneBy(RegionEntity, { tenantId: region.tenantId, id: region.parentId })
        : null;
      const problem = checkDivisionCode(region.level, input.code, parent?.code ?? null);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'code'], problem);
      // DOMAIN §3: children's codes start with this code's prefix, so a region with children keeps it.
      const children = await em.countBy(RegionEntity, { tenantId: region.tenantId, parentId: region.id });
      if (input.code !== region.code && children > 0) {
        v.add(
          ErrorCode.CONFLICT,
          ['input', 'code'],
          msg(
            `该行政区划下有${children}个下级区划，其代码以本代码为前缀，不能修改代码`,
            `The region has ${children} child regions whose codes carry its prefix; its code cannot change`,
          ),
        );
      }
    }
    v.check();

    const after = await regionWriter.update(ctx, em, region, input.expectedVersion, {
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.code != null ? { code: input.code } : {}),
    });
    return { region: after };
  });
}

/** 删除行政区划 — only a district or township that holds no regions and no organizations. */
export function deleteRegion(ctx: RequestContext, input: DeleteRegionInput) {
  return runMutation(ctx, meanings, async (em) => {
    const region = await administeredRegion(ctx, input.id, ['input', 'id']);
    if (!region.parentId) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'id'],
        msg('市级行政区划不能删除', 'The city region cannot be deleted'),
      );
    }
    const [children, organizations] = await Promise.all([
      em.countBy(RegionEntity, { tenantId: region.tenantId, parentId: region.id }),
      em.countBy(OrganizationEntity, { tenantId: region.tenantId, regionId: region.id }),
    ]);
    if (children + organizations > 0) {
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'id'],
        msg(
          `该行政区划下仍有${children}个下级区划和${organizations}个单位，不能删除`,
          `The region still holds ${children} regions and ${organizations} organizations and cannot be deleted`,
        ),
      );
    }
    await regionWriter.remove(ctx, em, region);
    return { deletedId: toGlobalId('Region', region.id) };
  });
}
