// Child process of tracing.test.ts: the tracing entry first (as in src/main.ts), then a real server
// that answers one signed-in GraphQL request; the spans are flushed before it exits.
import { stopTracing } from '../../src/app/observability/tracing';
import 'reflect-metadata';
import { TestApp } from '../harness/app';

async function run(): Promise<void> {
  const app = await TestApp.start();
  try {
    const res = await app.gql('query TracedMe { me { user { login } } }', {}, { as: 'finance.zibo' });
    process.stdout.write(`${JSON.stringify(res)}\n`);
  } finally {
    await app.stop();
    await stopTracing();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
