/**
 * The anonymous crawl (issue 13; DOMAIN §14 "Published items are readable without logging in … showing only
 * the disclosure fields (no internal comments, no reviewer identities beyond organisations, no unpublished
 * children)"; P5 "classified items never"). Every public Query field (the ones the shield admits without a
 * token) is found in the schema and called without a token, selecting every field it has, for the demo's
 * regions and year, under the default anonymous limits; every returned value is walked.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { rootPermissions } from '../../src/app/permissions';
import { buildBareSchema } from '../../src/app/schema';
import { publicAccess } from '../../src/auth/rules';
import { useTestApp } from '../harness/app';
import {
  CHEZHAN_REGIONAL_GOAL,
  CLASSIFY,
  disclose,
  evaluationGid,
  finalizeFinanceEvaluation,
  GONGYUAN_REGIONAL_GOAL,
  goalGid,
  INTERNAL_RESPONSE,
  OVERALL_GOAL,
  PROJECT_GOAL,
  PUBLISH,
  uuidOf,
  WITHDRAW,
  ZICHUAN_DEPT_GOAL,
} from './fixtures';

const app = useTestApp();

/** Every leaf of a type, nested objects included (the public types are shallow). */
function selectionOf(type: GraphQLObjectType, depth = 0): string {
  if (depth > 4) throw new Error(`public type ${type.name} nests too deeply`);
  return Object.values(type.getFields())
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (isObjectType(named)) return `${f.name} { ${selectionOf(named, depth + 1)} }`;
      throw new Error(`unexpected field type ${named.name}`);
    })
    .join(' ');
}

/** All strings in a response value (object keys are schema names, not data). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const decoded = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

test('an anonymous crawl of every public field finds nothing unpublished, classified or internal (DOMAIN §14, P5)', async () => {
  const [project, overall, chezhan, gongyuan, zichuan] = await Promise.all(
    [PROJECT_GOAL, OVERALL_GOAL, CHEZHAN_REGIONAL_GOAL, GONGYUAN_REGIONAL_GOAL, ZICHUAN_DEPT_GOAL].map((n) =>
      goalGid(app, n),
    ),
  );
  const finance = await evaluationGid(app, 'FINANCE', 'SUBMITTED');
  const selfEval = await evaluationGid(app, 'SELF', 'REVIEWED');
  await finalizeFinanceEvaluation(app, uuidOf(finance));
  const ok = async (m: string, input: Record<string, unknown>, as: string) => {
    const { payload, errors } = await disclose(app, m, input, as);
    expect([errors, payload?.userErrors]).toEqual([[], []]);
  };
  const on = (subjectId: string, date: string) => ({ subjectId, on: date });
  // Published and left so: the project goal and the finance evaluation (P5: by their responsible bodies).
  await ok(PUBLISH, on(project, '2025-03-01'), 'transport.zhangdian');
  await ok(PUBLISH, on(finance, '2026-03-01'), 'finance.zhangdian');
  // Published, then classified: off the public pages at once.
  await ok(PUBLISH, on(overall, '2025-03-01'), 'transport.zhangdian');
  await ok(
    CLASSIFY,
    { subjectId: overall, classified: true, reason: '涉密：专项资金分配方案' },
    'transport.zhangdian',
  );
  // Classified and never published; published and withdrawn.
  await ok(
    CLASSIFY,
    { subjectId: chezhan, classified: true, reason: '涉密：街道区域安排' },
    'transport.zhangdian',
  );
  await ok(PUBLISH, on(gongyuan, '2025-03-01'), 'transport.zhangdian');
  await ok(WITHDRAW, on(gongyuan, '2025-05-01'), 'transport.zhangdian');
  // A published self-evaluation whose goal is then classified: a classified item's child is not shown.
  await ok(PUBLISH, on(zichuan, '2025-03-01'), 'agri.zichuan');
  await ok(PUBLISH, on(selfEval, '2026-03-02'), 'agri.zichuan');
  await ok(CLASSIFY, { subjectId: zichuan, classified: true, reason: '涉密：部门内部事项' }, 'agri.zichuan');
  const expected = new Set([uuidOf(project), uuidOf(finance)]);

  // The public fields: those the shield admits without a token.
  const schema = buildBareSchema();
  const query = schema.getQueryType()!;
  const publicFields = Object.entries(rootPermissions.Query)
    .filter(([, r]) => r === publicAccess)
    .map(([name]) => query.getFields()[name]);
  expect(publicFields.map((f) => f.name).sort()).toEqual([
    'publicEvaluations',
    'publicGoals',
    'publicResults',
  ]);

  const codes = (
    await app.sql<{ code: string }>(
      `SELECT DISTINCT r.code FROM region r JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_id = r.id
        UNION SELECT code FROM region WHERE level = 'CITY' ORDER BY 1`,
    )
  ).map((r) => r.code);
  const returned: unknown[] = [];
  const summaries: {
    regionCode: string;
    publishedCount: number;
    groups: { kind: string; grade: string; count: number }[];
  }[] = [];
  for (const field of publicFields) {
    if (field.name === 'publicResults') {
      // A summary, not a list: counts and mean scores of the published results per kind and grade.
      expect(field.args.map((a) => a.name).sort()).toEqual(['regionCode', 'year']);
      const type = getNamedType(field.type) as GraphQLObjectType;
      const text = `query($code: String!, $year: Int!) { publicResults(regionCode: $code, year: $year) { ${selectionOf(type)} } }`;
      for (const code of codes) {
        const res = await app.gql<{ publicResults: (typeof summaries)[number] }>(text, { code, year: 2025 });
        expect(res.errors).toBeUndefined();
        summaries.push(res.data!.publicResults);
      }
      continue;
    }
    expect(field.args.map((a) => a.name).sort()).toEqual(['after', 'first', 'regionCode', 'year']);
    const type = getNamedType(field.type) as GraphQLObjectType;
    // Issue 8 limits: the whole selection at the default page is admitted for an anonymous caller.
    const text = `query($code: String!, $year: Int!) { ${field.name}(regionCode: $code, year: $year) { ${selectionOf(type)} } }`;
    for (const code of codes) {
      const res = await app.gql<Record<string, { nodes: unknown[]; edges: { node: unknown }[] }>>(text, {
        code,
        year: 2025,
      });
      expect(res.errors).toBeUndefined();
      returned.push(...res.data![field.name].nodes, ...res.data![field.name].edges.map((e) => e.node));
    }
  }
  const values = strings([...returned, ...summaries]);
  // publicResults counts exactly the one published, unclassified evaluation (the finance one, 张店区), in
  // its district and in the city above it; the classified goal's published self-evaluation is not counted.
  const counted = summaries.filter((s) => s.publishedCount > 0);
  expect(counted.map((s) => s.regionCode).sort()).toEqual(['370300', '370303']);
  for (const s of counted) expect(s.groups).toEqual([expect.objectContaining({ kind: 'FINANCE', count: 1 })]);

  // Exactly the published, unclassified items come back (the crawl is not vacuous).
  const ids = (returned as { id: string }[]).map((r) => uuidOf(r.id));
  expect(new Set(ids)).toEqual(expected);
  // No id (raw or global) of anything else: unpublished, withdrawn, classified, or a child of classified.
  const others = (
    await app.sql<{ id: string }>(
      `SELECT id FROM performance_goal UNION SELECT id FROM evaluation UNION SELECT id FROM goal_indicator
        UNION SELECT id FROM app_user UNION SELECT id FROM organization`,
    )
  )
    .map((r) => r.id)
    .filter((id) => !expected.has(id));
  for (const v of values) for (const id of others) expect(`${v} ${decoded(v)}`).not.toContain(id);
  // No person names or logins (DOMAIN §14 "no reviewer identities beyond organisations").
  const people = await app.sql<{ display_name: string; login: string }>(
    'SELECT display_name, login FROM app_user',
  );
  for (const v of values)
    for (const p of people) {
      expect(v).not.toContain(p.display_name);
      expect(v.toLowerCase()).not.toContain(p.login.toLowerCase());
    }
  // No internal text: every comment, reason, response and explanation column of the database.
  const columns = await app.sql<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')
        AND column_name ~ '(comment|reason|response_text|explanation|opinion|note|problem|suggestion)'`,
  );
  const internal: string[] = [INTERNAL_RESPONSE];
  for (const c of columns) {
    const rows = await app.sql<{ t: string }>(
      `SELECT DISTINCT "${c.column_name}"::text AS t FROM "${c.table_name}" WHERE length("${c.column_name}") >= 6`,
    );
    internal.push(...rows.map((r) => r.t));
  }
  expect(internal.length).toBeGreaterThan(3);
  for (const v of values) for (const t of internal) expect(v).not.toContain(t);
});
