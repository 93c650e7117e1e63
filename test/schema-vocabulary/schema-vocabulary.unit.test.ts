/**
 * Issue 11 items 6–8 read off the built schema, so every module is held to them, including types added
 * later: one spelling per concept (DOMAIN §2 glossary), one input and one payload type per mutation
 * (STYLE principle 9), list filters that take lists, money as `Money` and scores as `Score`, and the
 * pinyin order of name sorts documented where a client sees it.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isIntrospectionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { buildBareSchema } from '../../src/app/schema';

const schema: GraphQLSchema = buildBareSchema();
const types = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t));

/** Every name a client writes: types, fields, arguments, input fields, enum values. */
function allNames(): string[] {
  const names: string[] = [];
  for (const t of types) {
    names.push(t.name);
    if (isEnumType(t)) names.push(...t.getValues().map((v) => `${t.name}.${v.name}`));
    if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
      for (const f of Object.values(t.getFields())) {
        names.push(`${t.name}.${f.name}`);
        if ('args' in f) names.push(...f.args.map((a: GraphQLArgument) => `${t.name}.${f.name}(${a.name})`));
      }
    }
  }
  return names;
}

const objectFields = (name: string) => {
  const t = schema.getType(name);
  if (!isObjectType(t)) throw new Error(`${name} is not an object type`);
  return t.getFields();
};

describe('one vocabulary (issue 11 item 6, DOMAIN §2)', () => {
  test('roll-up is spelled RollUp / rollUp everywhere, never Rollup', () => {
    expect(allNames().filter((n) => /Rollup|rollup|ROLLUP/.test(n))).toEqual([]);
    expect(Object.keys(objectFields('PerformanceGoal'))).toEqual(
      expect.arrayContaining(['rollUp', 'monitoringRollUp']),
    );
    expect(schema.getType('MonitoringRollUp')).toBeDefined();
  });

  test('the optimistic-concurrency counter is rowVersion on every type (expectedVersion on inputs)', () => {
    for (const name of [
      'ExAnteAssessment',
      'Fund',
      'Organization',
      'Project',
      'Region',
      'User',
      'PerformanceGoal',
      'Evaluation',
    ]) {
      const fields = objectFields(name);
      expect([name, Boolean(fields.rowVersion)]).toEqual([name, true]);
      expect([name, fields.version]).toEqual([name, undefined]);
    }
    // TenantPolicy.version is a different thing: the number of a policy's content version (DOMAIN §10.7).
    const rowVersionsCalledVersion = types.flatMap((t) =>
      isObjectType(t)
        ? Object.values(t.getFields())
            .filter((f) => f.name === 'version' && /optimistic|row version/i.test(f.description ?? ''))
            .map((f) => `${t.name}.${f.name}`)
        : [],
    );
    expect(rowVersionsCalledVersion).toEqual([]);
  });

  test('money spent is `spent` (spentToDate to month M), never executedToDate (DOMAIN §4, §9)', () => {
    expect(allNames().filter((n) => /executedToDate/.test(n))).toEqual([]);
    expect(objectFields('MonitoringMoney').spentToDate).toBeDefined();
    expect(objectFields('ExecutionTotals').spentToDate).toBeDefined();
  });

  test('no field holds two languages: rule texts come as ruleText (Chinese) and ruleTextEn', () => {
    for (const name of ['ScoreLine', 'EvaluationFrameworkScore']) {
      const fields = objectFields(name);
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['ruleText', 'ruleTextEn']));
    }
    const mixed = types.flatMap((t) =>
      isObjectType(t)
        ? Object.values(t.getFields())
            .filter((f) => /Chinese \/ English|中英/.test(f.description ?? ''))
            .map((f) => `${t.name}.${f.name}`)
        : [],
    );
    expect(mixed).toEqual([]);
  });
});

describe('one input and one payload type per mutation (issue 11 item 7, STYLE principle 9)', () => {
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const users = (pick: (m: GraphQLField<unknown, unknown>) => string | undefined) => {
    const byType = new Map<string, string[]>();
    for (const m of mutations) {
      const type = pick(m);
      if (type) byType.set(type, [...(byType.get(type) ?? []), m.name]);
    }
    return [...byType.entries()].filter(([, ms]) => ms.length > 1).map(([t, ms]) => `${t}: ${ms.join(', ')}`);
  };

  test('every mutation takes exactly one argument, `input`, of a non-null input object type', () => {
    const bad = mutations
      .filter(
        (m) =>
          m.args.length !== 1 ||
          m.args[0].name !== 'input' ||
          !isNonNullType(m.args[0].type) ||
          !isInputObjectType(getNamedType(m.args[0].type)),
      )
      .map((m) => `${m.name}(${m.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')})`);
    expect(bad).toEqual([]);
  });

  test('no two mutations share an input type', () => {
    expect(users((m) => getNamedType(m.args[0]?.type)?.name)).toEqual([]);
  });

  test('no two mutations share a payload type', () => {
    expect(users((m) => getNamedType(m.type).name)).toEqual([]);
  });

  test('a split type keeps the fields of the shared one (submitGoal and approveGoal)', () => {
    const submit = schema.getType('SubmitGoalInput');
    const approve = schema.getType('ApproveGoalInput');
    if (!isInputObjectType(submit) || !isInputObjectType(approve)) throw new Error('missing input types');
    expect(Object.keys(submit.getFields())).toEqual(Object.keys(approve.getFields()));
    expect(Object.keys(objectFields('SubmitGoalPayload'))).toEqual(
      expect.arrayContaining(['goal', 'userErrors']),
    );
    expect(schema.getType('SubmitGoalPayload')?.description).toMatch(/^提交审核结果 — /);
  });
});

describe('filters that take lists (issue 11 item 7)', () => {
  const FILTER_ARGS =
    /^(status|state|kind|level|scope|sourceKind|libraryStatus|budgetBook|allocationMethod|sector)$/;

  test('every status/kind/level… filter of a list is a list type', () => {
    const single: string[] = [];
    for (const t of types) {
      if (isInputObjectType(t) && /Filter$/.test(t.name)) {
        for (const f of Object.values(t.getFields()) as GraphQLInputField[]) {
          if (isEnumType(getNamedType(f.type)) && !isListType(getNullableType(f.type)))
            single.push(`${t.name}.${f.name}`);
        }
      }
      if (isObjectType(t) && t !== schema.getMutationType()) {
        for (const f of Object.values(t.getFields())) {
          for (const a of f.args) {
            // an optional filter; a required selector such as resultRanking(scope) chooses what is listed
            if (FILTER_ARGS.test(a.name) && !isNonNullType(a.type) && !isListType(getNullableType(a.type)))
              single.push(`${t.name}.${f.name}(${a.name})`);
          }
        }
      }
    }
    expect(single).toEqual([]);
  });
});

describe('values a UI can show as they are (issue 11 item 8)', () => {
  const outputs = () =>
    types.flatMap((t) =>
      isObjectType(t) || isInterfaceType(t)
        ? Object.values(t.getFields()).map((f) => ({ at: `${t.name}.${f.name}`, f }))
        : [],
    );

  test('every amount in yuan is Money (two decimals), never Decimal or String', () => {
    const yuan = /（元）|\(元\)|元\)|；元|\byuan\b|\(元;/;
    const bad = outputs()
      .filter(({ f }) => yuan.test(f.description ?? '') && getNamedType(f.type).name !== 'Money')
      .map(({ at, f }) => `${at}: ${String(f.type)}`);
    expect(bad).toEqual([]);
  });

  test('money figures of the forms are Money: budgets, in place, spent, allocations', () => {
    const money = [
      'Fund.totalAmount',
      'Fund.upperLevelAmount',
      'Allocation.amount',
      'PerformanceGoal.annualAmount',
      'MonitoringMoney.spentToDate',
      'MonitoringMoney.annualBudget',
      'ExecutionTotals.budgetToDate',
      'GoalExecution.spent',
      'Evaluation.spent',
      'RollUpMoney.budgeted',
      'RollUpMoney.inPlace',
      'RollUpMoney.spent',
      'PublicGoal.annualAmount',
    ];
    const all = new Map(outputs().map(({ at, f }) => [at, getNamedType(f.type).name]));
    expect(money.map((at) => [at, all.get(at)])).toEqual(money.map((at) => [at, 'Money']));
  });

  test('scores and totals are Score (two decimals, DOMAIN §10.6); points stay exact Decimal', () => {
    const scores = [
      'Evaluation.total',
      'ScoreLine.score',
      'RollUpChild.total',
      'ExAnteAssessment.score',
      'PublicEvaluation.score',
    ];
    const all = new Map(outputs().map(({ at, f }) => [at, getNamedType(f.type).name]));
    expect(scores.map((at) => [at, all.get(at)])).toEqual(scores.map((at) => [at, 'Score']));
    expect(all.get('ScoreLine.points')).toBe('Decimal');
  });

  test('every sort by name says it sorts by pinyin (拼音)', () => {
    const undocumented = types
      .filter((t) => isEnumType(t) && /SortField$/.test(t.name))
      .flatMap((t) =>
        (isEnumType(t) ? t.getValues() : []).filter((v) => /NAME$/.test(v.name)).map((v) => [v, t] as const),
      )
      .filter(([v]) => !/拼音/.test(v.description ?? ''))
      .map(([v, t]) => `${t.name}.${v.name}`);
    expect(undocumented).toEqual([]);
  });
});
