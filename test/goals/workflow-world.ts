import { DecompositionMode, GoalScope, GoalStatus } from '../../src/goals/goal.enums';
import {
  buildReviewChain,
  directoryOf,
  type ChainSubject,
  type OrgRef,
  type RegionRef,
} from '../../src/goals/rules/review-chain';
import type { ErrorCode } from '../../src/common/errors';
import type { Decision, WorkflowActor, WorkflowGoal } from '../../src/goals/rules/workflow';
import { OrganizationKind, Sector } from '../../src/hierarchy/hierarchy.enums';

/*
 * Tenant T: city C, district D (the budget level R), townships A and B under D (S and its sibling).
 * Tenant X is another city. Builders keep each case one line.
 */
export const region = (path: string): RegionRef => ({
  id: path.split('/').filter(Boolean).pop() as string,
  path,
});
export const [C, D, A, B, X] = ['/c/', '/c/d/', '/c/d/a/', '/c/d/b/', '/x/'].map(region) as RegionRef[];
export const paths = new Map([C, D, A, B, X].map((r) => [r.id, r.path]));
const K = OrganizationKind;
export const org = (
  id: string,
  kind: OrganizationKind,
  r: RegionRef,
  sector?: Sector,
  sup?: string,
): OrgRef => ({
  id,
  kind,
  regionId: r.id,
  sector: sector ?? null,
  supervisingDepartmentId: sup ?? null,
});
export const o = {
  finC: org('finC', K.FINANCE_BUREAU, C),
  finD: org('finD', K.FINANCE_BUREAU, D),
  finA: org('finA', K.FINANCE_BUREAU, A),
  finB: org('finB', K.FINANCE_BUREAU, B),
  transD: org('transD', K.COMPETENT_DEPARTMENT, D, Sector.TRANSPORT),
  eduD: org('eduD', K.COMPETENT_DEPARTMENT, D, Sector.EDUCATION),
  transA: org('transA', K.COMPETENT_DEPARTMENT, A, Sector.TRANSPORT),
  transB: org('transB', K.COMPETENT_DEPARTMENT, B, Sector.TRANSPORT),
  unitD: org('unitD', K.IMPLEMENTING_UNIT, D, Sector.TRANSPORT, 'transD'),
  unitA: org('unitA', K.IMPLEMENTING_UNIT, A, Sector.TRANSPORT, 'transA'),
  unitB: org('unitB', K.IMPLEMENTING_UNIT, B, Sector.TRANSPORT, 'transB'),
  auditD: org('auditD', K.AUDIT_OFFICE, D),
  auditC: org('auditC', K.AUDIT_OFFICE, C),
  thirdD: org('thirdD', K.THIRD_PARTY, D),
  finX: org('finX', K.FINANCE_BUREAU, X),
};
export type Who = keyof typeof o;
export const dir = directoryOf(Object.values(o));
export const actor = (who: Who): WorkflowActor => ({
  userId: `user-of-${who}`,
  tenantId: who === 'finX' ? 'X' : 'T',
  organizationId: o[who].id,
  organizationKind: o[who].kind,
  regionPath: paths.get(o[who].regionId) as string,
});

export const fund = { departmentId: 'transD', region: D };
export const subjects = {
  own: { scope: GoalScope.PROJECT, region: D, drafter: o.unitD, unit: o.unitD },
  tp: { scope: GoalScope.TRANSFER_PROJECT, region: A, drafter: o.unitA, unit: o.unitA, fund },
  overall: { scope: GoalScope.TRANSFER_OVERALL, region: D, drafter: o.transD, fund },
  bottomUp: {
    scope: GoalScope.TRANSFER_REGIONAL,
    region: A,
    drafter: o.transA,
    fund,
    decomposition: DecompositionMode.BOTTOM_UP,
  },
} satisfies Record<string, ChainSubject>;
export type Kind = keyof typeof subjects;

export const goal = (kind: Kind, over: Partial<WorkflowGoal> = {}): WorkflowGoal => {
  const s: ChainSubject = subjects[kind];
  const chain = buildReviewChain(s, dir);
  if (!chain.ok) throw new Error(chain.message.en);
  return {
    id: `goal-${kind}`,
    tenantId: 'T',
    scope: s.scope,
    version: 1,
    status: GoalStatus.DRAFT,
    step: 0,
    chain: chain.steps,
    drafterOrganizationId: s.drafter.id,
    regionPath: s.region.path,
    filingBasis: null,
    adjusts: null,
    adjustmentPending: false,
    ...over,
  };
};
export const at = (kind: Kind, status: GoalStatus, step = 0, over: Partial<WorkflowGoal> = {}) =>
  goal(kind, { status, step, ...over });

/** Expect a refusal with this code and principle (or none), and a message in both languages. */
export function refused(d: Decision, code: ErrorCode, principle?: string) {
  expect(d.ok).toBe(false);
  if (d.ok) return;
  expect([d.code, d.principle]).toEqual([code, principle]);
  expect(d.message.zh.length * d.message.en.length).toBeGreaterThan(0);
}

/** The accepted decision (a refusal fails the test with its code, principle and message). */
export function accepted(d: Decision) {
  if (!d.ok) throw new Error(`refused: ${d.code} ${d.principle ?? ''} ${d.message.en}`);
  return d;
}
