import type { DecompositionMode, FilingBasis, GoalScope, WorkflowAction } from '../src/goals/goal.enums';
import type {
  Aggregation,
  Comparator,
  IndicatorCategory,
  IndicatorKind,
  IndicatorSubcategory,
} from '../src/goals/indicator.enums';

/** A demo account (seeds/demo.ts); every actor of the demo goals is one, so a visitor can act as it. */
export type Login = string;

/** A day of 2025 (`YYYY-MM-DD`, Beijing time): when a demo object was created or a step was taken. */
export type Day = string;

/** 专项资金 (DOMAIN §4) created by its competent department, with its allocations to townships. */
export interface FundSpec {
  key: string;
  name: string;
  owner: Login;
  budgetBook: 'GENERAL_PUBLIC';
  category: 'SPECIAL_TRANSFER' | 'SHARED_FISCAL_AUTHORITY';
  method: 'FACTOR' | 'PROJECT';
  startYear: number;
  endYear: number;
  upperLevelAmount: string;
  ownLevelAmount: string;
  lowerLevelAmount: string;
  isEmergency: boolean;
  on: Day;
  /** Factor method: yuan per receiving region (division code). */
  allocations: { region: string; amount: string }[];
}

/** 项目 (DOMAIN §4) prepared by its implementing unit (P2); financed by a fund or at its own level. */
export interface ProjectSpec {
  key: string;
  name: string;
  unit: Login;
  fund: string | null;
  year: number;
  fiscalAmount: string;
  otherAmount: string;
  isNew: boolean;
  on: Day;
}

/** 绩效指标 (DOMAIN §5): `parent` is the position of the parent goal's indicator it contributes to. */
export interface IndicatorSpec {
  category: IndicatorCategory;
  subcategory: IndicatorSubcategory;
  name: string;
  kind: IndicatorKind;
  unit: string | null;
  comparator: Comparator | null;
  target: string;
  points: string | null;
  aggregation: Aggregation | null;
  parent: number | null;
}

/** One workflow action (DOMAIN §7) by a demo account, on a day. */
export interface StepSpec {
  action: Exclude<WorkflowAction, WorkflowAction.EDIT | WorkflowAction.REQUEST_ADJUSTMENT>;
  by: Login;
  on: Day;
  comment?: string;
}

/**
 * A goal version: its subject (project / fund / fund + region / department), content, and the steps it
 * went through. `adjusts` makes it version n + 1 of another goal, requested by `by` with a reason.
 */
export interface GoalSpec {
  key: string;
  scope: GoalScope;
  year: number;
  name: string;
  drafter: Login;
  project?: string;
  fund?: string;
  /** TRANSFER_REGIONAL: the receiving region's division code. */
  region?: string;
  decomposition?: DecompositionMode;
  parent?: string;
  filingBasis?: FilingBasis;
  adjusts?: { goal: string; by: Login; reason: string; on: Day };
  implementationPeriodObjective: string | null;
  annualObjective: string;
  annualAmount: string;
  fiscalAmount: string;
  otherAmount: string;
  on: Day;
  indicators: IndicatorSpec[];
  steps: StepSpec[];
}
