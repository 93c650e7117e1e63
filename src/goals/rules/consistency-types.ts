import { ErrorCode } from '../../common/errors';
import { decimalPlacesOf, type Decimal, parseDecimal } from '../../common/decimal';
import type { Message } from '../../common/errors';
import type { Aggregation } from '../indicator.enums';
import type { IndicatorInput, Problem } from './indicator-rules';

/** A parent goal's indicator, as the consistency check reads it. */
export interface ParentIndicator
  extends Pick<IndicatorInput, 'name' | 'kind' | 'unit' | 'comparator' | 'target' | 'aggregation'> {
  id: string;
}

/** A child goal's indicator; `parentIndicatorId` links it to the parent indicator it contributes to. */
export type ChildIndicator = Pick<
  IndicatorInput,
  'name' | 'kind' | 'unit' | 'comparator' | 'target' | 'parentIndicatorId' | 'ratio'
>;

export interface ChildGoal {
  goalId: string;
  /** The receiving region or the project, as people know it (e.g. 房镇). */
  label: string;
  /** 年度金额 (yuan): the weight of FUND_WEIGHTED_AVERAGE (DOMAIN §5). */
  annualAmount: string;
  /** Of which from this fund (附件3 其中：市级预算资金); absent: the annual amount. */
  fundAmount?: string | null;
  indicators: ChildIndicator[];
}

export interface ConsistencyInput {
  /** The fund's allocation across these children (yuan), and the parent goal's indicators. */
  parent: { allocatedAmount: string; indicators: ParentIndicator[] };
  children: ChildGoal[];
  /** 分区域 (factor method, the default) or 分项目 (project method, or projects under a regional goal). */
  childKind?: 'REGIONAL' | 'PROJECT';
  /**
   * Whether `children` is the whole decomposition (default true). While goals are still to come into force
   * (bottom-up, late or project children approved one by one, DOMAIN §5), a shortfall that later children
   * can still make up is a warning, not an error: money below the allocation, and targets whose combined
   * value may still move (see `definiteMiss`). Structural problems and overshoots stay errors.
   */
  complete?: boolean;
  /**
   * Whether a money mismatch blocks (default true: the fund's allocations, DOMAIN §4). False under a
   * regional goal, whose projects the township funds from its share without a fund allocation per project
   * (**policy choice**): the mismatch is then a warning the reviewer weighs.
   */
  moneyBlocks?: boolean;
}

export type Severity = 'ERROR' | 'WARNING';

/** A problem of the decomposition, naming the parent indicator and the child goals involved. */
export interface ConsistencyProblem extends Problem {
  severity: Severity;
  parentIndicatorId?: string;
  childGoalIds: string[];
}

/** The children's targets combined, for each linked quantitative parent indicator that could be combined. */
export interface CombinedTarget {
  parentIndicatorId: string;
  aggregation: Aggregation;
  /** For people: at most 4 decimals, "≈" when rounded. */
  combined: string;
  target: string;
  meets: boolean;
}

export interface ConsistencyReport {
  /** No errors: the decomposition may be approved (warnings do not block). */
  ok: boolean;
  errors: ConsistencyProblem[];
  warnings: ConsistencyProblem[];
  combined: CombinedTarget[];
}

/** A child indicator linked to a parent indicator, with where it sits in the input. */
export interface Link {
  child: ChildGoal;
  childIndex: number;
  indicatorIndex: number;
  indicator: ChildIndicator;
}

/** Words for the two sides of a decomposition, in zh and en. */
export interface Wording {
  children: Message;
  parent: Message;
}

export function wordingFor(childKind: ConsistencyInput['childKind']): Wording {
  return childKind === 'PROJECT'
    ? {
        children: { zh: '分项目目标', en: 'project targets' },
        parent: { zh: '上级目标', en: 'parent target' },
      }
    : {
        children: { zh: '分区域目标', en: 'regional targets' },
        parent: { zh: '整体目标', en: 'overall target' },
      };
}

/** Errors block approval of the decomposition (WORKFLOW_VIOLATION); warnings are shown to reviewers. */
export const problem = (
  severity: Severity,
  reason: string,
  field: (string | number)[],
  message: Message,
  childGoalIds: string[] = [],
  parentIndicatorId?: string,
): ConsistencyProblem => ({
  severity,
  code: ErrorCode.WORKFLOW_VIOLATION,
  reason,
  field: field.map(String),
  message,
  childGoalIds,
  ...(parentIndicatorId ? { parentIndicatorId } : {}),
});

/** A decimal typed as text, or null. */
export const decimalOf = (text: string | null | undefined): Decimal | null =>
  parseDecimal((text ?? '').trim());

/** Money as entered: ≥ 0 with at most 2 decimals (DOMAIN §4). */
export function amountOf(text: string | null | undefined): Decimal | null {
  const d = decimalOf(text);
  return d && !d.isNegative() && decimalPlacesOf((text ?? '').trim()) <= 2 ? d : null;
}
