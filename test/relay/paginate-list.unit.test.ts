/**
 * paginateList (issue 11 item 7; DOMAIN §16 cursor pagination): pages of a list under one parent,
 * loaded in one batch for all parents, with the same cursor rules as the SQL connections.
 */
import { paginateList } from '../../src/common/pagination';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const items = [1, 2, 3, 4, 5].map((n) => ({ id: id(n), code: `C${n}` }));
const page = (args: Parameters<typeof paginateList>[1]) => paginateList(items, args, (i) => i.code);
const codes = (p: ReturnType<typeof page>) => p.nodes.map((n) => n.code);

test('first/after walk the list forward, with page info and the total', async () => {
  const one = page({ first: 2 });
  expect(codes(one)).toEqual(['C1', 'C2']);
  expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(await one.totalCount()).toBe(5);
  const two = page({ first: 2, after: one.pageInfo.endCursor! });
  expect(codes(two)).toEqual(['C3', 'C4']);
  expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  const three = page({ first: 2, after: two.pageInfo.endCursor! });
  expect(codes(three)).toEqual(['C5']);
  expect(three.pageInfo.hasNextPage).toBe(false);
});

test('last/before walk it backward', () => {
  const end = page({ last: 2 });
  expect(codes(end)).toEqual(['C4', 'C5']);
  expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  const before = page({ last: 2, before: end.pageInfo.startCursor! });
  expect(codes(before)).toEqual(['C2', 'C3']);
  expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
});

test('without first the default page size applies; first 0 is an empty page', () => {
  expect(codes(page({}))).toHaveLength(5);
  expect(codes(page({ first: 0 }))).toEqual([]);
});

test.each([
  ['a forged cursor', { after: 'not-a-cursor' }, 'after'],
  [
    'a cursor of an item not in the list',
    { before: Buffer.from(JSON.stringify(['C9', id(9)])).toString('base64url') },
    'before',
  ],
  ['first over 100', { first: 101 }, 'first'],
  ['first and last together', { first: 1, last: 1 }, 'last'],
])('%s is refused as BAD_USER_INPUT on its argument', (_name, args, field) => {
  let thrown: unknown;
  try {
    page(args);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: [field] } });
});
