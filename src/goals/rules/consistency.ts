import { type Decimal, money } from '../../common/decimal';
import { msg, type Message } from '../../common/errors';
import { Aggregation, Comparator, IndicatorKind } from '../indicator.enums';
import { combine, formatCombined, meetsTarget, type Contribution } from './aggregation-combine';
import { checkLink, collectLinks } from './consistency-links';
import { checkMoney } from './consistency-money';
import {
  amountOf,
  decimalOf,
  problem,
  wordingFor,
  type CombinedTarget,
  type ConsistencyInput,
  type ConsistencyProblem,
  type ConsistencyReport,
  type Link,
  type ParentIndicator,
  type Wording,
} from './consistency-types';
import { normalizeUnit, ratioScale } from './indicator-rules';

export * from './consistency-types';

/**
 * 分区域（分项目）绩效目标汇总后，应与整体绩效目标的相关内容保持对应关系 (002 第十条(二); 003 转移支付
 * 第十五条; DOMAIN §5 Consistency). For every parent indicator that child indicators link to, the
 * children's TARGETS combined by the parent's aggregation must meet the parent's target under its
 * comparator; the children's money must add up to the allocation, to the fen. All arithmetic is exact
 * (decimal.js, fractions compared by cross-multiplication — see aggregation-combine.ts).
 *
 * Errors block approval of the decomposition. Warnings do not (policy choice):
 * - a parent indicator no child links to — the seed asks correspondence of the 相关内容 only, and a
 *   bottom-up decomposition may first state requirements (003 转移支付 第十五条(二));
 * - a parent indicator some children do not link to (they are left out; a SUM counts them as 0);
 * - a qualitative parent indicator, which cannot be combined numerically and is left to the reviewer.
 */
export function checkConsistency(input: ConsistencyInput): ConsistencyReport {
  const words = wordingFor(input.childKind);
  const { links, problems: linkProblems } = collectLinks(input);
  const problems: ConsistencyProblem[] = [...checkMoney(input, words), ...linkProblems];
  const combined: CombinedTarget[] = [];
  input.parent.indicators.forEach((parent, index) => {
    const outcome = checkParentIndicator(input, parent, index, links.get(parent.id) ?? [], words);
    problems.push(...outcome.problems);
    if (outcome.combined) combined.push(outcome.combined);
  });
  const errors = problems.filter((p) => p.severity === 'ERROR');
  const warnings = problems.filter((p) => p.severity === 'WARNING');
  return { ok: errors.length === 0, errors, warnings, combined };
}

const aggregationWords: Record<Aggregation, Message> = {
  SUM: msg('合计', 'total'),
  FUND_WEIGHTED_AVERAGE: msg('按资金加权平均', 'fund-weighted average'),
  RATIO_OF_SUMS: msg('分子合计÷分母合计', 'Σnumerators ÷ Σdenominators'),
  AVERAGE: msg('平均值', 'average'),
  MIN: msg('最小值', 'minimum'),
  MAX: msg('最大值', 'maximum'),
};

/**
 * A miss that no further child can repair (contributions ≥ 0): a SUM already above an LTE target, a MIN
 * already below a GTE target, a MAX already above an LTE target.
 */
function definiteMiss(aggregation: Aggregation, comparator: Comparator): boolean {
  return (
    (aggregation === Aggregation.SUM && comparator === Comparator.LTE) ||
    (aggregation === Aggregation.MIN && comparator === Comparator.GTE) ||
    (aggregation === Aggregation.MAX && comparator === Comparator.LTE)
  );
}

/** The relation that fails: a GTE target missed from below, an LTE one from above, an EQ one at all. */
const failSymbols: Record<Comparator, string> = { GTE: '<', LTE: '>', EQ: '≠' };

interface Outcome {
  problems: ConsistencyProblem[];
  combined?: CombinedTarget;
}

function checkParentIndicator(
  input: ConsistencyInput,
  parent: ParentIndicator,
  index: number,
  linked: Link[],
  words: Wording,
): Outcome {
  const goalIds = [...new Set(linked.map((l) => l.child.goalId))];
  const one = (severity: 'ERROR' | 'WARNING', reason: string, message: Message, ids = goalIds): Outcome => ({
    problems: [problem(severity, reason, ['parent', 'indicators', index], message, ids, parent.id)],
  });
  if (linked.length === 0) {
    return one(
      'WARNING',
      'UNLINKED_PARENT_INDICATOR',
      msg(
        `${words.parent.zh}指标「${parent.name}」没有下级指标与之对应，无法汇总核对`,
        `No child indicator links to "${parent.name}"; it cannot be checked`,
      ),
    );
  }
  const problems: ConsistencyProblem[] = [];
  const missing = input.children.filter((c) => !linked.some((l) => l.child === c));
  if (missing.length > 0) {
    problems.push(
      ...one(
        'WARNING',
        'PARTIAL_LINKS',
        msg(
          `「${parent.name}」：${missing.map((c) => c.label).join('、')}没有对应指标，未计入汇总`,
          `"${parent.name}": ${missing.map((c) => c.label).join(', ')} link no indicator to it and are left out`,
        ),
        missing.map((c) => c.goalId),
      ).problems,
    );
  }
  const broken = linked.flatMap((l) => checkLink(parent, l));
  if (broken.length > 0) return { problems: [...problems, ...broken] };
  const done = (outcome: Outcome): Outcome => ({ ...outcome, problems: [...problems, ...outcome.problems] });

  if (parent.kind !== IndicatorKind.QUANTITATIVE) {
    return done(
      one(
        'WARNING',
        'QUALITATIVE_NOT_CHECKED',
        msg(
          `定性指标「${parent.name}」无法按数值汇总，请人工核对`,
          `Qualitative "${parent.name}" cannot be combined numerically; the reviewer judges it`,
        ),
      ),
    );
  }
  const target = decimalOf(parent.target);
  if (!target || !parent.comparator || !parent.aggregation) {
    return done(
      one(
        'ERROR',
        'PARENT_INDICATOR_INCOMPLETE',
        msg(
          `${words.parent.zh}指标「${parent.name}」须有数字指标值、比较方式和汇总方式`,
          `Parent indicator "${parent.name}" needs a numeric target, a comparator and an aggregation`,
        ),
      ),
    );
  }
  const { aggregation, comparator } = parent;
  // One figure per child goal for averages: two linked indicators in one goal would be ambiguous.
  const perGoal = aggregation === Aggregation.FUND_WEIGHTED_AVERAGE || aggregation === Aggregation.AVERAGE;
  if (perGoal && goalIds.length !== linked.length) {
    return done(
      one(
        'ERROR',
        'AMBIGUOUS_LINKS',
        msg(
          `「${parent.name}」按${aggregationWords[aggregation].zh}汇总，每个下级目标只能有一项指标与之对应`,
          `"${parent.name}" is a ${aggregationWords[aggregation].en}: each child goal may link only one indicator to it`,
        ),
      ),
    );
  }

  const contributions: Contribution[] = linked.map((l) => ({
    value: decimalOf(l.indicator.target) as Decimal,
    weight: amountOf(l.child.annualAmount) ?? undefined,
    numerator: decimalOf(l.indicator.ratio?.numerator) ?? undefined,
    denominator: decimalOf(l.indicator.ratio?.denominator) ?? undefined,
  }));
  const result = combine(aggregation, contributions, ratioScale(parent.unit));
  if (!result.ok) {
    return done(
      one(
        'ERROR',
        'CANNOT_COMBINE',
        msg(
          `「${parent.name}」无法按${aggregationWords[aggregation].zh}汇总：权重（年度金额）或分母合计为 0 或缺失`,
          `"${parent.name}" cannot be combined as a ${aggregationWords[aggregation].en}: weights (annual amounts) or denominators are missing or total 0`,
        ),
      ),
    );
  }
  const meets = meetsTarget(result.combined, comparator, target);
  // Children still to come can make up a shortfall, not undo a definite miss (DOMAIN §5, late children).
  const severity = input.complete === false && !definiteMiss(aggregation, comparator) ? 'WARNING' : 'ERROR';
  const shown = formatCombined(result.combined);
  const combined: CombinedTarget = {
    parentIndicatorId: parent.id,
    aggregation,
    combined: shown,
    target: target.toFixed(),
    meets,
  };
  if (meets) return done({ problems: [], combined });

  // e.g. 新改建农村公路里程: 分区域目标合计 45 km < 整体目标 50 km (A 25, B 20)
  const unit = normalizeUnit(parent.unit);
  const withUnit = (v: string) =>
    unit === '' || unit === '%' || unit === '‰' ? `${v}${unit}` : `${v} ${unit}`;
  const detail = (zh: boolean) =>
    linked
      .map((l, k) => {
        const c = contributions[k];
        const label = l.child.label;
        if (aggregation === Aggregation.RATIO_OF_SUMS)
          return `${label} ${c.numerator?.toFixed()}/${c.denominator?.toFixed()}`;
        if (aggregation === Aggregation.FUND_WEIGHTED_AVERAGE) {
          const amount = money(c.weight as Decimal);
          return zh
            ? `${label} ${c.value.toFixed()}（资金 ${amount}）`
            : `${label} ${c.value.toFixed()} (amount ${amount})`;
        }
        return `${label} ${c.value.toFixed()}`;
      })
      .join(', ');
  const symbol = failSymbols[comparator];
  const how = aggregationWords[aggregation];
  const shownTarget = withUnit(target.toFixed());
  return done({
    combined,
    problems: one(
      severity,
      severity === 'ERROR' ? 'TARGET_NOT_MET' : 'TARGET_PENDING',
      msg(
        `${parent.name}: ${words.children.zh}${how.zh} ${withUnit(shown)} ${symbol} ${words.parent.zh} ${shownTarget} (${detail(true)})`,
        `${parent.name}: ${words.children.en} ${how.en} ${withUnit(shown)} ${symbol} ${words.parent.en} ${shownTarget} (${detail(false)})`,
      ),
    ).problems,
  });
}
