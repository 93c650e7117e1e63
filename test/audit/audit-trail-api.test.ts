/**
 * The audit trail through GraphQL (DOMAIN §15; 003 第七条; P6) on a real database: who may read it, that
 * each reader sees its own subtree only, and what each event carries (actor, organization, entity, before and
 * after). Arranged events: audit-trail-fixtures.ts.
 */
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { useAuditTrailApi, app, Page, EVENTS, TAG, entity, read, seen } from './audit-trail-fixtures';

useAuditTrailApi();

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
