/**
 * Lets a child process run TypeScript from source the way Jest does (SWC, decorator metadata, CommonJS),
 * without building into dist/: `node -r ./test/harness/swc-register.js src/main.ts` starts the real server in
 * a fresh Node process (test/startup, test/ops; test/ops-server: tracing must patch modules before they load).
 * Issue 10 item 6: one copy for every test that starts a child.
 */
/* global require */ // a CommonJS preload script: require() is how it loads
/* eslint-disable @typescript-eslint/no-require-imports */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
