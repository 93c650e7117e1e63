import type { ApolloServer } from '@apollo/server';
import { randomBytes } from 'node:crypto';
import { Agent, request, type IncomingMessage } from 'node:http';
import type { Principal } from '../auth/principal';
import { placeOf, type PlaceRow } from '../auth/principal-row';
import { toGlobalId } from '../common/global-id';
import { stringifyResponse } from '../common/raw-json';
import { computeAggregates } from '../reporting/aggregate-cache';
import { RequestContext, type AppServices } from '../common/request-context';
import { RequestDb } from '../db/request-db';
import { BI_OVERVIEW, DIRECTORY_SCREEN, LEVEL_BELOW, ROLL_UP_SCREEN } from './startup-screens';

/** What the request warm-up at start did (logged by the server). */
export interface RequestWarmup {
  rounds: number;
  ms: number;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The largest fund tree in force and the department that set its overall goal (谁分配预算、谁设定目标). */
interface TargetRow extends PlaceRow {
  goal_id: string;
}

/** What the warm-up reads and as whom (see warmRequests). */
export interface WarmupTarget {
  tenantId: string;
  /** The overall goal of the largest fund tree in force. */
  goalId: string;
  /** A stand-in for the department that set it: its organization and region, no user. */
  principal: Principal;
}

/** The warm-up's target, or null when no fund tree with regional goals is in force. */
export async function warmupTarget(services: AppServices): Promise<WarmupTarget | null> {
  const [parent] = (await services.dataSource.query(
    'SELECT tenant_id, parent_goal_id FROM rollup_warm_parents(1)',
  )) as { tenant_id: string; parent_goal_id: string }[];
  if (!parent) return null;
  const db = new RequestDb(services.dataSource, { readOnly: true });
  let row: TargetRow | undefined;
  try {
    await db.setTenant(parent.tenant_id);
    // rollup_warm_parents answers overall goals over regional goals, largest first, newest year first.
    [row] = await db.query<TargetRow>(
      `SELECT g.id AS goal_id, o.tenant_id, o.id AS organization_id, o.kind,
              o.supervising_department_id, r.id AS region_id, r.level, r.path
         FROM performance_goal g
         JOIN organization o ON o.tenant_id = g.tenant_id AND o.id = g.drafter_organization_id
         JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
        WHERE g.tenant_id = $1 AND g.id = $2`,
      [parent.tenant_id, parent.parent_goal_id],
    );
  } finally {
    await db.finish(false);
  }
  if (!row) return null;
  return {
    tenantId: row.tenant_id,
    goalId: row.goal_id,
    principal: {
      userId: NOBODY,
      login: 'request-warmup',
      displayName: '启动预热 — start-up warm-up',
      ...placeOf(row),
      isTenantAdmin: false,
    },
  };
}

/**
 * Issue 18 (the first request after start within 3× of a warm one): before the server listens, runs the
 * roll-up screen of the largest fund tree in force, and the BI overview and the organization directory of
 * the department that set it (startup-screens.ts), `rounds` times each, through the whole GraphQL path — the
 * token check, Apollo, the limits, graphql-jit, the permission layer, the resolvers, TypeORM,
 * node-postgres, the response's serialisation — so that the first callers do not run that code cold (a
 * first roll-up request took ~5× a warm one: V8 optimises code after many calls, not one).
 *
 * Who it runs as: a stand-in for the department that set the tree's overall goal (DOMAIN §8 P1, 谁分配预算、
 * 谁设定目标) — that department's organization and region, no user (`userId` matches no row), never a
 * tenant administrator. It exists only inside this function: no token is issued for it (the token the
 * check runs on names no user of no tenant and is dropped), nothing is answered to anyone. Each screen
 * runs in its own READ ONLY transaction of that tenant under row-level security (PostgreSQL refuses any
 * write), ended and released on every path; the answer is checked for errors and dropped. What it leaves
 * behind is only what any request leaves: compiled code, the compiled documents (these three, not a
 * caller's), and the roll-up results, which are keyed by goal and statistics version and read through each
 * caller's own jurisdiction (rollup.loaders.ts). A failure costs speed only.
 */
export async function warmRequests(
  services: AppServices,
  apollo: ApolloServer<RequestContext>,
  rounds: number,
): Promise<RequestWarmup> {
  const started = performance.now();
  if (rounds <= 0) return { rounds: 0, ms: 0 };
  const target = await warmupTarget(services);
  if (!target) return { rounds: 0, ms: Math.round(performance.now() - started) };
  const screens = [
    { query: ROLL_UP_SCREEN, variables: { id: toGlobalId('PerformanceGoal', target.goalId) } },
    { query: BI_OVERVIEW, variables: { level: LEVEL_BELOW[target.principal.regionLevel] } },
    { query: DIRECTORY_SCREEN, variables: { after: null } },
  ];
  for (let round = 0; round < rounds; round += 1) {
    // The token check every caller's request starts with: a token made and checked here, in memory, for
    // no user of no tenant (it is never sent anywhere).
    const warmupToken = await services.tokens.issue({ userId: NOBODY, tenantId: NOBODY, tokenVersion: 0 });
    if (!(await services.tokens.verify(warmupToken.token)))
      throw new Error('the warm-up token did not verify');
    for (const screen of screens) await runScreen(services, apollo, target, screen, round);
  }
  return { rounds, ms: Math.round(performance.now() - started) };
}

/** One screen as one request: its own READ ONLY transaction, ended and released on every path. */
async function runScreen(
  services: AppServices,
  apollo: ApolloServer<RequestContext>,
  target: WarmupTarget,
  screen: { query: string; variables: Record<string, unknown> },
  round: number,
): Promise<void> {
  const db = new RequestDb(services.dataSource, { readOnly: true });
  try {
    await db.setTenant(target.tenantId);
    const ctx = new RequestContext(services, `request-warmup-${round}`, 'local', target.principal, db);
    // The BI overview computed every round, as a caller's first question is (src/reporting/aggregate-cache.ts).
    computeAggregates(ctx);
    const response = await apollo.executeOperation(screen, { contextValue: ctx });
    if (response.body.kind !== 'single') throw new Error('the warm-up answered incrementally');
    const { errors } = response.body.singleResult;
    if (errors?.length)
      throw new Error(`the warm-up was refused: ${JSON.stringify(errors[0]).slice(0, 300)}`);
    stringifyResponse(response.body.singleResult);
  } finally {
    await db.finish(false);
  }
}

/** The header that marks the start-up's own HTTP requests: a per-process secret, never sent elsewhere. */
const WARMUP_HEADER = 'x-jixiao-warmup';
const WARMUP_NONCE = randomBytes(16).toString('hex');

/** A request the server sent itself while warming (its log line is left out). */
export function isWarmupRequest(req: IncomingMessage): boolean {
  return req.headers[WARMUP_HEADER] === WARMUP_NONCE;
}

/** Anonymous and public: `__typename` of the root, no field behind a permission, no database read. */
const ANONYMOUS_QUERY = JSON.stringify({ query: 'query JixiaoStartupWarmup { __typename }', variables: {} });

/** What the server answered its own warm-up requests (by HTTP status). */
export interface HttpWarmup {
  /** Anonymous `__typename` queries answered 200. */
  anonymous: number;
  /** Requests with the token of no user answered 401 UNAUTHENTICATED. */
  refused: number;
}

/**
 * Issue 18: once listening, the server sends itself `rounds` pairs of requests over one keep-alive
 * connection, so that the HTTP path a caller's first request takes has run before: express, CORS, the
 * request log, the body parser, the token check and the caller's lookup (`createContext`: the request's
 * transaction, the prepared statement of the principal), Apollo's pipeline and limits, graphql-jit, the
 * response's serialisation and the socket writes. Each pair is an anonymous `__typename` query (public,
 * reads nothing) and the same query with a token this process signed for no user of no tenant, which the
 * server refuses like any other token whose user does not exist (401 UNAUTHENTICATED: the lookup finds no
 * row under that tenant). The token is never sent anywhere else; neither kind is logged
 * (`isWarmupRequest`).
 */
export async function warmHttp(services: AppServices, url: string, rounds: number): Promise<HttpWarmup> {
  const done: HttpWarmup = { anonymous: 0, refused: 0 };
  if (rounds <= 0) return done;
  const { token } = await services.tokens.issue({ userId: NOBODY, tenantId: NOBODY, tokenVersion: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let round = 0; round < rounds; round += 1) {
      if ((await post(url, agent, null)) === 200) done.anonymous += 1;
      if ((await post(url, agent, token)) === 401) done.refused += 1;
    }
  } finally {
    agent.destroy();
  }
  return done;
}

/** One warm-up POST of the anonymous query (with `bearer` as its token, if given): its HTTP status. */
function post(url: string, agent: Agent, bearer: string | null): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(ANONYMOUS_QUERY),
          [WARMUP_HEADER]: WARMUP_NONCE,
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error('the warm-up request timed out')));
    req.on('error', reject);
    req.end(ANONYMOUS_QUERY);
  });
}
