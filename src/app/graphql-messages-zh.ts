/**
 * Chinese for the messages GraphQL itself answers with (issue 11 item 4): graphql-js parse and
 * validation errors, variable coercion, Apollo's CSRF prevention, persisted-query and introspection
 * refusals. Each pattern matches one English message of graphql-js 16 / Apollo Server 5; names and
 * values are carried over as they are. An unlisted message still gets a generic Chinese sentence
 * naming its kind, never an empty one.
 */

type Translate = (...groups: string[]) => string;

const q = (name: string) => `“${name}”`;

const MESSAGES: readonly [RegExp, Translate][] = [
  [/^Syntax Error: (.*)$/s, (detail) => `语法错误：${syntaxZh(detail)}`],
  [/^Cannot query field "([^"]+)" on type "([^"]+)"\./, (f, t) => `类型 ${q(t)} 没有字段 ${q(f)}`],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\./,
    (f, a, t) => `字段 ${q(f)} 缺少必填参数 ${q(a)}（类型 ${t}）`,
  ],
  [
    /^Field "([^"]+)" of required type "([^"]+)" was not provided\./,
    (f, t) => `缺少必填的输入字段 ${q(f)}（类型 ${t}）`,
  ],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"\./, (f, t) => `输入类型 ${q(t)} 没有字段 ${q(f)}`],
  [/^Unknown argument "([^"]+)" on field "([^"]+)"\./, (a, f) => `字段 ${q(f)} 没有参数 ${q(a)}`],
  [/^Unknown type "([^"]+)"\./, (t) => `未知类型 ${q(t)}`],
  [/^Unknown fragment "([^"]+)"\./, (f) => `未知片段 ${q(f)}`],
  [/^Unknown directive "([^"]+)"\./, (d) => `未知指令 ${q(d)}`],
  [/^Unknown operation named "([^"]+)"\./, (o) => `没有名为 ${q(o)} 的操作`],
  [
    /^Must provide operation name if query contains multiple operations\./,
    () => '文档包含多个操作时须指定操作名称',
  ],
  [
    /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/,
    (f, t) => `字段 ${q(f)}（类型 ${t}）须选择子字段`,
  ],
  [
    /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    (f, t) => `字段 ${q(f)}（类型 ${t}）没有子字段，不能选择`,
  ],
  [
    /^Variable "([^"]+)" of required type "([^"]+)" was not provided\./,
    (v, t) => `缺少必填变量 ${q(v)}（类型 ${t}）`,
  ],
  [
    /^Variable "([^"]+)" of non-null type "([^"]+)" must not be null\./,
    (v, t) => `变量 ${q(v)}（类型 ${t}）不能为 null`,
  ],
  [
    /^Variable "([^"]+)" got invalid value (.*?); (.*)$/s,
    (v, _value, why) => `变量 ${q(v)} 的值无效：${valueZh(why)}`,
  ],
  [/^Variable "([^"]+)" is never used/, (v) => `变量 ${q(v)} 未被使用`],
  [/^Variable "([^"]+)" is not defined/, (v) => `变量 ${q(v)} 未定义`],
  [
    /^Variable "([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    (v, t, u) => `变量 ${q(v)} 的类型 ${t} 与此处要求的类型 ${u} 不符`,
  ],
  [
    /^Expected value of type "([^"]+)", found (.*?)(?:; (.*))?\.?$/s,
    (t, found, why) =>
      why ? `值 ${found} 不是类型 ${t} 的有效值：${valueZh(why)}` : `值 ${found} 不是类型 ${t} 的有效值`,
  ],
  [/^Fragment "([^"]+)" is never used\./, (f) => `片段 ${q(f)} 未被使用`],
  [/^There can be only one operation named "([^"]+)"\./, (o) => `操作名称 ${q(o)} 重复`],
  [/^There can be only one argument named "([^"]+)"\./, (a) => `参数 ${q(a)} 重复`],
  [/^There can be only one variable named "([^"]+)"\./, (v) => `变量 ${q(v)} 重复`],
  [/^There can be only one input field named "([^"]+)"\./, (f) => `输入字段 ${q(f)} 重复`],
  [/^Fields "([^"]+)" conflict because/, (f) => `字段 ${q(f)} 的多次选择相互冲突`],
  [/^This operation has been blocked as a potential Cross-Site Request Forgery/, () => csrfZh],
  [/^GraphQL introspection is not allowed/, () => '此环境不允许内省查询（__schema / __type）'],
  [/^PersistedQueryNotFound/, () => '没有这个已登记的操作'],
  [/^PersistedQueryNotSupported/, () => '不支持已登记的操作'],
  [/non-empty `query`|Must provide query string/, () => '请求须包含非空的 query'],
];

const csrfZh =
  '此请求可能是跨站请求伪造（CSRF），已被拒绝：请设置非表单类型的 content-type 请求头，' +
  '或提供 apollo-require-preflight / x-apollo-operation-name 请求头';

/** Coercion reasons after "got invalid value …; " or "found …; ". */
const VALUE_REASONS: readonly [RegExp, Translate][] = [
  [/^Expected non-nullable type "([^"]+)" not to be null/, (t) => `类型 ${t} 的值不能为 null`],
  [/^Expected type "([^"]+)" to be an object/, (t) => `应为 ${t} 类型的对象`],
  [
    /^Field "([^"]+)" of required type "([^"]+)" was not provided/,
    (f, t) => `缺少必填字段 ${q(f)}（类型 ${t}）`,
  ],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"/, (f, t) => `类型 ${q(t)} 没有字段 ${q(f)}`],
  [/^Int cannot represent non-integer value/, () => '应为整数'],
  [/^Int cannot represent non 32-bit signed integer value/, () => '整数超出 32 位范围'],
  [/^Float cannot represent non numeric value/, () => '应为数字'],
  [/^String cannot represent a non string value/, () => '应为字符串'],
  [/^Boolean cannot represent a non boolean value/, () => '应为布尔值'],
  [/^ID cannot represent a non-string and non-integer value/, () => '应为字符串或整数形式的 ID'],
  [/^Value "([^"]+)" does not exist in "([^"]+)" enum/, (v, e) => `枚举 ${q(e)} 没有值 ${q(v)}`],
  [/^Enum "([^"]+)" cannot represent non-enum value/, (e) => `应为枚举 ${q(e)} 的值`],
  [/^Expected type "([^"]+)"/, (t) => `应为 ${t} 类型`],
];

function syntaxZh(detail: string): string {
  const found = /^Expected (.+?), found (.+?)\.?$/.exec(detail);
  if (found) return `此处应为 ${found[1]}，实际为 ${found[2]}`;
  const unexpected = /^Unexpected (.+?)\.?$/.exec(detail);
  if (unexpected) return `意外的 ${unexpected[1]}`;
  const unterminated = /^Unterminated string/.test(detail);
  return unterminated ? '字符串未结束' : '查询文本无法解析';
}

function valueZh(why: string): string {
  for (const [pattern, zh] of VALUE_REASONS) {
    const m = pattern.exec(why);
    if (m) return zh(...m.slice(1));
  }
  return '值的类型或格式不符';
}

/** Generic sentences by code, for a GraphQL message no pattern knows. */
const BY_CODE: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询文本无法解析',
  GRAPHQL_VALIDATION_FAILED: '查询不符合接口定义',
  BAD_USER_INPUT: '输入的值无效',
  BAD_REQUEST: '请求无效',
  PERSISTED_QUERY_NOT_FOUND: '没有这个已登记的操作',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持已登记的操作',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
  UNAUTHENTICATED: '未登录或登录已失效，请重新登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未找到该对象',
  CONFLICT: '与现有数据冲突',
  WORKFLOW_VIOLATION: '当前状态不允许此操作',
  RATE_LIMITED: '请求过于频繁，请稍后重试',
  QUERY_TOO_COMPLEX: '查询过于复杂，请求未执行',
  TIMEOUT: '操作超时，请稍后重试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
};

/** The Chinese of a GraphQL/Apollo message; the suggestion (“Did you mean …?”) only when shown. */
export function graphqlMessageZh(message: string, code: string | undefined, suggestions = true): string {
  const suggestion = / Did you mean (.+?)\?/.exec(message);
  for (const [pattern, zh] of MESSAGES) {
    const m = pattern.exec(message);
    if (!m) continue;
    const base = zh(...m.slice(1).map((g) => g ?? ''));
    if (!suggestions || !suggestion) return base;
    const names = [...suggestion[1].matchAll(/"([^"]+)"/g)].map((n) => q(n[1]));
    return `${base}。你是否要找 ${names.join('、')}？`;
  }
  // A scalar's own refusal reported as it is (e.g. `Int cannot represent non-integer value: "x"`).
  for (const [pattern, zh] of VALUE_REASONS) {
    const m = pattern.exec(message);
    if (m) return `输入的值无效：${zh(...m.slice(1))}`;
  }
  return BY_CODE[code ?? ''] ?? '请求无效';
}
