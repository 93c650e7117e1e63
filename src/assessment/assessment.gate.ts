import type { RequestContext } from '../common/request-context';
import type { FundEntity } from '../funds/fund.entity';
import type { ProjectEntity } from '../funds/project.entity';
import type { AssessmentEntity } from './assessment.entity';
import { AssessmentSubjectKind, GatePurpose } from './assessment.enums';
import { assessmentGate, type GateAssessment, type GateResult, type GateSubject } from './rules/gate';

const facts = (rows: readonly AssessmentEntity[]): GateAssessment[] =>
  rows.map((a) => ({ status: a.status, grade: a.grade, reviewedAt: a.reviewedAt }));

/** A fund at the gate (DOMAIN §6): new major → required; its own emergency/pre-approval/creation flags. */
export async function fundGateSubject(ctx: RequestContext, fund: FundEntity): Promise<GateSubject> {
  return {
    kind: AssessmentSubjectKind.FUND,
    requiresAssessment: fund.isNewMajor,
    isEmergency: fund.isEmergency,
    governmentPreApproved: fund.governmentPreApproved,
    assessedAtCreation: fund.assessedAtCreation,
    assessments: facts(await ctx.loaders.gateFactsByFundId.load(fund.id)),
  };
}

/**
 * A project at the gate: its own `requiresAssessment` and government pre-approval (002 第七条);
 * emergency money when its financing fund is an emergency fund (002 第六条).
 */
export async function projectGateSubject(ctx: RequestContext, project: ProjectEntity): Promise<GateSubject> {
  const [fund, rows] = await Promise.all([
    project.fundId ? ctx.loaders.fundById.load(project.fundId) : null,
    ctx.loaders.gateFactsByProjectId.load(project.id),
  ]);
  return {
    kind: AssessmentSubjectKind.PROJECT,
    requiresAssessment: project.requiresAssessment,
    isEmergency: fund?.isEmergency ?? false,
    governmentPreApproved: project.governmentPreApproved,
    assessedAtCreation: false,
    assessments: facts(rows),
  };
}

export interface GateView {
  passes: boolean;
  pending: boolean;
  basis: GateResult['basis'];
  reason: string;
  reasonEn: string;
}

export function gateView(subject: GateSubject, purpose: GatePurpose): GateView {
  const r = assessmentGate(subject, purpose);
  return { passes: r.passes, pending: r.pending, basis: r.basis, reason: r.reason.zh, reasonEn: r.reason.en };
}
