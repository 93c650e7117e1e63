import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { formatDecimal, money } from '../common/decimal';
import type { Grade } from '../common/grade';
import { ScoreLineType } from '../evaluation/dto/evaluation.types';
import { scoreLineTypes } from '../evaluation/score-lines';
import { storedLines } from '../evaluation/self-scoring';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import type { GoalEntity } from '../goals/goal.entity';
import { CompileRollUpInput } from './compile.inputs';
import { compileRollUp } from './compile.service';
import { rollUpLoadersOf, type RollUpNode } from './rollup.loaders';
import { RollUpVisibility, rollUpVisibility, whenFull } from './rollup-visibility';
import {
  EvaluationRollUpType,
  RollUpBasis,
  RollUpChildSource,
  RollUpChildType,
  RolledUpActualType,
} from './rollup.types';
import { Idempotent } from '../idempotency/idempotent';
import { LIST_SIZE, listCost } from '../common/list-cost';
import { CompileRollUpPayload } from './rollup-mutation.types';

/** The GraphQL view of a roll-up node; `node` stays on the object for the children field. */
type RollUpView = Omit<EvaluationRollUpType, 'lines' | 'actuals'> & { node: RollUpNode };

/**
 * What the caller sees of a roll-up (DOMAIN §11 "Who sees what", P6): the giving side all of it; a
 * receiving region its basis and its own child rows only — every aggregate over the children is null.
 */
function view(node: RollUpNode, visibility: RollUpVisibility): RollUpView {
  const full = fullView(node);
  if (visibility === RollUpVisibility.FULL) return full;
  return {
    node,
    goalId: node.goalId,
    basis: full.basis,
    visibility,
    provisional: null,
    total: null,
    grade: null,
    money: null,
    fundWeightedMean: null,
    gradeDistribution: null,
    coverage: null,
  };
}

/**
 * The full view of a node, made once per node (issue 18): a reused roll-up (rollup.loaders.ts) is served
 * to every caller until its statistics change, and formatting its money was a tenth of a fund tree's time.
 */
const fullViews = new WeakMap<RollUpNode, RollUpView>();

function fullView(node: RollUpNode): RollUpView {
  let made = fullViews.get(node);
  if (!made) {
    made = makeFullView(node);
    fullViews.set(node, made);
  }
  return made;
}

function makeFullView(node: RollUpNode): RollUpView {
  const r = node.result;
  const counted = r.coverage.counted > 0;
  return {
    node,
    goalId: node.goalId,
    basis: node.basis as RollUpBasis,
    visibility: RollUpVisibility.FULL,
    provisional: r.provisional,
    // Nothing counted yet: no score at all, rather than the money lines' points over nothing (DOMAIN §11).
    total: counted ? r.score.total.toFixed(2) : null,
    grade: counted ? r.score.grade : null,
    money: {
      budgeted: money(r.money.budgeted),
      inPlace: money(r.money.inPlace),
      spent: money(r.money.spent),
    },
    fundWeightedMean: r.fundWeightedMean ? r.fundWeightedMean.toFixed(2) : null,
    gradeDistribution: {
      excellent: r.gradeDistribution.EXCELLENT,
      good: r.gradeDistribution.GOOD,
      fair: r.gradeDistribution.FAIR,
      poor: r.gradeDistribution.POOR,
    },
    coverage: {
      counted: r.coverage.counted,
      total: r.coverage.total,
      countedMoney: money(r.coverage.countedMoney),
      totalMoney: money(r.coverage.totalMoney),
      moneyShare: formatDecimal(r.coverage.moneyShare, 4),
    },
  };
}

@Resolver(() => PerformanceGoalType)
export class GoalRollUpResolver {
  @FieldResolver(() => EvaluationRollUpType, {
    nullable: true,
    description:
      '逐级汇总 — this goal’s result rolled up from its children’s self-evaluations, live (DOMAIN §11); null when it has no children in force. A whole tree is batched level by level',
  })
  async rollUp(
    @Root() goal: GoalEntity,
    @Ctx() ctx: RequestContext,
    @Arg('basis', () => RollUpBasis, {
      defaultValue: RollUpBasis.SUBMITTED,
      description: '汇总口径 — all submitted children, or only those reviewed (审核后汇总)',
    })
    basis: RollUpBasis,
  ): Promise<RollUpView | null> {
    const loaders = rollUpLoadersOf(ctx);
    const node = await loaders.rollUpNode.load(loaders.key(basis, goal.id));
    return node ? view(node, rollUpVisibility(ctx.caller, goal)) : null;
  }
}

@Resolver(() => EvaluationRollUpType)
export class EvaluationRollUpResolver {
  @FieldResolver(() => [ScoreLineType], {
    nullable: true,
    description:
      '得分明细 — every line with its inputs, rule and score; empty while no child is counted; null for a receiving region (仅本辖区下级, DOMAIN §11 “Who sees what”)',
  })
  lines(@Root() r: RollUpView): ScoreLineType[] | null {
    const { result } = r.node;
    return whenFull(
      r.visibility,
      result.coverage.counted > 0 ? scoreLineTypes(storedLines(result.score)) : [],
    );
  }

  @FieldResolver(() => [RolledUpActualType], {
    description:
      '汇总完成值 — the combined actual of each parent indicator; a receiving region gets every indicator (its own target and points) with value, failure and counts null (DOMAIN §11 “Who sees what”)',
  })
  actuals(@Root() r: RollUpView): RolledUpActualType[] {
    const indicatorById = new Map(r.node.indicators.map((i) => [i.id, i]));
    const v = r.visibility;
    return r.node.result.actuals.map((a) => ({
      indicator: (indicatorById.get(a.indicatorId) ?? null) as unknown as RolledUpActualType['indicator'],
      aggregation: a.aggregation,
      value: whenFull(v, a.combined ? formatDecimal(a.combined.value, 6) : null),
      failure: whenFull(v, a.failure),
      contributors: whenFull(v, a.contributors),
      counted: whenFull(v, a.counted),
    }));
  }

  @FieldResolver(() => [RollUpChildType], {
    complexity: listCost(LIST_SIZE.fundLines),
    description:
      '下级结果 — every child goal in force, with its source, weight, total and grade; a receiving region gets only the rows of the child goals it may read itself, never a sibling’s (DOMAIN §11 “Who sees what”, P6)',
  })
  async children(@Root() r: RollUpView, @Ctx() ctx: RequestContext): Promise<RollUpChildType[]> {
    const { node } = r;
    const rows = node.childSources
      ? node.result.children.map((c) => ({
          goalId: c.id,
          source: node.childSources!.get(c.id) as RollUpChildSource,
          weight: money(c.weight),
          counted: c.counted,
          reviewed: c.reviewed,
          total: c.total ? c.total.toFixed(2) : null,
          grade: c.grade,
        }))
      : (await rollUpLoadersOf(ctx).rollUpChildSummaries.load(node.goalId)).map((c) => {
          const e = c.evaluation;
          const counted = !!e && (node.basis === 'SUBMITTED' || e.status === 'REVIEWED');
          return {
            goalId: c.goalId,
            source: e ? RollUpChildSource.EVALUATION : RollUpChildSource.MISSING,
            weight: money(c.weight),
            counted,
            reviewed: e?.status === 'REVIEWED',
            total: e?.total ?? null,
            grade: (e?.grade as Grade | undefined) ?? null,
          };
        });
    const goals = (await ctx.loaders.goalById.loadMany(rows.map((r) => r.goalId))).map((g) =>
      g && !(g instanceof Error) ? g : null,
    );
    // A receiving region: its own rows only — not even a sibling's row with the goal left out (P6).
    const shown = rows
      .map((row, k) => ({ row, g: goals[k] }))
      .filter(({ g }) => r.visibility === RollUpVisibility.FULL || g !== null);
    return shown.map(({ row: { goalId: _id, ...row }, g }) => ({
      goal: g as unknown as PerformanceGoalType | null,
      ...row,
    }));
  }
}

@Resolver()
export class CompileRollUpResolver {
  @Mutation(() => CompileRollUpPayload, {
    description:
      '汇总确认 — the township department compiles its region’s result, the fund’s department the overall result, from a complete roll-up; submitted to the level above for review (DOMAIN §11, P4)',
  })
  @Idempotent()
  compileRollUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CompileRollUpInput, { description: '输入 — the mutation input' })
    input: CompileRollUpInput,
  ) {
    return compileRollUp(ctx, input);
  }
}

export const rollUpResolvers = [GoalRollUpResolver, EvaluationRollUpResolver, CompileRollUpResolver] as const;
