/**
 * Issue 17: the suites that matter most on a Citus cluster (coordinator + 2 workers), run by
 * `npm run test:citus` (bench/../src/db/citus-test-run.ts starts the cluster and sets DATABASE_URL and
 * CITUS=1). The global setup then creates the template on every node, migrates, distributes and loads
 * the demo; each file clones every node's copy (test/harness/database.ts).
 */
const main = require('./jest.config.js');

const integration = main.projects.find((p) => p.displayName === 'integration');

module.exports = {
  testTimeout: 120000,
  maxWorkers: 2,
  projects: [
    {
      ...integration,
      displayName: 'citus',
      testPathIgnorePatterns: integration.testPathIgnorePatterns.filter((p) => p !== '/test/citus/'),
      testMatch: [
        // Cluster-only checks: shard groups, one worker per request, distribution is idempotent.
        '<rootDir>/test/citus/**/*.test.ts',
        // Isolation matrix and row-level security.
        '<rootDir>/test/hierarchy/*-isolation.test.ts',
        '<rootDir>/test/hierarchy/list-isolation-users.test.ts',
        '<rootDir>/test/rls.test.ts',
        // The goal workflow: filing, and the happy path draft → review chain → issued with its history.
        '<rootDir>/test/goals/goal-filing-api.test.ts',
        '<rootDir>/test/goals/goals-happy-path-api.test.ts',
        // DOMAIN §11 worked example end to end, and the roll-up statistics (concurrent submissions under
        // one parent).
        '<rootDir>/test/rollup/rollup-api.test.ts',
        '<rootDir>/test/rollup/rollup-statistics.test.ts',
        // The BI aggregate kept while the tenant's cells and regions are unchanged (issue 18, W3).
        '<rootDir>/test/reporting/aggregate-cache.test.ts',
        // … and kept in the database for the next process (issue 18, the first request after start).
        '<rootDir>/test/reporting/kept-answers.test.ts',
        // Query counts.
        '<rootDir>/test/goals/goal-query-count.test.ts',
        '<rootDir>/test/query-count.test.ts',
        // Sign-in through the login directory, and logins unique per tenant (a duplicate's CONFLICT names
        // the field although the shard's constraint name carries the shard id, src/db/db-errors.ts).
        '<rootDir>/test/auth/login.test.ts',
        '<rootDir>/test/auth/tenant-logins.test.ts',
      ],
    },
  ],
};
