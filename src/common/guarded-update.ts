import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ErrorCode, msg } from './error-code';
import { refusal } from './refusal';

/**
 * Optimistic concurrency (DOMAIN §15): the edit names the version it was based on, and the UPDATE only
 * applies while the row still has it (`… WHERE version = $expected`, then `version + 1`). A stale edit
 * changes nothing and is refused with CONFLICT. Row locking is PostgreSQL's: of two racing edits on the
 * same version, exactly one matches.
 */
export async function guardedUpdate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  key: { tenantId: string; id: string },
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
  column: { property: string; name: string } = { property: 'version', name: 'version' },
): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, [column.property]: () => `${column.name} + 1` } as QueryDeepPartialEntity<T>)
    .where(`tenant_id = :tenantId AND id = :id AND ${column.name} = :expectedVersion`, {
      tenantId: key.tenantId,
      id: key.id,
      expectedVersion,
    })
    .execute();
  if (result.affected !== 1) throw staleVersion();
}

/** The refusal of an edit based on a version the record no longer has (DOMAIN §15). */
export function staleVersion() {
  return refusal(
    ErrorCode.CONFLICT,
    ['input', 'expectedVersion'],
    msg(
      '该记录已被他人修改，请刷新后重试',
      'The record was changed by someone else since you read it; reload and try again',
    ),
    { reason: 'STALE_VERSION' },
  );
}
