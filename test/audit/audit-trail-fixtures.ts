/**
 * Shared setup of the audit-trail API tests (audit-trail-*-api.test.ts; DOMAIN §15; 003 第七条; P6): the
 * auditEvents query, and events the owner inserts with a tag of this run (action column) so the demo data's
 * events (and any others) never interfere — one per region level of 淄博市, one in 日照市.
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';

export let app: TestApp;

export interface EventRow {
  id: string;
  occurredAt: string;
  actor: { id: string } | null;
  actorName: string | null;
  actorOrganizationName: string | null;
  actorOrganization: { name: string } | null;
  entityType: string;
  entityId: string;
  entity: { id: string } | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
export interface Page {
  auditEvents: {
    totalCount: number;
    nodes: EventRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id occurredAt actor { id } actorName actorOrganizationName actorOrganization { id name }
            entityType entityId entity { id } action before after }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The tag of this run's arranged events (action column), so filters see only them. */
export const TAG = `TEST_${randomUUID().slice(0, 8)}`;
/** Arranged events: name → entity uuid. */
export const entity: Record<string, string> = {};

export async function arrange(name: string, regionCode: string, actorLogin: string, at: string) {
  const [actor] = await app.sql<{ tenant_id: string; id: string; organization_id: string }>(
    `SELECT tenant_id, id, organization_id FROM app_user WHERE login = $1`,
    [actorLogin],
  );
  const [region] = await app.sql<{ path: string }>(`SELECT path FROM region WHERE code = $1`, [regionCode]);
  entity[name] = randomUUID();
  await app.sql(
    `INSERT INTO audit_event (tenant_id, id, occurred_at, actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path, before, after)
     VALUES ($1, $2, $3, $4, $5, 'Project', $6, $7, $8, $9, $10)`,
    [
      actor.tenant_id,
      randomUUID(),
      at,
      actor.id,
      actor.organization_id,
      entity[name],
      TAG,
      region.path,
      JSON.stringify({ name: `${name}（前）` }),
      JSON.stringify({ name, amount: '100.00' }),
    ],
  );
}

export async function read(as: string, filter: Record<string, unknown> = {}, first = 100, after?: string) {
  return app.gql<Page>(EVENTS, { filter: { action: TAG, ...filter }, first, after }, { as });
}

/** The arranged events a caller sees, by name, newest first. */
export async function seen(as: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const res = await read(as, filter);
  expect(res.errors).toBeUndefined();
  const names = new Map(Object.entries(entity).map(([n, id]) => [toGlobalId('Project', id), n]));
  return res.data!.auditEvents.nodes.map((e) => names.get(e.entityId) ?? e.entityId);
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useAuditTrailApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
    await arrange('淄博市本级', '370300', 'finance.zibo', '2025-01-01T08:00:00Z');
    await arrange('张店区本级', '370303', 'finance.zhangdian', '2025-02-01T08:00:00Z');
    await arrange('车站街道', '370303001', 'transport.chezhan', '2025-03-01T08:00:00Z');
    await arrange('公园街道', '370303002', 'transport.gongyuan', '2025-04-01T08:00:00Z');
    await arrange('淄川区', '370302', 'finance.zichuan', '2025-05-01T08:00:00Z');
    await arrange('日照市', '371100', 'finance.rizhao', '2025-06-01T08:00:00Z');
    // A competent department's tenant administrator (the demo has finance administrators only).
    await app.sql(`UPDATE app_user SET is_tenant_admin = true WHERE login = 'agri.zhangdian'`);
  });
  afterAll(async () => app.stop());
}
