import type { Pool } from 'pg';
import { RegionLevel } from '../../src/auth/principal-kinds';
import { Decimal } from '../../src/common/decimal';
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import {
  CITY_TREE,
  countTree,
  nestCityTree,
  RAW_CITY_TREE_SQL,
  UNITS_PAGE,
  type CityTreeData,
  type RawTreeRow,
} from '../queries';
import { AGGREGATE_TABLE, type AggregateTableData } from '../reporting-queries';
import { FUND_TREE, RAW_FUND_TREE_SQL, type FundTreeData, type RawFundTree } from '../rollup-queries';
import { sameAggregate } from '../rollup-bench';
import { W2_QUERY, w2Variables, type W2Data } from '../workloads/w2';
import { inTenantTransaction, type RawRequest } from './load';
import { STATS_FUND_TREE_SQL, w3Sql } from './peer-sql';

/**
 * Issue 18: the workloads of the peers benchmark — for each, the Jixiao request, the PostGraphile request
 * a PostGraphile user would send for the same screen (relations and conditions of its generated schema,
 * or the hand-written function exposed through it), the hand-written SQL limit, and a check that the
 * answers agree (run once before timing; the run fails when they do not).
 */
export interface Context {
  tenantId: string;
  cityCode: string;
  cityPath: string;
  overallId: string;
  year: number;
  firstYear: number;
  regionCount: number;
  organizationCount: number;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Workload {
  key: string;
  label: string;
  jixiao: GraphQLRequest;
  postgraphile: GraphQLRequest | null;
  raw: { label: string; request: RawRequest } | null;
  /** A second raw limit (W1: over raw facts beside the maintained statistics). */
  rawAlt?: { label: string; request: RawRequest };
  /** Throws unless the answers agree; returns what was compared. */
  check: (answers: { jixiao: unknown; postgraphile: unknown; raw: unknown; rawAlt?: unknown }) => string;
}

// ---------------------------------------------------------------------------------------------- W1

const PG_FUND_TREE = `query FundTree($overall: UUID!) { benchPeersFundTreeStats(overall: $overall) }`;

const jsonValue = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function w1(ctx: Context): Workload {
  const raw = (sql: string) => async (pool: Pool) => {
    const rows = await inTenantTransaction<{ tree: RawFundTree }>(pool, ctx.tenantId, sql, [
      ctx.tenantId,
      ctx.overallId,
    ]);
    JSON.stringify(rows[0].tree);
  };
  return {
    key: 'w1',
    label: 'W1 fund-tree roll-up (1 → 150 → ~5,700)',
    jixiao: { query: FUND_TREE, variables: { id: toGlobalId('PerformanceGoal', ctx.overallId) } },
    postgraphile: { query: PG_FUND_TREE, variables: { overall: ctx.overallId } },
    raw: { label: 'statement over the maintained statistics', request: raw(STATS_FUND_TREE_SQL) },
    rawAlt: { label: 'aggregate over the raw facts', request: raw(RAW_FUND_TREE_SQL) },
    check: ({ jixiao, postgraphile, raw: stats, rawAlt: facts }) => {
      const api = jixiao as FundTreeData;
      const pg = jsonValue<RawFundTree>(
        (postgraphile as { benchPeersFundTreeStats: unknown }).benchPeersFundTreeStats,
      );
      for (const [name, tree] of [
        ['PostGraphile function', pg],
        ['statistics statement', stats as RawFundTree],
        ['facts statement', facts as RawFundTree],
      ] as const) {
        if (!sameAggregate(api, tree)) throw new Error(`W1: the ${name} differs from the API roll-up`);
      }
      return `roll-up equal on all sides (${api.goal?.children.nodes.length} regional goals)`;
    },
  };
}

// ---------------------------------------------------------------------------------------------- W2

/** W2 for PostGraphile: the same screen through its generated relations (bench/workloads/w2.ts). */
export const PG_W2 = `query W2($tenantId: UUID!, $cityCode: String!, $year: Int!, $townships: Int!, $units: Int!, $goals: Int!) {
  regionByTenantIdAndCode(tenantId: $tenantId, code: $cityCode) { rowId code name }
  allRegions(condition: { level: "TOWNSHIP" }, orderBy: CODE_ASC, first: $townships) {
    pageInfo { hasNextPage endCursor }
    nodes {
      rowId code name
      organizationsByTenantIdAndRegionId(condition: { kind: "IMPLEMENTING_UNIT" }, orderBy: [NAME_PINYIN_ASC, ROW_ID_ASC], first: $units) {
        pageInfo { hasNextPage endCursor }
        nodes {
          rowId name
          performanceGoalsByTenantIdAndDrafterOrganizationId(condition: { year: $year }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC], first: $goals) {
            pageInfo { hasNextPage endCursor }
            nodes {
              rowId name status annualAmount
              goalIndicatorsByTenantIdAndGoalId(orderBy: POSITION_ASC) { nodes { rowId category name target unit points } }
              evaluationsByTenantIdAndGoalId(condition: { kind: "SELF" }, first: 1) { nodes { rowId status total grade } }
            }
          }
        }
      }
    }
  }
}`;

/** W2 as ONE hand-written statement: the same rows nested into JSON by PostgreSQL. $1 tenant. */
export const RAW_W2_SQL = `
WITH city AS (SELECT c.path FROM region c WHERE c.tenant_id = $1 AND c.code = $2),
t AS (SELECT r.id, r.code, r.name FROM region r, city
       WHERE r.tenant_id = $1 AND r.path LIKE city.path || '%' AND r.level = 'TOWNSHIP' ORDER BY r.code LIMIT $4)
SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'units', u.units) ORDER BY t.code) AS townships
  FROM t CROSS JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'goals', g.goals) ORDER BY o.name COLLATE public.zh_pinyin, o.id), '[]'::json) AS units
      FROM (SELECT o.id, o.name FROM organization o
             WHERE o.tenant_id = $1 AND o.region_id = t.id AND o.kind = 'IMPLEMENTING_UNIT'
             ORDER BY o.name COLLATE public.zh_pinyin, o.id LIMIT $5) o
      CROSS JOIN LATERAL (
        SELECT COALESCE(json_agg(json_build_object('id', g.id, 'name', g.name, 'status', g.status,
                 'annualAmount', g.annual_amount::text,
                 'indicators', (SELECT COALESCE(json_agg(json_build_object('id', i.id, 'category', i.category, 'name', i.name,
                                   'target', i.target, 'unit', i.unit, 'points', i.points::text) ORDER BY i.position), '[]'::json)
                                  FROM goal_indicator i WHERE i.tenant_id = $1 AND i.goal_id = g.id),
                 'selfEvaluation', (SELECT json_build_object('id', e.id, 'status', e.status, 'total', e.total::text, 'grade', e.grade)
                                      FROM evaluation e WHERE e.tenant_id = $1 AND e.goal_id = g.id AND e.kind = 'SELF' LIMIT 1))
                 ORDER BY g.created_at, g.id), '[]'::json) AS goals
          FROM (SELECT g.* FROM performance_goal g
                 WHERE g.tenant_id = $1 AND g.drafter_organization_id = o.id AND g.year = $3
                 ORDER BY g.created_at, g.id LIMIT $6) g) g) u`;

interface Canon {
  townships: string[];
}

const dec = (v: unknown) => (v === null || v === undefined ? 'null' : new Decimal(String(v)).toString());
const uuidOf = (id: string) => fromGlobalId(id)?.id ?? id;

/** One line per goal (and per unit without goals): township, unit, goal, indicators, self-evaluation. */
function canonW2(
  townships: {
    code: string;
    units: {
      id: string;
      name: string;
      goals: {
        id: string;
        status: string;
        annualAmount: unknown;
        indicators: { id: string; category: string; points: unknown }[];
        ev: { id: string; status: string; total: unknown; grade: string | null } | null;
      }[];
    }[];
  }[],
): Canon {
  const lines: string[] = [];
  for (const t of townships) {
    for (const u of t.units) {
      if (u.goals.length === 0) lines.push(`${t.code}|${u.id}|${u.name}|-`);
      for (const g of u.goals) {
        const ind = g.indicators.map((i) => `${i.id}:${i.category}:${dec(i.points)}`).join(',');
        const ev = g.ev ? `${g.ev.id}:${g.ev.status}:${dec(g.ev.total)}:${g.ev.grade}` : 'none';
        lines.push(`${t.code}|${u.id}|${u.name}|${g.id}|${g.status}|${dec(g.annualAmount)}|${ind}|${ev}`);
      }
    }
  }
  return { townships: lines };
}

function canonJixiaoW2(data: W2Data): Canon {
  return canonW2(
    (data.region?.descendants.nodes ?? []).map((t) => ({
      code: t.code,
      units: t.organizations.nodes.map((u) => ({
        id: uuidOf(u.id),
        name: u.name,
        goals: u.goals.nodes.map((g) => ({
          id: uuidOf(g.id),
          status: g.status,
          annualAmount: g.annualAmount,
          indicators: g.indicators.map((i) => ({ id: uuidOf(i.id), category: i.category, points: i.points })),
          ev: g.selfEvaluation
            ? {
                id: uuidOf(g.selfEvaluation.id),
                status: g.selfEvaluation.status,
                total: g.selfEvaluation.total,
                grade: g.selfEvaluation.grade,
              }
            : null,
        })),
      })),
    })),
  );
}

type PgRow = Record<string, unknown>;
const nodes = (v: unknown): PgRow[] => ((v as { nodes: PgRow[] }).nodes ?? []) as PgRow[];

function canonPostGraphileW2(data: PgRow): Canon {
  return canonW2(
    nodes(data.allRegions).map((t) => ({
      code: String(t.code),
      units: nodes(t.organizationsByTenantIdAndRegionId).map((u) => ({
        id: String(u.rowId),
        name: String(u.name),
        goals: nodes(u.performanceGoalsByTenantIdAndDrafterOrganizationId).map((g) => {
          const e = nodes(g.evaluationsByTenantIdAndGoalId)[0];
          return {
            id: String(g.rowId),
            status: String(g.status),
            annualAmount: g.annualAmount,
            indicators: nodes(g.goalIndicatorsByTenantIdAndGoalId).map((i) => ({
              id: String(i.rowId),
              category: String(i.category),
              points: i.points,
            })),
            ev: e
              ? {
                  id: String(e.rowId),
                  status: String(e.status),
                  total: e.total,
                  grade: (e.grade as string) ?? null,
                }
              : null,
          };
        }),
      })),
    })),
  );
}

interface RawW2Township {
  code: string;
  units: {
    id: string;
    name: string;
    goals: (PgRow & { indicators: PgRow[]; selfEvaluation: PgRow | null })[];
  }[];
}

function canonRawW2(townships: RawW2Township[]): Canon {
  return canonW2(
    townships.map((t) => ({
      code: t.code,
      units: t.units.map((u) => ({
        id: u.id,
        name: u.name,
        goals: u.goals.map((g) => ({
          id: String(g.id),
          status: String(g.status),
          annualAmount: g.annualAmount,
          indicators: g.indicators.map((i) => ({
            id: String(i.id),
            category: String(i.category),
            points: i.points,
          })),
          ev: g.selfEvaluation
            ? {
                id: String(g.selfEvaluation.id),
                status: String(g.selfEvaluation.status),
                total: g.selfEvaluation.total,
                grade: (g.selfEvaluation.grade as string) ?? null,
              }
            : null,
        })),
      })),
    })),
  );
}

function sameLines(a: string[], b: string[], what: string): void {
  if (a.length !== b.length) throw new Error(`W2: ${what}: ${a.length} lines against ${b.length}`);
  const i = a.findIndex((line, k) => line !== b[k]);
  if (i >= 0) throw new Error(`W2: ${what} differs at line ${i}:\n  ${a[i]}\n  ${b[i]}`);
}

export function w2(ctx: Context): Workload {
  const v = w2Variables(ctx.cityCode, { year: ctx.year });
  return {
    key: 'w2',
    label: `W2 nested list (${v.townships} townships → ${v.units} units → ≤ ${v.goals} goals + indicators + self-evaluation)`,
    jixiao: { query: W2_QUERY, variables: { ...v } },
    postgraphile: { query: PG_W2, variables: { ...v, tenantId: ctx.tenantId } },
    raw: {
      label: 'one statement nesting the JSON',
      request: async (pool) => {
        const rows = await inTenantTransaction<{ townships: unknown }>(pool, ctx.tenantId, RAW_W2_SQL, [
          ctx.tenantId,
          v.cityCode,
          v.year,
          v.townships,
          v.units,
          v.goals,
        ]);
        JSON.stringify(rows[0].townships);
      },
    },
    check: ({ jixiao, postgraphile, raw }) => {
      const a = canonJixiaoW2(jixiao as W2Data).townships;
      sameLines(a, canonPostGraphileW2(postgraphile as PgRow).townships, 'PostGraphile against Jixiao');
      sameLines(
        a,
        canonRawW2((raw as { townships: RawW2Township[] }).townships).townships,
        'raw SQL against Jixiao',
      );
      const goals = a.filter((l) => !l.endsWith('|-')).length;
      return `same ${a.length} rows on all sides (${goals} goals)`;
    },
  };
}

// ---------------------------------------------------------------------------------------------- W3

function w3(ctx: Context): Workload {
  const level = RegionLevel.TOWNSHIP;
  const params = [ctx.tenantId, `${ctx.cityPath}%`, ctx.firstYear, ctx.year];
  const sql = w3Sql(level);
  return {
    key: 'w3',
    label: `W3 BI aggregate TOWNSHIP × year × category (${ctx.firstYear}–${ctx.year})`,
    // The table form (issue 14: one value for BI clients), as PostGraphile's function answers one JSON value.
    jixiao: { query: AGGREGATE_TABLE, variables: { level, from: ctx.firstYear, to: ctx.year } },
    postgraphile: {
      query: `query W3($path: String!, $from: Int!, $to: Int!) { benchPeersAggregateTownship(withinPath: $path, yearFrom: $from, yearTo: $to) }`,
      variables: { path: `${ctx.cityPath}%`, from: ctx.firstYear, to: ctx.year },
    },
    raw: {
      label: "the API's statement over the maintained region cells",
      // The statement answers the table as JSON text: the raw side takes it as it is.
      request: async (pool) => {
        await inTenantTransaction(pool, ctx.tenantId, sql, params);
      },
    },
    check: ({ jixiao, postgraphile, raw }) => {
      const api = (jixiao as AggregateTableData).aggregate;
      const pgTable = jsonValue<unknown[][]>(
        (postgraphile as { benchPeersAggregateTownship: unknown }).benchPeersAggregateTownship,
      );
      const [answer] = raw as { row_count: number; table_json: string }[];
      const rawTable = JSON.parse(answer.table_json) as unknown[][];
      // Cell for cell, with JSON's types (strings stay strings, numbers numbers).
      const same = (label: string, table: unknown[][]) => {
        if (JSON.stringify(table) !== JSON.stringify(api.table))
          throw new Error(`W3: the ${label} differs from the API's table`);
      };
      same('PostGraphile function', pgTable);
      same('raw statement', rawTable);
      if (answer.row_count !== api.rowCount || api.table.length !== api.rowCount)
        throw new Error(`W3: ${answer.row_count} rows raw, ${api.rowCount} in the API`);
      return `same ${api.rowCount} rows of ${api.columns.length} columns on all sides`;
    },
  };
}

// ---------------------------------------------------------------------------------------- city tree

const orgFields = 'rowId name kind sector organizationByTenantIdAndSupervisingDepartmentId { rowId name }';
const orgs = `organizationsByTenantIdAndRegionId(orderBy: [KIND_ASC, NAME_PINYIN_ASC]) { nodes { ${orgFields} } }`;
const PG_CITY_TREE = `query CityTree($tenantId: UUID!, $code: String!) {
  regionByTenantIdAndCode(tenantId: $tenantId, code: $code) {
    rowId name code level ${orgs}
    regionsByTenantIdAndParentId(orderBy: CODE_ASC) { nodes {
      rowId name code level ${orgs}
      regionsByTenantIdAndParentId(orderBy: CODE_ASC) { nodes { rowId name code level ${orgs} } }
    } }
  }
}`;

function countPgTree(region: PgRow): { regions: number; organizations: number } {
  let regions = 1;
  let organizations = nodes(region.organizationsByTenantIdAndRegionId).length;
  for (const child of region.regionsByTenantIdAndParentId ? nodes(region.regionsByTenantIdAndParentId) : []) {
    const sub = countPgTree(child);
    regions += sub.regions;
    organizations += sub.organizations;
  }
  return { regions, organizations };
}

function cityTree(ctx: Context): Workload {
  return {
    key: 'cityTree',
    label: 'city tree (1 → 10 → 150 regions, 6,805 organizations)',
    jixiao: { query: CITY_TREE, variables: { code: ctx.cityCode } },
    postgraphile: { query: PG_CITY_TREE, variables: { tenantId: ctx.tenantId, code: ctx.cityCode } },
    raw: {
      label: 'one statement + nesting + JSON in Node',
      request: async (pool) => {
        const rows = await inTenantTransaction<RawTreeRow>(pool, ctx.tenantId, RAW_CITY_TREE_SQL, [
          ctx.tenantId,
          ctx.cityCode,
        ]);
        JSON.stringify({ data: nestCityTree(rows) });
      },
    },
    check: ({ jixiao, postgraphile, raw }) => {
      const want = `${ctx.regionCount} regions, ${ctx.organizationCount} organizations`;
      const a = countTree((jixiao as CityTreeData).region!);
      const b = countPgTree((postgraphile as PgRow).regionByTenantIdAndCode as PgRow);
      const c = countTree(nestCityTree(raw as RawTreeRow[]).region!);
      for (const [side, n] of [
        ['Jixiao', a],
        ['PostGraphile', b],
        ['raw SQL', c],
      ] as const) {
        if (`${n.regions} regions, ${n.organizations} organizations` !== want) {
          throw new Error(
            `city tree: ${side} has ${n.regions} regions and ${n.organizations} organizations; want ${want}`,
          );
        }
      }
      return `${want} on all sides`;
    },
  };
}

// ---------------------------------------------------------------------------------------- list page

const PG_UNITS_PAGE = `query UnitsPage {
  allOrganizations(condition: { kind: "IMPLEMENTING_UNIT" }, orderBy: [NAME_PINYIN_ASC, ROW_ID_ASC], first: 100) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { rowId name regionByTenantIdAndRegionId { name } organizationByTenantIdAndSupervisingDepartmentId { name } }
  }
}`;

const RAW_UNITS_PAGE_SQL = `
SELECT o.id, o.name, r.name AS region_name, s.name AS supervisor_name, count(*) OVER () AS total_count
  FROM organization o
  JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
  LEFT JOIN organization s ON s.tenant_id = o.tenant_id AND s.id = o.supervising_department_id
 WHERE o.tenant_id = $1 AND o.kind = 'IMPLEMENTING_UNIT'
 ORDER BY o.name COLLATE public.zh_pinyin, o.id
 LIMIT 100`;

function unitsPage(ctx: Context): Workload {
  return {
    key: 'unitsPage',
    label: 'list page: 100 implementing units with region and supervisor, totalCount',
    jixiao: { query: UNITS_PAGE, variables: { after: null } },
    postgraphile: { query: PG_UNITS_PAGE, variables: {} },
    raw: {
      label: 'one statement (window count)',
      request: async (pool) => {
        JSON.stringify(await inTenantTransaction(pool, ctx.tenantId, RAW_UNITS_PAGE_SQL, [ctx.tenantId]));
      },
    },
    check: ({ jixiao, postgraphile, raw }) => {
      const a = (jixiao as { organizations: { totalCount: number; nodes: { id: string }[] } }).organizations;
      const b = (postgraphile as { allOrganizations: { totalCount: number; nodes: PgRow[] } })
        .allOrganizations;
      const c = raw as { id: string; total_count: string }[];
      if (a.totalCount !== b.totalCount || a.totalCount !== Number(c[0]?.total_count)) {
        throw new Error(`list page: totalCount ${a.totalCount} / ${b.totalCount} / ${c[0]?.total_count}`);
      }
      // Same units in the same order (pinyin name, then id) on every side.
      const want = a.nodes.map((n) => uuidOf(n.id)).join(',');
      if (b.nodes.map((n) => String(n.rowId)).join(',') !== want)
        throw new Error('list page: PostGraphile lists other units');
      if (c.map((r) => r.id).join(',') !== want) throw new Error('list page: raw SQL lists other units');
      return `totalCount ${a.totalCount} and the same ${a.nodes.length} units in the same order on all sides`;
    },
  };
}

/** The raw answer for the check (the rows the raw request shapes). */
export async function rawAnswer(key: string, pool: Pool, ctx: Context, alt = false): Promise<unknown> {
  const q = <T>(sql: string, params: unknown[]) => inTenantTransaction<T>(pool, ctx.tenantId, sql, params);
  switch (key) {
    case 'w1':
      return (
        await q<{ tree: RawFundTree }>(alt ? RAW_FUND_TREE_SQL : STATS_FUND_TREE_SQL, [
          ctx.tenantId,
          ctx.overallId,
        ])
      )[0].tree;
    case 'w2': {
      const v = w2Variables(ctx.cityCode, { year: ctx.year });
      const rows = await q<{ townships: unknown }>(RAW_W2_SQL, [
        ctx.tenantId,
        v.cityCode,
        v.year,
        v.townships,
        v.units,
        v.goals,
      ]);
      return rows[0];
    }
    case 'w3':
      return q(w3Sql(RegionLevel.TOWNSHIP), [ctx.tenantId, `${ctx.cityPath}%`, ctx.firstYear, ctx.year]);
    case 'cityTree':
      return q(RAW_CITY_TREE_SQL, [ctx.tenantId, ctx.cityCode]);
    case 'unitsPage':
      return q(RAW_UNITS_PAGE_SQL, [ctx.tenantId]);
    default:
      throw new Error(`no raw answer for ${key}`);
  }
}

export function workloads(ctx: Context): Workload[] {
  return [w1(ctx), w2(ctx), w3(ctx), cityTree(ctx), unitsPage(ctx)];
}
