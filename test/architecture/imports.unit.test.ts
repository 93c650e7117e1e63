import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALLOWED_UPWARD,
  folderCycles,
  folderGraph,
  importsOf,
  roleOf,
  violation,
  type ImportEdge,
} from './import-graph';

// Issue 10 item 1, STYLE principle 1 and "Lessons measured" (turn 2): arrows point inward. The composition
// root (app/) is imported by nothing in src/ but main.ts; common/, config/, auth/, idempotency/
// (cross-cutting) and db/, tools/ (infrastructure) import no domain module (roles: import-graph.ts).
// Outside src/, tests (test/harness, API and schema tests) and bench/ may import app/: they boot or inspect
// the server as main.ts does. This test reads src/ only. Pure: no database.
// `ARCH_ROOT=/path/to/checkout npx jest test/architecture` measures another tree (before/after numbers).
const root = process.env.ARCH_ROOT ?? resolve(__dirname, '../..');
const edges = importsOf(root);
const between = edges.filter((e) => e.fromFolder !== e.toFolder && e.toFolder !== '(outside)');
const describeEdge = (e: ImportEdge) => `src/${e.from} → ${e.specifier}: ${violation(e)}`;

describe('imports between the folders of src/ point inward', () => {
  test('the import graph is read (a sanity check of the parser)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(between.some((e) => e.from === 'main.ts' && e.toFolder === 'app')).toBe(true);
  });

  test('common/, config/, auth/, idempotency/ and db/ import no domain module; nothing but main.ts imports app/', () => {
    const upward = between.filter((e) => violation(e) !== null);
    const lower = ['cross-cutting', 'infrastructure'];
    const raw = between.filter(
      (e) =>
        (roleOf(e.toFolder) === 'composition' && e.from !== 'main.ts' && e.fromFolder !== 'app') ||
        (lower.includes(roleOf(e.fromFolder)) && roleOf(e.toFolder) === 'domain'),
    );
    const pairs = (list: ImportEdge[]) => new Set(list.map((e) => `${e.fromFolder}>${e.toFolder}`)).size;
    console.warn(
      `folder pairs: ${pairs(between)}, pointing outward: ${pairs(raw)} (violations ${pairs(upward)}); ` +
        `imports between folders: ${between.length}; pointing outward: ${raw.length} ` +
        `(${raw.length - upward.length} allowed: ${Object.keys(ALLOWED_UPWARD).join(', ')}); violations: ${upward.length}`,
    );
    expect(upward.map(describeEdge)).toEqual([]);
  });

  test('every file that registers a scope or loaders is composed by src/app/modules.ts', () => {
    const modules = edges.filter((e) => e.from === 'app/modules.ts').map((e) => e.to.replace(/\.ts$/, ''));
    const registering = [
      ...new Set(
        edges
          .filter((e) => e.toFolder === 'common' && /^common\/(scoped-access|request-context)$/.test(e.to))
          .map((e) => e.from)
          .filter((f) => {
            const text = readFileSync(resolve(root, 'src', f), 'utf8');
            return /\bregister(Scope|ScopedView|Loaders)\(/.test(text);
          }),
      ),
    ].filter((f) => !f.startsWith('common/'));
    expect(registering.length).toBeGreaterThan(0);
    expect(registering.filter((f) => !modules.includes(f.replace(/\.ts$/, '')))).toEqual([]);
  });

  test('the folder-level graph: no import cycle spans layers', () => {
    // The entity catalogue's arrows (ALLOWED_UPWARD) are left out: they are the one sanctioned exception.
    const graph = folderGraph(edges.filter((e) => !ALLOWED_UPWARD[e.from]));
    const lines = [...graph.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([from, out]) =>
          `${from} (${roleOf(from)}) → ${[...out.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([to, n]) => `${to}:${n}`)
            .join(' ')}`,
      );
    const cycles = folderCycles(graph);
    console.warn(
      `folder graph (${graph.size} folders):\n${lines.join('\n')}\n` +
        `folder cycles (strongly connected groups): ${cycles.map((c) => `[${c.join(' ')}]`).join(' ') || 'none'}`,
    );
    // A cycle may stay inside one layer (domain modules among themselves; common/auth/db), never span
    // layers: that would be an arrow pointing outward.
    const layer = (f: string) =>
      roleOf(f) === 'domain' ? 'domain' : roleOf(f) === 'composition' ? 'app' : 'lower';
    const spanning = cycles.filter((c) => new Set(c.map(layer)).size > 1).map((c) => c.join(' '));
    expect(spanning).toEqual([]);
  });
});

describe('the rule itself', () => {
  const edge = (from: string, to: string): ImportEdge => ({
    from,
    to,
    fromFolder: from.split('/')[0],
    toFolder: to.split('/')[0],
    specifier: `../${to}`,
  });

  test.each([
    ['common/scoped-access.ts', 'goals/goal.entity'],
    ['auth/principal.ts', 'hierarchy/hierarchy.enums'],
    ['config/config.ts', 'results/results.entities'],
    ['idempotency/idempotent.ts', 'goals/goal.entity'],
    ['db/request-db.ts', 'funds/fund.entity'],
    ['goals/goal.resolver.ts', 'app/permissions'],
    ['common/errors.ts', 'app/format-error'],
    ['some-new-module/x.ts', 'app/schema'],
  ])('%s → %s is refused', (from, to) => {
    expect(violation(edge(from, to))).not.toBeNull();
  });

  test.each([
    ['main.ts', 'app/server'],
    ['app/schema.ts', 'goals/goal.resolver'],
    ['goals/goal.resolver.ts', 'common/request-context'],
    ['goals/goal.resolver.ts', 'hierarchy/user.entity'],
    ['auth/principal.loader.ts', 'db/request-db'],
    ['db/entities.ts', 'goals/goal.entity'],
  ])('%s → %s is allowed', (from, to) => {
    expect(violation(edge(from, to))).toBeNull();
  });
});
