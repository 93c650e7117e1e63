/**
 * The audit trail through GraphQL (DOMAIN §15) on a real database: the filters and keyset paging, and that a
 * change rolled back by bad input leaves no trace while a real change has its event in the same transaction.
 */
import { toGlobalId } from '../../src/common/global-id';
import { organizationGid } from '../harness/ids';
import { useAuditTrailApi, app, Page, EVENTS, entity, read, seen } from './audit-trail-fixtures';

useAuditTrailApi();

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
