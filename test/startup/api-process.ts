import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The API started as `npm start` would, from source (SWC), in a child process with its own env. */
export interface ApiProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr, interleaved). */
  output: () => string;
  /** stderr lines that are not JSON log lines: what a person reads. */
  plainErrors: () => string[];
  /** Resolves with the GraphQL URL once the API logs "Jixiao API ready"; rejects if it exits first. */
  ready: (timeoutMs?: number) => Promise<string>;
  exited: Promise<number | null>;
}

export function startApi(env: Record<string, string>, cwd = ROOT): ApiProcess {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '..', 'harness', 'swc-register.js'), join(ROOT, 'src', 'main.ts')],
    {
      cwd,
      // Only what we pass: never the DATABASE_URL of the test run itself.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let all = '';
  let errors = '';
  child.stdout?.on('data', (c: Buffer) => (all += c.toString()));
  child.stderr?.on('data', (c: Buffer) => {
    all += c.toString();
    errors += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => all,
    plainErrors: () => errors.split('\n').filter((l) => l.trim() && !l.startsWith('{')),
    exited,
    ready: (timeoutMs = 45_000) =>
      new Promise<string>((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = setInterval(() => {
          const url = /"url":"([^"]+)"[^\n]*"msg":"Jixiao API ready"/.exec(all)?.[1];
          if (url || child.exitCode !== null || Date.now() > deadline) {
            clearInterval(poll);
            if (url) resolve(url);
            else reject(new Error(`API not ready (exit ${child.exitCode}):\n${all}`));
          }
        }, 100);
      }),
  };
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A stack trace line, as Node prints them ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at .+[:(]/m;
