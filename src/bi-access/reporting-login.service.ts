import { RegionLevel } from '../auth/principal-kinds';
import { ErrorCode, msg } from '../common/errors';
import { idOfType, toGlobalId } from '../common/global-id';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import { refusal } from '../common/refusal';
import type { RequestContext } from '../common/request-context';
import { administeredRegion } from '../hierarchy/administered';
import type { CreateReportingLoginInput, RevokeReportingLoginInput } from './dto/reporting-login.inputs';
import { isRoleTaken, ownerMayCreateRoles, roleExists } from './login-issuer';
import { insertReportingLogin, markReportingLoginRevoked, sqlOf } from './reporting-login.repository';
import { chosenNameProblem, connectionLimitProblem, roleNameFor } from './rules/login-name';

const nameTaken = msg('该登录名已被使用', 'This login name is already taken on the database server');

/** Two administrators issuing the same name at once: the second waits on the register, then this. */
const meanings: ConstraintMeanings = {
  uq_reporting_login_role: { code: ErrorCode.CONFLICT, field: ['input', 'name'], message: nameTaken },
};

/** The region the login is confined to: one of the administrator's subtree (P6), by default its own. */
async function confinement(ctx: RequestContext, regionId: string | null | undefined) {
  const caller = ctx.caller;
  const region = await administeredRegion(ctx, regionId ?? toGlobalId('Region', caller.regionId), [
    'input',
    'regionId',
  ]);
  // The city's own region is the whole tenant: such a login is stored without a region (contract).
  return region.level === RegionLevel.CITY ? { region, regionId: null } : { region, regionId: region.id };
}

/**
 * 签发报表只读登录 (DOMAIN §16): a tenant administrator issues a read-only database login confined to its
 * subtree (or a region in it). The password is generated here, returned this once and sent to
 * PostgreSQL only as a SCRAM verifier; the issue is audited without it (DOMAIN §15).
 */
export function createReportingLogin(ctx: RequestContext, input: CreateReportingLoginInput) {
  return runMutation(ctx, meanings, async (em) => {
    const { region, regionId } = await confinement(ctx, input.regionId);
    const v = new Validation();
    const name = input.name?.trim() || null;
    const nameProblem = name ? chosenNameProblem(name) : null;
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'name'], nameProblem);
    const limitProblem = connectionLimitProblem(input.connectionLimit);
    if (limitProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'connectionLimit'], limitProblem);
    v.check();
    const run = sqlOf(em);
    const roleName = roleNameFor(regionId ? region.code : null, name);
    if (await roleExists(run, roleName)) throw refusal(ErrorCode.CONFLICT, ['input', 'name'], nameTaken);
    if (!(await ownerMayCreateRoles(run)))
      throw refusal(
        ErrorCode.FORBIDDEN,
        ['input'],
        msg(
          '数据库属主没有 CREATEROLE 权限，请运维人员授予后重试（见 README）',
          'The database owner lacks CREATEROLE; ask the operator to grant it (README "BI tools: direct SQL access")',
        ),
      );
    const { login, password } = await insertReportingLogin(
      ctx,
      em,
      { regionId, roleName, connectionLimit: input.connectionLimit },
      region.path,
    ).catch((error: unknown) => {
      // The same name issued at once: the other issue committed between the check above and the function's.
      throw isRoleTaken(error) ? refusal(ErrorCode.CONFLICT, ['input', 'name'], nameTaken) : error;
    });
    const [{ database }] = (await em.query('SELECT current_database() AS database')) as {
      database: string;
    }[];
    return {
      reportingLogin: login,
      password,
      connection: { database, user: roleName, schema: 'reporting' },
    };
  });
}

/** A login the caller administers (scope: tenant administrators, their subtree); else NOT_FOUND. */
export async function reportingLoginNode(ctx: RequestContext, id: string | null) {
  return id ? (await ctx.scope.reportingLogins()).andWhere('rl.id = :id', { id }).getOne() : null;
}

/**
 * 吊销报表只读登录 (DOMAIN §16): from its next statement on the login reads nothing; its role is dropped
 * and its sessions ended where the server allows. Audited.
 */
export function revokeReportingLogin(ctx: RequestContext, input: RevokeReportingLoginInput) {
  return runMutation(ctx, {}, async (em) => {
    const login = await reportingLoginNode(ctx, idOfType(input.reportingLoginId, 'ReportingLogin'));
    if (!login)
      throw refusal(
        ErrorCode.NOT_FOUND,
        ['input', 'reportingLoginId'],
        msg('未找到该报表登录', 'Reporting login not found'),
      );
    const revoked = login.revokedAt ? null : await markReportingLoginRevoked(ctx, em, login);
    if (!revoked)
      throw refusal(
        ErrorCode.CONFLICT,
        ['input', 'reportingLoginId'],
        msg('该报表登录已吊销', 'The reporting login is already revoked'),
      );
    return { reportingLogin: revoked };
  });
}
