import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { BI_OVERVIEW, ROLL_UP_SCREEN } from './request-warmup';

/** What the compile warm-up at start did (logged by the server). */
export interface CompileWarmup {
  documents: number;
  ms: number;
}

/**
 * The organization directory (DOMAIN §3): a page of units with their regions and supervising
 * departments. Only compiled here, never executed.
 */
export const DIRECTORY_SCREEN = `query JixiaoStartupDirectory($after: String) {
  organizations(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name kind creditCode sector region { id code name level } supervisingDepartment { id name } }
  }
}`;

/**
 * Issue 18 (the first request after start within 3× of a warm one): every document a caller sends for
 * the first time is parsed, validated and compiled by graphql-jit (jit-executor.ts) — code that otherwise
 * runs only once per document, so a process's first documents run it cold (not yet optimised by V8).
 * Before the server listens, this parses, validates and (with `jit`) compiles the start-up screens `rounds` times
 * each, every time as a new text (a numbered comment), and drops the results: nothing is executed,
 * nothing is cached (Apollo's document store and the compiled-document cache are not touched), no data is
 * read. What it leaves behind is warm parser, validator and compiler code.
 */
export function warmCompilation(schema: GraphQLSchema, rounds: number, jit = true): CompileWarmup {
  const started = performance.now();
  const screens = [ROLL_UP_SCREEN, BI_OVERVIEW, DIRECTORY_SCREEN];
  let documents = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const screen of screens) {
      const document = parse(`${screen}\n# start-up compile ${round}`);
      const errors = validate(schema, document, specifiedRules);
      if (errors.length > 0) throw new Error(`a start-up screen does not validate: ${errors[0].message}`);
      if (jit && !isCompiledQuery(compileQuery(schema, document)))
        throw new Error('a start-up screen does not compile');
      documents += 1;
    }
  }
  return { documents, ms: Math.round(performance.now() - started) };
}
