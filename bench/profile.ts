import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';

/**
 * BENCH_PROFILE=1: a V8 CPU profile of one scenario (the server runs in this process, so it shows the
 * server's work too). The file opens in Chrome DevTools or VS Code; `summarizeProfile` gives the share of
 * self time per package, which is usually enough to see where the time goes.
 */
export async function profiled<T>(
  file: string,
  work: () => Promise<T>,
): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/** Self time per package (node_modules name, `src/<module>`, `bench`, node internals, GC), largest first. */
export function summarizeProfile(profile: Profiler.Profile, top = 12): { bucket: string; share: number }[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const delta = deltas[i] ?? 0;
    const node = nodes.get(id);
    if (!node) return;
    const key = bucketOf(node.callFrame);
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
    total += delta;
  });
  return [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([bucket, time]) => ({ bucket, share: Math.round((1000 * time) / total) / 10 }));
}

function bucketOf(frame: Profiler.ProfileNode['callFrame']): string {
  const special = ['(garbage collector)', '(idle)', '(program)', '(root)'];
  if (special.includes(frame.functionName)) return frame.functionName;
  const url = frame.url;
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  // The service's own code by module (src/rollup, src/evaluation, src/goals, …), the rest by folder.
  const ownModule = /\/dist\/src\/([^/]+)\//.exec(url);
  if (ownModule) return `src/${ownModule[1]}`;
  const own = /\/dist\/(src|bench|seeds|migrations)\//.exec(url);
  if (own) return own[1];
  if (url.startsWith('node:')) return 'node internals';
  return url;
}
