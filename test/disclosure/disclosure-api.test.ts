/**
 * Disclosure through the API (DOMAIN §14, P5 谁主管、谁负责、谁公开; 002 第二十九条; 003 第二十七条, 转移支付
 * 第三十五条; 004 四(四)): who may classify, publish and withdraw (both ways), what is refused with a stable
 * code and nothing written, the list of what is due, and the public reads without a token.
 */
import { useTestApp } from '../harness/app';
import { organizationOfLogin } from '../harness/ids';
import {
  CLASSIFY,
  disclose,
  disclosureRow,
  evaluationGid,
  finalizeFinanceEvaluation,
  goalGid,
  OVERALL_GOAL,
  PROJECT_GOAL,
  PUBLISH,
  uuidOf,
  WITHDRAW,
  ZICHUAN_DEPT_GOAL,
} from './fixtures';

const app = useTestApp();

const DUE = `query($year: Int!) { publicationDue(year: $year, first: 100) { totalCount nodes { subjectId subjectType name year responsibleOrganization { id } subject { id } } } }`;
const PUBLIC_GOALS = `query($code: String!, $year: Int!) { publicGoals(regionCode: $code, year: $year) { nodes { id name organizationName annualObjective annualAmount publishedOn indicators { name target unit } } } }`;

async function audits(gid: string): Promise<string[]> {
  const rows = await app.sql<{ action: string }>(
    `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'DISCLOSURE_%' ORDER BY occurred_at, action`,
    [uuidOf(gid)],
  );
  return rows.map((r) => r.action);
}

describe('P5: only the responsible department discloses (003 转移支付 第三十五条)', () => {
  // DOMAIN §14, P5: a project goal is disclosed by its department (张店区交通运输局), nobody else.
  test.each([
    ['unit.zhangdian', 'FORBIDDEN'], // the implementing unit
    ['finance.zhangdian', 'FORBIDDEN'], // finance: not its goal
    ['agri.zhangdian', 'FORBIDDEN'], // another department
    ['transport.zibo', 'FORBIDDEN'], // the city's department above it
    ['audit.zhangdian', 'FORBIDDEN'], // audit offices write nothing (003 第七条)
    ['thirdparty.zibo', 'FORBIDDEN'],
    [undefined, 'UNAUTHENTICATED'],
  ])('%s may not publish a department’s project goal; nothing written', async (login, code) => {
    const id = await goalGid(app, PROJECT_GOAL);
    const before = await app.tableDigests();
    for (const m of [PUBLISH, CLASSIFY]) {
      const input =
        m === PUBLISH
          ? { subjectId: id, on: '2025-03-01' }
          : { subjectId: id, classified: true, reason: '涉密' };
      const { payload, errors } = await disclose(app, m, input, login);
      const codes = [...errors, ...(payload?.userErrors ?? []).map((e) => e.code)];
      expect(codes).toEqual([code]);
      if (payload?.userErrors.length) expect(payload.userErrors[0].principle).toBe('P5');
    }
    expect(await app.tableDigests()).toEqual(before);
  });

  test('the department publishes its goal with a date and withdraws it; both audited (DOMAIN §14, §15)', async () => {
    const id = await goalGid(app, PROJECT_GOAL);
    const published = await disclose(
      app,
      PUBLISH,
      { subjectId: id, on: '2025-03-01' },
      'transport.zhangdian',
    );
    expect(published.payload?.userErrors).toEqual([]);
    expect(published.payload?.disclosure).toMatchObject({ publishedOn: '2025-03-01', withdrawnOn: null });
    expect(await disclosureRow(app, id)).toEqual({
      classified: false,
      published_on: '2025-03-01',
      withdrawn_on: null,
    });
    const goals = await app.gql<{ publicGoals: { nodes: { id: string }[] } }>(PUBLIC_GOALS, {
      code: '370303',
      year: 2025,
    });
    expect(goals.errors).toBeUndefined();
    expect(goals.data?.publicGoals.nodes.map((g) => g.id)).toContain(id);

    const withdrawn = await disclose(
      app,
      WITHDRAW,
      { subjectId: id, on: '2025-04-01' },
      'transport.zhangdian',
    );
    expect(withdrawn.payload?.userErrors).toEqual([]);
    expect(await disclosureRow(app, id)).toEqual({
      classified: false,
      published_on: '2025-03-01',
      withdrawn_on: '2025-04-01',
    });
    const after = await app.gql<{ publicGoals: { nodes: { id: string }[] } }>(PUBLIC_GOALS, {
      code: '370303',
      year: 2025,
    });
    expect(after.data?.publicGoals.nodes.map((g) => g.id)).not.toContain(id);
    expect(await audits(id)).toEqual(['DISCLOSURE_PUBLISH', 'DISCLOSURE_WITHDRAW']);
  });

  test('finance publishes its own finance evaluation once completed; the department may not (P5)', async () => {
    const id = await evaluationGid(app, 'FINANCE', 'SUBMITTED');
    // DOMAIN §14: a preliminary (SUBMITTED) result is not published yet — nothing written.
    const before = await app.tableDigests();
    const early = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-01' }, 'finance.zhangdian');
    expect(early.payload?.userErrors.map((e) => e.code)).toEqual(['WORKFLOW_VIOLATION']);
    expect(await app.tableDigests()).toEqual(before);
    // Arranged: the evaluation finalized (002 第二十六条(二)); its workflow is tested in test/evaluation.
    await finalizeFinanceEvaluation(app, uuidOf(id));
    const other = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-01' }, 'transport.zhangdian');
    expect(other.payload?.userErrors.map((e) => [e.code, e.principle])).toEqual([['FORBIDDEN', 'P5']]);
    expect(await disclosureRow(app, id)).toBeUndefined();
    const own = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-01' }, 'finance.zhangdian');
    expect(own.payload?.userErrors).toEqual([]);
    expect(own.payload?.disclosure?.publishedOn).toBe('2026-03-01');
    expect(await disclosureRow(app, id)).toMatchObject({ published_on: '2026-03-01' });
    expect(await audits(id)).toEqual(['DISCLOSURE_PUBLISH']);
  });

  test('a unit’s reviewed self-evaluation is published by its department (003 第二十七条)', async () => {
    const id = await evaluationGid(app, 'SELF', 'REVIEWED');
    const unit = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-02' }, 'unit.zichuan');
    expect(unit.payload?.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']); // issue 11 item 4: shield refusal in the payload
    expect(unit.errors).toEqual([]);
    const finance = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-02' }, 'finance.zichuan');
    expect(finance.payload?.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await disclosureRow(app, id)).toBeUndefined();
    const dept = await disclose(app, PUBLISH, { subjectId: id, on: '2026-03-02' }, 'agri.zichuan');
    expect(dept.payload?.userErrors).toEqual([]);
    expect(await disclosureRow(app, id)).toMatchObject({ published_on: '2026-03-02' });
  });
});

describe('bad input: a stable code, nothing written (issue 13 "Bad input")', () => {
  test('a classified item is never published (DOMAIN §14, P5); classifying is audited with its reason', async () => {
    const id = await goalGid(app, OVERALL_GOAL);
    const noReason = await disclose(
      app,
      CLASSIFY,
      { subjectId: id, classified: true },
      'transport.zhangdian',
    );
    expect(noReason.payload?.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.reason'],
    ]);
    const marked = await disclose(
      app,
      CLASSIFY,
      { subjectId: id, classified: true, reason: '涉及国家秘密' },
      'transport.zhangdian',
    );
    expect(marked.payload?.userErrors).toEqual([]);
    const before = await app.tableDigests();
    const refused = await disclose(app, PUBLISH, { subjectId: id, on: '2025-03-01' }, 'transport.zhangdian');
    expect(refused.payload?.userErrors.map((e) => [e.code, e.principle])).toEqual([
      ['WORKFLOW_VIOLATION', 'P5'],
    ]);
    expect(await app.tableDigests()).toEqual(before);
    expect(await disclosureRow(app, id)).toEqual({
      classified: true,
      published_on: null,
      withdrawn_on: null,
    });
    const [audit] = await app.sql<{ after: { classifiedReason: string } }>(
      `SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'DISCLOSURE_CLASSIFY'`,
      [uuidOf(id)],
    );
    expect(audit.after.classifiedReason).toBe('涉及国家秘密');
  });

  test.each([
    ['an unapproved (submitted) self-evaluation', 'SUBMITTED_SELF', '2025-03-01', 'WORKFLOW_VIOLATION'],
    ['a malformed date', 'DEPT_GOAL', '2025-02-30', 'BAD_USER_INPUT'],
    ['an unknown id', 'UNKNOWN', '2025-03-01', 'NOT_FOUND'],
  ])('publishing %s is refused', async (_what, which, on, code) => {
    const id =
      which === 'SUBMITTED_SELF'
        ? await evaluationGid(app, 'SELF', 'SUBMITTED')
        : which === 'DEPT_GOAL'
          ? await goalGid(app, ZICHUAN_DEPT_GOAL)
          : 'bm90aGluZw';
    const login = which === 'DEPT_GOAL' ? 'agri.zichuan' : 'transport.zhangdian';
    const before = await app.tableDigests();
    const { payload } = await disclose(app, PUBLISH, { subjectId: id, on }, login);
    expect(payload?.userErrors.map((e) => e.code)).toEqual([code]);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('withdrawing what is not published is refused', async () => {
    const id = await goalGid(app, ZICHUAN_DEPT_GOAL);
    const before = await app.tableDigests();
    const { payload } = await disclose(app, WITHDRAW, { subjectId: id, on: '2025-03-01' }, 'agri.zichuan');
    expect(payload?.userErrors.map((e) => e.code)).toEqual(['WORKFLOW_VIOLATION']);
    expect(await app.tableDigests()).toEqual(before);
  });

  test('a public read with a malformed region code or page is refused', async () => {
    for (const vars of [
      { code: "3703'; --", year: 2025 },
      { code: '370303', year: 99999 },
    ]) {
      const res = await app.gql(PUBLIC_GOALS, vars);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

test('publicationDue lists the issued, unclassified, never-published items of the year (DOMAIN §14)', async () => {
  type Due = {
    subjectId: string;
    responsibleOrganization: { id: string } | null;
    subject: { id: string } | null;
  };
  const res = await app.gql<{ publicationDue: { totalCount: number; nodes: Due[] } }>(
    DUE,
    { year: 2025 },
    { as: 'transport.zhangdian' },
  );
  expect(res.errors).toBeUndefined();
  const due = res.data!.publicationDue.nodes.map((d) => d.subjectId);
  expect(res.data!.publicationDue.totalCount).toBe(due.length);
  // Published (then withdrawn) and classified goals are not due; the other issued goals are.
  expect(due).not.toContain(await goalGid(app, PROJECT_GOAL));
  expect(due).not.toContain(await goalGid(app, OVERALL_GOAL));
  expect(due).toContain(await goalGid(app, '车站街道农村公路提档升级工程绩效目标'));
  const mine = await organizationOfLogin(app, 'transport.zhangdian');
  const item = res.data!.publicationDue.nodes.find((d) => d.subjectId === due[0]);
  // Issue 11 item 7: the responsible department and the item itself are objects, not bare ids.
  expect(item?.responsibleOrganization?.id).toBe(mine);
  expect(item?.subject?.id).toBe(due[0]);
  const anonymous = await app.gql(DUE, { year: 2025 });
  expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
});

test('publicationDue pages by keyset (first/after): the pages put together are the whole list, in order', async () => {
  const PAGE = `query($after: String) { publicationDue(year: 2025, first: 1, after: $after) {
    nodes { subjectId } pageInfo { hasNextPage endCursor } } }`;
  const whole = await app.gql<{ publicationDue: { nodes: { subjectId: string }[] } }>(
    DUE,
    { year: 2025 },
    { as: 'finance.zhangdian' },
  );
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i += 1) {
    const res: {
      data?: {
        publicationDue: {
          nodes: { subjectId: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    } = await app.gql(PAGE, { after }, { as: 'finance.zhangdian' });
    seen.push(...res.data!.publicationDue.nodes.map((n) => n.subjectId));
    if (!res.data!.publicationDue.pageInfo.hasNextPage) break;
    after = res.data!.publicationDue.pageInfo.endCursor;
  }
  expect(seen.length).toBeGreaterThan(1);
  expect(seen).toEqual(whole.data!.publicationDue.nodes.map((n) => n.subjectId));
});
