import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../common/request-context';
import { recordAudit } from '../audit/audit.service';
import { ErrorCode, msg } from '../common/errors';
import { problem } from '../common/problem';
import { guardedUpdate } from '../common/guarded-update';
import type { ConstraintMeanings } from '../common/mutation';
import { SpotCheckItemEntity } from './spot-check-item.entity';
import { SpotCheckSampleEntity } from './spot-check-sample.entity';
import { spotCheckLoadersOf } from './spot-check.loaders';

/**
 * The one writer of spot-check samples and their items (issue 10 item 2; DOMAIN §12, §15): the rows,
 * the audit event and the request's loader caches change together, in the caller's transaction (`em`).
 * A sample is written once with its items (immutable afterwards); an item changes once, when checked.
 * No other code inserts or updates `spot_check_sample` or `spot_check_item`.
 */

const ROW_VERSION = { property: 'rowVersion', name: 'row_version' };

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const spotCheckMeanings: ConstraintMeanings = {
  ck_spot_check_item_transition: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'itemId'],
    msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
  ),
  uq_spot_check_item_check: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'itemId'],
    msg('该抽查对象已复核，不能再次录入', 'The item has already been checked'),
  ),
  ck_spot_check_sample_immutable: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input'],
    msg('抽查样本抽取后不能修改', 'A drawn sample cannot be changed'),
  ),
  ck_evaluation_spot_check: problem(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'itemId'],
    msg('抽查复核须针对已提交的单位自评', 'A spot check re-scores a submitted self-evaluation'),
  ),
};

/** 抽取: the sample and its items, with one DRAW audit event holding both. */
export async function insertSample(
  ctx: RequestContext,
  em: EntityManager,
  row: QueryDeepPartialEntity<SpotCheckSampleEntity> & { tenantId: string; id: string },
  items: QueryDeepPartialEntity<SpotCheckItemEntity>[],
): Promise<SpotCheckSampleEntity> {
  await em.insert(SpotCheckSampleEntity, row);
  if (items.length > 0) await em.insert(SpotCheckItemEntity, items);
  const sample = await em.findOneByOrFail(SpotCheckSampleEntity, { tenantId: row.tenantId, id: row.id });
  const written = await em.find(SpotCheckItemEntity, {
    where: { tenantId: row.tenantId, sampleId: row.id },
    order: { position: 'ASC' },
  });
  await recordAudit(em, ctx.caller, {
    entityType: 'SpotCheckSample',
    entityId: row.id,
    action: 'DRAW',
    regionPath: sample.regionPath,
    after: { ...sample, items: written },
  });
  const loaders = spotCheckLoadersOf(ctx);
  loaders.sampleById.clear(row.id).prime(row.id, sample);
  loaders.itemsBySampleId.clear(row.id);
  return sample;
}

/** 复核: the item checked once, under its row version (stale → CONFLICT); audited as CHECK. */
export async function checkItem(
  ctx: RequestContext,
  em: EntityManager,
  item: SpotCheckItemEntity,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<SpotCheckItemEntity>,
): Promise<SpotCheckItemEntity> {
  await guardedUpdate(em, SpotCheckItemEntity, item, expectedVersion, changes, ROW_VERSION);
  const checked = await em.findOneByOrFail(SpotCheckItemEntity, { tenantId: item.tenantId, id: item.id });
  await recordAudit(em, ctx.caller, {
    entityType: 'SpotCheckItem',
    entityId: item.id,
    action: 'CHECK',
    regionPath: item.regionPath,
    before: item,
    after: checked,
  });
  const loaders = spotCheckLoadersOf(ctx);
  loaders.itemById.clear(item.id).prime(item.id, checked);
  loaders.itemsBySampleId.clear(item.sampleId);
  return checked;
}
