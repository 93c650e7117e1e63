/**
 * Issue 11 item 4 "a refusal comes back one way", issue 10 item 5: an expected refusal of a mutation —
 * the shield's included — comes back in its payload's `userErrors` with the principle of DOMAIN §8 that
 * refused it; a refused query field is null while the rest of the response stands; top-level messages
 * hold one language (English), the Chinese in `extensions.messageZh`.
 */
import { TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

const CREATE_FUND = `mutation($input: CreateFundInput!) {
  createFund(input: $input) { fund { id name } userErrors { code field message messageEn principle reason } } }`;
const fundInput = {
  name: '2025年张店区农村公路养护专项资金（错误处理）',
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', ownLevel: '10000000.00', lowerLevel: '0.00' },
};
const CJK = /[\u4e00-\u9fff]/;
type FundPayload = {
  createFund: {
    fund: { id: string; name: string } | null;
    userErrors: {
      code: string;
      field: string[];
      message: string;
      messageEn: string;
      principle: string | null;
    }[];
  } | null;
};

describe('a shield refusal of a mutation is a user error in its payload (P1, 002 第十条(二))', () => {
  test.each(['finance.zhangdian', 'unit.chezhan', 'audit.zhangdian'])(
    '%s, not a competent department: createFund answers FORBIDDEN P1 in userErrors, no top-level error, nothing written',
    async (login) => {
      const before = await app.tableDigests();
      const res = await app.gql<FundPayload>(CREATE_FUND, { input: fundInput }, { as: login });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createFund?.fund).toBeNull();
      const [error] = res.data!.createFund!.userErrors;
      expect(error).toMatchObject({ code: 'FORBIDDEN', field: [], principle: 'P1' });
      expect(error.message).toMatch(CJK);
      expect(error.messageEn).not.toMatch(CJK);
      expect(await app.tableDigests()).toEqual(before);
    },
  );

  test('the competent department creates the fund (the allowed side)', async () => {
    const res = await app.gql<FundPayload>(CREATE_FUND, { input: fundInput }, { as: 'transport.zhangdian' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.createFund?.userErrors).toEqual([]);
    const [row] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM fund WHERE name = $1', [
      fundInput.name,
    ]);
    expect(row.n).toBe(1);
  });

  test('not signed in stays a top-level UNAUTHENTICATED error (the request, not the form), nothing written', async () => {
    const before = await app.tableDigests();
    const res = await app.gql<FundPayload>(CREATE_FUND, { input: { ...fundInput, name: '匿名' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(res.errors?.[0].message).not.toMatch(CJK);
    expect(res.errors?.[0].extensions?.messageZh).toMatch(/登录/);
    expect(await app.tableDigests()).toEqual(before);
  });
});

describe('a refused query field is null; the rest of the response stands', () => {
  const QUERY = '{ me { user { login } } auditEvents(first: 1) { totalCount } }';

  test('P6 (003 第七条): a unit may not read the audit trail — auditEvents is null, me is answered', async () => {
    const res = await app.gql<{ me: { user: { login: string } } | null; auditEvents: unknown }>(
      QUERY,
      {},
      { as: 'unit.chezhan' },
    );
    expect(res.data?.me?.user.login).toBe('unit.chezhan');
    expect(res.data?.auditEvents).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].path).toEqual(['auditEvents']);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P6' });
    expect(res.errors?.[0].message).not.toMatch(CJK);
    expect(res.errors?.[0].extensions?.messageZh).toMatch(/审计留痕/);
  });

  test('finance reads the audit trail in the same query (the allowed side)', async () => {
    const res = await app.gql<{ auditEvents: { totalCount: number } | null }>(
      QUERY,
      {},
      { as: 'finance.zhangdian' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.auditEvents?.totalCount).toBeGreaterThanOrEqual(0);
  });

  test('a refused argument (policy of year 1900) nulls that field only, with the field path', async () => {
    const res = await app.gql<{ me: unknown; policy: unknown }>(
      '{ me { user { login } } policy(year: 1900) { year } }',
      {},
      { as: 'finance.zhangdian' },
    );
    expect(res.data?.me).not.toBeNull();
    expect(res.data?.policy).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['year'] });
    expect(res.errors?.[0].extensions?.messageZh).toMatch(/年度/);
  });
});
