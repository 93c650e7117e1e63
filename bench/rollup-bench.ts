import { Client, type Pool } from 'pg';
import { generateSyntheticEvaluations, type SyntheticCity, type SyntheticEvaluationSummary } from '../seeds';
import { toGlobalId } from '../src/common/global-id';
import { Decimal } from '../src/common/decimal';
import type { GraphQLClient } from './client';
import {
  DISTRICT_FUNDS,
  FUND_TREE,
  RAW_FUND_TREE_SQL,
  type DistrictFundsData,
  type FundTreeData,
  type RawFundTree,
} from './rollup-queries';
import type { Sample } from './stats';

/**
 * Issue #4 scenarios on the synthetic city's big transfer fund (1 overall → 150 regional → ~4,900 issued
 * transfer project goals) with seeded self-evaluations: the fund tree through the API and by one
 * hand-written statement, sequentially and with N clients, and a district's funds for a year.
 */

/** Share of issued project-level goals given a submitted self-evaluation: leaves ≥ 500 for the burst. */
export const EVALUATED_SHARE = 0.85;

export interface RollupSeed {
  overallId: string;
  summary: Omit<SyntheticEvaluationSummary, 'evaluations'> & { evaluations: number };
  seconds: number;
}

/** Seeds the self-evaluations (owner connection), then refreshes the planner's statistics. */
export async function seedEvaluations(ownerUrl: string, city: SyntheticCity): Promise<RollupSeed> {
  const started = performance.now();
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const summary = await generateSyntheticEvaluations(owner, {
      tenantId: city.tenantId,
      seed: 42,
      share: EVALUATED_SHARE,
    });
    await owner.query('ANALYZE');
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM performance_goal WHERE tenant_id = $1 AND fund_id = $2 AND scope = 'TRANSFER_OVERALL'`,
      [city.tenantId, city.workload!.bigFundId],
    );
    return {
      overallId: rows[0].id,
      summary: { ...summary, evaluations: summary.evaluations.length },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await owner.end();
  }
}

/** The hand-written aggregate: one connection, one transaction, tenant set like RequestDb sets it. */
export async function rawFundTree(
  pool: Pool,
  tenantId: string,
  overallId: string,
): Promise<{ tree: RawFundTree; started: number }> {
  const started = performance.now();
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jixiao.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query<{ tree: RawFundTree }>(RAW_FUND_TREE_SQL, [tenantId, overallId]);
    await client.query('COMMIT');
    return { tree: rows[0].tree, started };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}

const RAW_STATEMENTS = 4; // BEGIN, set_config, the query, COMMIT

/** Whether the API's roll-up equals the raw aggregate (actuals to 6 decimals, money, coverage). */
export function sameAggregate(api: FundTreeData, raw: RawFundTree): boolean {
  const r = api.goal?.rollUp;
  if (!r || r.actuals.length !== raw.actuals.length) return false;
  const close = (a: string | null, b: string | null) =>
    a === null || b === null ? a === b : new Decimal(a).minus(b).abs().lte('0.000001');
  const children = new Map(raw.children.map((c) => [toGlobalId('PerformanceGoal', c.id), c]));
  return (
    r.actuals.every((a, k) => close(a.value, raw.actuals[k])) &&
    new Decimal(r.money.budgeted).eq(raw.money.budgeted) &&
    new Decimal(r.money.spent).eq(raw.money.spent) &&
    r.coverage.counted === raw.coverage.counted &&
    r.coverage.total === raw.coverage.total &&
    api.goal!.children.nodes.every((c) => {
      const want = children.get(c.id);
      return !!want && c.rollUp?.coverage.counted === want.counted && c.rollUp.coverage.total === want.total;
    })
  );
}

/** Σ counted and Σ total over the regional goals' roll-ups. */
export function regionalCoverage(data: FundTreeData): { counted: number; total: number } {
  const children = data.goal?.children.nodes ?? [];
  return {
    counted: children.reduce((s, c) => s + (c.rollUp?.coverage.counted ?? 0), 0),
    total: children.reduce((s, c) => s + (c.rollUp?.coverage.total ?? 0), 0),
  };
}

export interface RollupVariants {
  api: (timed: boolean) => Promise<void>;
  raw: (timed: boolean) => Promise<void>;
  apiSamples: Sample[];
  rawSamples: Sample[];
  apiRequest: () => Promise<Sample>;
  rawRequest: () => Promise<Sample>;
  district: (timed: boolean) => Promise<void>;
  districtSamples: Sample[];
}

/** The timed requests of (a), (b) and (c); run.ts drives them with its loops. */
export function rollupVariants(
  api: GraphQLClient,
  pool: Pool,
  city: SyntheticCity,
  overallId: string,
  districtId: string,
): RollupVariants {
  const id = toGlobalId('PerformanceGoal', overallId);
  const district = toGlobalId('Region', districtId);
  const year = city.workload!.year;
  const apiRequest = async () => (await api.request<FundTreeData>(FUND_TREE, { id })).sample;
  const rawRequest = async (): Promise<Sample> => {
    const { tree, started } = await rawFundTree(pool, city.tenantId, overallId);
    const bytes = Buffer.byteLength(JSON.stringify(tree));
    return { ms: performance.now() - started, statements: RAW_STATEMENTS, bytes };
  };
  const v: RollupVariants = {
    apiSamples: [],
    rawSamples: [],
    districtSamples: [],
    apiRequest,
    rawRequest,
    api: async (timed) => {
      const s = await apiRequest();
      if (timed) v.apiSamples.push(s);
    },
    raw: async (timed) => {
      const s = await rawRequest();
      if (timed) v.rawSamples.push(s);
    },
    district: async (timed) => {
      const res = await api.request<DistrictFundsData>(DISTRICT_FUNDS, { year, within: district });
      const nodes = res.body.data?.goals.nodes ?? [];
      if (nodes.length === 0 || nodes.some((n) => !n.rollUp)) {
        throw new Error(`district funds: no roll-ups: ${res.text.slice(0, 300)}`);
      }
      if (timed) v.districtSamples.push(res.sample);
    },
  };
  return v;
}

/** The first district's region id (owner connection), for (c). */
export async function loadDistrict(ownerUrl: string, city: SyntheticCity): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM region WHERE tenant_id = $1 AND code = $2`,
      [city.tenantId, `${city.cityCode.slice(0, 4)}01`],
    );
    return rows[0].id;
  } finally {
    await owner.end();
  }
}
