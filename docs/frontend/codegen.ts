import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A known-good graphql-codegen setup for a frontend using the Jixiao API: the client preset ALONE.
 * Adding the classic plugins (`typescript`, `typescript-operations`, `typed-document-node`) to the same
 * output, as older guides show, now generates every type twice ("Duplicate identifier" errors): the
 * client preset already runs them. Run from this folder: `npx graphql-codegen` (add `--watch` while
 * editing operations). In your own repository, point `schema` at your copy of schema/schema.graphql
 * (or at the API's /graphql URL while introspection is on, i.e. outside production).
 */
const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['src/**/*.graphql', 'src/**/*.ts', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      // Outside React, `useFragment` reads wrong: the unmasking helper is named getFragmentData.
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Money and scores are exact decimals sent as strings (never floats): keep them strings, and
        // parse with a decimal library (decimal.js, big.js) where you compute.
        scalars: {
          DateTime: 'string',
          Decimal: 'string',
          Money: 'string', // always two decimals, e.g. "1200.00" (docs/frontend/ordering-and-values.md)
          Score: 'string', // always two decimals, e.g. "96.08"
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
