import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ErrorCode, msg, type Message } from './error-code';
import { problem } from './problem';
import { abort } from './refusal';
import { userErrorsOf } from './user-error';
import { DEFAULT_MAX_ITEMS } from './input-limits';
import { cleanText, textKindOf, textProblem, type TextKind } from './text-hygiene';

/**
 * Input hygiene in one place (issue 8 items 8 and 9): every field that takes arguments — root queries,
 * mutations and nested fields alike — has its arguments walked before its resolver runs. Strings and
 * IDs are checked and cleaned (text-hygiene.ts: controls, bidi overrides, lone surrogates refused;
 * names and texts NFC-normalised and trimmed), list sizes are capped (input-limits.ts). Variables and
 * inline literals both arrive here as coerced `args`. A refusal names the field path (`["input",
 * "indicators", "3", "name"]`) and nothing runs: a mutation answers with BAD_USER_INPUT user errors in
 * its payload, any other field with a BAD_USER_INPUT error. Installed inside the shield, so permission
 * refusals keep their precedence. Fields without arguments are not wrapped (no cost on large trees).
 */

interface Finding {
  field: string[];
  message: Message;
}

/** Enough to fix a form; a flood of errors (5,000 bad items) helps nobody. */
const MAX_FINDINGS = 20;

function tooMany(max: number, given: number): Message {
  return msg(`最多允许 ${max} 项，实际 ${given} 项`, `At most ${max} items are allowed; ${given} were given`);
}

/** Extensions of input fields by `Type.field`, inherited ones included (see `markedExtensions`). */
type Marks = Map<string, Readonly<Record<string, unknown>>>;

interface Walk {
  marks: Marks;
  findings: Finding[];
}

const maxOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): number | undefined =>
  typeof extensions?.maxItems === 'number' ? extensions.maxItems : undefined;

function clean(
  type: GraphQLInputType,
  value: unknown,
  path: string[],
  kind: TextKind,
  maxItems: number | undefined,
  walk: Walk,
): unknown {
  const { findings } = walk;
  if (value === null || value === undefined || findings.length >= MAX_FINDINGS) return value;
  if (isNonNullType(type)) return clean(type.ofType, value, path, kind, maxItems, walk);
  if (isListType(type)) {
    const items = value as unknown[];
    const max = maxItems ?? DEFAULT_MAX_ITEMS;
    if (items.length > max) {
      findings.push({ field: path, message: tooMany(max, items.length) });
      return value;
    }
    const item = type.ofType as GraphQLInputType;
    return items.map((v, k) => clean(item, v, [...path, String(k)], kind, undefined, walk));
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const given = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(given)) {
      const f = fields[key];
      const marks = f ? { ...walk.marks.get(`${type.name}.${key}`), ...f.extensions } : undefined;
      out[key] = f
        ? clean(f.type, given[key], [...path, key], textKindOf(f.name, marks), maxOf(marks), walk)
        : given[key];
    }
    return out;
  }
  if (isScalarType(type) && (type.name === 'String' || type.name === 'ID') && typeof value === 'string') {
    const as = type.name === 'ID' ? 'identifier' : kind;
    const problem = textProblem(value, as);
    if (problem) {
      findings.push({ field: path, message: problem });
      return value;
    }
    return cleanText(value, as);
  }
  return value;
}

/** Whether an argument can carry anything the hygiene checks (text, ids, lists, input objects). */
function checkable(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return true;
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) || named.name === 'String' || named.name === 'ID';
}

/** Cleaned arguments, or the findings that refuse them. */
function cleanArguments(
  args: readonly GraphQLArgument[],
  given: Record<string, unknown>,
  marks: Marks,
): { args: Record<string, unknown>; findings: Finding[] } {
  const walk: Walk = { marks, findings: [] };
  const out: Record<string, unknown> = { ...given };
  for (const arg of args) {
    if (!(arg.name in given)) continue;
    const kind = textKindOf(arg.name, arg.extensions);
    out[arg.name] = clean(arg.type, given[arg.name], [arg.name], kind, maxOf(arg.extensions), walk);
  }
  return { args: out, findings: walk.findings };
}

/**
 * `@MaxItems` and `textKind` marks of every input field, read from type-graphql's metadata the way it
 * reads them itself (a mark on a base class applies to its subclasses): type-graphql 2.0.0-rc.4 drops
 * the extensions of inherited input fields when it builds the subclass (CreateGoalInput inherits
 * `indicators` from GoalContentInput), so the schema alone does not carry them.
 */
function markedExtensions(): Marks {
  const storage = getMetadataStorage();
  const marks: Marks = new Map();
  for (const input of storage.inputTypes) {
    for (const entry of storage.fieldExtensions) {
      const target = entry.target as object;
      if (target !== input.target && !Object.prototype.isPrototypeOf.call(target, input.target)) continue;
      const key = `${input.name}.${entry.fieldName}`;
      marks.set(key, { ...marks.get(key), ...entry.extensions });
    }
  }
  return marks;
}

const answersWithUserErrors = (field: GraphQLField<unknown, unknown>): boolean => {
  const named = getNamedType(field.type);
  return isObjectType(named) && 'userErrors' in named.getFields();
};

/** Wraps the resolver of every field with checkable arguments; returns the same schema. */
export function withInputHygiene(schema: GraphQLSchema): GraphQLSchema {
  const marks = markedExtensions();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => checkable(a.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const payload = type === schema.getMutationType() && answersWithUserErrors(field);
      field.resolve = (source, given, context, info) => {
        const { args, findings } = cleanArguments(field.args, given, marks);
        if (findings.length === 0) return resolve(source, args, context, info);
        const problems = findings.map((f) => problem(ErrorCode.BAD_USER_INPUT, f.field, f.message));
        // A mutation with a payload answers them in `userErrors`; any other field with a top-level error.
        return payload ? { userErrors: userErrorsOf(problems) } : abort(problems);
      };
    }
  }
  return schema;
}
