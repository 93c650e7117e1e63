import type { WorkflowActor } from '../src/goals/rules/workflow';
import {
  directoryOf,
  type CounterpartRef,
  type OrgDirectory,
  type OrgRef,
} from '../src/goals/rules/review-chain';
import type { OrganizationKind, Sector } from '../src/hierarchy/hierarchy.enums';
import { rowsOf, type SeedDb } from './db';
import type { Day } from './demo-goal-types';
import { seedId } from './ids';

interface OrgRow extends OrgRef {
  regionPath: string;
}

/**
 * What the demo goal seed knows about one tenant: its organizations (a directory for review chains),
 * regions, demo accounts, and the ids of what it created so far. Ids are fixed (seedId), times are
 * fixed days of 2025, so the demo is deterministic.
 */
export class DemoContext {
  readonly dir: OrgDirectory;
  private readonly orgs = new Map<string, OrgRow>();
  private readonly regions = new Map<string, { id: string; path: string }>();
  private readonly regionPaths = new Map<string, string>();
  private readonly users = new Map<string, { userId: string; organizationId: string }>();
  private clock = 0;

  private constructor(
    readonly tx: SeedDb,
    readonly tenantId: string,
    readonly key: string,
    orgs: OrgRow[],
    regions: { id: string; code: string; path: string }[],
    users: { id: string; login: string; organizationId: string }[],
    counterparts: CounterpartRef[] = [],
  ) {
    for (const o of orgs) this.orgs.set(o.id, o);
    for (const r of regions) {
      this.regions.set(r.code, { id: r.id, path: r.path });
      this.regionPaths.set(r.id, r.path);
    }
    for (const u of users) this.users.set(u.login, { userId: u.id, organizationId: u.organizationId });
    this.dir = directoryOf(orgs, counterparts);
  }

  /** Reads the tenant's hierarchy back (paths are computed by the database triggers). */
  static async load(tx: SeedDb, tenantId: string, key: string): Promise<DemoContext> {
    const orgs = rowsOf(
      await tx.query(
        `SELECT id, kind, region_id AS "regionId", sector, supervising_department_id AS "supervisingDepartmentId",
                region_path AS "regionPath"
         FROM organization WHERE tenant_id = $1`,
        [tenantId],
      ),
    ) as {
      id: string;
      kind: string;
      regionId: string;
      sector: string | null;
      supervisingDepartmentId: string | null;
      regionPath: string;
    }[];
    const regions = rowsOf(
      await tx.query('SELECT id, code, path FROM region WHERE tenant_id = $1', [tenantId]),
    ) as { id: string; code: string; path: string }[];
    const users = rowsOf(
      await tx.query(
        'SELECT id, login, organization_id AS "organizationId" FROM app_user WHERE tenant_id = $1',
        [tenantId],
      ),
    ) as { id: string; login: string; organizationId: string }[];
    const refs: OrgRow[] = orgs.map((o) => ({
      ...o,
      kind: o.kind as OrganizationKind,
      sector: o.sector as Sector | null,
    }));
    // DOMAIN §3: the explicit counterpart mapping (对口部门) for bottom-up and transfer-project chains.
    const counterparts = rowsOf(
      await tx.query(
        `SELECT upper_organization_id AS "upperId", region_id AS "regionId", counterpart_organization_id AS "counterpartId"
         FROM organization_counterpart WHERE tenant_id = $1`,
        [tenantId],
      ),
    ) as CounterpartRef[];
    return new DemoContext(tx, tenantId, key, refs, regions, users, counterparts);
  }

  id(...parts: string[]): string {
    return seedId(this.key, ...parts);
  }

  organization(id: string): OrgRow {
    const o = this.orgs.get(id);
    if (!o) throw new Error(`demo goals: no organization ${id}`);
    return o;
  }

  region(code: string): { id: string; path: string } {
    const r = this.regions.get(code);
    if (!r) throw new Error(`demo goals: no region ${code}`);
    return r;
  }

  regionRef(regionId: string): { id: string; path: string } {
    const path = this.regionPaths.get(regionId);
    if (path === undefined) throw new Error(`demo goals: no region ${regionId}`);
    return { id: regionId, path };
  }

  /** The demo account and its organization (every actor of the demo is a login a visitor can use). */
  user(login: string): { userId: string; organizationId: string; organization: OrgRow } {
    const u = this.users.get(login);
    if (!u) throw new Error(`demo goals: no demo login ${login}`);
    return { ...u, organization: this.organization(u.organizationId) };
  }

  actor(login: string): WorkflowActor {
    const u = this.user(login);
    return {
      userId: u.userId,
      tenantId: this.tenantId,
      organizationId: u.organizationId,
      organizationKind: u.organization.kind,
      regionPath: u.organization.regionPath,
    };
  }

  /** A fixed moment on `day` (Beijing time), one second after the previous one: history keeps its order. */
  at(day: Day): string {
    this.clock += 1;
    const base = Date.parse(`${day}T09:00:00+08:00`);
    if (Number.isNaN(base)) throw new Error(`demo goals: bad day ${day}`);
    return new Date(base + this.clock * 1000).toISOString();
  }

  /** Appends an audit event like recordAudit does (DOMAIN §15), with a fixed id and time. */
  async audit(
    login: string,
    at: string,
    change: {
      entityType: string;
      entityId: string;
      action: string;
      regionPath: string;
      before?: object | null;
      after?: object | null;
    },
  ): Promise<void> {
    const u = this.user(login);
    await this.tx.query(
      `INSERT INTO audit_event (tenant_id, id, occurred_at, actor_user_id, actor_organization_id, entity_type,
                                entity_id, action, region_path, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`,
      [
        this.tenantId,
        this.id('audit', String(this.clock), change.entityType, change.entityId, change.action),
        at,
        u.userId,
        u.organizationId,
        change.entityType,
        change.entityId,
        change.action,
        change.regionPath,
        change.before ? JSON.stringify(change.before) : null,
        change.after ? JSON.stringify(change.after) : null,
      ],
    );
  }

  /** A row as the services' audit snapshots show it (camelCase keys); a goal with its indicators. */
  async snapshot(
    table: 'fund' | 'project' | 'performance_goal',
    id: string,
  ): Promise<Record<string, unknown>> {
    const [row] = rowsOf(
      await this.tx.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE tenant_id = $1 AND id = $2`, [
        this.tenantId,
        id,
      ]),
    ) as { row: Record<string, unknown> }[];
    if (!row) throw new Error(`demo goals: no ${table} ${id}`);
    const result = camel(row.row);
    if (table === 'performance_goal') {
      const indicators = rowsOf(
        await this.tx.query(
          'SELECT to_jsonb(i) AS row FROM goal_indicator i WHERE tenant_id = $1 AND goal_id = $2 ORDER BY position',
          [this.tenantId, id],
        ),
      ) as { row: Record<string, unknown> }[];
      result.indicators = indicators.map((i) => camel(i.row));
    }
    return result;
  }
}

function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}
