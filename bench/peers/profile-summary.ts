import type { Profiler } from 'node:inspector';

/**
 * Issue 18 (W5): a V8 CPU profile's self time by library — the npm package, `src/<module>` for the
 * service's own code, `node internals`, the garbage collector, native code — as a share of the busy time
 * (idle time left out: at one connection the server mostly waits for PostgreSQL).
 */
export function summarizeByLibrary(profile: Profiler.Profile, top = 16): { bucket: string; share: number }[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas?.[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const key = bucketOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + delta);
    busy += delta;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([bucket, t]) => ({ bucket, share: Math.round((1000 * t) / busy) / 10 }));
}

function bucketOf(frame: Profiler.ProfileNode['callFrame']): string {
  if (['(garbage collector)', '(program)', '(root)'].includes(frame.functionName)) return frame.functionName;
  const url = frame.url;
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(src|bench|seeds)\/(?:([^/]+)\/)?/.exec(url);
  if (own) return own[1] === 'src' && own[2] ? `src/${own[2]}` : own[1];
  if (url.startsWith('node:')) return 'node internals';
  return url;
}
