import { Client } from 'pg';
import { generateSyntheticEvaluations, type SyntheticCity } from '../seeds';
import type { TokenService } from '../src/auth/token.service';
import { toGlobalId } from '../src/common/global-id';
import type { GraphQLClient } from './client';
import { FUND_TREE, SUBMIT, type FundTreeData, type SubmitData } from './rollup-queries';
import { percentile } from './stats';

/**
 * (d) A burst of concurrent self-evaluation submissions (提交自评, DOMAIN §10, P8): `size` DRAFT
 * self-evaluations with their actuals on transfer project goals of the big fund that have none (written
 * as the owner, like a unit's saved drafts), then every `submitEvaluation` fired at once, each with its
 * own unit's token (P4 谁支出、谁自评). Then: how many succeeded, whether the database holds them all
 * SUBMITTED with one SUBMIT transition each, and whether the roll-up read right after counts exactly them
 * (DOMAIN §11: computed live, nothing to rebuild).
 */
export interface BurstResult {
  requested: number;
  succeeded: number;
  failed: number;
  failures: string[];
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  submittedInDatabase: number;
  submitTransitions: number;
  countedBefore: number;
  countedAfter: number;
  /** countedAfter − countedBefore === succeeded, and every success is SUBMITTED in the database. */
  consistent: boolean;
  rollUpAfterMs: number;
}

async function submit(
  url: string,
  token: string,
  id: string,
): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBMIT, variables: { input: { id, expectedVersion: 1 } } }),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const body = JSON.parse(text) as { data?: SubmitData; errors?: unknown[] };
    const payload = body.data?.submitEvaluation;
    const ok = res.ok && !body.errors && payload?.evaluation?.status === 'SUBMITTED';
    return ok ? { ok, ms } : { ok, ms, error: text.slice(0, 300) };
  } catch (error) {
    return { ok: false, ms: performance.now() - started, error: String(error) };
  }
}

const CHILDREN_PAGE = `query Children($id: ID!, $after: String) {
  goal(id: $id) {
    children(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { rollUp { coverage { counted total } } }
    }
  }
}`;

interface ChildrenPage {
  goal: {
    children: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { rollUp: { coverage: { counted: number; total: number } } | null }[];
    };
  } | null;
}

/** Σ counted and Σ total over ALL regional goals' roll-ups (the big fund has 150: two pages of 100). */
async function allRegionalCoverage(
  api: GraphQLClient,
  id: string,
): Promise<{ counted: number; total: number }> {
  let counted = 0;
  let total = 0;
  let after: string | null = null;
  for (;;) {
    const res: { body: { data?: ChildrenPage } } = await api.request<ChildrenPage>(CHILDREN_PAGE, {
      id,
      after,
    });
    const children = res.body.data!.goal!.children;
    for (const c of children.nodes) {
      counted += c.rollUp?.coverage.counted ?? 0;
      total += c.rollUp?.coverage.total ?? 0;
    }
    if (!children.pageInfo.hasNextPage) return { counted, total };
    after = children.pageInfo.endCursor;
  }
}

export async function burst(options: {
  size: number;
  ownerUrl: string;
  city: SyntheticCity;
  overallId: string;
  api: GraphQLClient;
  tokens: TokenService;
  log: (line: string) => void;
}): Promise<BurstResult> {
  const { size, city, api, log } = options;
  const owner = new Client({ connectionString: options.ownerUrl });
  await owner.connect();
  try {
    const { rows: goals } = await owner.query<{ id: string }>(
      `SELECT p.id FROM performance_goal r
         JOIN performance_goal p ON p.tenant_id = r.tenant_id AND p.parent_goal_id = r.id
        WHERE r.tenant_id = $1 AND r.parent_goal_id = $2 AND p.status = 'ISSUED'
          AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = p.tenant_id AND e.goal_id = p.id AND e.kind = 'SELF')
        ORDER BY p.id LIMIT $3`,
      [city.tenantId, options.overallId, size],
    );
    if (goals.length < size)
      log(`burst: only ${goals.length} transfer project goals without a self-evaluation`);
    const drafts = await generateSyntheticEvaluations(owner, {
      tenantId: city.tenantId,
      seed: 42,
      share: 1,
      goalIds: goals.map((g) => g.id),
      status: 'DRAFT',
    });
    // A draft whose execution rate is under 90 % cannot be submitted without 整改措施 (002 第二十八条(一),
    // src/evaluation/rules/self-evaluation-form.ts): the unit fills it in, as it would in the form.
    await owner.query(
      `UPDATE evaluation SET rectification_measures = '加快项目实施进度，按月跟踪资金支付（基准测试）'
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND rectification_measures IS NULL`,
      [city.tenantId, drafts.evaluations.map((e) => e.id)],
    );
    const tokenOf = new Map<string, string>();
    for (const e of drafts.evaluations) {
      if (!tokenOf.has(e.userId)) {
        tokenOf.set(
          e.userId,
          (await options.tokens.issue({ userId: e.userId, tenantId: city.tenantId, tokenVersion: 1 })).token,
        );
      }
    }
    const treeVars = { id: toGlobalId('PerformanceGoal', options.overallId) };
    const before = await allRegionalCoverage(api, treeVars.id);

    log(`burst: ${drafts.evaluations.length} concurrent submissions by ${tokenOf.size} units`);
    const started = performance.now();
    const outcomes = await Promise.all(
      drafts.evaluations.map((e) => submit(api.url, tokenOf.get(e.userId)!, toGlobalId('Evaluation', e.id))),
    );
    const wallMs = performance.now() - started;

    const afterStarted = performance.now();
    await api.request<FundTreeData>(FUND_TREE, treeVars);
    const rollUpAfterMs = performance.now() - afterStarted;
    const after = await allRegionalCoverage(api, treeVars.id);

    const ids = drafts.evaluations.map((e) => e.id);
    const { rows } = await owner.query<{ submitted: number; transitions: number }>(
      `SELECT (SELECT count(*)::int FROM evaluation WHERE tenant_id = $1 AND id = ANY($2::uuid[])
                 AND status = 'SUBMITTED' AND total IS NOT NULL AND score_lines IS NOT NULL) AS submitted,
              (SELECT count(*)::int FROM evaluation_transition WHERE tenant_id = $1 AND evaluation_id = ANY($2::uuid[])
                 AND action = 'SUBMIT') AS transitions`,
      [city.tenantId, ids],
    );
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const succeeded = outcomes.filter((o) => o.ok).length;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      requested: outcomes.length,
      succeeded,
      failed: outcomes.length - succeeded,
      failures: outcomes.flatMap((o) => (o.error ? [o.error] : [])).slice(0, 5),
      wallMs: round(wallMs),
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(times[times.length - 1] ?? Number.NaN),
      submittedInDatabase: rows[0].submitted,
      submitTransitions: rows[0].transitions,
      countedBefore: before.counted,
      countedAfter: after.counted,
      consistent:
        succeeded === outcomes.length &&
        rows[0].submitted === succeeded &&
        rows[0].transitions === succeeded &&
        after.counted - before.counted === succeeded,
      rollUpAfterMs: round(rollUpAfterMs),
    };
  } finally {
    await owner.end();
  }
}
