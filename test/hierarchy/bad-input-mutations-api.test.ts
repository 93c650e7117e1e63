/**
 * Bad input on every hierarchy mutation: each case answers with user errors that carry a stable code,
 * the input field, a Chinese `message` and an English `messageEn` — and writes nothing (every table the
 * mutations touch is counted and digested before and after). The cases: bad-input-*-cases.ts.
 */
import { expectBadInput, MUTATIONS, useBadInputFixtures } from './bad-input-fixtures';
import { organizationCases } from './bad-input-organization-cases';
import { regionCases } from './bad-input-region-cases';
import { userCases } from './bad-input-user-cases';

useBadInputFixtures();

describe('bad input on region mutations', () => {
  test.each(regionCases)('$mutation: $name', expectBadInput);
});

describe('bad input on organization mutations', () => {
  test.each(organizationCases)('$mutation: $name', expectBadInput);
});

describe('bad input on user mutations', () => {
  test.each(userCases)('$mutation: $name', expectBadInput);
});

test('every mutation has bad-input cases', () => {
  const covered = new Set([...regionCases, ...organizationCases, ...userCases].map((c) => c.mutation));
  expect([...covered].sort()).toEqual(Object.keys(MUTATIONS).sort());
});
