import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Issue 10 item 6: the Jest project `unit` (jest.config.js) runs without PostgreSQL, so none of its files
 * may reach the database harness — directly or through a fixture file that does.
 */
const root = join(__dirname, '..');
const UNIT = /(-rules|\.unit|\.property)\.test\.ts$/;
const DATABASE =
  /from '[./]*(harness\/(app|database|mutations|goal-fixtures|ids)|auth\/logged-app)'|from 'pg'/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The local test files a file imports (`./x`, `../y/z`), transitively. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = join(file, '..', `${m[1]}.ts`);
    if (target.startsWith(root) && !seen.has(target) && files(join(target, '..')).includes(target))
      reach(target, seen);
  }
  return seen;
}

test('no unit test reaches the database harness (test/harness/app, database, fixtures, pg)', () => {
  const unit = files(root).filter((f) => UNIT.test(f));
  expect(unit.length).toBeGreaterThan(20);
  const offenders = unit.flatMap((f) =>
    [...reach(f)]
      .filter((g) => g !== __filename && DATABASE.test(readFileSync(g, 'utf8')))
      .map((g) => `${relative(root, f)} → ${relative(root, g)}`),
  );
  expect(offenders).toEqual([]);
});
