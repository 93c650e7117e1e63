/**
 * Inputs that do not pass GraphQL validation never reach a resolver (nothing written), and the input
 * checks of pagination and lookups (DOMAIN §16: cursor pagination, first ≤ 100).
 */
import { app, f, MISSING, snapshot, useBadInputFixtures } from './bad-input-fixtures';

useBadInputFixtures();

// Inputs that do not pass GraphQL validation never reach a resolver

interface GraphQLCase {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  code: string;
}

const graphqlCases: GraphQLCase[] = [
  {
    name: 'createRegion without code (literal input)',
    query: `mutation { createRegion(input: { parentId: "x", level: TOWNSHIP, name: "新建街道" }) { region { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'createRegion without code (variables)',
    query: `mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id } } }`,
    variables: () => ({ input: { parentId: f.region['370303'], level: 'TOWNSHIP', name: '新建街道' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createRegion with an unknown level',
    query: `mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { id } } }`,
    variables: () => ({
      input: { parentId: f.region['370303'], level: 'VILLAGE', name: '新村', code: '370303301' },
    }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateRegion without expectedVersion',
    query: `mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { region { id } } }`,
    variables: () => ({ input: { id: f.region['370303002'], name: '公园新街道' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'updateRegion with a non-integer expectedVersion',
    query: `mutation { updateRegion(input: { id: "x", expectedVersion: "two", name: "公园新街道" }) { region { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'createOrganization with an unknown kind',
    query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    variables: () => ({ input: { regionId: f.region['370303001'], kind: 'BANK', name: '银行' } }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'createUser without password',
    query: `mutation { createUser(input: { organizationId: "x", login: "new.clerk", displayName: "新用户" }) { user { id } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'deleteOrganization without input',
    query: `mutation { deleteOrganization { deletedId } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];

describe('missing or mistyped GraphQL fields', () => {
  test.each(graphqlCases)('$name → $code, nothing written', async ({ query, variables, code }) => {
    const before = await snapshot();
    const res = await app.gql(query, variables ? variables() : {}, { as: 'admin.zhangdian' });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------
// Pagination and lookup input (DOMAIN §16: cursor pagination, first ≤ 100)

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const queryInputCases: { name: string; query: string; variables?: () => Record<string, unknown> }[] = [
  { name: 'regions(first: 101)', query: '{ regions(first: 101) { totalCount } }' },
  { name: 'regions(first: -1)', query: '{ regions(first: -1) { totalCount } }' },
  { name: 'regions(last: 101)', query: '{ regions(last: 101) { totalCount } }' },
  { name: 'regions(first and last)', query: '{ regions(first: 2, last: 2) { totalCount } }' },
  { name: 'regions(after: garbage)', query: '{ regions(first: 2, after: "garbage") { nodes { id } } }' },
  { name: 'regions(before: garbage)', query: '{ regions(last: 2, before: "%%%") { nodes { id } } }' },
  {
    name: 'regions(after: a cursor that is JSON but not a cursor)',
    query: 'query($after: String) { regions(first: 2, after: $after) { nodes { id } } }',
    variables: () => ({ after: cursorOf({ code: '370303' }) }),
  },
  {
    name: 'regions(after: a forged cursor whose id is not a uuid)',
    query: 'query($after: String) { regions(first: 2, after: $after) { nodes { id } } }',
    variables: () => ({ after: cursorOf(['370303', 'not-a-uuid']) }),
  },
  {
    name: 'regions(after: a forged CREATED_AT cursor whose value is not a time)',
    query:
      'query($after: String) { regions(first: 2, after: $after, orderBy: { field: CREATED_AT }) { nodes { id } } }',
    variables: () => ({ after: cursorOf(['not-a-time', MISSING]) }),
  },
  {
    name: 'region with both id and code',
    query: 'query($id: ID) { region(id: $id, code: "370303") { id } }',
    variables: () => ({ id: f.region['370303'] }),
  },
  { name: 'region with neither id nor code', query: '{ region { id } }' },
];

describe('pagination and lookup input', () => {
  test.each(queryInputCases)('$name → BAD_USER_INPUT', async ({ query, variables }) => {
    const res = await app.gql(query, variables ? variables() : {}, { as: 'admin.zibo' });
    expect(res.errors).toHaveLength(1);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    // issue 11 item 4: the message is English, its Chinese in extensions.messageZh (never mixed)
    expect(error?.extensions?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    // No result: data is null (non-null connection) or the nullable root field is null.
    expect(Object.values(res.data ?? {}).filter((value) => value !== null)).toEqual([]);
  });
});
