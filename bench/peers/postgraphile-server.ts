import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { Client, Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { TYPES } from 'postgraphile/@dataplan/pg';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { addPgTableOrderBy, orderByAscDesc } from 'postgraphile/utils';

/**
 * Issue 18: PostGraphile v5 over the bench database, as a PostGraphile user would run it — its own
 * process (Node.js 22: PostGraphile 5 needs it), library mode on Node's http server (grafserv), the Amber
 * preset, connected as the API's runtime role and with the same row-level security: `pgSettings` sets
 * `role = jixiao_app` and `jixiao.tenant_id` from a verified bearer token (HS256, jose — the library
 * Jixiao verifies its tokens with). Exposes `public` and `bench_peers` (the hand-written functions of W1
 * and W3, bench/peers/peer-sql.ts).
 *
 * User configuration beyond the preset, each what a PostGraphile user would add for these screens:
 * - filter and order by any column (the V4 preset's behaviour: `PgIndexBehaviorsPlugin` off), since
 *   region.level, organization.kind and goal.year have no single-column index;
 * - organizations ordered by name in pinyin (`NAME_PINYIN_ASC`), the order Jixiao lists them in.
 *
 * Env: BENCH_PG_URL (the runtime role's URL), BENCH_TOKEN_SECRET, BENCH_POOL_SIZE, PORT. GET /__stats
 * answers the SQL statements run since start (the pool's clients are counted), for statements/request.
 */

type TenantRequest = IncomingMessage & { benchTenant?: string };

let statements = 0;
class CountingClient extends Client {
  override query(...args: unknown[]): never {
    statements += 1;
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const secret = new TextEncoder().encode(env('BENCH_TOKEN_SECRET'));
  const pool = new Pool({
    connectionString: env('BENCH_PG_URL'),
    max: Number(process.env.BENCH_POOL_SIZE ?? 10),
    Client: CountingClient,
  });
  pool.on('error', (error) => console.error(`postgraphile pool: ${error.message}`));

  const pinyinOrder = addPgTableOrderBy({ schemaName: 'public', tableName: 'organization' }, (build) =>
    orderByAscDesc('NAME_PINYIN', (qb) => ({
      fragment: build.sql`${qb.alias}.name COLLATE public.zh_pinyin`,
      codec: TYPES.text,
    })),
  );

  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    plugins: [pinyinOrder],
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [
      makePgService({
        pool,
        schemas: ['public', 'bench_peers'],
        pubsub: false,
        // The same row-level security as the API: its runtime role, and the tenant of the verified token.
        pgSettings: (ctx: Grafast.RequestContext) => ({
          role: 'jixiao_app',
          'jixiao.tenant_id': (ctx.node?.req as TenantRequest | undefined)?.benchTenant,
        }),
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  };

  const pgl = postgraphile(preset);
  await pgl.getSchema(); // built before the first request, as a deployment does at start
  const serv = pgl.createServ(grafserv);
  const handler = serv.createHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/__stats') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ statements, rss: process.memoryUsage().rss }));
      return;
    }
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    jwtVerify(token, secret, { algorithms: ['HS256'] })
      .then(({ payload }) => {
        // Grafserv's node adaptor hands `req` to the request context; the tenant travels on it.
        (req as TenantRequest).benchTenant = String(payload.tenant_id);
        handler(req, res);
      })
      .catch(() => {
        res.statusCode = 401;
        res.end('{"errors":[{"message":"unauthenticated"}]}');
      });
  });
  const port = Number(process.env.PORT ?? 0);
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${actual}/graphql` })}\n`);
  });
  const stop = () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
