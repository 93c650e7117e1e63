import { nullsRefused } from '../common/partial-update';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { HashingBusy, hashSlots } from '../auth/hash-slots';
import { hashPassword } from '../auth/password';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation, Validation, type ConstraintMeanings } from '../common/mutation';
import type { CreateUserInput, UpdateUserInput } from './dto/user.inputs';
import { administeredOrganization, administeredOrganizationById } from './administered';
import { OrganizationKind } from './hierarchy.enums';
import { userWriter } from './hierarchy.repository';
import type { OrganizationEntity } from './organization.entity';
import { checkName } from './rules/division-code';
import { checkLogin, checkPassword } from './rules/user-rules';
import { UserEntity } from './user.entity';
import { refusal } from '../common/refusal';

const loginTaken = {
  code: ErrorCode.CONFLICT,
  field: ['input', 'login'],
  message: msg('该登录名已被使用', 'This login is already taken'),
};
/** Logins are unique per tenant (issue 8 item 13): "taken" only ever speaks of the admin's own tenant. */
const meanings: ConstraintMeanings = { pk_user_login: loginTaken, uq_app_user_login: loginTaken };

/** Hashes a new password in one of the bounded hashing slots (issue 8 item 12). */
async function hashInSlot(ctx: RequestContext, password: string): Promise<string> {
  try {
    return await hashSlots(ctx.services.config).run(() => hashPassword(password));
  } catch (error) {
    if (!(error instanceof HashingBusy)) throw error;
    throw refusal(
      ErrorCode.RATE_LIMITED,
      ['input', 'password'],
      msg('服务器繁忙，请稍后再试', 'The server is busy; please try again shortly'),
    );
  }
}

/** P6: only a body with a subtree to administer (finance, competent department) has administrators. */
function checkAdminFlag(v: Validation, organization: OrganizationEntity, isTenantAdmin: boolean): void {
  const administrable =
    organization.kind === OrganizationKind.FINANCE_BUREAU ||
    organization.kind === OrganizationKind.COMPETENT_DEPARTMENT;
  if (isTenantAdmin && !administrable) {
    v.add(
      ErrorCode.BAD_USER_INPUT,
      ['input', 'isTenantAdmin'],
      msg(
        '只有财政部门和业务主管部门的用户可以担任系统管理员（审计部门只读，实施单位和第三方只见本单位）',
        'Only users of a finance bureau or competent department can be administrators (audit offices only read; units and third parties see only their own items)',
      ),
    );
  }
}

/** 新建用户 — tenant administrators, for organizations of their subtree. */
export function createUser(ctx: RequestContext, input: CreateUserInput) {
  return runMutation(ctx, meanings, async (em) => {
    const organization = await administeredOrganization(ctx, input.organizationId, [
      'input',
      'organizationId',
    ]);
    const v = new Validation();
    const loginProblem = checkLogin(input.login);
    if (loginProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'login'], loginProblem);
    const nameProblem = checkName(input.displayName);
    if (nameProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'displayName'], nameProblem);
    const passwordProblem = checkPassword(input.password, input.login);
    if (passwordProblem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'password'], passwordProblem);
    checkAdminFlag(v, organization, input.isTenantAdmin);
    v.check();

    const user = await userWriter.insert(ctx, em, {
      tenantId: organization.tenantId,
      id: randomUUID(),
      organizationId: organization.id,
      regionPath: '',
      login: input.login,
      displayName: input.displayName.trim(),
      passwordHash: await hashInSlot(ctx, input.password),
      isActive: true,
      isTenantAdmin: input.isTenantAdmin,
    });
    return { user };
  });
}

/** A password reset, a deactivation or a reactivation revokes every token issued before it. */
function revokesTokens(current: UserEntity, input: UpdateUserInput): boolean {
  return input.password != null || (input.isActive != null && input.isActive !== current.isActive);
}

/** 修改用户 — guarded by version; an administrator cannot lock itself out. */
export function updateUser(ctx: RequestContext, input: UpdateUserInput) {
  return runMutation(ctx, meanings, async (em) => {
    const id = idOfType(input.id, 'User');
    const current = id ? await (await ctx.scope.users()).andWhere('u.id = :id', { id }).getOne() : null;
    if (!current) throw refusal(ErrorCode.NOT_FOUND, ['input', 'id'], msg('未找到该用户', 'User not found'));
    const organization = input.organizationId
      ? await administeredOrganization(ctx, input.organizationId, ['input', 'organizationId'])
      : await administeredOrganizationById(ctx, current.organizationId, ['input', 'id']);
    const v = new Validation();
    // Issue 11 item 1: omitted keeps; none of these can be cleared (null refused at its field).
    for (const p of nullsRefused(input, [
      'displayName',
      'organizationId',
      'isActive',
      'isTenantAdmin',
      'password',
    ]))
      v.add(p.code, p.field, p.message, { reason: p.reason });
    if (current.id === ctx.caller.userId && (input.isActive === false || input.isTenantAdmin === false)) {
      v.add(
        ErrorCode.BAD_USER_INPUT,
        ['input', input.isActive === false ? 'isActive' : 'isTenantAdmin'],
        msg(
          '不能停用本人或撤销本人的管理员权限',
          'You cannot deactivate yourself or withdraw your own administration',
        ),
      );
    }
    if (input.displayName != null) {
      const problem = checkName(input.displayName);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'displayName'], problem);
    }
    if (input.password != null) {
      const problem = checkPassword(input.password, current.login);
      if (problem) v.add(ErrorCode.BAD_USER_INPUT, ['input', 'password'], problem);
    }
    checkAdminFlag(v, organization, input.isTenantAdmin ?? current.isTenantAdmin);
    v.check();

    const action =
      input.isActive === false
        ? 'DEACTIVATE'
        : input.isActive === true && !current.isActive
          ? 'REACTIVATE'
          : 'UPDATE';
    const user = await userWriter.update(
      ctx,
      em,
      current,
      input.expectedVersion,
      {
        organizationId: organization.id,
        ...(input.displayName != null ? { displayName: input.displayName.trim() } : {}),
        ...(input.isActive != null ? { isActive: input.isActive } : {}),
        ...(input.isTenantAdmin != null ? { isTenantAdmin: input.isTenantAdmin } : {}),
        ...(input.password != null ? { passwordHash: await hashInSlot(ctx, input.password) } : {}),
        // Issue 8 item 11: a new password, a deactivation or a reactivation signs the user out everywhere,
        // exactly — the token version changes, so even a token issued in the same second is refused, and
        // a reactivation does not bring back tokens issued before the deactivation.
        ...(revokesTokens(current, input)
          ? { credentialsChangedAt: () => 'now()', tokenVersion: () => 'token_version + 1' }
          : {}),
      },
      { action },
    );
    return { user };
  });
}
