/**
 * Issue 10 item 5 / issue 11 item 4: `format-error.ts` is the single mapping of errors to responses —
 * refusals with their code, field, reason and principle; GraphQL's own refusals with their Chinese;
 * INTERNAL only for bugs, logged, revealing nothing. No message holds both languages.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError } from '../../src/app/format-error';
import { graphqlMessageZh } from '../../src/app/graphql-messages-zh';
import { ErrorCode, msg } from '../../src/common/error-code';
import { refusal } from '../../src/common/refusal';
import type { AppServices } from '../../src/common/request-context';

const CJK = /[\u4e00-\u9fff]/;
const logged: unknown[] = [];
const services = (env: string) =>
  ({
    config: { NODE_ENV: env },
    logger: { error: (o: unknown) => logged.push(o), warn: () => undefined },
  }) as unknown as AppServices;
const format = formatError(services('test'));
const asGraphQL = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['x'] });
const formattedOf = (e: GraphQLError): GraphQLFormattedError => e.toJSON();

test('a refusal keeps its code, field, reason and principle; English message, Chinese apart', () => {
  const r = refusal(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], msg('已冻结（P8）', 'Frozen (P8)'), {
    principle: 'P8',
    reason: 'FROZEN',
  });
  const wrapped = asGraphQL(r);
  const out = format(formattedOf(wrapped), wrapped);
  expect(out).toMatchObject({
    message: 'Frozen (P8)',
    path: ['x'],
    extensions: {
      code: 'WORKFLOW_VIOLATION',
      field: ['input', 'id'],
      principle: 'P8',
      reason: 'FROZEN',
      messageZh: '已冻结（P8）',
    },
  });
});

test('a bug is INTERNAL, logged, with a request-independent message in each language', () => {
  const bug = asGraphQL(new TypeError('cannot read properties of undefined (reading "tenantId")'));
  const before = logged.length;
  const out = format(formattedOf(bug), bug);
  expect(out.extensions).toEqual({
    code: 'INTERNAL',
    messageZh: '内部错误，请稍后重试',
    messageEn: 'Internal error; please try again later',
  });
  expect(out.message).not.toMatch(CJK);
  expect(out.message).not.toMatch(/tenantId/);
  expect(logged.length).toBe(before + 1);
});

test('a GraphQL validation error gets its Chinese; in production neither language suggests schema names', () => {
  const e = new GraphQLError(
    'Cannot query field "regionz" on type "Query". Did you mean "regions" or "region"?',
    {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    },
  );
  const dev = format(formattedOf(e), e);
  expect(dev.extensions?.messageZh).toBe('类型 “Query” 没有字段 “regionz”。你是否要找 “regions”、“region”？');
  const prod = formatError(services('production'))(formattedOf(e), e);
  expect(prod.message).toBe('Cannot query field "regionz" on type "Query".');
  expect(prod.extensions?.messageEn).toBe(prod.message);
  expect(prod.extensions?.messageZh).toBe('类型 “Query” 没有字段 “regionz”');
});

test.each([
  [
    'Syntax Error: Expected Name, found <EOF>.',
    'GRAPHQL_PARSE_FAILED',
    '语法错误：此处应为 Name，实际为 <EOF>',
  ],
  [
    'Field "policy" argument "year" of type "Int!" is required, but it was not provided.',
    'GRAPHQL_VALIDATION_FAILED',
    '字段 “policy” 缺少必填参数 “year”（类型 Int!）',
  ],
  [
    'Variable "$y" got invalid value "abc"; Int cannot represent non-integer value: "abc"',
    'BAD_USER_INPUT',
    '变量 “$y” 的值无效：应为整数',
  ],
  ['Int cannot represent non-integer value: "x"', 'GRAPHQL_VALIDATION_FAILED', '输入的值无效：应为整数'],
  [
    'Value "NOPE" does not exist in "BudgetBook" enum.',
    'GRAPHQL_VALIDATION_FAILED',
    '输入的值无效：枚举 “BudgetBook” 没有值 “NOPE”',
  ],
  ['Something graphql-js says that we never saw', 'GRAPHQL_VALIDATION_FAILED', '查询不符合接口定义'],
] as const)('%s → %s', (message, code, zh) => {
  expect(graphqlMessageZh(message, code)).toBe(zh);
});
