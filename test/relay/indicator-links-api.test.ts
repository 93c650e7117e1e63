/**
 * Objects, not bare ids (issue 11 item 7) for indicators, on the demo data through GraphQL: a child goal's
 * indicator returns the parent goal's indicator it contributes to (DOMAIN §5 关联上级指标), an evaluation's
 * actual returns the goal indicator it reports on (DOMAIN §10, 002 附件6). Both are read through the scoped
 * loaders: a caller who may not see the parent goal reads null (P6), never an error that betrays it; and a
 * page of N items costs the same number of SQL statements as a page of one (no N+1).
 */
import { toGlobalId } from '../../src/common/global-id';
import { TestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app.stop());

interface Linked {
  id: string;
  parentIndicatorId: string | null;
  parentIndicator: { id: string; name: string } | null;
}
interface Goals {
  goals: { nodes: { id: string; indicators: Linked[] }[] };
}
const GOALS = `query($first: Int!) { goals(first: $first) { nodes { id indicators {
  id parentIndicatorId parentIndicator { id name } } } } }`;

const linksOf = async (as: string, first = 100) => {
  const r = await app.gql<Goals>(GOALS, { first }, { as });
  expect(r.errors).toBeUndefined();
  const links = r.data!.goals.nodes.flatMap((g) => g.indicators).filter((i) => i.parentIndicatorId);
  return { links, statements: r.extensions!.sqlStatements! };
};

describe('GoalIndicator.parentIndicator (DOMAIN §5 关联上级指标)', () => {
  test('a caller who sees the parent goal reads the parent indicator named by parentIndicatorId', async () => {
    // finance.chezhan sees the township project goal and the regional goal it answers (DOMAIN §7, P6).
    const { links } = await linksOf('finance.chezhan');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.parentIndicator?.id).toBe(link.parentIndicatorId);
    const [row] = await app.sql<{ name: string }>('SELECT name FROM goal_indicator WHERE id = $1', [
      uuidOf(links[0]!.parentIndicatorId!),
    ]);
    expect(links[0]!.parentIndicator!.name).toBe(row!.name);
  });

  test('a unit that sees its project goal but not the regional goal above reads null, without an error', async () => {
    // P6: unit.chezhan implements the project; the regional goal of the fund is outside what it may see.
    const { links } = await linksOf('unit.chezhan');
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((l) => l.parentIndicator)).toEqual(links.map(() => null));
    // The parents exist: null means "not yours to see", exactly like a missing object.
    const ids = links.map((l) => uuidOf(l.parentIndicatorId!));
    const [{ n }] = (await app.sql<{ n: string }>(
      'SELECT count(DISTINCT id) AS n FROM goal_indicator WHERE id = ANY($1::uuid[])',
      [ids],
    )) as [{ n: string }];
    expect(Number(n)).toBe(new Set(ids).size);
    const direct = await app.gql<{ node: unknown }>(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: links[0]!.parentIndicatorId },
      { as: 'unit.chezhan' },
    );
    expect(direct.data!.node).toBeNull(); // the same answer as node(id)
  });

  test('one batch for all parent indicators: a page of 100 goals costs what a page of 1 does', async () => {
    const one = await linksOf('finance.zibo', 1);
    const all = await linksOf('finance.zibo', 100);
    expect(all.links.length).toBeGreaterThan(one.links.length);
    expect(all.statements).toBeLessThanOrEqual(one.statements + 1); // +1: a page of 1 may have no link
  });
});

interface Evaluations {
  evaluations: { nodes: { actuals: { indicatorId: string; indicator: { id: string } | null }[] }[] };
}
const actualsQuery = (withIndicator: boolean, first: number) =>
  `{ evaluations(first: ${first}) { nodes { actuals { indicatorId ${withIndicator ? 'indicator { id }' : ''} } } } }`;

describe('EvaluationActual.indicator (DOMAIN §10, 002 附件6)', () => {
  test('each actual returns the goal indicator it reports on, in one statement for the whole page', async () => {
    const bare = await app.gql<Evaluations>(actualsQuery(false, 50), {}, { as: 'finance.zibo' });
    const linked = await app.gql<Evaluations>(actualsQuery(true, 50), {}, { as: 'finance.zibo' });
    expect(linked.errors).toBeUndefined();
    const actuals = linked.data!.evaluations.nodes.flatMap((e) => e.actuals);
    expect(actuals.length).toBeGreaterThan(5);
    for (const a of actuals) expect(a.indicator?.id).toBe(a.indicatorId);
    // No N+1: the indicators of every actual on the page are one more statement.
    expect(linked.extensions!.sqlStatements).toBe(bare.extensions!.sqlStatements! + 1);
  });

  test('an indicator id names a real row of the goal evaluated', async () => {
    const r = await app.gql<{
      evaluations: { nodes: { goal: { id: string }; actuals: { indicator: { id: string } }[] }[] };
    }>(
      '{ evaluations(first: 5) { nodes { goal { id } actuals { indicator { id } } } } }',
      {},
      { as: 'finance.zibo' },
    );
    const withActuals = r.data!.evaluations.nodes.find((e) => e.actuals.length > 0)!;
    const rows = await app.sql<{ id: string }>('SELECT id FROM goal_indicator WHERE goal_id = $1', [
      uuidOf(withActuals.goal.id),
    ]);
    expect(withActuals.actuals.map((a) => a.indicator.id).sort()).toEqual(
      rows.map((row) => toGlobalId('GoalIndicator', row.id)).sort(),
    );
  });
});
