import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import type { Principal } from '../auth/principal';
import { Grade } from '../common/grade';
import { idOfType, toGlobalId } from '../common/global-id';
import { NO_ID } from '../common/sql';
import { Idempotent } from '../idempotency/idempotent';
import {
  DecideRecommendationInput,
  FindingActionInput,
  OpenFindingInput,
  OpenFundingHoldFindingInput,
  ProposeRecommendationsInput,
  ProposeRecommendationsPayload,
  RecommendationPayload,
} from './dto/results.inputs';
import {
  BudgetRecommendationConnection,
  FindingConnection,
  FindingType,
  RecommendationType,
} from './dto/results.types';
import {
  ConnectionArgs,
  mapConnection,
  paginate,
  SortDirection,
  toConnection,
  type SortColumn,
} from '../common/pagination';
import { ResultsReportsResolver } from './results-reports.resolver';
import {
  actOnFinding,
  findingOverdue,
  rolesOf,
  SOURCE_FUNDING_HOLD,
  SOURCE_MONITORING,
} from './finding.service';
import { openFinding, openFundingHoldFinding } from './finding-open.service';
import { findingsQuery, recommendationsQuery, type FindingFilter } from './results-lists';
import { decideRecommendation, proposeRecommendations } from './recommendation.service';
import type { FindingEntity, RecommendationEntity } from './results.entities';
import { availableFindingActions, FindingAction, FindingState } from './rules/finding-workflow';
import type { RecommendationAction } from './rules/recommendation';
import type { RecommendationStatus } from './recommendation.service';
import { ANY_OF_NOTE } from '../common/list-filter';
import {
  GiveFindingFeedbackInput,
  GiveFindingFeedbackPayload,
  OpenFindingPayload,
  OpenFundingHoldFindingPayload,
  ReopenFindingInput,
  ReopenFindingPayload,
  RespondToFindingInput,
  RespondToFindingPayload,
  VerifyFindingInput,
  VerifyFindingPayload,
} from './dto/results-mutation.types';

const gid = (type: string, id: string | null) => (id ? toGlobalId(type, id) : null);

/** The node type of a finding's source (DOMAIN §13). */
const SOURCE_TYPES: Record<string, string> = {
  [SOURCE_FUNDING_HOLD]: 'FundingHold',
  [SOURCE_MONITORING]: 'MonitoringReport',
};

/** A finding as the API shows it: OVERDUE and the available actions computed now (DOMAIN §13, §16). */
export function findingView(f: FindingEntity, caller: Principal): FindingType {
  return {
    ...f,
    id: toGlobalId('Finding', f.id),
    sourceId: toGlobalId(SOURCE_TYPES[f.sourceKind] ?? 'Evaluation', f.sourceId),
    goalId: toGlobalId('PerformanceGoal', f.goalId),
    grade: f.grade as Grade | null,
    state: f.state as FindingState,
    overdue: findingOverdue(f),
    feedbackOrganizationId: toGlobalId('Organization', f.feedbackOrganizationId),
    responsibleOrganizationId: toGlobalId('Organization', f.responsibleOrganizationId),
    verifierOrganizationId: toGlobalId('Organization', f.verifierOrganizationId),
    availableActions: availableFindingActions(f.state as FindingState, rolesOf(f, caller)).map(
      ({ action, decision }) => ({
        action,
        allowed: decision.allowed,
        code: decision.allowed ? null : decision.code,
        reason: decision.allowed ? null : decision.zh,
      }),
    ),
  };
}

/** The node type of a recommendation's basis (DOMAIN §13: result, finding, idle money, spot check). */
const BASIS_TYPES: Record<string, string> = {
  FINDING: 'Finding',
  IDLE_MONEY: 'PerformanceGoal',
  SPOT_CHECK: 'SpotCheckItem',
};

export function recommendationView(r: RecommendationEntity): RecommendationType {
  return {
    ...r,
    id: toGlobalId('BudgetRecommendation', r.id),
    goalId: toGlobalId('PerformanceGoal', r.goalId),
    fundId: gid('Fund', r.fundId),
    projectId: gid('Project', r.projectId),
    regionId: toGlobalId('Region', r.regionId),
    departmentId: gid('Organization', r.departmentId),
    basisId: toGlobalId(BASIS_TYPES[r.basisKind] ?? 'Evaluation', r.basisId),
    grade: r.grade as Grade | null,
    action: r.action as RecommendationAction,
    status: r.status as RecommendationStatus,
  };
}

const inputArg = { description: '输入 — the mutation input' };

/** Lists of findings and recommendations page by creation time (then id). */
const createdAt = (alias: string): SortColumn => ({
  expression: `${alias}.created_at`,
  read: (row) => (row as FindingEntity | RecommendationEntity).createdAt,
  timestamp: true,
});

@Resolver()
export class ResultsResolver {
  @Query(() => FindingConnection, {
    description:
      '问题清单 — findings in the caller’s jurisdiction (P6), with filters (DOMAIN §13); newest first, a connection (issue 11 item 7)',
  })
  async findings(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('state', () => [FindingState], {
      nullable: true,
      description: `状态 — FindingState: ${ANY_OF_NOTE}`,
    })
    state?: FindingState[],
    @Arg('overdue', { nullable: true, description: '逾期 — only overdue (true) or not overdue (false)' })
    overdue?: boolean,
    @Arg('sourceKind', () => [String], {
      nullable: true,
      description: `来源类型 — e.g. EVALUATION: ${ANY_OF_NOTE}`,
    })
    sourceKind?: string[],
    @Arg('year', () => Int, { nullable: true, description: '年度 — the result year' }) year?: number,
    @Arg('regionId', () => ID, { nullable: true, description: '区划 — within this region’s subtree' })
    regionId?: string,
    @Arg('departmentId', () => ID, { nullable: true, description: '部门 — the responsible department' })
    departmentId?: string,
  ) {
    const filter: FindingFilter = {
      state,
      overdue,
      sourceKind,
      year,
      regionId: regionId ? (idOfType(regionId, 'Region') ?? NO_ID) : undefined,
      departmentId: departmentId ? (idOfType(departmentId, 'Organization') ?? NO_ID) : undefined,
    };
    const qb = await findingsQuery(ctx, filter);
    const rows = await paginate(qb, page, createdAt('f'), SortDirection.DESC, 'f.id');
    return toConnection(
      FindingConnection,
      mapConnection(rows, (f) => findingView(f, ctx.caller)),
    );
  }

  @Query(() => BudgetRecommendationConnection, {
    description:
      '预算建议清单 — next year’s recommendations in the caller’s jurisdiction (DOMAIN §13); oldest first, a connection (issue 11 item 7)',
  })
  async budgetRecommendations(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('budgetYear', () => Int, { description: '预算年度 — the year recommended for' }) budgetYear: number,
  ) {
    const qb = await recommendationsQuery(ctx, budgetYear);
    const rows = await paginate(qb, page, createdAt('r'), SortDirection.ASC, 'r.id');
    return toConnection(BudgetRecommendationConnection, mapConnection(rows, recommendationView));
  }

  @Mutation(() => OpenFindingPayload, {
    description: '开具问题 — open a finding on a completed evaluation (DOMAIN §13)',
  })
  @Idempotent()
  async openFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OpenFindingInput, inputArg) input: OpenFindingInput,
  ) {
    return this.view(ctx, await openFinding(ctx, input));
  }

  @Mutation(() => OpenFundingHoldFindingPayload, {
    description: '对暂缓/停止拨款开具问题 — open a finding on a goal’s current funding hold (DOMAIN §13)',
  })
  @Idempotent()
  async openFundingHoldFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OpenFundingHoldFindingInput, inputArg) input: OpenFundingHoldFindingInput,
  ) {
    return this.view(ctx, await openFundingHoldFinding(ctx, input));
  }

  @Mutation(() => GiveFindingFeedbackPayload, {
    description: '反馈评价结果 — the evaluating body gives feedback (DOMAIN §13)',
  })
  @Idempotent()
  async giveFindingFeedback(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GiveFindingFeedbackInput, inputArg) input: FindingActionInput,
  ) {
    return this.view(ctx, await actOnFinding(ctx, FindingAction.GIVE_FEEDBACK, input));
  }

  @Mutation(() => RespondToFindingPayload, {
    description: '报送整改情况 — the evaluated body reports its rectification (DOMAIN §13)',
  })
  @Idempotent()
  async respondToFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RespondToFindingInput, inputArg) input: FindingActionInput,
  ) {
    return this.view(ctx, await actOnFinding(ctx, FindingAction.RESPOND, input));
  }

  @Mutation(() => VerifyFindingPayload, {
    description: '核实整改 — finance at the level verifies the rectification (DOMAIN §13)',
  })
  @Idempotent()
  async verifyFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => VerifyFindingInput, inputArg) input: FindingActionInput,
  ) {
    return this.view(ctx, await actOnFinding(ctx, FindingAction.VERIFY, input));
  }

  @Mutation(() => ReopenFindingPayload, {
    description: '退回整改 — finance finds the rectification insufficient (DOMAIN §13)',
  })
  @Idempotent()
  async reopenFinding(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReopenFindingInput, inputArg) input: FindingActionInput,
  ) {
    return this.view(ctx, await actOnFinding(ctx, FindingAction.REOPEN, input));
  }

  @Mutation(() => ProposeRecommendationsPayload, {
    description: '提出下年预算建议 — finance proposes next year’s budget recommendations (DOMAIN §13)',
  })
  @Idempotent()
  async proposeRecommendations(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProposeRecommendationsInput, inputArg) input: ProposeRecommendationsInput,
  ) {
    const result = await proposeRecommendations(ctx, input);
    return { ...result, recommendations: result.recommendations?.map(recommendationView) };
  }

  @Mutation(() => RecommendationPayload, {
    description: '处理预算建议 — finance accepts or overrides a recommendation (DOMAIN §13)',
  })
  @Idempotent()
  async decideRecommendation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideRecommendationInput, inputArg) input: DecideRecommendationInput,
  ) {
    const result = await decideRecommendation(ctx, input);
    return { ...result, recommendation: result.recommendation && recommendationView(result.recommendation) };
  }

  private view(ctx: RequestContext, result: { finding?: FindingEntity; userErrors: unknown[] }) {
    return { ...result, finding: result.finding && findingView(result.finding, ctx.caller) };
  }
}

/** The results module's resolvers, registered once in src/app/schema.ts. */
export const resultsResolvers = [ResultsResolver, ResultsReportsResolver] as const;
