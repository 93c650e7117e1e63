import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Issue 16 README "Use from a frontend": the documented graphql-codegen setup (docs/frontend/codegen.ts,
// client preset) generates types from schema/schema.graphql that the example client compiles against.

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

test('docs/frontend: codegen with the client preset succeeds and the typed example compiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-frontend-'));
  try {
    cpSync(join(root, 'docs', 'frontend'), dir, {
      recursive: true,
      filter: (src) => !src.includes('/src/gql'),
    });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    // The example points at the repository's schema relative to docs/frontend; here, the absolute path.
    const config = readFileSync(join(dir, 'codegen.ts'), 'utf8');
    expect(config).toContain(`schema: '../../schema/schema.graphql'`);
    writeFileSync(
      join(dir, 'codegen.ts'),
      config.replace('../../schema/schema.graphql', join(root, 'schema', 'schema.graphql')),
    );

    const codegen = spawnSync(bin('graphql-codegen'), ['--config', 'codegen.ts'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(codegen.stderr + codegen.stdout).not.toMatch(/error/i);
    expect(codegen.status).toBe(0);
    const generated = readFileSync(join(dir, 'src', 'gql', 'graphql.ts'), 'utf8');
    expect(generated).toContain('export const SignInDocument');
    expect(generated).toContain('export type GoalsQuery');
    // Decimals stay strings (never floats): money is exact.
    expect(generated).toMatch(/annualAmount: string \| null/);

    const tsc = spawnSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
