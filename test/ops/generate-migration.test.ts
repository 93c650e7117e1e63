import { Client } from 'pg';
import ts from 'typescript';
import { migrationSource, runGenerator, schemaDiff } from '../../src/db/generate-migration';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Issue 16 "npm run scripts all working": `npm run migration:generate` asks TypeORM what a migrated
// database lacks against the entities (STYLE principle 8: the schema changes only through migrations).

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

test('on a clean, migrated database the generated migration is empty', async () => {
  const diff = await schemaDiff(db.ownerUrl);
  expect(diff).toEqual({ up: [], down: [] });
});

test('a schema that drifted from the entities yields the SQL that repairs it, and its undo', async () => {
  const owner = new Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    await owner.query('ALTER TABLE region DROP COLUMN name CASCADE');
  } finally {
    await owner.end();
  }
  const diff = await schemaDiff(db.ownerUrl);
  expect(diff.up.some((q) => /ALTER TABLE "region" ADD "name"/.test(q))).toBe(true);
  expect(diff.down.some((q) => /ALTER TABLE "region" DROP COLUMN "name"/.test(q))).toBe(true);
});

test('the migration file is a valid TypeScript class named in the project style', () => {
  const { fileName, source } = migrationSource('AddRegionNote', 1769000000000, {
    up: ['ALTER TABLE "region" ADD "note" text'],
    down: ['ALTER TABLE "region" DROP COLUMN "note"'],
  });
  expect(fileName).toBe('1769000000000-add-region-note.ts');
  expect(source).toContain('export class AddRegionNote1769000000000 implements MigrationInterface');
  expect(source).toContain(`name = 'AddRegionNote1769000000000'`);
  expect(source).toContain('await queryRunner.query("ALTER TABLE \\"region\\" ADD \\"note\\" text");');
  const out = ts.transpileModule(source, { reportDiagnostics: true, fileName });
  expect(out.diagnostics).toEqual([]);
  expect(() => migrationSource('add region', 1, { up: [], down: [] })).toThrow(/PascalCase/);
});

// Issue 10 item 7: CI runs `npm run migration:generate -- --check` (.ci/run); it answers 0 on the clean
// tree (a fresh database migrated from migrations/ matches the entities) and writes no file.
test('--check on a fresh migrated database: no statements, exit code 0; --check with a name is refused', async () => {
  const out: string[] = [];
  const code = await runGenerator(['--check'], process.env.JIXIAO_TEST_ADMIN_URL, (t) => out.push(t));
  expect(out.join('')).toBe('No schema change: the entities match the migrations.\n');
  expect(code).toBe(0);
  await expect(runGenerator(['--check', 'AddGoalNote'], process.env.JIXIAO_TEST_ADMIN_URL)).rejects.toThrow(
    /either --check or a migration name/,
  );
});
