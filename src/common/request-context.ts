import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { assessmentLoaders, type AssessmentLoaders } from '../assessment/assessment.loaders';
import { loadPrincipal } from '../auth/principal.loader';
import type { Principal } from '../auth/principal';
import type { LoginThrottle } from '../auth/login-throttle';
import type { TokenService } from '../auth/token.service';
import { AppError } from './errors';
import { ScopedAccess } from './scoped-access';
import type { AppConfig } from '../config/config';
import { availabilityError } from '../db/db-errors';
import { RequestDb } from '../db/request-db';
import { fundsLoaders, type FundsLoaders } from '../funds/funds.loaders';
import { goalsLoaders, type GoalsLoaders } from '../goals/goals.loaders';
import { hierarchyLoaders, type HierarchyLoaders } from '../hierarchy/hierarchy.loaders';

/** The loader sets of all modules, built once per request from the scoped access. */
export type Loaders = HierarchyLoaders & FundsLoaders & AssessmentLoaders & GoalsLoaders;

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
    this.loaderSet ??= {
      ...hierarchyLoaders(this.scoped),
      ...fundsLoaders(this.scoped),
      ...assessmentLoaders(this.scoped),
      ...goalsLoaders(this.scoped),
    };
    return this.loaderSet;
  }

  /** The caller, or UNAUTHENTICATED. Resolvers behind shield rules may rely on it. */
  get caller(): Principal {
    if (!this.principal) throw AppError.unauthenticated();
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
  const claims = match ? await services.tokens.verify(match[1]) : null;
  if (!claims) throw AppError.unauthenticated();
  try {
    const principal = await loadPrincipal(db, claims.tenantId, claims.userId, claims.tokenVersion);
    if (!principal) throw AppError.unauthenticated();
    return new RequestContext(services, requestId, req.ip ?? 'unknown', principal, db);
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    throw availabilityError(error, 503) ?? error;
  }
}
