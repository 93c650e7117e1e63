import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi, type ApiProcess } from './api-process';

// Issue 18: CLUSTER_WORKERS=N runs N worker processes on one port (node:cluster) so the API uses N cores;
// SIGTERM still stops everything cleanly — the workers drain and exit, then the embedded PostgreSQL stops.

/** Live (non-zombie) child processes of a pid, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return fields[0] !== 'Z' && Number(fields[1]) === pid && comm.startsWith('node') ? [Number(d)] : [];
      } catch {
        return [];
      }
    });
}

describe('cluster mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cluster-'));
  chmodSync(dir, 0o755); // as root the server runs as the postgres OS user, which must reach the data
  const dataDir = join(dir, 'pg');
  let api: ApiProcess | null = null;

  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('two workers serve one port; SIGTERM stops the workers, then PostgreSQL, exit 0', async () => {
    api = startApi({
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_DIR: dataDir,
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      CLUSTER_WORKERS: '2',
    });
    const url = await api.ready(90_000);
    const workers = childrenOf(api.child.pid!);
    expect(workers).toHaveLength(2);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown })),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers[0].body).toMatchObject({ data: { __typename: 'Query' } });
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(childrenOf(api.child.pid!)).toEqual([]);
    for (const pid of workers) expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(api.output()).toContain('"workers":[0,0]');
  }, 150_000);
});
