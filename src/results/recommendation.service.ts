import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../common/request-context';
import { Decimal, money } from '../common/decimal';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { runMutation } from '../common/mutation';
import { FundEntity } from '../funds/fund.entity';
import { GoalScope } from '../goals/goal.enums';
import type { DecideRecommendationInput, ProposeRecommendationsInput } from './dto/results.inputs';
import { shanghaiDateOf } from './rules/due-dates';
import {
  longIdleAmount,
  recommendByGrade,
  recommendForIdleMoney,
  recommendForSpotCheckFlag,
  recommendForUnrectified,
  type Recommendation,
} from './rules/recommendation';
import { addRecommendation, decideRecommendationRow } from './application.repository';
import { RecommendationEntity } from './results.entities';
import { COMPLETED_RESULT, RESULT_PRECEDENCE } from './results-sql';
import { refusal } from '../common/refusal';

export enum RecommendationStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  OVERRIDDEN = 'OVERRIDDEN',
}

interface Basis {
  basis_id: string;
  basis_kind: string;
  goal_id: string;
  scope: GoalScope;
  fund_id: string | null;
  project_id: string | null;
  region_id: string;
  region_path: string;
  department_id: string | null;
  annual_amount: string | null;
  grade: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR' | null;
  kind: string | null;
}

/** The subject a goal stands for (DOMAIN §13: project, fund, region, department). */
function subjectKind(scope: GoalScope): string {
  switch (scope) {
    case GoalScope.TRANSFER_OVERALL:
      return 'FUND';
    case GoalScope.TRANSFER_REGIONAL:
      return 'REGION';
    case GoalScope.DEPARTMENT:
      return 'DEPARTMENT';
    default:
      return 'PROJECT';
  }
}

const isTransfer = (s: GoalScope) =>
  s === GoalScope.TRANSFER_OVERALL || s === GoalScope.TRANSFER_REGIONAL || s === GoalScope.TRANSFER_PROJECT;

// Each goal's latest completed result of the year, the key (FINANCE) evaluation first (DOMAIN §13 "from each
// subject's latest result"; 003 转移支付 第三十一条 names the key evaluation).
const LATEST_RESULTS = `
  SELECT DISTINCT ON (g.id) e.id AS basis_id, 'EVALUATION' AS basis_kind, g.id AS goal_id, g.scope, g.fund_id,
         g.project_id, g.region_id, g.region_path, g.department_id, g.annual_amount::text, e.grade, e.kind
    FROM evaluation e JOIN performance_goal g ON g.tenant_id = e.tenant_id AND g.id = e.goal_id
   WHERE e.year = $1 AND g.region_path LIKE $2 AND ($3::uuid IS NULL OR g.fund_id = $3::uuid)
     AND ${COMPLETED_RESULT}
   ORDER BY g.id, ${RESULT_PRECEDENCE}`;

// Findings past their rectification due date, not responded (DOMAIN §13 "findings not rectified").
const UNRECTIFIED = `
  SELECT f.id AS basis_id, 'FINDING' AS basis_kind, g.id AS goal_id, g.scope, g.fund_id, g.project_id,
         g.region_id, g.region_path, g.department_id, g.annual_amount::text, f.grade, NULL AS kind
    FROM result_finding f JOIN performance_goal g ON g.tenant_id = f.tenant_id AND g.id = f.goal_id
   WHERE f.year = $1 AND g.region_path LIKE $2 AND ($3::uuid IS NULL OR g.fund_id = $3::uuid)
     AND f.state IN ('FEEDBACK_GIVEN', 'REOPENED') AND f.rectification_due_on < $4::date`;

// Goals of the year with money recorded in place and spent, by month (DOMAIN §13 "long-idle money").
const EXECUTIONS = `
  SELECT g.id AS basis_id, 'IDLE_MONEY' AS basis_kind, g.id AS goal_id, g.scope, g.fund_id, g.project_id,
         g.region_id, g.region_path, g.department_id, g.annual_amount::text, NULL AS grade, NULL AS kind,
         jsonb_agg(jsonb_build_object('month', x.month, 'inPlace', x.in_place::text, 'spent', x.spent::text)) AS months
    FROM goal_execution x JOIN performance_goal g ON g.tenant_id = x.tenant_id AND g.id = x.goal_id
   WHERE x.year = $1 AND g.region_path LIKE $2 AND ($3::uuid IS NULL OR g.fund_id = $3::uuid)
   GROUP BY g.tenant_id, g.id`;

// Flagged spot-check items of the year (DOMAIN §12: 从严、从紧 for the region's transfers).
const SPOT_CHECK_FLAGS = `
  SELECT i.id AS basis_id, 'SPOT_CHECK' AS basis_kind, g.id AS goal_id, 'TRANSFER_REGIONAL' AS scope, g.fund_id,
         g.project_id, g.region_id, g.region_path, g.department_id, g.annual_amount::text, NULL AS grade,
         NULL AS kind, i.flags AS months
    FROM spot_check_item i JOIN spot_check_sample s ON s.tenant_id = i.tenant_id AND s.id = i.sample_id
    JOIN performance_goal g ON g.tenant_id = i.tenant_id AND g.id = i.goal_id
   WHERE s.year = $1 AND g.region_path LIKE $2 AND ($3::uuid IS NULL OR g.fund_id = $3::uuid)
     AND jsonb_array_length(i.flags) > 0`;

type MonthRow = { month: number; inPlace: string; spent: string };

/** The recommendation of one basis row (DOMAIN §13, the bullet list under "Budget linkage"). */
function recommendationOf(b: Basis & { months?: unknown }): Recommendation | null {
  const amount = new Decimal(b.annual_amount ?? '0');
  if (b.basis_kind === 'IDLE_MONEY') {
    const months = (b.months as MonthRow[]).map((m) => ({
      month: m.month,
      inPlace: new Decimal(m.inPlace),
      spent: new Decimal(m.spent),
    }));
    const idle = longIdleAmount(months);
    return idle.isZero() ? null : recommendForIdleMoney(idle);
  }
  if (b.basis_kind === 'SPOT_CHECK') return recommendForSpotCheckFlag(b.months as string[]);
  if (b.basis_kind === 'FINDING' || !b.grade) return recommendForUnrectified();
  return recommendByGrade({
    grade: b.grade,
    evaluationKind: b.kind ?? '',
    transferFund: isTransfer(b.scope),
    amount,
  });
}

/**
 * 提出下年预算建议 (DOMAIN §13 "Budget linkage"): finance proposes, for the results of `year` in its subtree
 * (optionally one fund's), next year's recommendation per subject from its latest result, and one for each
 * finding left unrectified. Proposing again adds only what is new. A fund outside the subtree reads as
 * missing (P6), nothing written.
 */
export function proposeRecommendations(ctx: RequestContext, input: ProposeRecommendationsInput) {
  return runMutation(ctx, {}, async (em) => {
    const caller = ctx.caller;
    let fundId: string | null = null;
    if (input.fundId) {
      const id = idOfType(input.fundId, 'Fund');
      const fund = id ? await em.findOneBy(FundEntity, { tenantId: caller.tenantId, id }) : null;
      if (!fund || !fund.regionPath.startsWith(caller.regionPath))
        throw refusal(ErrorCode.NOT_FOUND, ['input', 'fundId'], msg('未找到该专项资金', 'Fund not found'));
      fundId = fund.id;
    }
    const within = `${caller.regionPath}%`;
    const today = shanghaiDateOf(new Date());
    const results = await em.query<Basis[]>(LATEST_RESULTS, [input.year, within, fundId]);
    const unrectified = await em.query<Basis[]>(UNRECTIFIED, [input.year, within, fundId, today]);
    const idle = await em.query<Basis[]>(EXECUTIONS, [input.year, within, fundId]);
    const flagged = await em.query<Basis[]>(SPOT_CHECK_FLAGS, [input.year, within, fundId]);
    const created: RecommendationEntity[] = [];
    for (const b of [...results, ...unrectified, ...idle, ...flagged]) {
      const amount = new Decimal(b.annual_amount ?? '0');
      const r = recommendationOf(b);
      if (!r) continue;
      const row = Object.assign(new RecommendationEntity(), {
        tenantId: caller.tenantId,
        id: randomUUID(),
        budgetYear: input.year + 1,
        subjectKind: subjectKind(b.scope),
        goalId: b.goal_id,
        fundId: b.fund_id,
        projectId: b.project_id,
        regionId: b.region_id,
        regionPath: b.region_path,
        departmentId: b.department_id,
        basisId: b.basis_id,
        basisKind: b.basis_kind,
        grade: b.grade,
        action: r.action,
        rule: r.rule,
        currentAmount: money(amount),
        recommendedChange: money(r.change),
        minimumCut: r.minimumCut ? money(r.minimumCut) : null,
        status: RecommendationStatus.PROPOSED,
        proposedByOrganizationId: caller.organizationId,
      });
      const exists = await em.findOneBy(RecommendationEntity, {
        tenantId: caller.tenantId,
        budgetYear: row.budgetYear,
        basisId: row.basisId,
      });
      if (exists) continue;
      await addRecommendation(ctx, em, row);
      created.push(row);
    }
    return { recommendations: created };
  });
}

/**
 * 采纳 / 调整 (DOMAIN §13 "status proposed → accepted by finance"): finance over the subject accepts the
 * proposal, or overrides it with another change and a reason. Only a PROPOSED recommendation is decided.
 */
export function decideRecommendation(ctx: RequestContext, input: DecideRecommendationInput) {
  return runMutation(ctx, {}, async (em) => {
    const caller = ctx.caller;
    const id = idOfType(input.id, 'BudgetRecommendation');
    const before = id ? await em.findOneBy(RecommendationEntity, { tenantId: caller.tenantId, id }) : null;
    if (!before || !before.regionPath.startsWith(caller.regionPath))
      throw refusal(
        ErrorCode.NOT_FOUND,
        ['input', 'id'],
        msg('未找到该预算建议', 'Recommendation not found'),
      );
    if (before.status !== RecommendationStatus.PROPOSED) {
      throw refusal(
        ErrorCode.WORKFLOW_VIOLATION,
        ['input', 'id'],
        msg('该预算建议已处理', 'The recommendation has already been decided'),
      );
    }
    const override = input.change != null;
    if (override && !input.reason?.trim()) {
      throw refusal(
        ErrorCode.BAD_USER_INPUT,
        ['input', 'reason'],
        msg('调整预算建议须说明理由', 'Overriding a recommendation needs a reason'),
      );
    }
    const change = {
      status: override ? RecommendationStatus.OVERRIDDEN : RecommendationStatus.ACCEPTED,
      decidedChange: money(override ? input.change! : new Decimal(before.recommendedChange)),
      decisionReason: input.reason?.trim() || null,
      decidedByOrganizationId: caller.organizationId,
    };
    const after = await decideRecommendationRow(ctx, em, before, change);
    return { recommendation: after };
  });
}
