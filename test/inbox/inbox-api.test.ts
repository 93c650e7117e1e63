/**
 * 我的待办 (issue 11 item 3): one inbox of everything awaiting the caller's organization, each kind both
 * ways — the awaited organization sees the item (linked to its object through `node`), others who may
 * see the object (its drafter, finance above, a sibling) do not; one cursor pages across kinds, with a
 * number of SQL statements that does not grow with the page size.
 */
import { TestApp } from '../harness/app';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

interface Item {
  kind: string;
  title: string;
  dueOn: string | null;
  since: string;
  node: { id: string; __typename: string };
}

const INBOX = `query($first: Int, $after: String, $kinds: [InboxItemKind!]) {
  myInbox(first: $first, after: $after, kinds: $kinds) {
    totalCount
    edges { cursor node { kind title dueOn since node { id __typename } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type InboxData = {
  myInbox: {
    totalCount: number;
    edges: { cursor: string; node: Item }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

async function inbox(as: string, kinds?: string[]): Promise<Item[]> {
  const res = await app.gql<InboxData>(INBOX, { first: 100, kinds }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.myInbox.edges.map((e) => e.node);
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const orgOf = async (login: string) =>
  (await app.sql<{ id: string }>('SELECT organization_id AS id FROM app_user WHERE login = $1', [login]))[0]
    .id;

/** Copies a row under a new id with some columns changed (owner connection, triggers off for arranging). */
async function copyRow(table: string, id: string, changes: Record<string, unknown>): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `WITH src AS (SELECT to_jsonb(t) AS j FROM ${table} t WHERE t.id = $1)
     INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, src.j || $2::jsonb || jsonb_build_object('id', gen_random_uuid()))).* FROM src
     RETURNING id`,
    [id, JSON.stringify(changes)],
  );
  return row.id;
}

async function withoutTriggers(work: () => Promise<void>): Promise<void> {
  await app.sql('SET session_replication_role = replica');
  try {
    await work();
  } finally {
    await app.sql('SET session_replication_role = DEFAULT');
  }
}

describe('each kind reaches exactly the organization it awaits', () => {
  test('GOAL_REVIEW — the organization at the goal’s current review step (DOMAIN §7, P3)', async () => {
    const [goal] = await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal WHERE name = '公园街道农村公路提档升级工程绩效目标'`,
    );
    const item = (await inbox('transport.zhangdian')).find(
      (i) => i.node.id === gid('PerformanceGoal', goal.id),
    );
    expect(item).toMatchObject({
      kind: 'GOAL_REVIEW',
      title: '公园街道农村公路提档升级工程绩效目标',
      dueOn: null,
    });
    expect(item!.node.__typename).toBe('PerformanceGoal');
    for (const other of ['unit.gongyuan', 'finance.zhangdian', 'finance.zibo', 'transport.gongyuan'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(gid('PerformanceGoal', goal.id));
  });

  test('EVALUATION_REVIEW — the reviewer of a submitted self-evaluation (DOMAIN §10, P4)', async () => {
    const [ev] = await app.sql<{ id: string }>(
      `SELECT id FROM evaluation WHERE kind = 'SELF' AND status = 'SUBMITTED' AND reviewer_organization_id = $1`,
      [await orgOf('transport.zhangdian')],
    );
    const item = (await inbox('transport.zhangdian', ['EVALUATION_REVIEW']))[0];
    expect(item).toMatchObject({
      kind: 'EVALUATION_REVIEW',
      node: { id: gid('Evaluation', ev.id), __typename: 'Evaluation' },
    });
    expect(item.title).toMatch(/2025年度单位自评/);
    for (const other of ['unit.zhangdian', 'finance.zhangdian', 'finance.zibo'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(gid('Evaluation', ev.id));
  });

  test('MONITORING_ACKNOWLEDGEMENT — the same-level finance office acknowledges a submitted report (DOMAIN §9)', async () => {
    const [report] = await app.sql<{ id: string }>(
      `SELECT id FROM monitoring_report WHERE status = 'ACKNOWLEDGED'`,
    );
    let copy = '';
    await withoutTriggers(async () => {
      copy = await copyRow('monitoring_report', report.id, {
        month: 9,
        status: 'SUBMITTED',
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledgement_comment: null,
      });
    });
    const id = gid('MonitoringReport', copy);
    const item = (await inbox('finance.zichuan')).find((i) => i.node.id === id);
    expect(item).toMatchObject({
      kind: 'MONITORING_ACKNOWLEDGEMENT',
      node: { __typename: 'MonitoringReport' },
    });
    expect(item!.title).toMatch(/2025年1—9月绩效监控/);
    // The acknowledged original awaits nobody; the drafter and finance above see neither.
    expect((await inbox('finance.zichuan')).map((i) => i.node.id)).not.toContain(
      gid('MonitoringReport', report.id),
    );
    for (const other of ['agri.zichuan', 'finance.zibo', 'finance.zhangdian'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(id);
  });

  test('ASSESSMENT_REVIEW — finance at the subject’s level, never the assessor or finance above (DOMAIN §6)', async () => {
    const fund = await app.gql<{ createFund: { fund: { id: string } | null } }>(
      `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } } }`,
      {
        input: {
          name: '2025年张店区智慧交通专项资金',
          year: 2025,
          budgetBook: 'GENERAL_PUBLIC',
          category: 'SPECIAL_TRANSFER',
          allocationMethod: 'PROJECT',
          amounts: { upperLevel: '0.00', ownLevel: '5000000.00', lowerLevel: '0.00' },
        },
      },
      { as: 'transport.zhangdian' },
    );
    const fundId = fund.data!.createFund.fund!.id;
    const dims = ['NECESSITY', 'ECONOMY', 'GOAL_REASONABLENESS', 'FEASIBILITY', 'FINANCING_COMPLIANCE'].map(
      (dimension) => ({ dimension, conclusion: '论证充分' }),
    );
    const created = await app.gql<{ createAssessment: { assessment: { id: string } } }>(
      `mutation($input: CreateAssessmentInput!) { createAssessment(input: $input) { assessment { id } } }`,
      { input: { subjectId: fundId, dimensions: dims, score: '85.50' } },
      { as: 'transport.zhangdian' },
    );
    const id = created.data!.createAssessment.assessment.id;
    expect(await inbox('finance.zhangdian', ['ASSESSMENT_REVIEW'])).toEqual([]); // a draft awaits nobody
    const submitted = await app.gql(
      `mutation($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { assessment { status } } }`,
      { input: { id, expectedVersion: 1 } },
      { as: 'transport.zhangdian' },
    );
    expect(submitted.data).toEqual({ submitAssessment: { assessment: { status: 'SUBMITTED' } } });
    expect(await inbox('finance.zhangdian', ['ASSESSMENT_REVIEW'])).toMatchObject([
      {
        kind: 'ASSESSMENT_REVIEW',
        title: '2025年张店区智慧交通专项资金（事前绩效评估）',
        node: { id, __typename: 'ExAnteAssessment' },
      },
    ]);
    for (const other of ['transport.zhangdian', 'finance.zibo', 'finance.zichuan', 'finance.chezhan'])
      expect((await inbox(other)).map((i) => i.node.id)).not.toContain(id);
  });

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
