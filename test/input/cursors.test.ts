/**
 * Issue 8 item 8: "malformed cursors … must be a BAD_USER_INPUT … with the field path" — including
 * forged cursors that are well-formed JSON but carry a sort key PostgreSQL cannot compare with the
 * sort column (text for an integer year, a lenient date for a timestamp, a NUL in text, an integer out
 * of range). Each is refused on its argument before any SQL runs; a real cursor still pages.
 */
import { TestApp } from '../harness/app';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await app.stop();
});

const UUID = '00000000-0000-4000-8000-000000000000';
const forge = (value: unknown): string =>
  Buffer.from(`[${JSON.stringify(value) ?? value},"${UUID}"]`).toString('base64url');
const raw = (json: string): string => Buffer.from(json).toString('base64url');

const PROJECTS_BY_YEAR = `query($after: String, $before: String) {
  projects(first: 2, after: $after, before: $before, orderBy: { field: YEAR }) {
    edges { cursor } nodes { name } } }`;
const REGIONS_BY_CREATION = `query($after: String) {
  regions(first: 2, after: $after, orderBy: { field: CREATED_AT }) { nodes { code } } }`;
const REGIONS_BY_NAME = `query($after: String) { regions(first: 2, after: $after) { nodes { code } } }`;

// DOMAIN §16 cursor pagination; issue 8 item 8 stable codes.
test.each([
  ['text key on an integer sort', PROJECTS_BY_YEAR, forge('二〇二五')],
  ['integer key out of range', PROJECTS_BY_YEAR, forge(99999999999)],
  ['infinite key', PROJECTS_BY_YEAR, raw(`[1e400,"${UUID}"]`)],
  ['lenient date on a timestamp sort', REGIONS_BY_CREATION, forge('1')],
  ['NUL in a text key', REGIONS_BY_NAME, forge('a\u0000b')],
  ['not JSON', REGIONS_BY_NAME, raw('[oops')],
  ['id that is no uuid', REGIONS_BY_NAME, raw('["a","b"]')],
])('a forged cursor (%s) is BAD_USER_INPUT on after', async (_label, query, after) => {
  const res = await app.gql(query, { after }, { as: 'admin.zhangdian' });
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
});

test('a real cursor of the integer sort still pages, forwards and backwards', async () => {
  type Page = { projects: { edges: { cursor: string }[]; nodes: { name: string }[] } };
  const first = await app.gql<Page>(PROJECTS_BY_YEAR, {}, { as: 'finance.zhangdian' });
  expect(first.errors).toBeUndefined();
  const edges = first.data!.projects.edges;
  expect(edges.length).toBeGreaterThan(0);
  const next = await app.gql<Page>(
    PROJECTS_BY_YEAR,
    { after: edges[edges.length - 1].cursor },
    { as: 'finance.zhangdian' },
  );
  expect(next.errors).toBeUndefined();
  const back = await app.gql<Page>(
    PROJECTS_BY_YEAR,
    { before: edges[0].cursor },
    { as: 'finance.zhangdian' },
  );
  expect(back.errors).toBeUndefined();
});
