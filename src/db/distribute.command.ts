import { migrate } from './bootstrap';
import { distributeUrl } from './distribute';

/**
 * `npm run db:distribute` (issue 17): with the owner connection of DATABASE_URL (a Citus coordinator
 * whose database exists on every node with `CREATE EXTENSION citus`), applies pending migrations and then
 * distributes every table not distributed yet (src/db/distribute.ts). Idempotent; run it after every
 * deployment that brings migrations, so new tables are distributed as they are created. On plain
 * PostgreSQL it migrates and says there is nothing to distribute.
 */
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('db:distribute: DATABASE_URL (the owner connection to the coordinator) is required');
    process.exit(2);
  }
  const applied = await migrate(url);
  print(`migrations applied: ${applied.length}`);
  const result = await distributeUrl(url, (line) => print(line));
  if (!result.citus) {
    print('no citus extension in this database: plain PostgreSQL, nothing to distribute');
    return;
  }
  print(
    `distributed ${result.distributed.length}, reference ${result.reference.length}, already done ${result.unchanged.length}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
