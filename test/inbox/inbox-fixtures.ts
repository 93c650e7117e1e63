/**
 * Shared setup of the inbox API tests (inbox-*-api.test.ts; 我的待办, issue 11 item 3): the inbox query, the
 * caller's items, and owner-side helpers that copy a row with changes (triggers off) to arrange each kind.
 */
import { TestApp } from '../harness/app';

export let app: TestApp;

export interface Item {
  kind: string;
  title: string;
  dueOn: string | null;
  since: string;
  node: { id: string; __typename: string };
}

export const INBOX = `query($first: Int, $after: String, $kinds: [InboxItemKind!]) {
  myInbox(first: $first, after: $after, kinds: $kinds) {
    totalCount
    edges { cursor node { kind title dueOn since node { id __typename } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export type InboxData = {
  myInbox: {
    totalCount: number;
    edges: { cursor: string; node: Item }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export async function inbox(as: string, kinds?: string[]): Promise<Item[]> {
  const res = await app.gql<InboxData>(INBOX, { first: 100, kinds }, { as });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.myInbox.edges.map((e) => e.node);
}

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
export const orgOf = async (login: string) =>
  (await app.sql<{ id: string }>('SELECT organization_id AS id FROM app_user WHERE login = $1', [login]))[0]
    .id;

/** Copies a row under a new id with some columns changed (owner connection, triggers off for arranging). */
export async function copyRow(table: string, id: string, changes: Record<string, unknown>): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `WITH src AS (SELECT to_jsonb(t) AS j FROM ${table} t WHERE t.id = $1)
     INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, src.j || $2::jsonb || jsonb_build_object('id', gen_random_uuid()))).* FROM src
     RETURNING id`,
    [id, JSON.stringify(changes)],
  );
  return row.id;
}

export async function withoutTriggers(work: () => Promise<void>): Promise<void> {
  await app.sql('SET session_replication_role = replica');
  try {
    await work();
  } finally {
    await app.sql('SET session_replication_role = DEFAULT');
  }
}

/** Registers the file's setup (start, arrange, stop): call once at the top of a test file. */
export function useInboxApi(): void {
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });
}
