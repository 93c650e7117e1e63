import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { GoalConsistencyReportType, GoalHeaderType } from './dto/goal-extra.types';
import { PerformanceGoalType } from './dto/goal.types';
import { consistencyFor } from './goal-consistency';
import { headerView } from './goal-header';
import type { GoalEntity } from './goal.entity';

/** The 附件1–3 header and the decomposition report of a goal (DOMAIN §5). */
@Resolver(() => PerformanceGoalType)
export class GoalHeaderResolver {
  @FieldResolver(() => GoalHeaderType, {
    description:
      '目标表表头 — the 附件1–3 header: project attribute, category, implementation period and its money; the transfer money split',
  })
  header(@Root() g: GoalEntity): GoalHeaderType {
    return headerView(g);
  }

  @FieldResolver(() => GoalConsistencyReportType, {
    nullable: true,
    description:
      '分解一致性 — 分区域（分项目）绩效目标汇总后应与整体绩效目标保持对应关系 (002 第十条(二); DOMAIN §5): for a child goal, its parent’s decomposition counting the siblings in force plus this goal; for a goal without a parent, its own decomposition over its children in force — the check approval runs. Null when there is nothing to check, or for callers whose jurisdiction does not cover the parent goal’s region (they do not see every sibling)',
  })
  async consistency(
    @Root() g: GoalEntity,
    @Ctx() ctx: RequestContext,
  ): Promise<GoalConsistencyReportType | null> {
    const d = await consistencyFor(ctx, g);
    if (!d) return null;
    const { report } = d;
    const problem = (p: (typeof report.errors)[number]) => ({
      reason: p.reason ?? p.code,
      message: p.message.zh,
      messageEn: p.message.en,
    });
    const linked = new Map<string, Set<string>>();
    for (const c of d.children) {
      for (const i of await ctx.loaders.indicatorsByGoalId.load(c.id)) {
        if (!i.parentIndicatorId) continue;
        const set = linked.get(i.parentIndicatorId) ?? new Set<string>();
        set.add(c.id);
        linked.set(i.parentIndicatorId, set);
      }
    }
    const moneyProblem = [...report.errors, ...report.warnings].some((e) => e.reason === 'MONEY_MISMATCH');
    return {
      parentGoal: d.parent,
      childCount: d.children.length,
      complete: d.complete,
      ok: report.ok,
      indicators: d.parentIndicators
        .filter((p) => linked.has(p.id))
        .map((p) => {
          const c = report.combined.find((x) => x.parentIndicatorId === p.id);
          return {
            parentIndicator: p,
            name: p.name,
            aggregation: p.aggregation,
            comparator: p.comparator,
            combined: c?.combined ?? null,
            target: p.target,
            meets: c ? c.meets : null,
            linkedChildren: linked.get(p.id)?.size ?? 0,
          };
        }),
      money: { childrenTotal: d.childrenTotal, allocated: d.allocated, meets: !moneyProblem },
      errors: report.errors.map(problem),
      warnings: report.warnings.map(problem),
    };
  }
}
