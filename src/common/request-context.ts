import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { loadPrincipal } from '../auth/principal.loader';
import { authenticateServiceToken, isServiceAccountToken } from '../auth/service-account-token';
import type { Principal } from '../auth/principal';
import type { LoginThrottle } from '../auth/login-throttle';
import type { TokenService } from '../auth/token.service';
import { refusal } from './refusal';
import { ScopedAccess } from './scoped-access';
import type { AppConfig } from '../config/config';
import { availabilityError } from '../db/db-errors';
import { RequestDb } from '../db/request-db';

/**
 * The loaders of all modules, one set per request built from the scoped access (STYLE principle 6).
 * Each module adds its own by declaration merging next to its factory, so `common/` imports no module:
 * `declare module '../common/request-context' { interface Loaders extends GoalsLoaders {} }` and
 * `registerLoaders('goals', goalsLoaders)`. Two modules declaring the same loader name with different
 * types do not compile; with the same type they fail at registration's first use (`composeLoaders`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' augmentations
export interface Loaders {}

type LoaderFactory = (scope: ScopedAccess) => object;
const loaderFactories = new Map<string, LoaderFactory>();

/** Adds a module's loader factory (called from the module's `*.loaders.ts`; composed in src/app/modules.ts). */
export function registerLoaders(module: string, factory: LoaderFactory): void {
  if (loaderFactories.has(module)) throw new Error(`Loaders of ${module} are registered twice`);
  loaderFactories.set(module, factory);
}

/**
 * The loader set of one request. Fails closed: without registered modules there are no loaders (a
 * missing import of src/app/modules.ts), and two modules may not claim the same loader name.
 */
export function composeLoaders(scope: ScopedAccess): Loaders {
  if (loaderFactories.size === 0) throw new Error('No loaders are registered: import src/app/modules.ts');
  const set: Record<string, unknown> = {};
  for (const [module, factory] of loaderFactories) {
    for (const [name, loader] of Object.entries(factory(scope))) {
      if (name in set) throw new Error(`Loader ${name} of ${module} is registered twice`);
      set[name] = loader;
    }
  }
  return set as unknown as Loaders;
}

/** Long-lived services shared by all requests. */
export interface AppServices {
  config: AppConfig;
  dataSource: DataSource;
  tokens: TokenService;
  loginThrottle: LoginThrottle;
  logger: Logger;
}

/**
 * Everything one request needs, built once: the caller, its database transaction, the scoped data
 * access and the loaders bound to them (STYLE principles 3 and 6).
 */
export class RequestContext {
  readonly db: RequestDb;
  private scoped: ScopedAccess;
  private loaderSet: Loaders | null = null;

  constructor(
    readonly services: AppServices,
    readonly requestId: string,
    readonly clientAddress: string,
    public principal: Principal | null,
    db?: RequestDb,
  ) {
    this.db = db ?? new RequestDb(services.dataSource);
    this.scoped = new ScopedAccess(this.db, principal);
  }

  get scope(): ScopedAccess {
    return this.scoped;
  }

  get loaders(): Loaders {
    this.loaderSet ??= composeLoaders(this.scoped);
    return this.loaderSet;
  }

  /** The caller, or UNAUTHENTICATED. Resolvers behind shield rules may rely on it. */
  get caller(): Principal {
    if (!this.principal) throw refusal.unauthenticated();
    return this.principal;
  }
}

export interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  id?: unknown;
}

/**
 * Builds the context of an HTTP request. A present but invalid, expired or revoked token is refused
 * with UNAUTHENTICATED (401); no token means an anonymous caller (public fields only). The caller
 * passes `db` when it guarantees its release (server.ts ends it when the response closes); a failure
 * here rolls it back at once. No database connection in time is SERVICE_UNAVAILABLE (503, issue 8
 * item 5), not an internal error.
 */
export async function createContext(
  services: AppServices,
  req: IncomingRequest,
  db: RequestDb = new RequestDb(services.dataSource),
): Promise<RequestContext> {
  const requestId = typeof req.id === 'string' ? req.id : randomUUID();
  const header = req.headers.authorization;
  const authorization = Array.isArray(header) ? header[0] : header;
  if (!authorization) return new RequestContext(services, requestId, req.ip ?? 'unknown', null, db);

  const match = /^Bearer (.+)$/i.exec(authorization.trim());
  if (match && isServiceAccountToken(match[1]))
    return serviceAccountContext(services, req, requestId, match[1], db);
  const claims = match ? await services.tokens.verify(match[1]) : null;
  if (!claims) throw refusal.unauthenticated();
  try {
    const principal = await loadPrincipal(db, claims.tenantId, claims.userId, claims.tokenVersion);
    if (!principal) throw refusal.unauthenticated();
    return new RequestContext(services, requestId, req.ip ?? 'unknown', principal, db);
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    throw availabilityError(error, 503) ?? error;
  }
}

/**
 * Issue 14: a service-account token (`jx_…`) — no password, no sign-in throttle; checked on every request
 * (revoked, expired or deactivated: UNAUTHENTICATED at once), before the request's transaction opens.
 */
async function serviceAccountContext(
  services: AppServices,
  req: IncomingRequest,
  requestId: string,
  token: string,
  db: RequestDb,
): Promise<RequestContext> {
  try {
    const principal = await authenticateServiceToken(services.dataSource, token);
    if (!principal) throw refusal.unauthenticated();
    await db.setTenant(principal.tenantId);
    return new RequestContext(services, requestId, req.ip ?? 'unknown', principal, db);
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    throw availabilityError(error, 503) ?? error;
  }
}
