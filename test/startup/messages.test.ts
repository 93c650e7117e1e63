import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { freePort, STACK_LINE, startApi } from './api-process';

// Issue 8 item 4c: every start-up failure prints one sentence that says what is wrong and what to do —
// never a stack trace — and the exit code is not zero.

async function failedStart(env: Record<string, string>) {
  const api = startApi(env);
  const code = await api.exited;
  return { code, output: api.output(), plain: api.plainErrors() };
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('start-up failures are one sentence, without a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-startup-msg-'));
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a wrong variable names it and says where to look, exit code 2', async () => {
    const { code, output, plain } = await failedStart({ PORT: 'eighty', DATA_DIR: dir });
    expect(code).toBe(2);
    expect(plain).toEqual([
      expect.stringMatching(/^Invalid configuration: PORT: .*fix these environment variables/),
    ]);
    expect(output).not.toMatch(STACK_LINE);
  });

  test('an unreachable DATABASE_URL says so and what to fix', async () => {
    const port = await freePort();
    const { code, output, plain } = await failedStart({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/jixiao`,
      DATA_DIR: dir,
    });
    expect(code).toBe(1);
    expect(plain).toEqual([
      `Start-up failed while connecting to DATABASE_URL: no PostgreSQL server answers at 127.0.0.1:${port} (ECONNREFUSED); start that server or fix DATABASE_URL.`,
    ]);
    expect(output).not.toMatch(STACK_LINE);
  });

  test('an occupied EMBEDDED_PG_PORT is named, before any data is created', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      const dataDir = join(dir, 'pg-unused');
      const { code, output, plain } = await failedStart({
        EMBEDDED_PG_PORT: String(port),
        EMBEDDED_PG_DIR: dataDir,
        DATA_DIR: dir,
      });
      expect(code).toBe(1);
      expect(plain).toEqual([
        `Port ${port} on 127.0.0.1 (EMBEDDED_PG_PORT) is already in use by another program: stop that program or set EMBEDDED_PG_PORT to a free port.`,
      ]);
      expect(output).not.toMatch(STACK_LINE);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  test('an occupied PORT is named once the database is ready', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      const { code, output, plain } = await failedStart({
        DATABASE_URL: db.ownerUrl,
        APP_DATABASE_URL: db.appUrl,
        PORT: String(port),
        SEED_DEMO: 'false',
        DATA_DIR: dir,
      });
      expect(code).toBe(1);
      expect(plain).toEqual([
        `Port ${port} on 127.0.0.1 (PORT) is already in use by another program: stop that program or set PORT to a free port.`,
      ]);
      expect(output).not.toMatch(STACK_LINE);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
