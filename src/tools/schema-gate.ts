import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

/**
 * Schema change gate (issue 16): `npm run schema:gate` compares schema/schema.graphql with the schema of
 * the last released version and fails on a breaking change (graphql-js `findBreakingChanges`) that
 * CHANGELOG.md does not name, as a schema coordinate in backticks (`Goal.status`, `Query.goals(status:)`,
 * `GoalStatus.DRAFT`, `@auth`), in the section of the next version (the first `## ` section, headed
 * "Unreleased"). The last released version is the first section below it that says
 * "Schema as of commit <hash>"; the gate reads that commit's schema with `git show` (CI clones with history).
 */

export interface SchemaChange {
  type: string;
  description: string;
  /** Schema coordinate the CHANGELOG must name, e.g. `Goal.status`. */
  coordinate: string;
}

export interface GateResult {
  ok: boolean;
  breaking: (SchemaChange & { named: boolean })[];
  dangerous: SchemaChange[];
}

/** Coordinate of a graphql-js change, from its description (graphql 16 wording). */
export function coordinateOf(type: string, description: string): string {
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^A required arg (\w+) on directive (\w+) was added/, (m) => `@${m[2]}(${m[1]}:)`],
    [/^An? (?:required|optional) arg (\w+) on (\w+\.\w+) was added/, (m) => `${m[2]}(${m[1]}:)`],
    [/^An? (?:required|optional) field (\w+) on input type (\w+) was added/, (m) => `${m[2]}.${m[1]}`],
    [/^(\w+) was (?:removed from|added to) enum type (\w+)/, (m) => `${m[2]}.${m[1]}`],
    [/^\w+ was (?:removed from|added to) union type (\w+)/, (m) => m[1]],
    [/^\w+ added to interfaces implemented by (\w+)/, (m) => m[1]],
    [/^(\w+\.\w+) arg (\w+) /, (m) => `${m[1]}(${m[2]}:)`],
    [/^(\w+) no longer implements interface/, (m) => m[1]],
    [/^Repeatable flag was removed from (\w+)/, (m) => `@${m[1]}`],
    [/^(\w+\.\w+) (was removed|changed type)/, (m) => m[1]],
    [/^(\w+) changed from/, (m) => m[1]],
  ];
  if (type.startsWith('DIRECTIVE_')) {
    const arg = /^(\w+) was removed from (\w+)\.$/.exec(description);
    if (type === 'DIRECTIVE_ARG_REMOVED' && arg) return `@${arg[2]}(${arg[1]}:)`;
    if (type === 'DIRECTIVE_LOCATION_REMOVED' && arg) return `@${arg[2]}`;
    const removed = /^(\w+) was removed/.exec(description);
    if (type === 'DIRECTIVE_REMOVED' && removed) return `@${removed[1]}`;
  }
  for (const [pattern, coordinate] of patterns) {
    const m = pattern.exec(description);
    if (m) return coordinate(m);
  }
  const removed = /^(\w+) was removed/.exec(description); // TYPE_REMOVED, also a standard scalar
  return removed ? removed[1] : description;
}

export function schemaChanges(
  oldSdl: string,
  newSdl: string,
): { breaking: SchemaChange[]; dangerous: SchemaChange[] } {
  const before = buildSchema(oldSdl);
  const after = buildSchema(newSdl);
  const withCoordinate = (c: { type: string; description: string }) => ({
    type: c.type,
    description: c.description,
    coordinate: coordinateOf(c.type, c.description),
  });
  return {
    breaking: findBreakingChanges(before, after).map(withCoordinate),
    dangerous: findDangerousChanges(before, after).map(withCoordinate),
  };
}

interface Section {
  heading: string;
  body: string;
}

function sections(changelog: string): Section[] {
  const parts = changelog.split(/^## /m).slice(1);
  return parts.map((part) => {
    const newline = part.indexOf('\n');
    return {
      heading: part.slice(0, newline < 0 ? undefined : newline).trim(),
      body: part.slice(newline + 1),
    };
  });
}

/** The text of the next version's section (the first, headed "Unreleased"), or null when there is none. */
export function nextVersionSection(changelog: string): string | null {
  const first = sections(changelog)[0];
  return first && /unreleased/i.test(first.heading) ? first.body : null;
}

/** The commit whose schema is the last released one ("Schema as of commit <hash>" in a released section). */
export function baselineCommit(changelog: string): string | null {
  for (const section of sections(changelog)) {
    if (/unreleased/i.test(section.heading)) continue;
    const m = /schema as of commit `?([0-9a-f]{7,40})`?/i.exec(`${section.heading}\n${section.body}`);
    if (m) return m[1];
  }
  return null;
}

/** Is the coordinate named, in backticks, in the next version's section? */
function isNamed(section: string | null, coordinate: string): boolean {
  return section !== null && section.includes(`\`${coordinate}\``);
}

export function runGate(oldSdl: string, newSdl: string, changelog: string): GateResult {
  const { breaking, dangerous } = schemaChanges(oldSdl, newSdl);
  const section = nextVersionSection(changelog);
  const checked = breaking.map((c) => ({ ...c, named: isNamed(section, c.coordinate) }));
  return { ok: checked.every((c) => c.named), breaking: checked, dangerous };
}

export function report(result: GateResult, baseLabel: string): string {
  const lines = [`schema gate: compared schema/schema.graphql with ${baseLabel}`];
  for (const c of result.breaking) {
    lines.push(`  ${c.named ? 'named   ' : 'UNNAMED '} breaking  \`${c.coordinate}\`: ${c.description}`);
  }
  for (const c of result.dangerous)
    lines.push(`  (dangerous, not gated) \`${c.coordinate}\`: ${c.description}`);
  lines.push(
    result.ok
      ? `schema gate: ok (${result.breaking.length} breaking change(s), all named in CHANGELOG.md)`
      : 'schema gate: FAILED — name every UNNAMED coordinate above, in backticks, in the "Unreleased" section of CHANGELOG.md',
  );
  return lines.join('\n');
}

/** The folder holding package.json, above this file (src/tools/ from source, dist/src/tools/ compiled). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * CLI: [--root <repository>] [--base <file>] [--schema <file>] [--changelog <file>]; without --base, the
 * schema of the baseline commit named in CHANGELOG.md.
 */
function main(argv: string[]): number {
  const option = (name: string) => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const root = option('--root') ?? projectRoot(__dirname);
  const schemaFile = option('--schema') ?? join(root, 'schema', 'schema.graphql');
  const changelog = readFileSync(option('--changelog') ?? join(root, 'CHANGELOG.md'), 'utf8');
  const baseFile = option('--base');
  let oldSdl: string;
  let label: string;
  if (baseFile) {
    oldSdl = readFileSync(baseFile, 'utf8');
    label = baseFile;
  } else {
    const commit = baselineCommit(changelog);
    if (!commit) {
      console.error('schema gate: CHANGELOG.md names no released version with "Schema as of commit <hash>"');
      return 2;
    }
    try {
      oldSdl = execFileSync('git', ['show', `${commit}:schema/schema.graphql`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch {
      console.error(
        `schema gate: cannot read schema/schema.graphql at commit ${commit} (a shallow clone? fetch the history)`,
      );
      return 2;
    }
    label = `the last released schema (commit ${commit})`;
  }
  const result = runGate(oldSdl, readFileSync(schemaFile, 'utf8'), changelog);
  const text = report(result, label);
  if (result.ok) process.stdout.write(`${text}\n`);
  else console.error(text);
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
