import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { issueLogin, revokeLogin, roleExists, type RunSql } from './login-issuer';
import {
  chosenNameProblem,
  connectionLimitProblem,
  DEFAULT_CONNECTIONS,
  roleNameFor,
} from './rules/login-name';

/**
 * `npm run reporting:login -- --tenant 370300 [--region 370302] [--name metabase] [--connections 5]`
 * issues a read-only reporting login (DOMAIN §16) with the owner connection of DATABASE_URL and prints
 * the login and its password once; `--revoke bi_…` revokes one; `--list` lists the tenant's logins.
 * The tenant is named by its city's administrative division code, the region by its own code.
 * (Lives in the module, not in src/tools/: tools import no domain module, test/architecture.)
 */
export const USAGE = `usage: npm run reporting:login -- --tenant <city code> [--region <code>] [--name <name>] [--connections <n>]
       npm run reporting:login -- --tenant <city code> --revoke <login>
       npm run reporting:login -- --tenant <city code> --list`;

export interface CommandResult {
  ok: boolean;
  lines: string[];
}

const fail = (line: string): CommandResult => ({ ok: false, lines: [line, USAGE] });

/** Runs the command against an owner connection; returns what to print (testable without a process). */
export async function reportingLoginCommand(argv: string[], ownerUrl: string): Promise<CommandResult> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        tenant: { type: 'string' },
        region: { type: 'string' },
        name: { type: 'string' },
        connections: { type: 'string' },
        revoke: { type: 'string' },
        list: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const tenantCode = str('tenant');
  if (!tenantCode) return fail('--tenant is required (the city’s division code, e.g. 370300)');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const run: RunSql = async (text, params) => (await client.query(text, params)).rows;
  try {
    const [city] = await run(`SELECT tenant_id, id FROM region WHERE code = $1 AND parent_id IS NULL`, [
      tenantCode,
    ]);
    if (!city) return fail(`no tenant whose city has the code ${tenantCode}`);
    const tenantId = String(city.tenant_id);
    if (values.list) return { ok: true, lines: await listLines(run, tenantId) };
    const revoke = str('revoke');
    if (revoke) return await revokeByName(run, tenantId, revoke);
    return await issue(run, client, tenantId, str('region'), str('name'), str('connections'), ownerUrl);
  } finally {
    await client.end();
  }
}

async function issue(
  run: RunSql,
  client: Client,
  tenantId: string,
  regionCode: string | undefined,
  name: string | undefined,
  connections: string | undefined,
  ownerUrl: string,
): Promise<CommandResult> {
  let regionId: string | null = null;
  if (regionCode) {
    const [region] = await run(`SELECT id, parent_id FROM region WHERE tenant_id = $1 AND code = $2`, [
      tenantId,
      regionCode,
    ]);
    if (!region) return fail(`no region ${regionCode} in this tenant`);
    regionId = region.parent_id === null ? null : String(region.id); // the city = the whole tenant
  }
  if (name && chosenNameProblem(name)) return fail(chosenNameProblem(name)!.en);
  const limit = connections === undefined ? DEFAULT_CONNECTIONS : Number(connections);
  if (connectionLimitProblem(limit)) return fail(connectionLimitProblem(limit)!.en);
  const roleName = roleNameFor(regionId ? (regionCode ?? null) : null, name);
  if (await roleExists(run, roleName)) return fail(`a role named ${roleName} exists on this server`);
  await client.query('BEGIN');
  try {
    const issued = await issueLogin(run, {
      tenantId,
      regionId,
      roleName,
      connectionLimit: limit,
      createdByUserId: null,
    });
    await client.query('COMMIT');
    const url = new URL(ownerUrl);
    return {
      ok: true,
      lines: [
        `login issued (read-only, ${regionId ? `region ${regionCode} and below` : 'whole tenant'}); the password is shown only now:`,
        `  host      ${url.hostname}`,
        `  port      ${url.port || '5432'}`,
        `  database  ${decodeURIComponent(url.pathname.slice(1))}`,
        `  user      ${issued.roleName}`,
        `  password  ${issued.password}`,
        `  schema    reporting`,
      ],
    };
  } catch (error) {
    await client.query('ROLLBACK');
    return fail(`could not issue the login: ${(error as Error).message}`);
  }
}

async function revokeByName(run: RunSql, tenantId: string, roleName: string): Promise<CommandResult> {
  const [login] = await run(
    `SELECT id FROM reporting_login WHERE tenant_id = $1 AND role_name = $2 AND revoked_at IS NULL`,
    [tenantId, roleName],
  );
  if (!login) return fail(`no active login ${roleName} in this tenant`);
  await revokeLogin(run, tenantId, String(login.id), null);
  return { ok: true, lines: [`login ${roleName} revoked: it can no longer connect or read`] };
}

async function listLines(run: RunSql, tenantId: string): Promise<string[]> {
  const rows = await run(
    `SELECT l.role_name, r.code, l.connection_limit, l.created_at, l.revoked_at
       FROM reporting_login l LEFT JOIN region r ON r.tenant_id = l.tenant_id AND r.id = l.region_id
      WHERE l.tenant_id = $1 ORDER BY l.created_at`,
    [tenantId],
  );
  if (rows.length === 0) return ['no reporting logins'];
  return rows.map(
    (r) =>
      `${String(r.role_name)}  ${r.code ? `region ${String(r.code)}` : 'whole tenant'}  limit ${String(r.connection_limit)}  ${r.revoked_at ? `revoked ${(r.revoked_at as Date).toISOString()}` : 'active'}`,
  );
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL (the owner connection) is required\n');
    process.exit(2);
  }
  reportingLoginCommand(process.argv.slice(2), url).then(
    (result) => {
      (result.ok ? process.stdout : process.stderr).write(`${result.lines.join('\n')}\n`);
      process.exit(result.ok ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
