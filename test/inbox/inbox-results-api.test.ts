/**
 * 我的待办 (issue 11 item 3): compilation due and findings, each kind both ways; and one cursor that pages
 * across kinds, with a number of SQL statements that does not grow with the page size.
 */
import {
  useInboxApi,
  app,
  INBOX,
  InboxData,
  inbox,
  gid,
  orgOf,
  copyRow,
  withoutTriggers,
} from './inbox-fixtures';

useInboxApi();

describe('each kind reaches exactly the organization it awaits', () => {
  test('COMPILATION_DUE — the region’s counterpart compiles once a child result is in, until compiled (DOMAIN §11, P4)', async () => {
    const [regional] = await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal WHERE name = '农村公路提档升级专项资金车站街道区域绩效目标'`,
    );
    const [child] = await app.sql<{ id: string; region_path: string }>(
      `SELECT id, region_path FROM performance_goal WHERE parent_goal_id = $1 AND status = 'ISSUED'`,
      [regional.id],
    );
    const [submittedSelf] = await app.sql<{ id: string }>(
      `SELECT id FROM evaluation WHERE kind = 'SELF' AND status = 'SUBMITTED'`,
    );
    const id = gid('PerformanceGoal', regional.id);
    // Nothing to compile while no child result is submitted.
    expect((await inbox('transport.chezhan')).map((i) => i.node.id)).not.toContain(id);
    let childEval = '';
    await withoutTriggers(async () => {
      childEval = await copyRow('evaluation', submittedSelf.id, {
        goal_id: child.id,
        region_path: child.region_path,
        evaluator_organization_id: await orgOf('unit.chezhan'),
        reviewer_organization_id: await orgOf('transport.chezhan'),
      });
    });
    const item = (await inbox('transport.chezhan')).find((i) => i.node.id === id);
    // DOMAIN §10.7: due by the tenant's self-evaluation due date (default 31 March of the next year).
    expect(item).toMatchObject({
      kind: 'COMPILATION_DUE',
      dueOn: '2026-03-31',
      node: { __typename: 'PerformanceGoal' },
    });
    expect(item!.title).toBe('农村公路提档升级专项资金车站街道区域绩效目标（2025年度自评结果汇总）');
    for (const other of ['transport.zhangdian', 'transport.gongyuan', 'finance.chezhan', 'unit.chezhan'])
      expect((await inbox(other, ['COMPILATION_DUE'])).map((i) => i.node.id)).not.toContain(id);
    // Once compiled (a self-evaluation of the regional goal stands), it awaits nobody.
    await withoutTriggers(async () => {
      await copyRow('evaluation', childEval, {
        goal_id: regional.id,
        evaluator_organization_id: await orgOf('transport.chezhan'),
      });
    });
    expect((await inbox('transport.chezhan')).map((i) => i.node.id)).not.toContain(id);
    // …and the overall goal, with a regional result in, is due for the fund's department.
    const [overall] = await app.sql<{ id: string }>(
      'SELECT parent_goal_id AS id FROM performance_goal WHERE id = $1',
      [regional.id],
    );
    expect(await inbox('transport.zhangdian', ['COMPILATION_DUE'])).toMatchObject([
      { kind: 'COMPILATION_DUE', node: { id: gid('PerformanceGoal', overall.id) } },
    ]);
  });

  test('FINDING_* — feedback by the evaluating body, the answer by the evaluated body, verification by finance (DOMAIN §13)', async () => {
    const [source] = await app.sql<{ id: string; goal_id: string; tenant_id: string; region_path: string }>(
      `SELECT e.id, e.goal_id, e.tenant_id, e.region_path FROM evaluation e WHERE e.kind = 'SELF' AND e.status = 'REVIEWED'`,
    );
    const [goal] = await app.sql<{ region_id: string; name: string }>(
      'SELECT region_id, name FROM performance_goal WHERE id = $1',
      [source.goal_id],
    );
    const parties = {
      feedback: await orgOf('agri.zichuan'),
      responsible: await orgOf('unit.zichuan'),
      verifier: await orgOf('finance.zichuan'),
    };
    const insert = async (state: string, description: string) =>
      (
        await app.sql<{ id: string }>(
          `INSERT INTO result_finding (tenant_id, id, source_kind, source_id, goal_id, year, region_id, region_path,
             feedback_organization_id, responsible_organization_id, verifier_organization_id, description, completed_on,
             feedback_due_on, rectification_due_on, state, feedback, feedback_given_on, response, responded_on)
           VALUES ($1, gen_random_uuid(), 'EVALUATION', gen_random_uuid(), $2, 2025, $3, $4, $5, $6, $7, $8, '2026-01-10',
             '2026-02-10', '2026-04-10', $9, $10, $11, $12, $13) RETURNING id`,
          [
            source.tenant_id,
            source.goal_id,
            goal.region_id,
            source.region_path,
            parties.feedback,
            parties.responsible,
            parties.verifier,
            description,
            state,
            state === 'OPEN' ? null : '请整改',
            state === 'OPEN' ? null : '2026-02-01',
            state === 'RESPONDED' ? '已整改' : null,
            state === 'RESPONDED' ? '2026-03-01' : null,
          ],
        )
      )[0].id;
    const open = gid('Finding', await insert('OPEN', '满意度调查样本不足'));
    const given = gid('Finding', await insert('FEEDBACK_GIVEN', '资金拨付滞后'));
    const responded = gid('Finding', await insert('RESPONDED', '台账不完整'));
    const ids = async (login: string) => (await inbox(login)).map((i) => i.node.id);

    const feedback = (await inbox('agri.zichuan')).filter((i) => i.kind.startsWith('FINDING'));
    expect(feedback).toMatchObject([
      {
        kind: 'FINDING_FEEDBACK',
        dueOn: '2026-02-10',
        title: `${goal.name}：满意度调查样本不足`,
        node: { id: open, __typename: 'Finding' },
      },
    ]);
    expect((await inbox('unit.zichuan')).filter((i) => i.kind.startsWith('FINDING'))).toMatchObject([
      { kind: 'FINDING_RESPONSE', dueOn: '2026-04-10', node: { id: given } },
    ]);
    expect((await inbox('finance.zichuan')).filter((i) => i.kind.startsWith('FINDING'))).toMatchObject([
      { kind: 'FINDING_VERIFICATION', dueOn: null, node: { id: responded } },
    ]);
    // Finance above and the audit office see the findings through jurisdiction, but none awaits them.
    for (const other of ['finance.zibo', 'audit.zibo', 'edu.zichuan'])
      expect(await ids(other)).toEqual(expect.not.arrayContaining([open, given, responded]));
  });
});

describe('one connection over every kind', () => {
  test('kinds filter, a cursor across kinds, totalCount, statements independent of the page size', async () => {
    const all = await inbox('transport.zhangdian');
    expect(new Set(all.map((i) => i.kind)).size).toBeGreaterThan(1);
    expect(all.map((i) => i.kind)).toEqual(expect.arrayContaining(['GOAL_REVIEW', 'EVALUATION_REVIEW']));
    // Oldest waiting first.
    const since = all.map((i) => i.since);
    expect([...since].sort()).toEqual(since);
    expect((await inbox('transport.zhangdian', ['GOAL_REVIEW'])).every((i) => i.kind === 'GOAL_REVIEW')).toBe(
      true,
    );

    const pages: string[] = [];
    let after: string | null = null;
    const counts: number[] = [];
    do {
      const res: Awaited<ReturnType<typeof app.gql<InboxData>>> = await app.gql<InboxData>(
        INBOX,
        { first: 1, after },
        { as: 'transport.zhangdian' },
      );
      counts.push(res.extensions!.sqlStatements!);
      expect(res.data!.myInbox.totalCount).toBe(all.length);
      pages.push(...res.data!.myInbox.edges.map((e) => e.node.node.id));
      after = res.data!.myInbox.pageInfo.hasNextPage ? res.data!.myInbox.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(all.map((i) => i.node.id));

    const big = await app.gql<InboxData>(INBOX, { first: 100 }, { as: 'transport.zhangdian' });
    const small = await app.gql<InboxData>(INBOX, { first: 1 }, { as: 'transport.zhangdian' });
    expect(big.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });

  test('a forged cursor or page size is bad input on its argument; no token is refused', async () => {
    const bad = await app.gql(INBOX, { first: 5, after: 'bm90LWEtY3Vyc29y' }, { as: 'finance.zibo' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const big = await app.gql(INBOX, { first: 1000 }, { as: 'finance.zibo' });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const anonymous = await app.gql(INBOX, { first: 5 });
    expect(anonymous.data?.myInbox ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
