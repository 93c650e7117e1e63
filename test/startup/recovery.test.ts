import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi, type ApiProcess } from './api-process';

// Issue 8 item 4a: after the API process dies (OOM, kill -9) its embedded PostgreSQL keeps running and
// holds the data folder; the next `npm start` printed only `undefined`. It must stop that orphan and start.

const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};
const postmasterPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('start-up after a killed API process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-startup-'));
  chmodSync(dir, 0o755); // as root the server runs as the postgres OS user, which must reach the data
  const dataDir = join(dir, 'pg');
  const started: ApiProcess[] = [];
  const serverPids: number[] = [];

  afterAll(async () => {
    for (const api of started) if (api.child.exitCode === null) api.child.kill('SIGKILL');
    for (const pid of serverPids) if (alive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  });

  test('kill -9 of the API, then a new start stops the orphaned server and comes up', async () => {
    const env = {
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_DIR: dataDir,
      DATA_DIR: dir,
      SEED_DEMO: 'false',
    };
    const first = startApi(env);
    started.push(first);
    await first.ready();
    const orphan = postmasterPid(dataDir);
    serverPids.push(orphan);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // the situation of the issue: the server outlives the API

    const second = startApi(env);
    started.push(second);
    const url = await second.ready();
    expect(second.output()).toContain(
      `stopped the embedded PostgreSQL (pid ${orphan}) left running by an earlier run`,
    );
    expect(alive(orphan)).toBe(false);
    const restarted = postmasterPid(dataDir);
    serverPids.push(restarted);
    expect(restarted).not.toBe(orphan);
    const readiness = await fetch(url.replace('/graphql', '/readyz'));
    expect(readiness.status).toBe(200);

    // A clean stop leaves nothing behind: the API exits 0 and its server is gone with its pid file.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(alive(restarted)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
