/**
 * Issue 10 item 5: one way to raise an expected failure — `throw refusal(...)` / `abort(problems)`
 * (src/common/refusal.ts), which carries the rule's reason and principle (DOMAIN §8) to `userErrors` and
 * `extensions`. This scans `src/` (pure: no database, no app) and fails when one of the removed ways
 * comes back: `AppError`, `abortWith`, `UserErrorsAbort`/`userError`, a module-local re-wrapper such as
 * `refuse(code, field, message)` / `problemsAbort(...)`, a hand-made `GraphQLError` or `RefusalError`, or
 * `throw new Error(...)` in a resolver, service, permission or query file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Names of the removed wrappers; none may be declared, imported or called again. */
const REMOVED = ['AppError', 'abortWith', 'UserErrorsAbort', 'userError', 'problemsAbort'];

/**
 * Where building an error by hand is the mechanism itself or is not an expected failure of a resolver.
 * Each entry must still be needed (checked below), so the list cannot go stale.
 */
const ALLOWED: Record<string, Record<string, string>> = {
  'new GraphQLError': {
    // Scalar coercion (parseValue/parseLiteral) runs in GraphQL's validation of variables and literals,
    // before any resolver; graphql-js turns it into a "Variable … got invalid value" error with locations.
    'src/common/decimal.ts': 'Decimal scalar coercion',
    'src/reporting/aggregate-table.scalar.ts': 'AggregateTable scalar coercion (output only)',
  },
  'new RefusalError': {
    'src/common/refusal.ts': 'the mechanism itself',
  },
  'throw new Error': {
    // Programmer invariants (an entity without a primary key, an unknown payload field): bugs, not input.
    'src/idempotency/idempotency.service.ts': 'invariants of the idempotency store',
  },
};

/** Files where an expected failure is raised: a plain Error there would reach the caller as INTERNAL. */
const RAISING_FILE = /\.(resolver|service|permissions|query|errors)\.ts$/;

export interface Finding {
  file: string;
  line: number;
  kind: string;
  text: string;
}

function isNever(type: ts.TypeNode | undefined): boolean {
  return type?.kind === ts.SyntaxKind.NeverKeyword;
}

/** A function that only throws (or aborts): `{ throw …; }` or `=> abort(…)`. */
function onlyThrows(body: ts.ConciseBody | undefined): boolean {
  if (!body) return false;
  if (ts.isBlock(body)) return body.statements.length === 1 && ts.isThrowStatement(body.statements[0]);
  return ts.isCallExpression(body) && ts.isIdentifier(body.expression) && body.expression.text === 'abort';
}

/** The findings of one file's text (exported shape for the self-test below). */
export function scan(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const add = (node: ts.Node, kind: string) =>
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      kind,
      text: node.getText(sf).split('\n')[0].slice(0, 100),
    });
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && REMOVED.includes(node.text)) add(node, node.text);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'GraphQLError') add(node, 'new GraphQLError');
      if (node.expression.text === 'RefusalError') add(node, 'new RefusalError');
    }
    if (
      ts.isThrowStatement(node) &&
      node.expression &&
      ts.isNewExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Error' &&
      RAISING_FILE.test(file)
    )
      add(node, 'throw new Error');
    // A local re-wrapper of the mechanism: takes an ErrorCode and only throws (`refuse(code, field, msg)`).
    if (
      (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
      node.parameters.some((p) => p.type?.getText(sf) === 'ErrorCode') &&
      (isNever(node.type) || onlyThrows(node.body))
    )
      add(node, 'local re-wrapper');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const everything: Finding[] = sourceFiles(SRC).flatMap((path) =>
  scan(relative(ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8')),
);

const allowed = (f: Finding) => Boolean(ALLOWED[f.kind]?.[f.file]);

test('src raises expected failures one way only (refusal / abort)', () => {
  const offending = everything
    .filter((f) => !allowed(f))
    .map((f) => `${f.file}:${f.line} ${f.kind}: ${f.text}`);
  expect(offending).toEqual([]);
});

test('every allow-list entry is still needed', () => {
  const stale = Object.entries(ALLOWED).flatMap(([kind, files]) =>
    Object.keys(files)
      .filter((file) => !everything.some((f) => f.kind === kind && f.file === file))
      .map((file) => `${kind} in ${file}`),
  );
  expect(stale).toEqual([]);
});

test('the scan catches each removed way (so a green run means something)', () => {
  const old = `
    import { AppError } from '../common/errors';
    import { abortWith, userError, UserErrorsAbort } from '../common/user-error';
    export function refuse(code: ErrorCode, field: string[], message: Message, principle?: string): never {
      throw refusal(code, field, message, { principle });
    }
    const problemsAbort = (problems: Problem[], code?: ErrorCode) => abort(problems, { code });
    export async function load(id: string) {
      if (!id) throw new AppError(ErrorCode.NOT_FOUND, msg('无', 'none'), { field: ['input', 'id'] });
      if (id === 'x') abortWith(ErrorCode.CONFLICT, ['input', 'id'], msg('重复', 'duplicate'));
      if (id === 'y') throw new UserErrorsAbort([userError(ErrorCode.FORBIDDEN, [], msg('否', 'no'))]);
      if (id === 'z') throw new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } });
      if (id === 'w') throw new Error('Goal not found');
      return id;
    }`;
  const kinds = new Set(scan('src/goals/goal.service.ts', old).map((f) => f.kind));
  expect([...kinds].sort()).toEqual(
    [
      'AppError',
      'UserErrorsAbort',
      'abortWith',
      'local re-wrapper',
      'new GraphQLError',
      'problemsAbort',
      'throw new Error',
      'userError',
    ].sort(),
  );
  const now = `
    export async function load(id: string) {
      if (!id) throw refusal.notFound(msg('无', 'none'));
      if (id === 'x') throw refusal(ErrorCode.CONFLICT, ['input', 'id'], msg('重复', 'duplicate'), { reason: 'DUPLICATE' });
      const notFound = (field: readonly string[] = ['input', 'id']): never => {
        throw refusal.notFound(msg('未找到', 'Not found'), field);
      };
      return id || notFound();
    }`;
  expect(scan('src/goals/goal.service.ts', now)).toEqual([]);
});
