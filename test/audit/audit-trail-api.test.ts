/**
 * The audit trail through GraphQL (DOMAIN §15; 003 第七条; P6) on a real database: who may read it, that
 * each reader sees its own subtree only, the filters and keyset paging, and that a change rolled back by
 * bad input leaves no trace. Arranged events are inserted by the owner with a tag of their own, so the
 * demo data's events (and any others) never interfere.
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { organizationGid } from '../harness/ids';

let app: TestApp;

interface EventRow {
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
interface Page {
  auditEvents: {
    totalCount: number;
    nodes: EventRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id occurredAt actor { id } actorName actorOrganizationName actorOrganization { id name }
            entityType entityId entity { id } action before after }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The tag of this run's arranged events (action column), so filters see only them. */
const TAG = `TEST_${randomUUID().slice(0, 8)}`;
/** Arranged events: name → entity uuid. */
const entity: Record<string, string> = {};

async function arrange(name: string, regionCode: string, actorLogin: string, at: string) {
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

async function read(as: string, filter: Record<string, unknown> = {}, first = 100, after?: string) {
  return app.gql<Page>(EVENTS, { filter: { action: TAG, ...filter }, first, after }, { as });
}

/** The arranged events a caller sees, by name, newest first. */
async function seen(as: string, filter: Record<string, unknown> = {}): Promise<string[]> {
  const res = await read(as, filter);
  expect(res.errors).toBeUndefined();
  const names = new Map(Object.entries(entity).map(([n, id]) => [toGlobalId('Project', id), n]));
  return res.data!.auditEvents.nodes.map((e) => names.get(e.entityId) ?? e.entityId);
}

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

describe('who reads the audit trail, and of which subtree (DOMAIN §15; 003 第七条; P6)', () => {
  test('an audit office of 张店区 sees 张店区 and its townships, newest first; not 淄川区, the city, nor another tenant', async () => {
    expect(await seen('audit.zhangdian')).toEqual(['公园街道', '车站街道', '张店区本级']);
  });

  test('the city audit office sees its whole subtree; the other tenant sees only its own', async () => {
    expect(await seen('audit.zibo')).toEqual(['淄川区', '公园街道', '车站街道', '张店区本级', '淄博市本级']);
    expect(await seen('finance.rizhao')).toEqual(['日照市']);
    expect(await seen('admin.rizhao')).toEqual(['日照市']);
  });

  test('finance bureaus and tenant administrators read their subtree', async () => {
    expect(await seen('finance.zhangdian')).toEqual(['公园街道', '车站街道', '张店区本级']);
    expect(await seen('admin.zhangdian')).toEqual(['公园街道', '车站街道', '张店区本级']);
    expect(await seen('finance.chezhan')).toEqual(['车站街道']);
    expect(await seen('finance.zichuan')).toEqual(['淄川区']);
    // A competent department's administrator administers the subtree's accounts: admitted.
    expect(await seen('agri.zhangdian')).toEqual(['公园街道', '车站街道', '张店区本级']);
  });

  test.each([
    'unit.chezhan',
    'unit.zhangdian',
    'transport.zhangdian',
    'transport.chezhan',
    'thirdparty.zibo',
  ])('%s is refused with FORBIDDEN, principle P6, and no data', async (login) => {
    const res = await read(login);
    expect(res.data?.auditEvents ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
  });

  test('an anonymous caller is UNAUTHENTICATED', async () => {
    const res = await app.gql<Page>(EVENTS, { filter: { action: TAG } });
    expect(res.data?.auditEvents ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('each event (DOMAIN §15): actor user and organization, time, entity, action, before and after', () => {
  test('the fields of an arranged event, with global ids and the names on record', async () => {
    const res = await read('audit.zhangdian', { entityId: toGlobalId('Project', entity['车站街道']) });
    expect(res.errors).toBeUndefined();
    const [row] = await app.sql<{ user_id: string; org_id: string; display_name: string; org: string }>(
      `SELECT u.id AS user_id, u.organization_id AS org_id, u.display_name, o.name AS org
         FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.login = 'transport.chezhan'`,
    );
    expect(res.data!.auditEvents.nodes).toEqual([
      expect.objectContaining({
        occurredAt: '2025-03-01T08:00:00.000Z',
        // Issue 11 item 7: the actor and its organization are objects; the arranged entity does not exist,
        // so `entity` is null while entityType and entityId still name it.
        actor: null, // an audit office reads no user records (the users scope): the name on record only
        actorName: row.display_name,
        actorOrganizationName: '车站街道建设办公室',
        actorOrganization: { id: toGlobalId('Organization', row.org_id), name: '车站街道建设办公室' },
        entityType: 'Project',
        entityId: toGlobalId('Project', entity['车站街道']),
        entity: null,
        action: TAG,
        before: { name: '车站街道（前）' },
        after: { name: '车站街道', amount: '100.00' },
      }),
    ]);
    expect(row.org).toBe('车站街道建设办公室');
    // The tenant administrator above reads the users of its subtree: the actor comes back as the object.
    const admin = await app.gql<Page>(
      EVENTS,
      { filter: { entityId: toGlobalId('Project', entity['车站街道']) } },
      { as: 'admin.zhangdian' },
    );
    expect(admin.data!.auditEvents.nodes.map((n) => n.actor)).toEqual([
      { id: toGlobalId('User', row.user_id) },
    ]);
  });

  test('an actor above the reader: its organization is out of view (null), its name on record still shown', async () => {
    // 张店区财政局 acts on a 车站街道 object: 车站街道财政所 reads the event, but 张店区财政局 is above its subtree.
    const [actor] = await app.sql<{ tenant_id: string; id: string; organization_id: string }>(
      `SELECT tenant_id, id, organization_id FROM app_user WHERE login = 'finance.zhangdian'`,
    );
    const [region] = await app.sql<{ path: string }>(`SELECT path FROM region WHERE code = '370303001'`);
    const entityId = randomUUID();
    await app.sql(
      `INSERT INTO audit_event (tenant_id, id, actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path)
       VALUES ($1, $2, $3, $4, 'Fund', $5, 'UPDATE', $6)`,
      [actor.tenant_id, randomUUID(), actor.id, actor.organization_id, entityId, region.path],
    );
    const filter = { entityId: toGlobalId('Fund', entityId) };
    const res = await app.gql<Page>(EVENTS, { filter }, { as: 'finance.chezhan' });
    expect(res.data!.auditEvents.nodes).toEqual([
      expect.objectContaining({
        actor: null, // the acting user is outside the reader's view: the object is null (P6), its name stays
        actorOrganization: null,
        actorOrganizationName: '张店区财政局',
        actorName: expect.any(String),
        before: null,
        after: null,
      }),
    ]);
    // 公园街道 does not read 车站街道's events, so it learns nothing of them.
    expect((await app.gql<Page>(EVENTS, { filter }, { as: 'finance.gongyuan' })).data!.auditEvents).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });
});

test('entity: the changed object as node(id) returns it — in view an object, out of view null (issue 11 item 7, P6)', async () => {
  const [actor] = await app.sql<{ tenant_id: string; id: string; organization_id: string }>(
    `SELECT tenant_id, id, organization_id FROM app_user WHERE login = 'transport.chezhan'`,
  );
  const orgs = await app.sql<{ id: string; name: string; region_path: string }>(
    `SELECT o.id, o.name, r.path AS region_path FROM organization o JOIN region r ON r.id = o.region_id
      WHERE o.name IN ('车站街道建设办公室', '淄博市财政局')`,
  );
  const tag = `${TAG}_ENTITY`;
  const [chezhan] = await app.sql<{ path: string }>(`SELECT path FROM region WHERE code = '370303001'`);
  for (const o of orgs)
    await app.sql(
      `INSERT INTO audit_event (tenant_id, id, actor_user_id, actor_organization_id, entity_type, entity_id, action, region_path)
       VALUES ($1, $2, $3, $4, 'Organization', $5, $6, $7)`,
      [actor.tenant_id, randomUUID(), actor.id, actor.organization_id, o.id, tag, chezhan.path],
    );
  const res = await app.gql<Page>(EVENTS, { filter: { action: tag } }, { as: 'finance.chezhan' });
  expect(res.errors).toBeUndefined();
  const byEntity = Object.fromEntries(res.data!.auditEvents.nodes.map((n) => [n.entityId, n.entity]));
  const gid = (name: string) => toGlobalId('Organization', orgs.find((o) => o.name === name)!.id);
  // The township's own office is in the reader's view; the city finance bureau above it is not.
  expect(byEntity).toEqual({
    [gid('车站街道建设办公室')]: { id: gid('车站街道建设办公室') },
    [gid('淄博市财政局')]: null,
  });
});

describe('filters and keyset paging', () => {
  test('entityType, entityId, actorOrganization, from/to, each alone and combined', async () => {
    expect(await seen('audit.zibo', { entityType: 'Fund' })).toEqual([]);
    expect(await seen('audit.zibo', { entityType: 'Project' })).toHaveLength(5);
    expect(await seen('audit.zibo', { entityId: toGlobalId('Project', entity['公园街道']) })).toEqual([
      '公园街道',
    ]);
    // A global id of another type, or a malformed one, matches nothing.
    expect(await seen('audit.zibo', { entityId: toGlobalId('Fund', entity['公园街道']) })).toEqual([]);
    expect(await seen('audit.zibo', { entityId: 'not-an-id' })).toEqual([]);
    const chezhanDept = await organizationGid(app, '车站街道建设办公室');
    expect(await seen('audit.zibo', { actorOrganization: chezhanDept })).toEqual(['车站街道']);
    expect(await seen('audit.zibo', { actorOrganization: toGlobalId('Region', entity['车站街道']) })).toEqual(
      [],
    );
    expect(
      await seen('audit.zibo', { from: '2025-02-01T08:00:00.000Z', to: '2025-04-01T08:00:00.000Z' }),
    ).toEqual(['车站街道', '张店区本级']);
    expect(await seen('audit.zibo', { from: '2025-04-01T08:00:00.000Z' })).toEqual(['淄川区', '公园街道']);
    expect(await seen('audit.zhangdian', { from: '2025-04-01T08:00:00.000Z' })).toEqual(['公园街道']);
  });

  test('pages of 2, newest first, with stable cursors and totalCount', async () => {
    const names: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await read('audit.zibo', {}, 2, after);
      expect(res.errors).toBeUndefined();
      const page = res.data!.auditEvents;
      expect(page.totalCount).toBe(5);
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      names.push(...page.nodes.map((n) => n.entityId));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toBe(3);
    const order = ['淄川区', '公园街道', '车站街道', '张店区本级', '淄博市本级'];
    expect(names).toEqual(order.map((n) => toGlobalId('Project', entity[n])));
  });

  // STYLE "Performance shape": the names and organizations on record are batched per page.
  test('a page of 5 events costs the same number of SQL statements as a page of 1', async () => {
    const one = await read('audit.zibo', {}, 1);
    const five = await read('audit.zibo', {}, 5);
    expect(one.data!.auditEvents.nodes).toHaveLength(1);
    expect(five.data!.auditEvents.nodes).toHaveLength(5);
    expect(new Set(five.data!.auditEvents.nodes.map((n) => n.actorOrganizationName)).size).toBe(5);
    expect(five.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
  });

  test('a forged cursor and a page over 100 are bad input', async () => {
    const forged = await read('audit.zibo', {}, 2, 'bm90LWEtY3Vyc29y');
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await read('audit.zibo', {}, 101);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('real changes: written in the same transaction, rolled back with it (DOMAIN §15)', () => {
  const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code field } } }`;
  const projectInput = async (name: string) => ({
    name,
    implementingUnitId: await organizationGid(app, '车站街道市政道路养护站'),
    year: 2025,
    fiscalAmount: '800000.00',
    otherAmount: '50000.00',
    isNew: false,
  });

  test('a created project has its CREATE event, readable by 张店区’s audit office, not by 淄川区’s finance', async () => {
    const res = await app.gql<{ createProject: { project: { id: string } | null } }>(
      CREATE_PROJECT,
      { input: await projectInput('审计留痕测试项目') },
      { as: 'transport.chezhan' },
    );
    const projectId = res.data!.createProject.project!.id;
    const events = await app.gql<Page>(
      EVENTS,
      { filter: { entityId: projectId } },
      { as: 'audit.zhangdian' },
    );
    expect(events.data!.auditEvents.nodes).toEqual([
      expect.objectContaining({
        entityType: 'Project',
        entityId: projectId,
        action: 'CREATE',
        before: null,
        actorOrganizationName: '车站街道建设办公室',
        after: expect.objectContaining({ name: '审计留痕测试项目' }),
      }),
    ]);
    const other = await app.gql<Page>(EVENTS, { filter: { entityId: projectId } }, { as: 'finance.zichuan' });
    expect(other.data!.auditEvents.nodes).toEqual([]);
    const [row] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'CREATE'`,
      [Buffer.from(projectId, 'base64url').toString('utf8').split(':')[1]],
    );
    expect(row.n).toBe(1);
  });

  test('a mutation refused for bad input leaves no event and no row anywhere', async () => {
    const before = await app.tableDigests();
    const [{ n: eventsBefore }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    const res = await app.gql<{ createProject: { project: unknown; userErrors: { code: string }[] } }>(
      CREATE_PROJECT,
      { input: { ...(await projectInput('审计留痕回滚项目')), fiscalAmount: '-1.00' } },
      { as: 'transport.chezhan' },
    );
    expect(res.data!.createProject.project).toBeNull();
    expect(res.data!.createProject.userErrors[0].code).toBe('BAD_USER_INPUT');
    expect(await app.tableDigests()).toEqual(before);
    const [{ n: eventsAfter }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    expect(eventsAfter).toBe(eventsBefore);
    const list = await app.gql<Page>(
      EVENTS,
      { filter: { entityType: 'Project', from: new Date(Date.now() - 60_000).toISOString() }, first: 100 },
      { as: 'audit.zhangdian' },
    );
    expect(list.data!.auditEvents.nodes.map((e) => e.after?.name)).not.toContain('审计留痕回滚项目');
  });
});
