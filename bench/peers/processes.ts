import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Cleanup } from '../cleanup';

/**
 * Issue 18: each server of the peers benchmark runs as its own process, so that its memory and CPU are
 * its own (the in-process benchmark mixes server and client). Started with a JSON "ready" line on
 * stdout, stopped with SIGTERM (SIGKILL after 10 s), peak RSS read from /proc/<pid>/status.
 */
export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  /** Wall time from spawn to the ready line (schema built, listening). */
  startMs: number;
  child: ChildProcess;
  /** Waits for the next JSON line that has `key` (profile markers). */
  nextLine: (key: string, timeoutMs?: number) => Promise<Record<string, unknown>>;
  stop: () => Promise<void>;
}

/** Peak and current resident set (MiB) of a process, from /proc (Linux); null elsewhere. */
export function memoryOf(pid: number): { peakRssMiB: number; rssMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return {
      peakRssMiB: Math.round(kib('VmHWM') / 102.4) / 10,
      rssMiB: Math.round(kib('VmRSS') / 102.4) / 10,
    };
  } catch {
    return null;
  }
}

export async function startProcess(options: {
  name: string;
  node: string;
  script: string;
  /** Node.js flags of the process (before the script). */
  args?: string[];
  env: Record<string, string>;
  cleanup: Cleanup;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(options.node, [...(options.args ?? []), options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters: { key: string; resolve: (v: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      // Not one of our lines (V8's --trace-gc, say): kept where BENCH_CHILD_OUTPUT names a file.
      if (process.env.BENCH_CHILD_OUTPUT)
        appendFileSync(process.env.BENCH_CHILD_OUTPUT, `${options.name}: ${line}\n`);
      return;
    }
    // The server's own log lines (pino: `msg`, with BENCH_LOG_LEVEL) are kept there too.
    if (process.env.BENCH_CHILD_OUTPUT && 'msg' in parsed)
      appendFileSync(process.env.BENCH_CHILD_OUTPUT, `${options.name}: ${line}\n`);
    const i = waiters.findIndex((w) => w.key in parsed);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(parsed);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const nextLine = (key: string, timeoutMs = 120_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`${options.name}: no "${key}" line within ${timeoutMs} ms; stderr: ${stderr}`)),
        timeoutMs,
      );
      void exit.then(() =>
        reject(new Error(`${options.name} exited (code ${child.exitCode}); stderr: ${stderr}`)),
      );
      waiters.push({
        key,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(killer);
  };
  options.cleanup.add(`stop ${options.name} (pid ${child.pid})`, stop);
  const ready = await nextLine('ready', options.timeoutMs ?? 180_000);
  const startMs = performance.now() - started;
  options.log(
    `${options.name}: pid ${child.pid}, ready at ${String(ready.url)} in ${(startMs / 1000).toFixed(1)} s`,
  );
  return { name: options.name, pid: child.pid!, url: String(ready.url), startMs, child, nextLine, stop };
}
