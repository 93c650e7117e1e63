import { INBOX_KINDS, InboxItemKind } from '../inbox.enums';

/**
 * The inbox (待办, issue 11 item 3) as pure rules: one ordering over every kind — oldest waiting first
 * (`since`), then the kind's place in `InboxItemKind`, then the object's id — so one cursor pages through
 * all kinds at once, and each kind's query reads only what can follow the cursor.
 */

/** A row a kind's query returned: when it started waiting, its id, and what names and dates it. */
export interface InboxRow<T = unknown> {
  kind: InboxItemKind;
  /** ISO instant with microseconds, as PostgreSQL stores it (UTC). */
  since: string;
  id: string;
  entity: T;
  title: string;
  dueOn: string | null;
}

/** Decoded cursor: the last item of the previous page. */
export interface InboxCursor {
  since: string;
  kind: InboxItemKind;
  id: string;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const kindOrder = (kind: InboxItemKind): number => INBOX_KINDS.indexOf(kind);

export function encodeInboxCursor(row: Pick<InboxRow, 'since' | 'kind' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.since, row.kind, row.id]), 'utf8').toString('base64url');
}

/** A forged or foreign cursor decodes to null (the caller refuses it as bad input). */
export function decodeInboxCursor(cursor: string): InboxCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [since, kind, id] = parsed as unknown[];
    if (typeof since !== 'string' || !ISO_MICROS.test(since) || Number.isNaN(Date.parse(since))) return null;
    if (typeof kind !== 'string' || !INBOX_KINDS.includes(kind as InboxItemKind)) return null;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return { since, kind: kind as InboxItemKind, id };
  } catch {
    return null;
  }
}

/**
 * Which rows of `kind` can follow the cursor, as a comparison on (since, id): a kind ordered after the
 * cursor's takes rows from the same instant on (`>=` on since), one before it only later ones (`>`), the
 * cursor's own kind the rows after (since, id).
 */
export function afterCursor(kind: InboxItemKind, cursor: InboxCursor): 'SINCE_GTE' | 'SINCE_GT' | 'ROW_GT' {
  const here = kindOrder(kind);
  const there = kindOrder(cursor.kind);
  if (here > there) return 'SINCE_GTE';
  if (here < there) return 'SINCE_GT';
  return 'ROW_GT';
}

/** Compares two rows in inbox order. */
export function compareInboxRows(a: InboxRow, b: InboxRow): number {
  const ta = Date.parse(a.since);
  const tb = Date.parse(b.since);
  if (a.since !== b.since) {
    if (ta !== tb) return ta - tb;
    // Same millisecond: the microseconds decide (fixed-width after padding).
    return micros(a.since) < micros(b.since) ? -1 : 1;
  }
  const k = kindOrder(a.kind) - kindOrder(b.kind);
  if (k !== 0) return k;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function micros(iso: string): string {
  const m = /\.(\d{1,6})Z$/.exec(iso);
  return (m ? m[1] : '').padEnd(6, '0');
}

/** One page over every kind's rows (each already limited to `first + 1` after the cursor). */
export function mergePage<T extends InboxRow>(
  perKind: T[][],
  first: number,
): { page: T[]; hasNextPage: boolean } {
  const all = perKind.flat().sort(compareInboxRows);
  return { page: all.slice(0, first), hasNextPage: all.length > first };
}

/** The facts a title is made of (names are Chinese data, shown as they are). */
export interface TitleFacts {
  goalName?: string | null;
  subjectName?: string | null;
  year?: number | null;
  month?: number | null;
  description?: string | null;
}

const clip = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The line a UI shows for an item: what it is about, in the terms of the forms (DOMAIN §2). */
export function inboxTitle(kind: InboxItemKind, f: TitleFacts): string {
  const goal = f.goalName ?? '';
  switch (kind) {
    case InboxItemKind.GOAL_REVIEW:
      return goal;
    case InboxItemKind.ASSESSMENT_REVIEW:
      return `${f.subjectName ?? ''}（事前绩效评估）`;
    case InboxItemKind.MONITORING_ACKNOWLEDGEMENT:
      return `${goal}（${f.year}年1—${f.month}月绩效监控）`;
    case InboxItemKind.EVALUATION_REVIEW:
      return `${goal}（${f.year}年度单位自评）`;
    case InboxItemKind.COMPILATION_DUE:
      return `${goal}（${f.year}年度自评结果汇总）`;
    default:
      return `${goal}：${clip(f.description ?? '')}`;
  }
}
