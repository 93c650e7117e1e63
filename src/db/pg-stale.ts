import { existsSync, readFileSync, rmSync } from 'node:fs';
import { StartupError } from './startup-errors';

/** What `recoverStalePostmaster` found and did, for the log. */
export type StaleOutcome =
  | { kind: 'none' }
  | { kind: 'stale-file-removed'; pid: number }
  | { kind: 'stopped-orphan'; pid: number };

/**
 * After the API process dies without stopping its embedded server (OOM, kill -9), that server keeps
 * running on its own and holds the data folder, so the next start-up used to fail (issue 8, item 4a).
 * Reads `postmaster.pid`: a server of this data folder whose parent is no longer a Node process is an
 * orphan and is stopped (fast shutdown: SIGINT, then SIGQUIT), a server still owned by a running API is
 * refused with a sentence, and a pid file naming a process that is not this folder's server is removed.
 * A pid file of a dead process is left to PostgreSQL, which replaces it itself.
 */
export async function recoverStalePostmaster(dataDir: string): Promise<StaleOutcome> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return { kind: 'none' };
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return { kind: 'none' };
  if (!isServerOf(pid, dataDir)) {
    rmSync(pidFile, { force: true }); // the pid was reused by an unrelated process
    return { kind: 'stale-file-removed', pid };
  }
  const parent = parentOf(pid);
  if (parent !== null && parent > 1 && commandLine(parent).some((a) => /(^|\/)node(js)?$/.test(a)))
    throw new StartupError(
      `Another Jixiao process (pid ${parent}) is already running with the embedded PostgreSQL in ${dataDir}: stop it first, or give this one its own EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.`,
    );
  if (await stop(pid, 'SIGINT', 30_000)) return { kind: 'stopped-orphan', pid };
  if (await stop(pid, 'SIGQUIT', 10_000)) return { kind: 'stopped-orphan', pid };
  throw new StartupError(
    `An embedded PostgreSQL left by an earlier run (pid ${pid}) still holds ${dataDir} and did not stop: stop it with "kill ${pid}" and start again.`,
  );
}

/** Running, and not a zombie left for a parent that does not reap (some containers' PID 1). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    if (existsSync('/proc/self/stat')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** A postmaster started by us runs `<bin>/postgres -D <dataDir> …`. */
function isServerOf(pid: number, dataDir: string): boolean {
  const args = commandLine(pid);
  const d = args.indexOf('-D');
  return /(^|\/)postgres$/.test(args[0] ?? '') && d >= 0 && args[d + 1] === dataDir;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

async function stop(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !alive(pid);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
