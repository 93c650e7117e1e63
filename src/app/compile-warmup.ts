import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { STARTUP_SCREENS } from './startup-screens';

/** What the compile warm-up at start did (logged by the server). */
export interface CompileWarmup {
  documents: number;
  ms: number;
}

/**
 * Issue 18 (the first request after start within 3× of a warm one): every document a caller sends for
 * the first time is parsed, validated and compiled by graphql-jit (jit-executor.ts) — code that otherwise
 * runs only once per document, so a process's first documents run it cold (not yet optimised by V8).
 * Before the server listens, this parses, validates and (with `jit`) compiles the start-up screens
 * `rounds` times each, every time as a new text (a numbered comment), and drops the results: nothing is executed,
 * nothing is cached (Apollo's document store and the compiled-document cache are not touched), no data is
 * read. What it leaves behind is warm parser, validator and compiler code.
 */
export function warmCompilation(schema: GraphQLSchema, rounds: number, jit = true): CompileWarmup {
  const started = performance.now();
  let documents = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const screen of STARTUP_SCREENS) {
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
