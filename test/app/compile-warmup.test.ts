/**
 * Issue 18 (the first request after start within 3× of a warm one): before it listens the server parses,
 * validates and compiles its start-up screens as new texts, without executing them or keeping what it
 * compiled (src/app/compile-warmup.ts), so that a caller's first document meets warm compiler code.
 */
import { buildSchema as schemaFromSdl, parse, validate } from 'graphql';
import { warmCompilation } from '../../src/app/compile-warmup';
import { executions } from '../../src/app/jit-executor';
import { STARTUP_SCREENS } from '../../src/app/startup-screens';
import { buildSchema } from '../../src/app/schema';

const schema = buildSchema();

test('every start-up screen is a valid document of the schema it warms', () => {
  for (const screen of STARTUP_SCREENS)
    expect(validate(schema, parse(screen)).map((e) => e.message)).toEqual([]);
});

test('compiles each screen once per round and executes nothing', () => {
  const before = { ...executions };
  expect(warmCompilation(schema, 4)).toMatchObject({ documents: 4 * STARTUP_SCREENS.length });
  expect(executions).toEqual(before);
});

test('with 0 rounds nothing is compiled', () => {
  expect(warmCompilation(schema, 0)).toMatchObject({ documents: 0 });
});

test('a schema a screen does not fit makes it throw a sentence (server.ts logs it and starts all the same)', () => {
  expect(() => warmCompilation(schemaFromSdl('type Query { ping: String }'), 1)).toThrow(/does not validate/);
});
