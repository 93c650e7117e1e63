import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSdl } from './schema';

/** `npm run schema:emit` — writes schema/schema.graphql (committed; a test fails when it is stale). */
const target = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
writeFileSync(target, schemaSdl());
console.warn(`wrote ${target}`);
