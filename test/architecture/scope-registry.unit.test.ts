import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import '../../src/app/modules';
import type { Principal } from '../../src/auth/principal';
import { OrganizationKind, RegionLevel } from '../../src/auth/principal-kinds';
import * as contextModule from '../../src/common/request-context';
import * as scopedModule from '../../src/common/scoped-access';
import type { RequestDb } from '../../src/db/request-db';
import { GoalEntity } from '../../src/goals/goal.entity';
import { importsOf } from './import-graph';

// STYLE principle 3 ("scoping fails closed, in one place") with issue 10 item 1: the scoping core in
// common/ knows no module; each module registers its entities' scopes (<module>.scope.ts) and loaders,
// composed by src/app/modules.ts (tests may import app/ as main.ts does). Pure: no database — the
// request database below throws when touched.
const { ScopedAccess, MissingScopeError, UnscopedEntityError, registeredScopeNames } = scopedModule;

/** Fresh copies of the registries with no module registered, as if src/app/modules.ts were not loaded. */
function unregistered(): { scoped: typeof scopedModule; context: typeof contextModule } {
  let fresh: { scoped: typeof scopedModule; context: typeof contextModule } | undefined;
  jest.isolateModules(() => {
    fresh = {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry
      scoped: require('../../src/common/scoped-access'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry
      context: require('../../src/common/request-context'),
    };
  });
  return fresh!;
}

const untouchable = new Proxy({} as RequestDb, {
  get: () => {
    throw new Error('the database must not be reached');
  },
});
const caller: Principal = {
  userId: '00000000-0000-4000-8000-000000000001',
  login: 'czj',
  displayName: '财政局',
  tenantId: '00000000-0000-4000-8000-000000000002',
  organizationId: '00000000-0000-4000-8000-000000000003',
  organizationKind: OrganizationKind.FINANCE_BUREAU,
  supervisingDepartmentId: null,
  regionId: '00000000-0000-4000-8000-000000000004',
  regionLevel: RegionLevel.CITY,
  regionPath: '/00000000-0000-4000-8000-000000000004/',
  isTenantAdmin: false,
};

/** An entity class no module registered a scope for. */
class UnregisteredThing {
  id!: string;
}

/** The scoped reads each module declares on ScopedAccess (`declare module … interface ScopedAccess`). */
function declaredScopeNames(): string[] {
  const root = resolve(__dirname, '../..');
  const files = [...new Set(importsOf(root).map((e) => e.from))];
  return files
    .flatMap((f) => {
      const text = readFileSync(resolve(root, 'src', f), 'utf8');
      const block = /interface ScopedAccess \{([^}]*)\}/.exec(text)?.[1] ?? '';
      return [...block.matchAll(/^\s*(\w+)\(/gm)].map((m) => m[1]);
    })
    .sort();
}

describe('the scope registry (common/scoped-access.ts) fails closed', () => {
  test('an entity without a registered scope cannot be read, with or without a caller, before the database', async () => {
    for (const principal of [caller, null]) {
      const scope = new ScopedAccess(untouchable, principal);
      await expect(scope.query(UnregisteredThing)).rejects.toBeInstanceOf(UnscopedEntityError);
    }
  });

  test('without src/app/modules.ts no module is registered: the named reads do not exist and query() throws', async () => {
    const { scoped } = unregistered();
    expect(scoped.registeredScopeNames()).toEqual([]);
    const scope = new scoped.ScopedAccess(untouchable, caller);
    await expect(scope.query(GoalEntity)).rejects.toBeInstanceOf(scoped.UnscopedEntityError);
    expect((scope as unknown as Record<string, unknown>).goals).toBeUndefined();
  });

  test('every scoped read a module declares is registered by src/app/modules.ts (and no other)', () => {
    expect(registeredScopeNames()).toEqual(declaredScopeNames());
    // The reads common/scoped-access.ts offered before the registry (none lost).
    expect(registeredScopeNames()).toEqual(
      expect.arrayContaining([
        'regions',
        'organizations',
        'users',
        'auditEvents',
        'funds',
        'allocations',
        'projects',
        'assessments',
        'assessmentDimensions',
        'assessmentGateFacts',
        'goals',
        'goalIndicators',
        'goalTransitions',
        'evaluations',
        'evaluationActuals',
        'evaluationFrameworkScores',
        'evaluationReportSections',
        'evaluationTransitions',
        'goalExecutions',
        'fundingHolds',
        'monitoringReports',
        'monitoringReportIndicators',
        'tenantPolicies',
        'spotCheckSamples',
      ]),
    );
  });

  test('an entity or a name registered twice is refused, also a name of the core', () => {
    expect(() =>
      scopedModule.registerScope({ name: 'goalsAgain', entity: GoalEntity, alias: 'g', rule: (qb) => qb }),
    ).toThrow(/registered twice/);
    for (const name of ['goals', 'query', 'caller', 'manager', 'adminPrefix']) {
      expect(() =>
        scopedModule.registerScopedView({ name, entity: UnregisteredThing, alias: 'x', rule: (qb) => qb }),
      ).toThrow(/registered twice/);
    }
  });

  test('every scoped read refuses a request without a caller, before the database', async () => {
    const scope = new ScopedAccess(untouchable, null) as unknown as Record<string, () => Promise<unknown>>;
    for (const name of registeredScopeNames()) {
      await expect(scope[name]()).rejects.toBeInstanceOf(MissingScopeError);
    }
  });
});

describe('the loader registry (common/request-context.ts)', () => {
  test('without registered modules a request has no loaders (fails closed)', () => {
    const { scoped, context } = unregistered();
    expect(() => context.composeLoaders(new scoped.ScopedAccess(untouchable, caller))).toThrow(
      /No loaders are registered/,
    );
  });

  test('src/app/modules.ts composes the loaders of every module, each name once', () => {
    const { composeLoaders, registerLoaders } = contextModule;
    const loaders = composeLoaders(new ScopedAccess(untouchable, caller));
    for (const name of [
      'regionById',
      'organizationById',
      'fundById',
      'projectById',
      'assessmentById',
      'goalById',
    ]) {
      expect(loaders).toHaveProperty(name);
    }
    expect(() => registerLoaders('goals', () => ({}))).toThrow(/registered twice/);
    registerLoaders('impostor', () => ({ goalById: null }));
    expect(() => composeLoaders(new ScopedAccess(untouchable, caller))).toThrow(/goalById of impostor/);
  });
});
