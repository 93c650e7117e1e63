import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { RequestDb } from '../db/request-db';

/** Thrown when tenant data is read without a caller: scoping fails closed (STYLE principle 3). */
export class MissingScopeError extends Error {
  constructor() {
    super('Tenant data was read without a principal in the request context');
  }
}

/** Thrown when an entity is read that no module registered a scope for: scoping fails closed (STYLE 3). */
export class UnscopedEntityError extends Error {
  constructor(what: string) {
    super(`No scope is registered for ${what}: register it in its module's *.scope.ts (src/app/modules.ts)`);
  }
}

export type EntityClass<T> = new () => T;

/** What a scope rule knows when it narrows a query to the caller's jurisdiction. */
export interface ScopeInput {
  alias: string;
  caller: Principal;
  /** The scoped access of the same request, to read through a parent's scope (`through`). */
  scope: ScopedAccess;
}

/** Narrows a query that already holds the caller's tenant to what the caller may see (DOMAIN §3, P6). */
export type ScopeRule<T extends ObjectLiteral> = (
  qb: SelectQueryBuilder<T>,
  input: ScopeInput,
) => SelectQueryBuilder<T> | Promise<SelectQueryBuilder<T>>;

/**
 * How a module's entity is scoped: `name` becomes a method of `ScopedAccess` (declared by the module
 * with `declare module '../common/scoped-access' { interface ScopedAccess { … } }`), `alias` is that
 * method's default alias, which the module's queries rely on.
 */
export interface ScopeSpec<T extends ObjectLiteral> {
  name: string;
  entity: EntityClass<T>;
  alias: string;
  rule: ScopeRule<T>;
}

const entityScopes = new Map<EntityClass<ObjectLiteral>, ScopeSpec<ObjectLiteral>>();
const scopeNames = new Set<string>();

function install(spec: ScopeSpec<ObjectLiteral>, read: (s: ScopedAccess, alias: string) => unknown): void {
  if (scopeNames.has(spec.name) || spec.name in ScopedAccess.prototype) {
    throw new Error(`A scope named ${spec.name} is registered twice`);
  }
  scopeNames.add(spec.name);
  Object.defineProperty(ScopedAccess.prototype, spec.name, {
    value: function (this: ScopedAccess, alias: string = spec.alias) {
      return read(this, alias);
    },
  });
}

/**
 * Registers how an entity is scoped: its one rule, used by `scope.query(Entity)` and by the named
 * method `scope[name]()`. Each module calls it from its own `<module>.scope.ts`, so `common/` imports no
 * module; an entity nobody registered cannot be read through this class (`UnscopedEntityError`).
 */
export function registerScope<T extends ObjectLiteral>(spec: ScopeSpec<T>): void {
  const entry = spec as unknown as ScopeSpec<ObjectLiteral>;
  if (entityScopes.has(entry.entity)) throw new Error(`The scope of ${spec.entity.name} is registered twice`);
  install(entry, (s, alias) => s.query(entry.entity, alias));
  entityScopes.set(entry.entity, entry);
}

/**
 * Registers a named read of an entity under a rule other than its own scope — e.g. the gate facts of
 * assessments of subjects the caller already sees (DOMAIN §6). It never replaces the entity's scope.
 */
export function registerScopedView<T extends ObjectLiteral>(spec: ScopeSpec<T>): void {
  const entry = spec as unknown as ScopeSpec<ObjectLiteral>;
  install(entry, (s, alias) => s.read(entry, alias));
}

/** The names of the registered scopes and views (the architecture test checks every module's). */
export function registeredScopeNames(): string[] {
  return [...scopeNames].sort();
}

/**
 * A rule for rows read through their parent (indicators of a goal, actuals of an evaluation …): the
 * row is visible when its parent is, by the parent's own registered scope (same predicate, DOMAIN §3).
 */
export function through<T extends ObjectLiteral>(
  parent: EntityClass<ObjectLiteral>,
  column: string,
): ScopeRule<T> {
  return async (qb, { alias, scope }) => {
    const visible = await scope.query(parent, `s${alias}`);
    return qb
      .andWhere(`${alias}.${column} IN (${visible.select(`s${alias}.id`).getQuery()})`)
      .setParameters(visible.getParameters());
  };
}

/** The caller's subtree as a materialized-path prefix (`:scopePrefix`), the predicate of P6. */
export const subtreePrefix = (caller: Principal): string => `${caller.regionPath}%`;

/**
 * The one way to read tenant data (DOMAIN §3, §8 P6). Every builder starts with the tenant, then the
 * rule its module registered narrows it to the caller's jurisdiction, as single indexed predicates on
 * the materialized path. Who sees what is documented next to each rule, in each module's
 * `<module>.scope.ts`. Row-level security repeats the tenant predicate in PostgreSQL (defence in depth).
 * Fails closed: no principal → `MissingScopeError`; an entity without a registered scope →
 * `UnscopedEntityError`; both before the database is touched.
 */
export class ScopedAccess {
  constructor(
    private readonly db: RequestDb,
    private readonly principal: Principal | null,
  ) {}

  get caller(): Principal {
    if (!this.principal) throw new MissingScopeError();
    return this.principal;
  }

  async manager(): Promise<EntityManager> {
    if (!this.principal) throw new MissingScopeError();
    return this.db.manager();
  }

  /**
   * The rows of a builder made by this class, as plain objects shaped like its entity — every column
   * under its property name, as the city tree's prefetch reads them (src/hierarchy/region-tree.rows.ts)
   * — without TypeORM's entity hydration (issue 18: W2 hydrated ~900 organizations per request for a
   * page of 200). Same statement otherwise: the scope's predicates, order and parameters are the builder's.
   * `prepared`: as a named statement, planned once per connection (`RequestDb.prepared`).
   */
  async plainRows<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    options: { prepared?: boolean } = {},
  ): Promise<T[]> {
    if (!this.principal) throw new MissingScopeError();
    const meta = qb.expressionMap.mainAlias?.metadata;
    if (!meta) throw new Error('plainRows needs a builder of an entity');
    qb.select([]);
    for (const column of meta.columns)
      qb.addSelect(`${qb.alias}."${column.databaseName}"`, column.propertyName);
    const [sql, params] = qb.getQueryAndParameters();
    return options.prepared ? this.db.prepared<T>(sql, params) : this.db.query<T>(sql, params);
  }

  /** The rows of `entity` the caller may see, by the scope its module registered. */
  async query<T extends ObjectLiteral>(
    entity: EntityClass<T>,
    alias?: string,
  ): Promise<SelectQueryBuilder<T>> {
    const spec = entityScopes.get(entity);
    if (!spec) throw new UnscopedEntityError(entity.name || 'an anonymous entity');
    return this.read(spec as unknown as ScopeSpec<T>, alias ?? spec.alias);
  }

  /** Tenant predicate first, then the registered rule. Internal to the registry (`registerScopedView`). */
  async read<T extends ObjectLiteral>(spec: ScopeSpec<T>, alias: string): Promise<SelectQueryBuilder<T>> {
    const caller = this.caller;
    const em = await this.db.manager();
    const qb = em
      .createQueryBuilder(spec.entity, alias)
      .where(`${alias}.tenant_id = :scopeTenant`, { scopeTenant: caller.tenantId });
    return spec.rule(qb, { alias, caller, scope: this });
  }

  /** The subtree the caller may administer (tenant administrators), as a path prefix. */
  adminPrefix(): string {
    return subtreePrefix(this.caller);
  }
}
