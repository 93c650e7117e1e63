import { ErrorCode } from '../../common/errors';
import { decimalPlacesOf, Decimal, parseDecimal, roundHalfUp } from '../../common/decimal';
import type { Problem } from '../../common/problem';
import { msg, type Message } from '../../common/errors';
import {
  Aggregation,
  categoryNames,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
  subcategoryNames,
  type Comparator,
} from '../indicator.enums';

/**
 * The fixed category → subcategory pairs (DOMAIN §5; 002 第八条, 附件1–3, 附件6). The third level is the
 * indicator's own name. SATISFACTION also holds PUBLIC (社会公众满意度), which 002 第八条(三) names.
 */
export const SUBCATEGORIES: Readonly<Record<IndicatorCategory, readonly IndicatorSubcategory[]>> = {
  COMMON: [IndicatorSubcategory.BUDGET_MANAGEMENT],
  OUTPUT: [
    IndicatorSubcategory.QUANTITY,
    IndicatorSubcategory.QUALITY,
    IndicatorSubcategory.TIMELINESS,
    IndicatorSubcategory.COST,
  ],
  BENEFIT: [
    IndicatorSubcategory.ECONOMIC,
    IndicatorSubcategory.SOCIAL,
    IndicatorSubcategory.ECOLOGICAL,
    IndicatorSubcategory.SUSTAINABILITY,
  ],
  SATISFACTION: [IndicatorSubcategory.SERVICE_RECIPIENT, IndicatorSubcategory.PUBLIC],
};

/** The category a subcategory belongs to. */
export function categoryOf(subcategory: IndicatorSubcategory): IndicatorCategory {
  const found = (Object.keys(SUBCATEGORIES) as IndicatorCategory[]).find((c) =>
    SUBCATEGORIES[c].includes(subcategory),
  );
  if (!found) throw new Error(`Subcategory ${subcategory} has no category`);
  return found;
}

/**
 * Where an indicator is used, which decides whether COMMON (共性指标) may appear:
 * - `GOAL`: a project or transfer goal (附件1–3 have no 共性指标 rows) — COMMON is refused; the
 *   self-evaluation adds fund arrival rate and budget execution rate itself (附件6, DOMAIN §10.2);
 * - `DEPARTMENT_GOAL`: a department's whole goal, whose 共性指标 are set by finance (003 第十二条(二));
 * - `SELF_EVALUATION`: the self-evaluation table (附件6), where COMMON carries 10 points by default.
 */
export type IndicatorUse = 'GOAL' | 'DEPARTMENT_GOAL' | 'SELF_EVALUATION';

/** Target numerator and denominator of a child of a RATIO_OF_SUMS parent (e.g. 验收合格 19 of 验收总数 20). */
export interface RatioParts {
  numerator: string;
  denominator: string;
}

/** An indicator as entered: decimals are strings, never numbers (DOMAIN §4). */
export interface IndicatorInput {
  category: IndicatorCategory;
  subcategory: IndicatorSubcategory;
  /** 三级指标 — the indicator's own name. */
  name: string;
  kind: IndicatorKind;
  unit?: string | null;
  comparator?: Comparator | null;
  /** 指标值 — a decimal for QUANTITATIVE, a description for QUALITATIVE. */
  target?: string | null;
  /** 分值 — points inside its category; absent: the category's points split equally (DOMAIN §10.2). */
  points?: string | null;
  /** On an indicator that child goals link to: how their targets and actuals combine (DOMAIN §5). */
  aggregation?: Aggregation | null;
  /** On a child goal's indicator: the parent goal's indicator it contributes to. */
  parentIndicatorId?: string | null;
  /** On a child of a RATIO_OF_SUMS parent: the target's numerator and denominator. */
  ratio?: RatioParts | null;
}

/** The parent indicator an indicator links to, as far as the indicator's own check needs it. */
export interface LinkedParent {
  kind: IndicatorKind;
  unit?: string | null;
  aggregation?: Aggregation | null;
}

export interface IndicatorCheckOptions {
  use?: IndicatorUse;
  /** Prefix of every field path, e.g. ['input', 'indicators', '3']. */
  path?: string[];
  linkedParent?: LinkedParent | null;
}

export const MAX_NAME_LENGTH = 200;

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

/** A unit as compared between parent and child: trimmed, full-width ％ read as %. */
export function normalizeUnit(unit: string | null | undefined): string {
  return (unit ?? '').trim().replace(/％/g, '%');
}

/** The factor a ratio is shown in: % → 100, ‰ → 1000, any other unit → 1. */
export function ratioScale(unit: string | null | undefined): Decimal {
  const u = normalizeUnit(unit);
  return new Decimal(u === '%' ? 100 : u === '‰' ? 1000 : 1);
}

/** Points (分值): a decimal ≥ 0 with at most 2 decimals. Returns the problem, or null. */
export function checkPoints(text: string): Message | null {
  const d = parseDecimal(text);
  if (!d || d.isNegative() || decimalPlacesOf(text) > 2 || d.gt(100)) {
    return msg(
      `分值 "${text}" 无效：应为 0 到 100 之间、最多两位小数的数`,
      `Points "${text}" are invalid: expected a number from 0 to 100 with at most 2 decimals`,
    );
  }
  return null;
}

/** All problems of one indicator, at once. */
export function checkIndicator(input: IndicatorInput, options: IndicatorCheckOptions = {}): Problem[] {
  const { use = 'GOAL', path = [], linkedParent } = options;
  const problems: Problem[] = [];
  const add = (reason: string, field: string, message: Message) =>
    problems.push({ code: ErrorCode.BAD_USER_INPUT, reason, field: [...path, field], message });
  const label = blank(input.name) ? '' : `「${input.name.trim()}」`;

  if (blank(input.name) || input.name.trim().length > MAX_NAME_LENGTH) {
    add(
      'INDICATOR_NAME',
      'name',
      msg(
        `三级指标名称不能为空，且不超过 ${MAX_NAME_LENGTH} 字`,
        `The indicator name is required, at most ${MAX_NAME_LENGTH} characters`,
      ),
    );
  }

  // DOMAIN §5: category and subcategory are fixed enumerations (附件1–3, 附件6).
  if (!SUBCATEGORIES[input.category].includes(input.subcategory)) {
    add(
      'WRONG_SUBCATEGORY',
      'subcategory',
      msg(
        `${subcategoryNames[input.subcategory]}不属于${categoryNames[input.category]}（应属于${categoryNames[categoryOf(input.subcategory)]}）`,
        `Subcategory ${input.subcategory} does not belong to category ${input.category} (it belongs to ${categoryOf(input.subcategory)})`,
      ),
    );
  }

  // DOMAIN §5: 共性指标 are scored in self-evaluation (附件6); goal forms 附件1–3 have none.
  if (input.category === IndicatorCategory.COMMON && use === 'GOAL') {
    add(
      'COMMON_IN_GOAL',
      'category',
      msg(
        '共性指标（资金到位率、预算执行率）在单位自评时自动计分，不在项目或转移支付绩效目标中设置',
        'Common indicators (fund arrival and budget execution rates) are scored in self-evaluation, not set on project or transfer goals',
      ),
    );
  }

  if (input.kind === IndicatorKind.QUANTITATIVE) {
    // 002 第十条(四)2: 细化量化 — a number, its unit and how it is compared.
    if (blank(input.unit)) {
      add(
        'UNIT_REQUIRED',
        'unit',
        msg(`定量指标${label}须填写计量单位`, 'A quantitative indicator needs a unit'),
      );
    }
    if (!input.comparator) {
      add(
        'COMPARATOR_REQUIRED',
        'comparator',
        msg(
          `定量指标${label}须选择比较方式（≥、≤、=）`,
          'A quantitative indicator needs a comparator (≥, ≤, =)',
        ),
      );
    }
    if (blank(input.target)) {
      add('TARGET_REQUIRED', 'target', msg(`指标${label}须填写指标值`, 'The indicator needs a target'));
    } else if (!parseDecimal(input.target!.trim())) {
      add(
        'TARGET_NOT_NUMERIC',
        'target',
        msg(
          `定量指标${label}的指标值须为数字，例如 "95" 或 "12.5"`,
          'The target of a quantitative indicator must be a number such as "95" or "12.5"',
        ),
      );
    }
  } else {
    // 002 第十条(四)2: 不能量化的，可采用定性的分级分档形式表述.
    if (blank(input.target)) {
      add(
        'TARGET_REQUIRED',
        'target',
        msg(`定性指标${label}须描述指标值`, 'A qualitative indicator needs a described target'),
      );
    }
    if (input.comparator) {
      add(
        'COMPARATOR_NOT_ALLOWED',
        'comparator',
        msg(
          '定性指标按档次评定，不设比较方式',
          'A qualitative indicator is judged in tiers and has no comparator',
        ),
      );
    }
    if (input.aggregation) {
      add(
        'AGGREGATION_NOT_ALLOWED',
        'aggregation',
        msg('定性指标不能按数值汇总', 'A qualitative indicator cannot be combined numerically'),
      );
    }
  }

  if (!blank(input.points)) {
    const problem = checkPoints(input.points!.trim());
    if (problem) add('POINTS_INVALID', 'points', problem);
  }

  if (input.ratio) problems.push(...checkRatio(input, path));
  // DOMAIN §5: the parent of a rate is Σnumerators ÷ Σdenominators, so each child records both.
  if (linkedParent?.aggregation === Aggregation.RATIO_OF_SUMS && !input.ratio) {
    add(
      'RATIO_PARTS_REQUIRED',
      'ratio',
      msg(
        `指标${label}对应的上级指标按“分子合计 ÷ 分母合计”汇总，须填写分子和分母（如验收合格数和验收总数）`,
        'The parent indicator is a ratio of sums: record the numerator and the denominator (e.g. accepted and inspected)',
      ),
    );
  }
  return problems;
}

function checkRatio(input: IndicatorInput, path: string[]): Problem[] {
  const problems: Problem[] = [];
  const ratio = input.ratio!;
  const numerator = parseDecimal(ratio.numerator.trim());
  const denominator = parseDecimal(ratio.denominator.trim());
  if (!numerator || numerator.isNegative()) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'RATIO_NUMERATOR',
      field: [...path, 'ratio', 'numerator'],
      message: msg('分子须为不小于 0 的数', 'The numerator must be a number ≥ 0'),
    });
  }
  if (!denominator || denominator.lte(0)) {
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'RATIO_DENOMINATOR',
      field: [...path, 'ratio', 'denominator'],
      message: msg('分母须为大于 0 的数', 'The denominator must be a number > 0'),
    });
  }
  const target = blank(input.target) ? null : parseDecimal(input.target!.trim());
  if (numerator && !numerator.isNegative() && denominator && denominator.gt(0) && target) {
    // The target as written must be the ratio, rounded half-up to the target's own decimals.
    const places = decimalPlacesOf(input.target!.trim());
    const ratioValue = roundHalfUp(numerator.times(ratioScale(input.unit)).div(denominator), places);
    if (!ratioValue.eq(target)) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'RATIO_TARGET_MISMATCH',
        field: [...path, 'target'],
        message: msg(
          `指标值 ${input.target!.trim()} 与分子 ÷ 分母（${ratio.numerator} ÷ ${ratio.denominator} = ${ratioValue.toFixed()}）不一致`,
          `The target ${input.target!.trim()} does not match numerator ÷ denominator (${ratio.numerator} ÷ ${ratio.denominator} = ${ratioValue.toFixed()})`,
        ),
      });
    }
  }
  return problems;
}

export type { Problem };
