import type { GoalIndicatorEntity } from '../goals/goal-indicator.entity';
import type { Basis } from './rollup-data';
import type { RollupResult } from './rules/rollup';

/**
 * One computed roll-up (DOMAIN §11; 003 转移支付 第二十三条) as the loaders cache it and the resolver and the
 * child readers (rollup-children.ts) share it — its own file, so neither imports the other.
 */
export interface RollUpNode {
  goalId: string;
  basis: Basis;
  result: RollupResult;
  /** The parent goal's indicators, in form order. */
  indicators: GoalIndicatorEntity[];
  /** Per-child results (overall over regions), or null when the children are leaves (listed lazily). */
  childSources: Map<string, 'EVALUATION' | 'LIVE' | 'MISSING'> | null;
}
