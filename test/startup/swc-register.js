/**
 * Lets a child `node -r ./test/startup/swc-register.js src/main.ts` run the API from source, compiled
 * by SWC with the same options as Jest (decorator metadata), without building into dist/.
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
