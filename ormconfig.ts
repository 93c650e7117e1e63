/**
 * TypeORM CLI entry (owner connection). The application itself builds its data sources in
 * src/db/data-source.ts; this file exists for tooling, e.g.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/jixiao npx typeorm migration:show -d dist/ormconfig.js
 */
import { createDataSource } from './src/db/data-source';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jixiao';

export default createDataSource(url);
