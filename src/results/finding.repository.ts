import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { insertAudited, recordAudit } from '../audit/audit.service';
import { ErrorCode, msg } from '../common/errors';
import { refusal } from '../common/refusal';
import { FindingEntity } from './results.entities';

/**
 * The one writer of findings (issue 10 item 2; DOMAIN §13, §15): the row and its audit event are written
 * together, in the caller's transaction (`em`). A finding keeps its workflow in its own columns (no
 * separate history table) and no loader caches findings, so there is no history step or cache to drop.
 * No other code inserts or updates `result_finding`.
 */

const reload = (em: EntityManager, f: { tenantId: string; id: string }) =>
  em.findOneByOrFail(FindingEntity, { tenantId: f.tenantId, id: f.id });

/** 开具问题: inserts a new finding; audited as OPEN. */
export async function addFinding(
  ctx: RequestContext,
  em: EntityManager,
  finding: FindingEntity,
): Promise<FindingEntity> {
  await insertAudited(em, ctx.caller, FindingEntity, finding, {
    entityType: 'Finding',
    action: 'OPEN',
    regionPath: finding.regionPath,
  });
  return reload(em, finding);
}

/**
 * One workflow step on a finding (反馈 / 整改报告 / 核实 / 退回), applied only while the row still has the
 * version it was read at (DOMAIN §15; stale → CONFLICT, nothing written); audited with before and after.
 */
export async function changeFinding(
  ctx: RequestContext,
  em: EntityManager,
  before: FindingEntity,
  action: string,
  changes: Partial<FindingEntity>,
): Promise<FindingEntity> {
  const result = await em.update(
    FindingEntity,
    { tenantId: before.tenantId, id: before.id, rowVersion: before.rowVersion },
    { ...changes, rowVersion: before.rowVersion + 1 },
  );
  if (!result.affected) {
    throw refusal(
      ErrorCode.CONFLICT,
      ['input', 'id'],
      msg('问题已被他人修改，请刷新后重试', 'The finding changed meanwhile'),
    );
  }
  const after = await reload(em, before);
  await recordAudit(em, ctx.caller, {
    entityType: 'Finding',
    entityId: before.id,
    action,
    regionPath: before.regionPath,
    before,
    after,
  });
  return after;
}
