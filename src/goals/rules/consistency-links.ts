import { msg } from '../../common/errors';
import { Aggregation, Comparator, IndicatorKind } from '../indicator.enums';
import {
  decimalOf,
  problem,
  type ConsistencyInput,
  type ConsistencyProblem,
  type Link,
  type ParentIndicator,
} from './consistency-types';
import { normalizeUnit } from './indicator-rules';

/**
 * The child indicators that link to each parent indicator. A child indicator without a link is the
 * child's own (上级目标…可根据地方投入和管理需要进一步细化完善, 002 第十条(三)); a link to a parent
 * indicator that does not exist is an error.
 */
export function collectLinks(input: ConsistencyInput): {
  links: Map<string, Link[]>;
  problems: ConsistencyProblem[];
} {
  const ids = new Set(input.parent.indicators.map((p) => p.id));
  const links = new Map<string, Link[]>();
  const problems: ConsistencyProblem[] = [];
  input.children.forEach((child, childIndex) =>
    child.indicators.forEach((indicator, indicatorIndex) => {
      const id = indicator.parentIndicatorId;
      if (!id) return;
      if (!ids.has(id)) {
        problems.push(
          problem(
            'ERROR',
            'UNKNOWN_PARENT_INDICATOR',
            ['children', childIndex, 'indicators', indicatorIndex, 'parentIndicatorId'],
            msg(
              `${child.label}的指标「${indicator.name}」对应的上级指标不存在`,
              `${child.label}: indicator "${indicator.name}" links to a parent indicator that does not exist`,
            ),
            [child.goalId],
          ),
        );
        return;
      }
      links.set(id, [...(links.get(id) ?? []), { child, childIndex, indicatorIndex, indicator }]);
    }),
  );
  return { links, problems };
}

/** A child's comparator fits when it is the parent's, or EQ (an exact figure bounds both ways). */
export function comparatorFits(parent: Comparator, child: Comparator | null | undefined): boolean {
  return child === parent || child === Comparator.EQ;
}

/**
 * What makes one link unusable (DOMAIN §5): a different kind (定量/定性) or unit, a comparator pointing
 * the other way (a child's "≤ 30 km" says nothing towards a parent's "≥ 50 km"), a target that is not a
 * number, or — under a RATIO_OF_SUMS parent — no numerator and denominator.
 */
export function checkLink(parent: ParentIndicator, link: Link): ConsistencyProblem[] {
  const { child, indicator } = link;
  const problems: ConsistencyProblem[] = [];
  const fail = (reason: string, field: string, zh: string, en: string) =>
    problems.push(
      problem(
        'ERROR',
        reason,
        ['children', link.childIndex, 'indicators', link.indicatorIndex, field],
        msg(`${child.label}「${indicator.name}」：${zh}`, `${child.label} "${indicator.name}": ${en}`),
        [child.goalId],
        parent.id,
      ),
    );
  if (indicator.kind !== parent.kind) {
    fail(
      'KIND_MISMATCH',
      'kind',
      `与上级指标「${parent.name}」的定量/定性不一致`,
      `its kind differs from that of "${parent.name}"`,
    );
    return problems;
  }
  if (parent.kind !== IndicatorKind.QUANTITATIVE) return problems;
  if (normalizeUnit(indicator.unit) !== normalizeUnit(parent.unit)) {
    fail(
      'UNIT_MISMATCH',
      'unit',
      `计量单位“${indicator.unit ?? ''}”与上级指标「${parent.name}」的“${parent.unit ?? ''}”不一致`,
      `unit "${indicator.unit ?? ''}" differs from "${parent.unit ?? ''}" of "${parent.name}"`,
    );
  }
  if (parent.comparator && !comparatorFits(parent.comparator, indicator.comparator)) {
    fail(
      'COMPARATOR_MISMATCH',
      'comparator',
      `比较方式与上级指标「${parent.name}」相反或不一致`,
      `its comparator contradicts that of "${parent.name}"`,
    );
  }
  if (!decimalOf(indicator.target)) {
    fail('CHILD_TARGET_INVALID', 'target', '指标值须为数字', 'the target must be a number');
  }
  if (parent.aggregation === Aggregation.RATIO_OF_SUMS) {
    const numerator = decimalOf(indicator.ratio?.numerator);
    const denominator = decimalOf(indicator.ratio?.denominator);
    if (!numerator || numerator.isNegative() || !denominator || denominator.lte(0)) {
      fail(
        'RATIO_PARTS_REQUIRED',
        'ratio',
        `上级指标「${parent.name}」按分子合计÷分母合计汇总，须填写分子（≥ 0）和分母（> 0）`,
        `"${parent.name}" is a ratio of sums: record a numerator (≥ 0) and a denominator (> 0)`,
      );
    }
  }
  return problems;
}
