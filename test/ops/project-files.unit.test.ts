import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Issue 16: LICENSE matching the declared licence, CHANGELOG.md with versions, every `npm run` script
// pointing at something that exists, and an incremental build for `npm start`.

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  license: string;
  version: string;
  scripts: Record<string, string>;
};

test('LICENSE is the Apache License 2.0 text, as package.json declares', () => {
  expect(pkg.license).toBe('Apache-2.0');
  const license = read('LICENSE');
  expect(license).toContain('Apache License');
  expect(license).toContain('Version 2.0, January 2004');
  expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
  expect(license).toContain('END OF TERMS AND CONDITIONS');
});

test("CHANGELOG.md has an Unreleased next version above the released ones, package.json's among them", () => {
  const headings = [...read('CHANGELOG.md').matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => ({
    version: m[1],
    rest: m[2],
  }));
  expect(headings[0].rest).toMatch(/Unreleased/);
  const released = headings.slice(1);
  expect(released.length).toBeGreaterThan(0);
  for (const h of released) expect(h.rest).toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(released.map((h) => h.version)).toContain(pkg.version);
});

test('every npm script runs a file or config that exists (compiled paths checked against their sources)', () => {
  const problems: string[] = [];
  for (const [name, script] of Object.entries(pkg.scripts)) {
    for (const m of script.matchAll(/\bnode (dist\/\S+)\.js/g)) {
      const source = `${m[1].replace(/^dist\//, '')}.ts`;
      if (!existsSync(join(root, source))) problems.push(`${name}: ${source} is missing`);
    }
    for (const m of script.matchAll(/\btsc -[pb] (\S+)/g)) {
      if (!existsSync(join(root, m[1]))) problems.push(`${name}: ${m[1]} is missing`);
    }
    for (const m of script.matchAll(/\bnpm run (\S+)/g)) {
      if (!(m[1] in pkg.scripts)) problems.push(`${name}: no script ${m[1]}`);
    }
  }
  expect(problems).toEqual([]);
  expect(Object.keys(pkg.scripts)).toEqual(
    expect.arrayContaining([
      'start',
      'build',
      'schema:gate',
      'migration:generate',
      'test:unit', // Issue 10 item 6: the pure tests without PostgreSQL (jest.config.js project `unit`)
      'test:integration',
    ]),
  );
});

test('npm start builds incrementally: tsc -b with its build info inside dist/ (a fresh clone builds in full)', () => {
  expect(pkg.scripts.prestart).toBe('npm run build');
  expect(pkg.scripts.build).toBe('tsc -b tsconfig.build.json');
  const build = JSON.parse(read('tsconfig.build.json')) as {
    compilerOptions: { incremental?: boolean; tsBuildInfoFile?: string };
  };
  const base = JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir: string } };
  expect(build.compilerOptions.incremental).toBe(true);
  // Deleting dist/ (or a fresh clone without it) deletes the build info too: the next start builds all.
  expect(build.compilerOptions.tsBuildInfoFile?.startsWith(`${base.compilerOptions.outDir}/`)).toBe(true);
});
