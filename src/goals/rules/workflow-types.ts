import type { Message } from '../../common/errors';
import type { Principal } from '../../auth/principal';
import { FilingBasis, GoalScope, GoalStatus, type ReviewRole, type WorkflowAction } from '../goal.enums';
import type { ReviewStep } from './review-chain';
import type { Principle, Refusal, RefusalCode } from './workflow-refusal';

/** The caller as the workflow needs it (a `Principal` fits). */
export type WorkflowActor = Pick<
  Principal,
  'userId' | 'tenantId' | 'organizationId' | 'organizationKind' | 'regionPath'
>;

/** One version of a goal, as plain data (DOMAIN §7). */
export interface WorkflowGoal {
  id: string;
  tenantId: string;
  scope: GoalScope;
  /** 1 for the first version; n + 1 for the adjustment of version n. */
  version: number;
  status: GoalStatus;
  /** 1-based index of the chain step awaiting action while SUBMITTED / IN_REVIEW; 0 in every other status. */
  step: number;
  /** The review chain from `buildReviewChain`, snapshotted on submission; its last step is final. */
  chain: readonly ReviewStep[];
  drafterOrganizationId: string;
  /** Path of the subject's region (`ChainSubject.region.path`): where the goal sits in the tree (P6). */
  regionPath: string;
  /** Set when the budget was issued before the goal (002 第十二条): the goal is filed for record, not reviewed. */
  filingBasis: FilingBasis | null;
  /** For an adjustment: the version it adjusts (n), superseded when this one is issued or filed. */
  adjusts: number | null;
  /** A later version of this goal is being drafted or reviewed (one adjustment at a time); a withdrawn one does not count. */
  adjustmentPending: boolean;
}

/**
 * Facts established elsewhere and passed in, so the workflow stays pure: completeness of the content
 * (DOMAIN §5, 002 第十条(四)), the ex-ante assessment gate (§6) and the decomposition consistency (§5).
 */
export interface WorkflowFacts {
  completenessErrors?: readonly Message[];
  gateErrors?: readonly Message[];
  consistencyErrors?: readonly Message[];
  /**
   * The parent goal's status, for a goal that has a parent (DOMAIN §5 Tree integrity); absent or null for
   * a goal without one. A child is approved, issued or filed only while its parent is in force.
   */
  parentStatus?: GoalStatus | null;
}

export interface DecideInput extends WorkflowFacts {
  /** RETURN: the reviewer's comment (required). Kept on the record for APPROVE when given. */
  comment?: string | null;
  /** REQUEST_ADJUSTMENT: why the issued goal must change; REJECT: why it is refused (required). */
  reason?: string | null;
}

/** The acted-on version after the action. */
export interface NextState {
  status: GoalStatus;
  step: number;
  version: number;
  /** P8: no content edits in this status. */
  frozen: boolean;
}

/**
 * 流转记录 (DOMAIN §7: who, which organisation, when, comment). The time is stamped by the service
 * when it commits, so the rule needs no clock.
 */
export interface TransitionRecord {
  goalId: string;
  version: number;
  action: WorkflowAction;
  fromStatus: GoalStatus;
  toStatus: GoalStatus;
  fromStep: number;
  toStep: number;
  stepCount: number;
  actorUserId: string;
  actorOrganizationId: string;
  /** The chain role the actor acted in; null when acting as drafter or requester. */
  role: ReviewRole | null;
  comment: string | null;
}

/** REQUEST_ADJUSTMENT: the new version to create (它按原申报评审程序执行, 000 第十四条). */
export interface AdjustmentVersion {
  version: number;
  status: GoalStatus.DRAFT;
  step: 0;
  /** The requester drafts the new version; its chain is rebuilt with this drafter. */
  drafterOrganizationId: string;
  adjusts: number;
  /** Inherited: an adjustment follows the original procedure (filed again if the original was filed). */
  filingBasis: FilingBasis | null;
  reason: string;
}

/** Issuing or filing an adjustment supersedes the version it adjusts. */
export interface Supersession {
  version: number;
  status: GoalStatus.SUPERSEDED;
  transitionRecord: TransitionRecord;
}

export interface Accepted {
  ok: true;
  next: NextState;
  transitionRecord: TransitionRecord;
  adjustment?: AdjustmentVersion;
  supersedes?: Supersession;
}

export type Decision = Accepted | Refusal;

/** One button of a UI: whether it is allowed, and if not, why (DOMAIN §7). */
export interface ActionAvailability {
  action: WorkflowAction;
  allowed: boolean;
  code?: RefusalCode;
  principle?: Principle;
  reason?: Message;
  /** The completeness, gate or consistency errors behind a refusal. */
  details?: readonly Message[];
  /** Free text the caller must still provide when taking the action. */
  requires?: 'comment' | 'reason';
}

/**
 * P8: frozen after approval — no content edits; changes go through adjustment (or a return of a filing).
 * A withdrawn adjustment and a rejected goal (不予受理) are frozen too: kept as history (DOMAIN §15), never revived.
 */
export function isFrozen(status: GoalStatus): boolean {
  return (
    status === GoalStatus.APPROVED ||
    status === GoalStatus.ISSUED ||
    status === GoalStatus.FILED_FOR_RECORD ||
    status === GoalStatus.SUPERSEDED ||
    status === GoalStatus.WITHDRAWN ||
    status === GoalStatus.REJECTED
  );
}

/**
 * A parent goal in force for its children (DOMAIN §5 Tree integrity): approved or issued — or filed for
 * record, which stands for issued on the record path (002 第十二条).
 */
export function parentInForce(status: GoalStatus): boolean {
  return (
    status === GoalStatus.APPROVED || status === GoalStatus.ISSUED || status === GoalStatus.FILED_FOR_RECORD
  );
}

/** In force: issued with the budget, or filed for record after it; monitored and evaluated (§9–10). */
export function isEffective(status: GoalStatus): boolean {
  return status === GoalStatus.ISSUED || status === GoalStatus.FILED_FOR_RECORD;
}

export function isEditable(status: GoalStatus): boolean {
  return status === GoalStatus.DRAFT || status === GoalStatus.RETURNED;
}

export function isUnderReview(status: GoalStatus): boolean {
  return status === GoalStatus.SUBMITTED || status === GoalStatus.IN_REVIEW;
}

/**
 * Where the record path applies (002 第十二条): emergency funds of any scope; deferred transfer goals
 * only for the regional and project goals a lower level reports (分区域（分项目）绩效目标上报备案).
 */
export function filingFits(basis: FilingBasis, scope: GoalScope): boolean {
  return (
    basis === FilingBasis.EMERGENCY ||
    scope === GoalScope.TRANSFER_REGIONAL ||
    scope === GoalScope.TRANSFER_PROJECT
  );
}
