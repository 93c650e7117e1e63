/**
 * Issue 8 item 8 "Stable codes instead of INTERNAL" and item 9 "Input hygiene", fuzz-style: every
 * mutation, every String/ID field reachable in its arguments (recursively through input objects), gets
 * a NUL byte, a C1 control, a bidi override, a lone surrogate — and every ID field a malformed global id
 * and a global id of the wrong type; every root query's string arguments get the same texts and its
 * `after`/`before` a malformed cursor. The rest of the arguments are minimal valid-looking values, so a
 * request may also be refused for another reason. Asserted: never a 500, never INTERNAL, a bad text is
 * always BAD_USER_INPUT naming its field path (unless the shield refuses the caller first), no mutation
 * succeeds, and every table's digest is unchanged. A mutation's cases of one field go out as aliases of
 * one request (each alias has its own payload); query cases go one per request.
 */
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { buildBareSchema } from '../../src/app/schema';
import { DATABASE_REFUSALS } from '../../src/common/database-errors';
import { TestApp } from '../harness/app';
import {
  argsWith,
  expectedIdType,
  sampleIds,
  selectionOf,
  stringLeaves,
  typeString,
  wrongTypeId,
  type Leaf,
} from './fuzz-support';

const FALLBACK_EN = Object.values(DATABASE_REFUSALS).map((m) => m.en);

let app: TestApp;
let ids: Record<string, string>;
const schema = buildBareSchema();

beforeAll(async () => {
  app = await TestApp.start();
  ids = await sampleIds(app);
  // Signed in before the fuzz: failed sign-ins of the `login` cases must not throttle these.
  const logins = new Set([
    ...Object.keys(schema.getMutationType()!.getFields()).map(loginFor),
    ...QUERY_LOGINS,
  ]);
  for (const login of logins) if (login) await app.tokenFor(login);
});
afterAll(async () => {
  await app.stop();
});

// Issue 8 item 9: C0/C1 controls, bidi overrides (U+202A–202E, U+2066–2069) and lone surrogates.
const BAD_TEXTS: Record<string, string> = {
  nul: 'a\u0000b',
  c1: 'a\u0085b',
  bidi: 'a\u202Eb',
  isolate: 'a\u2068b',
  surrogate: 'a\uD800b',
};

/** Who reads: a tenant administrator, and the audit office for the audit trail. */
const QUERY_LOGINS = ['admin.zhangdian', 'audit.zhangdian'];

/** Who calls each mutation: a caller its shield rule admits (DOMAIN §8), so the resolver runs. */
function loginFor(mutation: string): string | undefined {
  if (mutation === 'login') return undefined;
  if (/Region|Organization|User|Counterpart/.test(mutation)) return 'admin.zhangdian';
  if (/DepartmentSelfEvaluation/.test(mutation))
    return /review/.test(mutation) ? 'finance.zhangdian' : 'transport.zhangdian';
  if (/reportEvaluationToFinance|createMidYearCheck/.test(mutation)) return 'transport.zhangdian';
  if (/updatePolicy/.test(mutation)) return 'finance.zibo';
  if (/Fund$|setAllocations|Project$|Assessment$|compileRollUp|createDepartmentEvaluation/.test(mutation))
    return /review/.test(mutation) ? 'finance.zhangdian' : 'transport.zhangdian';
  if (/Goal|Adjustment/.test(mutation)) return 'transport.zhangdian';
  if (/SelfEvaluation|EvaluationActuals|submitEvaluation|recordExecution|MonitoringReport$/.test(mutation))
    return /acknowledge/.test(mutation) ? 'finance.zhangdian' : 'unit.chezhan';
  if (/reviewEvaluation/.test(mutation)) return 'transport.chezhan';
  if (/setMonitoringPolicy/.test(mutation)) return 'admin.zibo';
  return 'finance.zhangdian';
}

interface Case {
  name: string;
  leaf: Leaf;
  value: string;
  /** A bad text or cursor: must be refused as BAD_USER_INPUT at the leaf's path. */
  text: boolean;
}

/** Queries go one case per request: one text of each family keeps them to a few hundred. */
const QUERY_TEXTS = ['nul', 'bidi', 'surrogate'];

function casesOf(op: 'mutation' | 'query', root: string, leaf: Leaf): Case[] {
  // Passwords are secrets, not texts: only controls and lone surrogates are refused in them.
  const secret = /password/i.test(leaf.owner);
  const texts = Object.entries(BAD_TEXTS).filter(([name]) => op === 'mutation' || QUERY_TEXTS.includes(name));
  const cases: Case[] = texts.map(([name, value]) => ({
    name,
    leaf,
    value,
    text: !(secret && /bidi|isolate/.test(name)),
  }));
  if (leaf.scalar === 'ID') {
    cases.push({ name: 'malformed id', leaf, value: 'not-a-global-id!', text: false });
    const wrong = wrongTypeId(ids, expectedIdType(leaf.owner, root));
    cases.push({ name: 'wrong-type id', leaf, value: wrong, text: false });
  }
  if (leaf.path.length === 1 && (leaf.path[0] === 'after' || leaf.path[0] === 'before')) {
    cases.push({ name: 'malformed cursor', leaf, value: 'bm90IGEgY3Vyc29y', text: true });
    cases.push({
      name: 'forged cursor',
      leaf,
      value: Buffer.from('["x",1]').toString('base64url'),
      text: true,
    });
  }
  return cases;
}

interface Outcome {
  status: number;
  body: {
    data?: Record<string, { userErrors?: { code: string; field: string[]; messageEn: string }[] } | null>;
    errors?: { path?: string[]; extensions?: { code?: string; field?: string[] } }[];
  };
}

async function send(
  op: 'mutation' | 'query',
  field: GraphQLField<unknown, unknown>,
  cases: Case[],
  as?: string,
) {
  const defs: string[] = [];
  const calls: string[] = [];
  const variables: Record<string, unknown> = {};
  cases.forEach((c, k) => {
    const args = argsWith(field, ids, c.leaf.path, c.value);
    const passed = field.args.filter((a) => a.name in args);
    for (const a of passed) {
      defs.push(`$c${k}_${a.name}: ${typeString(a.type)}`);
      variables[`c${k}_${a.name}`] = args[a.name];
    }
    const argText = passed.map((a) => `${a.name}: $c${k}_${a.name}`).join(', ');
    calls.push(`c${k}: ${field.name}${argText ? `(${argText})` : ''} ${selectionOf(field)}`);
  });
  const query = `${op}${defs.length ? `(${defs.join(', ')})` : ''} { ${calls.join('\n')} }`;
  const token = as ? await app.tokenFor(as) : undefined;
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Outcome['body'] };
}

/** What is wrong with one case's answer; empty when it is as the issue demands. */
function problems(op: string, root: string, c: Case, k: number, out: Outcome): string[] {
  const label = `${op} ${root} ${c.leaf.path.join('.')} ${c.name}`;
  const found: string[] = [];
  if (out.status >= 500) return [`${label}: HTTP ${out.status}`];
  const alias = `c${k}`;
  const errors = (out.body.errors ?? []).filter((e) => !e.path || e.path[0] === alias);
  const payload = out.body.data?.[alias];
  const codes = [...errors.map((e) => e.extensions?.code), ...(payload?.userErrors ?? []).map((u) => u.code)];
  if (codes.includes('INTERNAL')) found.push(`${label}: INTERNAL`);
  // A fuzzed value must be caught by validation, not reach SQL and be refused by the database fallback.
  const fallback = (payload?.userErrors ?? []).find((u) => FALLBACK_EN.includes(u.messageEn));
  if (fallback) found.push(`${label}: refused by the database (${fallback.messageEn})`);
  if (errors.some((e) => !e.path)) found.push(`${label}: request-level error ${JSON.stringify(errors)}`);
  if (op === 'mutation' && payload === undefined) found.push(`${label}: no answer (an earlier case failed)`);
  else if (op === 'mutation' && codes.length === 0) found.push(`${label}: accepted`);
  const shielded = codes.some((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED');
  if (c.text && !shielded) {
    const fields = [
      ...errors.map((e) => e.extensions?.field),
      ...(payload?.userErrors ?? []).map((u) => u.field),
    ].map((f) => (f ?? []).join('.'));
    if (!codes.includes('BAD_USER_INPUT') || !fields.includes(c.leaf.path.join('.')))
      found.push(
        `${label}: expected BAD_USER_INPUT at ${c.leaf.path.join('.')}, got ${JSON.stringify(out.body)}`,
      );
  }
  return found;
}

async function fuzzRoot(
  op: 'mutation' | 'query',
  type: GraphQLObjectType,
  as: (name: string) => string | undefined,
) {
  const failures: string[] = [];
  let requests = 0;
  let reached = 0;
  for (const field of Object.values(type.getFields())) {
    const before = op === 'mutation' ? await app.tableDigests() : null;
    for (const leaf of stringLeaves(field)) {
      const all = casesOf(op, field.name, leaf);
      // Mutations answer each alias in its own payload; a query's error nulls its non-null siblings.
      const batches = op === 'mutation' ? [all] : all.map((c) => [c]);
      for (const cases of batches) {
        const out = await send(op, field, cases, as(field.name));
        requests += 1;
        cases.forEach((c, k) => {
          failures.push(...problems(op, field.name, c, k, out));
          const err = (out.body.errors ?? []).find((e) => e.path?.[0] === `c${k}`);
          if (err?.extensions?.code !== 'FORBIDDEN') reached += 1;
        });
      }
    }
    if (before) {
      const after = await app.tableDigests();
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length) failures.push(`${op} ${field.name}: wrote to ${changed.join(', ')}`);
    }
  }
  return { failures, requests, reached };
}

// Issue 8 item 8: "each must be a BAD_USER_INPUT (or the fitting code) with the field path, and
// nothing written"; item 9: controls, bidi overrides and lone surrogates refused with a clear message.
test('every mutation refuses bad texts and ids at their field path, writes nothing, never INTERNAL', async () => {
  const { failures, requests, reached } = await fuzzRoot('mutation', schema.getMutationType()!, loginFor);
  expect(failures).toEqual([]);
  // Bounded, and the callers were chosen so that most cases reach the resolver past the shield.
  expect(requests).toBeLessThan(400);
  expect(reached).toBeGreaterThan(requests);
}, 300_000);

test('every query refuses bad texts and malformed cursors, never INTERNAL', async () => {
  const { failures, requests } = await fuzzRoot('query', schema.getQueryType()!, (name) =>
    /audit/i.test(name) ? QUERY_LOGINS[1] : QUERY_LOGINS[0],
  );
  expect(failures).toEqual([]);
  expect(requests).toBeLessThan(700);
}, 300_000);
