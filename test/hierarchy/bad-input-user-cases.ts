import { toGlobalId } from '../../src/common/global-id';
import { f, v, MISSING, type Case } from './bad-input-fixtures';

/** Bad input on createUser and updateUser (run by bad-input-mutations-api.test.ts). */

const PASSWORD = 'Kaoping2025x';
const newUser = (over: Record<string, unknown> = {}) => ({
  organizationId: f.org['车站街道财政所'],
  login: 'new.clerk',
  displayName: '新用户',
  password: PASSWORD,
  ...over,
});

export const userCases: Case[] = [
  ...['AB', 'ab', 'has space', 'a'.repeat(65), '', '.dotfirst', 'wang@lei', '王磊'].map(
    (login): Case => ({
      name: `bad login '${login.length > 20 ? `${login.slice(0, 8)}…(${login.length})` : login}'`,
      mutation: 'createUser',
      input: () => newUser({ login }),
      expected: [['BAD_USER_INPUT', 'input.login']],
    }),
  ),
  {
    name: 'duplicate login in the same tenant',
    mutation: 'createUser',
    input: () => newUser({ login: 'finance.chezhan' }),
    expected: [['CONFLICT', 'input.login']],
  },
  // Logins are unique per tenant (issue 8 item 13): another city's login is no conflict, and the
  // answer must not reveal it; test/auth/tenant-logins.test.ts proves that both ways.
  ...[
    ['too short', 'Ab12345'],
    ['no digit', 'Kaopingxyz'],
    ['no letter', '2025202520'],
    ['too long', `A1${'x'.repeat(127)}`],
    ['contains the login', 'new.clerk2025'],
    ['contains the login in other case', 'NEW.CLERK2025'],
  ].map(
    ([why, password]): Case => ({
      name: `weak password: ${why}`,
      mutation: 'createUser',
      input: () => newUser({ password }),
      expected: [['BAD_USER_INPUT', 'input.password']],
    }),
  ),
  {
    name: 'blank displayName',
    mutation: 'createUser',
    input: () => newUser({ displayName: '   ' }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    name: 'displayName of 101 characters',
    mutation: 'createUser',
    input: () => newUser({ displayName: '名'.repeat(101) }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    // P6: audit offices read and write nothing, so their users never administer.
    name: 'isTenantAdmin=true for an audit office user',
    mutation: 'createUser',
    input: () => newUser({ organizationId: f.org['车站街道审计办公室'], isTenantAdmin: true }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    name: 'unknown organizationId',
    mutation: 'createUser',
    input: () => newUser({ organizationId: toGlobalId('Organization', MISSING) }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
  {
    name: 'an organization outside the caller’s subtree',
    mutation: 'createUser',
    input: () => newUser({ organizationId: f.org['淄川区财政局'] }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
  {
    name: 'several errors at once are all reported',
    mutation: 'createUser',
    input: () => newUser({ login: 'AB', displayName: '', password: 'short' }),
    expected: [
      ['BAD_USER_INPUT', 'input.login'],
      ['BAD_USER_INPUT', 'input.displayName'],
      ['BAD_USER_INPUT', 'input.password'],
    ],
  },

  // updateUser. finance.chezhan was edited in beforeAll: its version is 2.
  {
    // An administrator cannot lock itself out.
    name: 'the administrator deactivating itself',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['admin.zhangdian'],
      expectedVersion: v(f.user['admin.zhangdian']),
      isActive: false,
    }),
    expected: [['BAD_USER_INPUT', 'input.isActive']],
  },
  {
    name: 'the administrator removing its own admin flag',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['admin.zhangdian'],
      expectedVersion: v(f.user['admin.zhangdian']),
      isTenantAdmin: false,
    }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    // DOMAIN §15: stale edit → CONFLICT.
    name: 'stale expectedVersion',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']) - 1,
      displayName: '徐立',
    }),
    expected: [['CONFLICT', 'input.expectedVersion']],
  },
  {
    name: 'weak password',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      password: 'short1',
    }),
    expected: [['BAD_USER_INPUT', 'input.password']],
  },
  {
    name: 'password containing the login',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      password: 'Finance.Chezhan2025',
    }),
    expected: [['BAD_USER_INPUT', 'input.password']],
  },
  {
    name: 'blank displayName',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      displayName: '',
    }),
    expected: [['BAD_USER_INPUT', 'input.displayName']],
  },
  {
    name: 'making an audit office user an administrator',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['audit.zhangdian'],
      expectedVersion: v(f.user['audit.zhangdian']),
      isTenantAdmin: true,
    }),
    expected: [['BAD_USER_INPUT', 'input.isTenantAdmin']],
  },
  {
    name: 'unknown id',
    mutation: 'updateUser',
    input: () => ({ id: toGlobalId('User', MISSING), expectedVersion: 1, displayName: '无' }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a user outside the caller’s subtree',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.zichuan'],
      expectedVersion: v(f.user['finance.zichuan']),
      displayName: '吴',
    }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'a user of another tenant',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['unit.rizhao'],
      expectedVersion: v(f.user['unit.rizhao']),
      displayName: '唐',
    }),
    expected: [['NOT_FOUND', 'input.id']],
  },
  {
    name: 'moving a user to an organization outside the caller’s subtree',
    mutation: 'updateUser',
    input: () => ({
      id: f.user['finance.chezhan'],
      expectedVersion: v(f.user['finance.chezhan']),
      organizationId: f.org['淄川区财政局'],
    }),
    expected: [['NOT_FOUND', 'input.organizationId']],
  },
];
