import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, msg } from '../common/errors';
import { idOfType } from '../common/global-id';
import { Validation } from '../common/mutation';
import type { GoalIndicatorInput } from './dto/goal.inputs';
import { GoalIndicatorEntity } from './goal-indicator.entity';
import { text } from './rules/workflow-goal';
import { GoalScope } from './goal.enums';
import { checkIndicator, type IndicatorInput } from './rules/indicator-rules';

export const indicatorOf = (i: GoalIndicatorInput): IndicatorInput => ({
  category: i.category,
  subcategory: i.subcategory,
  name: i.name,
  kind: i.kind,
  unit: i.unit ?? null,
  comparator: i.comparator ?? null,
  target: i.target ?? null,
  points: i.points ?? null,
  aggregation: i.aggregation ?? null,
  parentIndicatorId: null,
  ratio:
    i.ratioNumerator != null && i.ratioDenominator != null
      ? { numerator: i.ratioNumerator, denominator: i.ratioDenominator }
      : null,
});

export const storedIndicator = (i: GoalIndicatorEntity): IndicatorInput => ({
  category: i.category,
  subcategory: i.subcategory,
  name: i.name,
  kind: i.kind,
  unit: i.unit,
  comparator: i.comparator,
  target: i.target,
  points: i.points,
  aggregation: i.aggregation,
  parentIndicatorId: i.parentIndicatorId,
  ratio:
    i.ratioNumerator != null && i.ratioDenominator != null
      ? { numerator: i.ratioNumerator, denominator: i.ratioDenominator }
      : null,
});

/**
 * Each indicator checked on its own (DOMAIN §5), with the parent goal's indicator it links to: all
 * problems at once, nothing written. Returns the resolved parent indicator id of each indicator.
 */
export async function validateIndicators(
  em: EntityManager,
  tenantId: string,
  scope: GoalScope,
  parentGoalId: string | null,
  indicators: GoalIndicatorInput[],
): Promise<(string | null)[]> {
  const v = new Validation();
  const use = scope === GoalScope.DEPARTMENT ? 'DEPARTMENT_GOAL' : 'GOAL';
  const parents = parentGoalId
    ? await em.findBy(GoalIndicatorEntity, { tenantId, goalId: parentGoalId })
    : [];
  const byId = new Map(parents.map((p) => [p.id, p]));
  const links = indicators.map((i, k) => {
    const path = ['input', 'indicators', String(k)];
    let linked: GoalIndicatorEntity | undefined;
    if (i.parentIndicatorId) {
      const id = idOfType(i.parentIndicatorId, 'GoalIndicator');
      linked = id ? byId.get(id) : undefined;
      if (!linked) {
        v.add(
          ErrorCode.BAD_USER_INPUT,
          [...path, 'parentIndicatorId'],
          msg(
            '关联的上级指标不属于上级目标',
            "The linked indicator is not one of the parent goal's indicators",
          ),
        );
      }
    }
    const linkedParent = linked
      ? { kind: linked.kind, unit: linked.unit, aggregation: linked.aggregation }
      : null;
    for (const p of checkIndicator(indicatorOf(i), { use, path, linkedParent }))
      v.add(p.code, p.field, p.message);
    return linked?.id ?? null;
  });
  v.check();
  return links;
}

export async function writeIndicators(
  em: EntityManager,
  tenantId: string,
  goalId: string,
  indicators: GoalIndicatorInput[],
  links: (string | null)[],
): Promise<void> {
  await em.delete(GoalIndicatorEntity, { tenantId, goalId });
  if (indicators.length === 0) return;
  await em.insert(
    GoalIndicatorEntity,
    indicators.map((i, position) => ({
      tenantId,
      id: randomUUID(),
      goalId,
      position,
      category: i.category,
      subcategory: i.subcategory,
      name: i.name.trim(),
      kind: i.kind,
      unit: text(i.unit),
      comparator: i.comparator ?? null,
      target: text(i.target),
      points: i.points != null && i.points.trim() !== '' ? i.points.trim() : null,
      parentIndicatorId: links[position] ?? null,
      aggregation: i.aggregation ?? null,
      ratioNumerator: text(i.ratioNumerator),
      ratioDenominator: text(i.ratioDenominator),
    })),
  );
}
