/**
 * Issue 18, W2 (bench/workloads/w2.ts): townships → units → their goals with indicators and self-evaluation
 * in one request. The goals level is read by ONE statement built from the selected fields (look-ahead):
 * the number of SQL statements does not depend on the page sizes, and the answer — rows and jurisdiction —
 * is the same as through the entity loaders (forced by selecting a field the plan cannot serve) and as
 * the root `goals` list. Counting technique of test/query-count.test.ts: `extensions.sqlStatements`.
 */
import { generateSyntheticCity, generateSyntheticEvaluations, type SyntheticCity } from '../../seeds';
import { W2_QUERY, w2Variables, type W2Data } from '../../bench/workloads/w2';
import { TestApp } from '../harness/app';

let app: TestApp;
let city: SyntheticCity;
let year: number;
/** A township unit that drafted goals of the year (the sample unit may sit at district level). */
let townshipUnit: string;

beforeAll(async () => {
  app = await TestApp.start();
  city = await generateSyntheticCity(app.owner, { seed: 81, scale: 'small' });
  await generateSyntheticEvaluations(app.owner, { tenantId: city.tenantId, seed: 81, share: 0.6 });
  const [row] = await app.sql<{ year: number }>(
    `SELECT max(year)::int AS year FROM performance_goal WHERE tenant_id = $1`,
    [city.tenantId],
  );
  year = row.year;
  const [unit] = await app.sql<{ login: string }>(
    `SELECT u.login FROM app_user u JOIN organization o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
       JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
      WHERE u.tenant_id = $1 AND o.kind = 'IMPLEMENTING_UNIT' AND r.level = 'TOWNSHIP'
        AND EXISTS (SELECT 1 FROM performance_goal g WHERE g.tenant_id = o.tenant_id AND g.drafter_organization_id = o.id AND g.year = $2)
      ORDER BY u.login LIMIT 1`,
    [city.tenantId, year],
  );
  townshipUnit = unit.login;
}, 240_000);
afterAll(async () => app.stop());

type Goal = W2Data['region'] extends infer R
  ? R extends { descendants: { nodes: (infer T)[] } }
    ? T extends { organizations: { nodes: (infer O)[] } }
      ? O extends { goals: { nodes: (infer G)[] } }
        ? G
        : never
      : never
    : never
  : never;

const goalsOf = (data: W2Data): Goal[] =>
  (data.region?.descendants.nodes ?? []).flatMap((t) => t.organizations.nodes.flatMap((o) => o.goals.nodes));

async function w2(as: string, sizes: { townships: number; units: number; goals: number }, query = W2_QUERY) {
  const res = await app.gql<W2Data>(query, { ...w2Variables(city.cityCode, sizes), year }, { as });
  expect(res.errors).toBeUndefined();
  return { data: res.data!, statements: res.extensions?.sqlStatements as number };
}

/** Pages large enough for the whole small city (4 townships × 4 units, a few goals each). */
const ALL = { townships: 20, units: 10, goals: 10 };

/** No level has a further page: the answer holds everything the caller sees. */
const complete = (data: W2Data) =>
  !data.region?.descendants.pageInfo.hasNextPage &&
  (data.region?.descendants.nodes ?? []).every(
    (t) =>
      !t.organizations.pageInfo.hasNextPage &&
      t.organizations.nodes.every((o) => !o.goals.pageInfo.hasNextPage),
  );

/** The same query with a goal field the look-ahead plan cannot serve: the entity loaders answer. */
const ENTITY_QUERY = W2_QUERY.replace('annualAmount', 'annualAmount categoryPoints { custom }');

test('the statements of W2 do not depend on the page sizes', async () => {
  const as = city.sampleLogins.cityFinance;
  const small = await w2(as, { townships: 1, units: 1, goals: 1 });
  const large = await w2(as, { townships: 20, units: 10, goals: 10 });
  const middle = await w2(as, { townships: 3, units: 2, goals: 2 });
  const goals = goalsOf(large.data);
  expect(goalsOf(small.data)).toHaveLength(1);
  expect(goals.length).toBeGreaterThan(20);
  expect(goals.every((g) => g.indicators.length > 0)).toBe(true);
  expect(goals.some((g) => g.selfEvaluation?.total)).toBe(true);
  expect(goals.some((g) => g.selfEvaluation === null)).toBe(true);
  console.warn(`W2 SQL statements: pages 1/1/1 ${small.statements}, 20/10/10 ${large.statements}`);
  expect(large.statements).toBe(small.statements);
  expect(middle.statements).toBe(small.statements);
  // Preamble, principal, region, descendants, organizations, goals with indicators and evaluations, COMMIT.
  expect(large.statements).toBeLessThanOrEqual(7);
  // The entity path needs a statement per level and field (indicators, self-evaluations) on top.
  const entities = await w2(as, { townships: 20, units: 10, goals: 10 }, ENTITY_QUERY);
  expect(entities.statements).toBeGreaterThan(large.statements);
});

test.each([
  ['city finance', () => city.sampleLogins.cityFinance],
  ['district finance', () => city.sampleLogins.districtFinance],
  ['implementing unit', () => townshipUnit],
])('%s: the look-ahead answer equals the entity loaders’ and the root goals list', async (_who, login) => {
  const as = login();
  const fast = await w2(as, ALL);
  expect(complete(fast.data)).toBe(true);
  const slow = await w2(as, ALL, ENTITY_QUERY);
  const stripped = JSON.parse(JSON.stringify(slow.data), (k, v: unknown) =>
    k === 'categoryPoints' ? undefined : v,
  );
  expect(fast.data).toEqual(stripped);

  // Every organization's goals are exactly what the root list shows the same caller for it.
  for (const township of fast.data.region?.descendants.nodes ?? []) {
    for (const o of township.organizations.nodes) {
      const root = await app.gql<{ goals: { nodes: { id: string }[] } }>(
        `query($f: GoalFilter) { goals(first: 100, filter: $f) { nodes { id } } }`,
        { f: { organizationId: o.id, year } },
        { as },
      );
      expect(o.goals.nodes.map((g) => g.id).sort()).toEqual(root.data!.goals.nodes.map((g) => g.id).sort());
    }
  }
});

test('a unit sees only its own goals; their self-evaluation as its evaluations list shows it', async () => {
  const as = townshipUnit;
  const { data } = await w2(as, ALL);
  expect(complete(data)).toBe(true);
  const units = (data.region?.descendants.nodes ?? []).flatMap((t) => t.organizations.nodes);
  expect(units).toHaveLength(1);
  const [own] = await app.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM performance_goal g JOIN app_user u ON u.organization_id = g.drafter_organization_id
      WHERE u.tenant_id = $1 AND u.login = $2 AND g.year = $3`,
    [city.tenantId, as, year],
  );
  expect(units[0].goals.nodes).toHaveLength(own.n);
  expect(own.n).toBeGreaterThan(0);
  for (const g of units[0].goals.nodes) {
    const res = await app.gql<{
      goal: { evaluations: { nodes: { id: string; kind: string; total: string | null }[] } };
    }>(
      `query($id: ID!) { goal(id: $id) { evaluations(first: 10) { nodes { id kind total } } } }`,
      { id: g.id },
      { as },
    );
    const self = res.data!.goal.evaluations.nodes.find((e) => e.kind === 'SELF') ?? null;
    expect(g.selfEvaluation ? { id: g.selfEvaluation.id, total: g.selfEvaluation.total } : null).toEqual(
      self ? { id: self.id, total: self.total } : null,
    );
  }
});

test('the goals plan follows @include/@skip of each request (the plan is kept per request, not per document)', async () => {
  const as = city.sampleLogins.cityFinance;
  const query = W2_QUERY.replace('indicators {', 'indicators @include(if: $withIndicators) {')
    .replace('selfEvaluation {', 'selfEvaluation @skip(if: $noScore) {')
    .replace('$goals: Int!)', '$goals: Int!, $withIndicators: Boolean!, $noScore: Boolean!)');
  expect(query).toContain('@include(if: $withIndicators)');
  const full = goalsOf((await w2(as, ALL)).data);
  expect(full.length).toBeGreaterThan(3);
  const ask = async (withIndicators: boolean, noScore: boolean) => {
    const res = await app.gql<W2Data>(
      query,
      { ...w2Variables(city.cityCode, ALL), year, withIndicators, noScore },
      { as },
    );
    expect(res.errors).toBeUndefined();
    return { goals: goalsOf(res.data!), statements: res.extensions?.sqlStatements };
  };
  const pick = (keys: string[]) => full.map((g) => Object.fromEntries(keys.map((k) => [k, (g as never)[k]])));
  const plain = ['id', 'name', 'status', 'annualAmount'];
  // Alternating in one process: each request's own variables decide what its statement reads.
  for (const [withIndicators, noScore] of [
    [true, true],
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    const { goals, statements } = await ask(withIndicators, noScore);
    const keys = [
      ...plain,
      ...(withIndicators ? ['indicators'] : []),
      ...(noScore ? [] : ['selfEvaluation']),
    ];
    expect(goals).toEqual(pick(keys));
    expect(statements).toBe(7);
  }
});
