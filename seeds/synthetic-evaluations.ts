import { createHash } from 'node:crypto';
import { Decimal, roundHalfUp } from '../src/common/decimal';
import { scoreContent, storedLines, type SelfContent } from '../src/evaluation/self-scoring';
import type { GoalIndicatorEntity } from '../src/goals/goal-indicator.entity';
import { inTransaction, type SeedDb } from './db';
import { seedId } from './ids';
import { bulkInsert, mulberry32, type Column } from './synthetic-model';

/**
 * Self-evaluations (单位自评, DOMAIN §10) for a generated city (issue #4): for a share of the ISSUED
 * PROJECT and TRANSFER_PROJECT goals, the implementing unit's actuals, money and explanations, scored by
 * the engine exactly as `submitEvaluation` scores them (`scoreContent`, DOMAIN §10.1–7) and stored with
 * their lines, total and grade; the rest stay missing, so roll-ups (DOMAIN §11) show coverage below 100%.
 * Deterministic: whether a goal is evaluated, and every figure, derive from the seed and the goal's id
 * alone. Written in bulk (`INSERT … SELECT … FROM unnest`), triggers on: inserted as DRAFT, then moved to
 * SUBMITTED (the only legal path, P8). Needs an OWNER connection.
 */
export interface SyntheticEvaluationOptions {
  tenantId: string;
  seed: number;
  /** Share of the candidate goals evaluated, in [0, 1] (default 0.9; the others stay missing). */
  share?: number;
  /** Only these goals (default: every ISSUED project-level goal of the tenant). Goals already evaluated are skipped. */
  goalIds?: readonly string[];
  /** SUBMITTED (default): scored and frozen. DRAFT: content saved, not submitted (for submission benchmarks). */
  status?: 'SUBMITTED' | 'DRAFT';
}

export interface SyntheticEvaluation {
  id: string;
  goalId: string;
  evaluatorOrganizationId: string;
  /** The unit's user (the one who fills in and submits). */
  userId: string;
  /** The engine's total (SUBMITTED only). */
  total: string | null;
}

export interface SyntheticEvaluationSummary {
  /** Candidate goals (issued, project-level, not yet evaluated). */
  candidates: number;
  evaluations: SyntheticEvaluation[];
  actuals: number;
  /** Candidates left without a self-evaluation. */
  missing: number;
  ms: number;
}

interface GoalRow {
  id: string;
  year: number;
  annual_amount: string | null;
  unit_id: string;
  department_id: string;
  user_id: string;
}

type IndicatorRow = Pick<
  GoalIndicatorEntity,
  'id' | 'goalId' | 'name' | 'category' | 'kind' | 'comparator' | 'target' | 'points' | 'position'
>;

const EXPLANATION = '已在自评报告中分析说明原因';

/** A PRNG of its own per goal: the same seed and goal give the same draws, whatever else is generated. */
function goalRandom(seed: number, goalId: string): () => number {
  const h = createHash('sha1').update(`synthetic-evaluation|${seed}|${goalId}`).digest();
  return mulberry32(h.readUInt32BE(0));
}

const between = (random: () => number, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** An actual near the target (‰ of it), with the target's decimal places: some met, some missed, some over. */
function drawActual(random: () => number, i: IndicatorRow): Decimal {
  const target = new Decimal(i.target ?? '0');
  const permille = i.comparator === 'EQ' ? between(random, 960, 1040) : between(random, 820, 1180);
  return roundHalfUp(target.times(permille).div(1000), target.decimalPlaces());
}

/** Money in cents (exact): budgeted = the goal's annual amount, 90–100% in place, 80–100% of that spent. */
function drawMoney(random: () => number, annual: string | null) {
  const budgeted = new Decimal(annual ?? '0');
  const inPlace = budgeted
    .times(between(random, 900, 1000))
    .div(1000)
    .toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const spent = inPlace
    .times(between(random, 800, 1000))
    .div(1000)
    .toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return { budgeted, inPlace, spent };
}

/** The content a unit would save for this goal, drawn from the goal's own stream. */
export function syntheticContent(
  seed: number,
  goalId: string,
  annualAmount: string | null,
  indicators: readonly IndicatorRow[],
): { evaluated: (share: number) => boolean; content: SelfContent } {
  const random = goalRandom(seed, goalId);
  const draw = random();
  const money = drawMoney(random, annualAmount);
  const actuals = indicators.map((i) => ({
    indicatorId: i.id,
    actual: drawActual(random, i),
    explanation: EXPLANATION,
    targetSetTooLow: false,
  }));
  return {
    evaluated: (share) => draw < share,
    content: {
      money,
      fundArrivalExplanation: EXPLANATION,
      budgetExecutionExplanation: EXPLANATION,
      categoryPoints: null,
      actuals,
    },
  };
}

async function rows<R>(db: SeedDb, sql: string, params: unknown[]): Promise<R[]> {
  return ((await db.query(sql, params)) as { rows: R[] }).rows;
}

export async function generateSyntheticEvaluations(
  db: SeedDb,
  options: SyntheticEvaluationOptions,
): Promise<SyntheticEvaluationSummary> {
  const started = performance.now();
  const { tenantId, seed } = options;
  const share = options.share ?? 0.9;
  const status = options.status ?? 'SUBMITTED';
  if (!(share >= 0 && share <= 1))
    throw new Error(`generateSyntheticEvaluations: share ${share} not in [0, 1]`);

  return inTransaction(db, async (tx) => {
    // P4 谁支出、谁自评: the evaluator is the project's implementing unit; the reviewer its competent department.
    const goals = await rows<GoalRow>(
      tx,
      `SELECT g.id, g.year, g.annual_amount::text, p.implementing_unit_id AS unit_id, p.department_id,
              (SELECT min(u.id::text) FROM app_user u WHERE u.tenant_id = g.tenant_id AND u.organization_id = p.implementing_unit_id) AS user_id
         FROM performance_goal g JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id
        WHERE g.tenant_id = $1 AND g.status = 'ISSUED' AND g.scope IN ('PROJECT', 'TRANSFER_PROJECT')
          AND ($2::uuid[] IS NULL OR g.id = ANY($2::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.tenant_id = g.tenant_id AND e.goal_id = g.id AND e.kind = 'SELF')
        ORDER BY g.id`,
      [tenantId, options.goalIds ?? null],
    );
    const indicatorRows = await rows<IndicatorRow & { goal_id: string }>(
      tx,
      `SELECT i.id, i.goal_id, i.goal_id AS "goalId", i.name, i.category, i.kind, i.comparator, i.target,
              i.points::text AS points, i.position
         FROM goal_indicator i WHERE i.tenant_id = $1 AND i.goal_id = ANY($2::uuid[]) ORDER BY i.goal_id, i.position`,
      [tenantId, goals.map((g) => g.id)],
    );
    const indicatorsOf = new Map<string, IndicatorRow[]>();
    for (const i of indicatorRows) indicatorsOf.set(i.goal_id, [...(indicatorsOf.get(i.goal_id) ?? []), i]);

    const evaluations: SyntheticEvaluation[] = [];
    const evaluationRows: unknown[][] = [];
    const actualRows: unknown[][] = [];
    const submitRows: unknown[][] = [];
    for (const g of goals) {
      const indicators = indicatorsOf.get(g.id) ?? [];
      const { evaluated, content } = syntheticContent(seed, g.id, g.annual_amount, indicators);
      if (!evaluated(share)) continue;
      if (!g.user_id) throw new Error(`generateSyntheticEvaluations: unit ${g.unit_id} has no user`);
      const id = seedId('synthetic-evaluation', tenantId, g.id);
      const scoring = scoreContent(indicators as GoalIndicatorEntity[], content);
      const problems = [...scoring.inputProblems, ...scoring.submissionProblems];
      if (problems.length > 0) {
        throw new Error(
          `generateSyntheticEvaluations: goal ${g.id} would be refused: ${problems[0].message.en}`,
        );
      }
      const m = content.money!;
      evaluationRows.push([
        id,
        g.id,
        g.year,
        g.unit_id,
        g.department_id,
        m.budgeted.toFixed(2),
        m.inPlace.toFixed(2),
        m.spent.toFixed(2),
        content.fundArrivalExplanation,
        content.budgetExecutionExplanation,
      ]);
      const lineOf = new Map(scoring.score.lines.map((l) => [l.key, l]));
      for (const a of content.actuals) {
        const line = status === 'SUBMITTED' ? lineOf.get(a.indicatorId) : undefined;
        actualRows.push([
          seedId('synthetic-evaluation-actual', tenantId, id, a.indicatorId),
          id,
          a.indicatorId,
          a.actual!.toFixed(),
          a.explanation,
          line ? line.score.toFixed(2) : null,
          line ? line.rule : null,
          JSON.stringify(line ? line.flags : []),
        ]);
      }
      const total = status === 'SUBMITTED' ? scoring.score.total.toFixed(2) : null;
      if (status === 'SUBMITTED') {
        submitRows.push([id, total, scoring.score.grade, JSON.stringify(storedLines(scoring.score))]);
      }
      evaluations.push({ id, goalId: g.id, evaluatorOrganizationId: g.unit_id, userId: g.user_id, total });
    }

    const evaluationColumns: Column[] = [
      ['id', 'uuid'],
      ['goal_id', 'uuid'],
      ['year', 'int'],
      ['evaluator_organization_id', 'uuid'],
      ['reviewer_organization_id', 'uuid'],
      ['budgeted', 'text', 'numeric'],
      ['in_place', 'text', 'numeric'],
      ['spent', 'text', 'numeric'],
      ['fund_arrival_explanation', 'text'],
      ['budget_execution_explanation', 'text'],
    ];
    // kind, status and region_path are constant (the trigger copies the goal's path and year).
    await bulkInsert(
      tx,
      'evaluation',
      tenantId,
      [...evaluationColumns, ['kind', 'text'], ['status', 'text'], ['region_path', 'text']],
      evaluationRows.map((r) => [...r, 'SELF', 'DRAFT', '']),
      5_000,
    );
    await bulkInsert(
      tx,
      'evaluation_actual',
      tenantId,
      [
        ['id', 'uuid'],
        ['evaluation_id', 'uuid'],
        ['indicator_id', 'uuid'],
        ['actual', 'text', 'numeric'],
        ['explanation', 'text'],
        ['score', 'text', 'numeric'],
        ['rule', 'text'],
        ['flags', 'text', 'jsonb'],
      ],
      actualRows,
      20_000,
    );
    // DRAFT → SUBMITTED with the engine's total, grade and lines (the trigger checks the transition).
    for (let start = 0; start < submitRows.length; start += 2_000) {
      const batch = submitRows.slice(start, start + 2_000);
      await tx.query(
        `UPDATE evaluation e SET status = 'SUBMITTED', total = u.total::numeric, grade = u.grade,
                score_lines = u.lines::jsonb, submitted_at = now(), row_version = e.row_version + 1
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS u(id, total, grade, lines)
          WHERE e.tenant_id = $1 AND e.id = u.id`,
        [tenantId, ...[0, 1, 2, 3].map((k) => batch.map((r) => r[k]))],
      );
    }
    // The workflow history (DOMAIN §15), as the API writes it: CREATE, then SUBMIT.
    const transitions = evaluations.flatMap((e) => [
      [
        seedId('synthetic-evaluation-transition', e.id, '0'),
        e.id,
        'CREATE',
        'DRAFT',
        'DRAFT',
        e.userId,
        e.evaluatorOrganizationId,
      ],
      ...(status === 'SUBMITTED'
        ? [
            [
              seedId('synthetic-evaluation-transition', e.id, '1'),
              e.id,
              'SUBMIT',
              'DRAFT',
              'SUBMITTED',
              e.userId,
              e.evaluatorOrganizationId,
            ],
          ]
        : []),
    ]);
    await bulkInsert(
      tx,
      'evaluation_transition',
      tenantId,
      [
        ['id', 'uuid'],
        ['evaluation_id', 'uuid'],
        ['action', 'text'],
        ['from_status', 'text'],
        ['to_status', 'text'],
        ['actor_user_id', 'uuid'],
        ['actor_organization_id', 'uuid'],
      ],
      transitions,
    );
    return {
      candidates: goals.length,
      evaluations,
      actuals: actualRows.length,
      missing: goals.length - evaluations.length,
      ms: Math.round(performance.now() - started),
    };
  });
}
