import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineCommit, nextVersionSection, runGate } from '../../src/tools/schema-gate';

// Issue 16 "Schema change gate": CI compares schema/schema.graphql with the last released schema and
// fails on a breaking change unless CHANGELOG.md names it under the next version.

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const base = fixture('schema-base.graphql');
const breaking = fixture('schema-breaking.graphql');
const additive = fixture('schema-additive.graphql');

const changelog = (unreleased: string) =>
  `# Changelog\n\n## [0.2.0] — Unreleased\n\n${unreleased}\n\n## [0.1.0] — 2026-11-22\n\nSchema as of commit \`abc1234\`.\n\n- \`PerformanceGoal.name\` was here first.\n`;
const allNamed =
  '### Breaking changes (schema)\n\n- `PerformanceGoal.name` removed\n- `PerformanceGoal.status` nullable\n- `GoalStatus.ISSUED` removed\n- `Query.goals(year:)` required\n';

describe('schema gate', () => {
  test('a breaking change fails the gate when the next version does not name it', () => {
    const result = runGate(base, breaking, changelog('### Added\n\n- nothing about the schema'));
    expect(result.ok).toBe(false);
    expect(result.breaking.map((c) => [c.coordinate, c.named])).toEqual(
      expect.arrayContaining([
        ['PerformanceGoal.name', false],
        ['PerformanceGoal.status', false],
        ['GoalStatus.ISSUED', false],
        ['Query.goals(year:)', false],
      ]),
    );
    expect(result.breaking).toHaveLength(4);
  });

  test('the same change passes once every coordinate is named, in backticks, under the next version', () => {
    expect(runGate(base, breaking, changelog(allNamed)).ok).toBe(true);
    // One coordinate left out: still failing, and only that one is reported unnamed.
    const partial = runGate(
      base,
      breaking,
      changelog(allNamed.replace('- `GoalStatus.ISSUED` removed\n', '')),
    );
    expect(partial.ok).toBe(false);
    expect(partial.breaking.filter((c) => !c.named).map((c) => c.coordinate)).toEqual(['GoalStatus.ISSUED']);
  });

  test('a name under an already released version, or without backticks, does not count', () => {
    // `PerformanceGoal.name` appears only in the 0.1.0 section of this changelog.
    const elsewhere = runGate(base, breaking, changelog(allNamed.replace('`PerformanceGoal.name`', 'name')));
    expect(elsewhere.breaking.find((c) => c.coordinate === 'PerformanceGoal.name')?.named).toBe(false);
    expect(elsewhere.ok).toBe(false);
    // No "Unreleased" section at all: nothing is named.
    const released = `# Changelog\n\n## [0.2.0] — 2026-12-01\n\n${allNamed}`;
    expect(nextVersionSection(released)).toBeNull();
    expect(runGate(base, breaking, released).ok).toBe(false);
  });

  test('additions (new fields, types, optional arguments, enum values) pass without a changelog entry', () => {
    const result = runGate(base, additive, changelog(''));
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
    // A new enum value is reported as dangerous (clients with exhaustive switches), never gated.
    expect(result.dangerous.map((c) => c.coordinate)).toContain('GoalStatus.REJECTED');
  });

  test('the baseline is the commit named by the newest released section, never the Unreleased one', () => {
    expect(baselineCommit(changelog('Schema as of commit `fff0000`.'))).toBe('abc1234');
    expect(baselineCommit('# Changelog\n\n## [Unreleased]\n')).toBeNull();
  });

  test("the project's CHANGELOG names a baseline commit that this clone holds, with a schema", () => {
    const commit = baselineCommit(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
    expect(commit).toMatch(/^[0-9a-f]{7,40}$/);
    const sdl = execFileSync('git', ['show', `${commit}:schema/schema.graphql`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(sdl).toContain('type Query');
  });

  test('the command reads the baseline from git and exits 1 on an unnamed break, 0 once named', () => {
    const repo = mkdtempSync(join(tmpdir(), 'jixiao-gate-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
          cwd: repo,
          encoding: 'utf8',
        }).trim();
      git('init', '-q');
      mkdirSync(join(repo, 'schema'));
      writeFileSync(join(repo, 'schema', 'schema.graphql'), base);
      git('add', '.');
      git('commit', '-q', '-m', 'released');
      const released = git('rev-parse', '--short', 'HEAD');
      writeFileSync(join(repo, 'schema', 'schema.graphql'), breaking);
      const gate = (unreleased: string) => {
        writeFileSync(join(repo, 'CHANGELOG.md'), changelog(unreleased).replace('abc1234', released));
        return spawnSync(
          process.execPath,
          [
            '-r',
            join(root, 'test', 'harness', 'swc-register.js'),
            join(root, 'src', 'tools', 'schema-gate.ts'),
            '--root',
            repo,
          ],
          { cwd: root, encoding: 'utf8' },
        );
      };
      const failed = gate('');
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('UNNAMED');
      expect(failed.stderr).toContain('`PerformanceGoal.name`');
      const passed = gate(allNamed);
      expect(passed.stdout).toContain(`commit ${released}`);
      expect(passed.status).toBe(0);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
