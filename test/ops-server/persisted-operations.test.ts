import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash, loadManifest } from '../../src/app/persisted-operations';
import { TestApp } from '../harness/app';

// Issue 16 "Persisted operations": deployed UIs send ids, not documents; production can allow only those.

const ME = 'query Me { me { user { login } } }';
const DEEP = `query Deep { __schema { types { fields { type ${'{ ofType '.repeat(14)}{ name }${' }'.repeat(14)} } } } }`;
// The harness's sign-in document (test/harness/app.ts): a deployed UI's manifest lists its login too.
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }';
const dir = mkdtempSync(join(tmpdir(), 'jixiao-persisted-'));
const manifestFile = join(dir, 'persisted-documents.json');
writeFileSync(
  manifestFile,
  JSON.stringify({
    [documentHash(LOGIN)]: LOGIN,
    [documentHash(ME)]: ME,
    [`sha256:${documentHash(DEEP)}`]: DEEP,
  }),
);

interface Answer {
  data?: { me?: { user: { login: string } } };
  errors?: { extensions?: { code?: string } }[];
}

async function post(app: TestApp, body: Record<string, unknown>, login = 'finance.zibo') {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.tokenFor(login)}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe.each(['allow', 'only'])('PERSISTED_OPERATIONS=%s', (mode) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ PERSISTED_OPERATIONS: mode, PERSISTED_OPERATIONS_FILE: manifestFile });
  });
  afterAll(async () => {
    await app.stop();
  });

  test('a known id runs its document (documentId, APQ extension, GET)', async () => {
    const byId = await post(app, { documentId: `sha256:${documentHash(ME)}` });
    expect(byId.body.data?.me?.user.login).toBe('finance.zibo');
    const apq = await post(app, {
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(ME) } },
    });
    expect(apq.body.data?.me?.user.login).toBe('finance.zibo');
    const get = await fetch(`${app.server.url}?documentId=${documentHash(ME)}`, {
      headers: {
        authorization: `Bearer ${await app.tokenFor('finance.zibo')}`,
        'apollo-require-preflight': '1',
      },
    });
    expect(((await get.json()) as Answer).data?.me?.user.login).toBe('finance.zibo');
  });

  test('an unknown id is PERSISTED_QUERY_NOT_FOUND', async () => {
    const res = await post(app, { documentId: 'f'.repeat(64) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  // The query limits (issue 8 item 2) apply to persisted documents like to any other.
  test('a persisted document still meets the depth limit', async () => {
    const res = await post(app, { documentId: documentHash(DEEP) });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  test(`a free-form document is ${mode === 'only' ? 'refused' : 'accepted'}`, async () => {
    const res = await post(app, { query: '{ me { user { login displayName } } }' });
    if (mode === 'only') {
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      expect(res.body.data).toBeUndefined();
    } else {
      expect(res.body.data?.me?.user.login).toBe('finance.zibo');
    }
    // A document that is in the manifest is accepted in full, in both modes.
    expect((await post(app, { query: ME })).body.data?.me?.user.login).toBe('finance.zibo');
  });
});

test('a manifest whose ids are not the documents\u2019 hashes is refused (the start-up stops)', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ['0'.repeat(64)]: ME }));
  expect(() => loadManifest(bad)).toThrow(/not the SHA-256/);
});
