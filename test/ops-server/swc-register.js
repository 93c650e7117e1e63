/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node -r` */
// Runs TypeScript in a child process the way Jest does (SWC, decorator metadata, CommonJS), so a test
// can start the real server in a fresh Node process (tracing must patch modules before they load).
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');

require.extensions['.ts'] = function compile(module, filename) {
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
