import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { idOfType, uuidPattern } from '../common/global-id';
import type { RequestContext } from '../common/request-context';
import { evaluationLoadersOf } from '../evaluation/evaluation.loaders';
import { EvaluationType } from '../evaluation/dto/evaluation.types';
import { FundType } from '../funds/dto/funds.types';
import { PerformanceGoalType } from '../goals/dto/goal.types';
import { RegionType } from '../hierarchy/dto/hierarchy.types';
import { CongressGoalType, CongressPackageType, CongressResultType } from './congress/congress.types';
import { NoticeItemType } from './dto/reports.types';
import { AllocationSimulationType, FactorValueType, SimulatedShareType } from './dto/simulation.types';

/**
 * Objects, not bare ids (issue 11 item 7) on the result reports (DOMAIN §13): the fund of a simulation, the
 * regions of its factor values and shares, the goals, evaluations and region of the congress package and
 * the notice list. Each goes through the request's scoped loaders (batched: one statement per kind per
 * request, never one per row) and reads null when the caller may not see the object (P6) — the same as a
 * missing one, never an error that tells it exists. The `…Id` fields stay for existing clients.
 */
export function linkedId(value: string | null | undefined, type: string): string | null {
  if (!value) return null;
  // A global id of that type; a few reports still carry the plain uuid (read as the same object).
  return idOfType(value, type) ?? (uuidPattern.test(value) ? value : null);
}

const region = (value: string, ctx: RequestContext) => {
  const id = linkedId(value, 'Region');
  return id ? ctx.loaders.regionById.load(id) : null;
};
const goal = (value: string, ctx: RequestContext) => {
  const id = linkedId(value, 'PerformanceGoal');
  return id ? ctx.loaders.goalById.load(id) : null;
};

const OUT_OF_VIEW = 'null when outside the caller’s jurisdiction (P6)';
const GOAL = '绩效目标 — the goal (null when the caller may not read it, P6)';

@Resolver(() => AllocationSimulationType)
export class AllocationSimulationLinksResolver {
  @FieldResolver(() => FundType, {
    nullable: true,
    description: '专项资金 — the factor-method fund simulated (null when the caller may not read it, P6)',
  })
  fund(@Root() s: AllocationSimulationType, @Ctx() ctx: RequestContext) {
    const id = linkedId(s.fundId, 'Fund');
    return id ? ctx.loaders.fundById.load(id) : null;
  }
}

@Resolver(() => FactorValueType)
export class FactorValueLinksResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description: `受益区划 — the receiving region; ${OUT_OF_VIEW}`,
  })
  region(@Root() v: FactorValueType, @Ctx() ctx: RequestContext) {
    return region(v.regionId, ctx);
  }
}

@Resolver(() => SimulatedShareType)
export class SimulatedShareLinksResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description: `受益区划 — the receiving region; ${OUT_OF_VIEW}`,
  })
  region(@Root() s: SimulatedShareType, @Ctx() ctx: RequestContext) {
    return region(s.regionId, ctx);
  }
}

@Resolver(() => CongressGoalType)
export class CongressGoalLinksResolver {
  @FieldResolver(() => PerformanceGoalType, { nullable: true, description: GOAL })
  goal(@Root() g: CongressGoalType, @Ctx() ctx: RequestContext) {
    return goal(g.goalId, ctx);
  }
}

@Resolver(() => CongressResultType)
export class CongressResultLinksResolver {
  @FieldResolver(() => EvaluationType, {
    nullable: true,
    description:
      '绩效评价 — the evaluation whose result is reported (null when the caller may not read it, P6)',
  })
  evaluation(@Root() r: CongressResultType, @Ctx() ctx: RequestContext) {
    const id = linkedId(r.evaluationId, 'Evaluation');
    return id ? evaluationLoadersOf(ctx).evaluationById.load(id) : null;
  }
}

@Resolver(() => CongressPackageType)
export class CongressPackageLinksResolver {
  @FieldResolver(() => RegionType, {
    nullable: true,
    description: `本级区划 — the level reported; ${OUT_OF_VIEW}`,
  })
  region(@Root() p: CongressPackageType, @Ctx() ctx: RequestContext) {
    return region(p.regionId, ctx);
  }
}

@Resolver(() => NoticeItemType)
export class NoticeItemLinksResolver {
  @FieldResolver(() => PerformanceGoalType, { nullable: true, description: GOAL })
  goal(@Root() n: NoticeItemType, @Ctx() ctx: RequestContext) {
    return goal(n.goalId, ctx);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: `区划 — the goal’s region; ${OUT_OF_VIEW}`,
  })
  region(@Root() n: NoticeItemType, @Ctx() ctx: RequestContext) {
    return region(n.regionId, ctx);
  }
}

/** The report links resolvers (composed by src/app/schema.ts). */
export const reportLinkResolvers = [
  AllocationSimulationLinksResolver,
  FactorValueLinksResolver,
  SimulatedShareLinksResolver,
  CongressGoalLinksResolver,
  CongressResultLinksResolver,
  CongressPackageLinksResolver,
  NoticeItemLinksResolver,
] as const;
