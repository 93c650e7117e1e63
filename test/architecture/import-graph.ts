import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The folders of `src/` by role (STYLE "The shape this suggests", principle 1; README "Architecture"):
 * - composition: `app/` (schema, server, permission tree, module registrations) and `main.ts`; nothing in
 *   `src/` imports them but `main.ts`;
 * - cross-cutting: `common/` (request context, scoping core, errors, pagination …), `config/`, `auth/`
 *   (tokens, passwords, the principal and its vocabulary) and `idempotency/` (the idempotency key of any
 *   mutation, used by ten modules): they import no domain module;
 * - infrastructure: `db/` (connections, migrations runner) and `tools/` (CI scripts): no domain module
 *   either, except the entity catalogue TypeORM needs (`db/entities.ts`);
 * - domain: every other folder (a new folder is a domain module until listed above).
 */
export const COMPOSITION = ['app', 'main.ts'];
export const CROSS_CUTTING = ['common', 'config', 'auth', 'idempotency'];
export const INFRASTRUCTURE = ['db', 'tools'];

/** Files allowed to import domain modules from a lower layer, with the reason. */
export const ALLOWED_UPWARD: Record<string, string> = {
  'db/entities.ts': 'the entity catalogue: TypeORM needs every entity class when the DataSource is built',
};

export type Role = 'composition' | 'cross-cutting' | 'infrastructure' | 'domain' | 'outside';

export function roleOf(folder: string): Role {
  if (folder === '(outside)') return 'outside';
  if (COMPOSITION.includes(folder)) return 'composition';
  if (CROSS_CUTTING.includes(folder)) return 'cross-cutting';
  if (INFRASTRUCTURE.includes(folder)) return 'infrastructure';
  return 'domain';
}

/** One import between two files of `src/` (paths relative to `src/`, `/`-separated). */
export interface ImportEdge {
  from: string;
  to: string;
  fromFolder: string;
  toFolder: string;
  specifier: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const folderOf = (rel: string): string =>
  rel.startsWith('..') ? '(outside)' : rel.includes('/') ? rel.split('/')[0] : rel;

/**
 * Every relative import, export-from, `require` and dynamic `import()` of the TypeScript files under
 * `<root>/src`, parsed with the TypeScript compiler's pre-processor (type-only imports count: they are
 * arrows between folders too).
 */
export function importsOf(root: string): ImportEdge[] {
  const src = resolve(root, 'src');
  const toPosix = (p: string) => p.split(sep).join('/');
  return walk(src).flatMap((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const from = toPosix(relative(src, file));
    return info.importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => {
        const to = toPosix(relative(src, resolve(dirname(file), i.fileName)));
        return { from, to, fromFolder: folderOf(from), toFolder: folderOf(to), specifier: i.fileName };
      });
  });
}

/** Why an import points the wrong way (outward), or null when it is allowed. */
export function violation(edge: ImportEdge): string | null {
  if (edge.fromFolder === edge.toFolder) return null;
  const from = roleOf(edge.fromFolder);
  const to = roleOf(edge.toFolder);
  if (to === 'composition' && edge.from !== 'main.ts')
    return `imports the composition root (${edge.toFolder}/)`;
  if (
    (from === 'cross-cutting' || from === 'infrastructure') &&
    to === 'domain' &&
    !ALLOWED_UPWARD[edge.from]
  ) {
    return `${from} code imports the domain module ${edge.toFolder}/`;
  }
  return null;
}

/** The folder-level graph: `from -> to` with the number of imports, between different folders only. */
export function folderGraph(edges: ImportEdge[]): Map<string, Map<string, number>> {
  const graph = new Map<string, Map<string, number>>();
  for (const e of edges) {
    if (e.fromFolder === e.toFolder || e.toFolder === '(outside)') continue;
    const out = graph.get(e.fromFolder) ?? new Map<string, number>();
    out.set(e.toFolder, (out.get(e.toFolder) ?? 0) + 1);
    graph.set(e.fromFolder, out);
  }
  return graph;
}

/**
 * The strongly connected folder groups of more than one folder (Tarjan's algorithm, a depth-first
 * search): each is a cycle of imports between folders.
 */
export function folderCycles(graph: Map<string, Map<string, number>>): string[][] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return groups;
}
