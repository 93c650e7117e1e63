import { PrimaryColumn, type JoinColumnOptions } from 'typeorm';

/** A class an entity may extend, abstract ones included (a mixin's base takes any arguments, TS2545). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EntityBase = abstract new (...args: any[]) => object;

/** The base of a tenant row with no `Timestamped` / `Versioned` columns. */
abstract class NoColumns {}

/**
 * The primary key of a tenant row, (tenant_id, id) with the tenant first: every tenant table keeps the
 * tenant in its primary key and foreign keys, so it can be sharded by tenant (STYLE "Performance shape";
 * docs/scaling.md). Inherited by the entity, like `Timestamped` (no table of its own, so the database is
 * the same as with the two columns written out). `primaryKeyConstraintName` is the name the migrations
 * give the key; `base`, a class whose columns the row also has (`Timestamped`, `Versioned`,
 * `RowVersioned`, …), is extended in turn.
 */
export function TenantKeyed<B extends EntityBase = typeof NoColumns>(
  primaryKeyConstraintName: string,
  base?: B,
) {
  abstract class TenantKeyedRow extends ((base ?? NoColumns) as B) {
    @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName })
    tenantId!: string;

    @PrimaryColumn('uuid', { primaryKeyConstraintName })
    id!: string;
  }
  return TenantKeyedRow;
}

/** A tenant-qualified foreign key (tenant_id, column) → target(tenant_id, id), named. */
export function tenantFk(name: string, column: string): JoinColumnOptions[] {
  return [
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: name },
    { name: column, referencedColumnName: 'id', foreignKeyConstraintName: name },
  ];
}
