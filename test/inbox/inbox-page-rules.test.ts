/** The inbox's one order over every kind (issue 11 item 3): pure rules, no database. */
import { InboxItemKind } from '../../src/inbox/inbox.enums';
import {
  afterCursor,
  compareInboxRows,
  decodeInboxCursor,
  encodeInboxCursor,
  inboxTitle,
  mergePage,
  type InboxRow,
} from '../../src/inbox/rules/inbox-page';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (since: string, kind: InboxItemKind, n: number): InboxRow => ({
  since,
  kind,
  id: id(n),
  entity: null,
  title: '',
  dueOn: null,
});

test('oldest waiting first; then the kind’s place; then the id; microseconds count', () => {
  const a = row('2025-03-01T08:00:00.000001Z', InboxItemKind.FINDING_RESPONSE, 1);
  const b = row('2025-03-01T08:00:00.000002Z', InboxItemKind.GOAL_REVIEW, 2);
  const c = row('2025-03-01T08:00:00.000002Z', InboxItemKind.EVALUATION_REVIEW, 1);
  const d = row('2025-03-01T08:00:00.000002Z', InboxItemKind.EVALUATION_REVIEW, 3);
  expect([d, c, b, a].sort(compareInboxRows)).toEqual([a, b, c, d]);
  expect(mergePage([[b, d], [a], [c]], 3)).toEqual({ page: [a, b, c], hasNextPage: true });
  expect(mergePage([[b], [a]], 3)).toEqual({ page: [a, b], hasNextPage: false });
});

test('what follows a cursor, per kind: later kinds from the same instant, earlier kinds only after it', () => {
  const cursor = { since: '2025-03-01T08:00:00.5Z', kind: InboxItemKind.EVALUATION_REVIEW, id: id(1) };
  expect(afterCursor(InboxItemKind.GOAL_REVIEW, cursor)).toBe('SINCE_GT');
  expect(afterCursor(InboxItemKind.EVALUATION_REVIEW, cursor)).toBe('ROW_GT');
  expect(afterCursor(InboxItemKind.FINDING_VERIFICATION, cursor)).toBe('SINCE_GTE');
});

test('cursors round-trip; forged ones decode to null', () => {
  const r = row('2025-03-01T08:00:00.123456Z', InboxItemKind.COMPILATION_DUE, 7);
  expect(decodeInboxCursor(encodeInboxCursor(r))).toEqual({ since: r.since, kind: r.kind, id: r.id });
  for (const forged of [
    'x',
    Buffer.from('[1,2,3]').toString('base64url'),
    Buffer.from(JSON.stringify(['2025-03-01T08:00:00Z', 'NOPE', id(1)])).toString('base64url'),
    Buffer.from(JSON.stringify(['yesterday', 'GOAL_REVIEW', id(1)])).toString('base64url'),
    Buffer.from(JSON.stringify(['2025-03-01T08:00:00Z', 'GOAL_REVIEW', "1' OR 1=1"])).toString('base64url'),
  ])
    expect(decodeInboxCursor(forged)).toBeNull();
});

test('titles name the goal or subject in the forms’ terms (DOMAIN §2)', () => {
  expect(
    inboxTitle(InboxItemKind.MONITORING_ACKNOWLEDGEMENT, { goalName: '农村公路', year: 2025, month: 6 }),
  ).toBe('农村公路（2025年1—6月绩效监控）');
  expect(
    inboxTitle(InboxItemKind.FINDING_FEEDBACK, { goalName: '农村公路', description: '问'.repeat(50) }),
  ).toBe(`农村公路：${'问'.repeat(40)}…`);
});
