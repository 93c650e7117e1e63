import { msg, type Message } from '../../common/errors';
import { Grade, gradeNames, isBetterThanPoor } from '../../common/grade';
import { AssessmentStatus, AssessmentSubjectKind, GateBasis, GatePurpose } from '../assessment.enums';

/** One ex-ante assessment of the subject, as far as the gate needs it. */
export interface GateAssessment {
  status: AssessmentStatus;
  /** The overall grade (null while a draft has none). */
  grade: Grade | null;
  /** When finance reviewed it (ACCEPTED/RETURNED); the latest accepted assessment decides. */
  reviewedAt: Date | null;
}

/** A project or fund at the gate (DOMAIN §6). */
export interface GateSubject {
  kind: AssessmentSubjectKind;
  /** A new major policy or project, or a new special fund (002 第六条; 003 第九条, 转移支付 第十一条). */
  requiresAssessment: boolean;
  /** Money for public emergencies (疫情防控等应对公共突发事件资金, 002 第六条). */
  isEmergency: boolean;
  /** Approved by the government at the same level to go ahead before assessment (002 第七条). */
  governmentPreApproved: boolean;
  /** FUND only: assessed when the fund was set up (专项资金在申请立项时已经开展, 002 第六条). */
  assessedAtCreation: boolean;
  assessments: readonly GateAssessment[];
}

export interface GateResult {
  /** Whether the subject may enter the project library / have its goal approved now. */
  passes: boolean;
  /** Passes only on the government's pre-approval: listed as "assessment pending" until assessed. */
  pending: boolean;
  basis: GateBasis;
  /** Why, citing the rule — always given. */
  reason: Message;
}

const blocked: Record<GatePurpose, Message> = {
  PROJECT_LIBRARY: msg('不得纳入项目库', 'it may not enter the project library'),
  GOAL_APPROVAL: msg('不得批复绩效目标、安排预算', 'its goal may not be approved nor budget arranged'),
};

/** The finance-accepted assessment that counts: the one reviewed last (ties: the later in the list). */
export function decisiveAssessment(assessments: readonly GateAssessment[]): GateAssessment | null {
  let decisive: GateAssessment | null = null;
  for (const a of assessments) {
    if (a.status !== AssessmentStatus.ACCEPTED || a.grade === null) continue;
    const t = a.reviewedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const best = decisive?.reviewedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (decisive === null || t >= best) decisive = a;
  }
  return decisive;
}

/**
 * DOMAIN §6 gate: may the subject enter the project library, or have its goal approved (which is
 * where budget is arranged)? "未开展绩效评估或绩效评估结果差的政策和项目不得列入中期财政规划和年度预算，相关
 * 项目不得纳入项目库" (003 第九条; 转移支付 第十一、十二条; 002 第七条 "未按要求开展事前绩效评估或评估未通过的，
 * 不得设立专项资金，不得安排预算"). In order:
 * 1. emergency money is outside ex-ante assessment altogether (002 第六条) — passes;
 * 2. a finance-accepted assessment decides when there is one: better than 差 passes, 差 blocks — also when
 *    the assessment was not required or the subject was pre-approved (002 第七条: 财政部门可根据评估结果对
 *    预算进行动态调整);
 * 3. not required — passes; a fund assessed when it was set up — passes (002 第六条: 无需再重复开展);
 * 4. pre-approved by the government at the same level — passes, pending until assessed (002 第七条);
 * 5. otherwise blocked: awaiting finance's review, returned by finance, or never assessed.
 */
export function assessmentGate(subject: GateSubject, purpose: GatePurpose): GateResult {
  const no = blocked[purpose];
  if (subject.isEmergency) {
    return pass(
      GateBasis.EMERGENCY_EXEMPT,
      msg(
        '应对公共突发事件（疫情防控等）资金不纳入事前绩效评估管理（002 第六条）',
        'Money for public emergencies (epidemic control etc.) is exempt from ex-ante assessment (002 Art. 6)',
      ),
    );
  }
  const decisive = decisiveAssessment(subject.assessments);
  if (decisive?.grade) {
    const grade = decisive.grade;
    if (isBetterThanPoor(grade)) {
      return pass(
        GateBasis.ASSESSMENT_PASSED,
        msg(
          `事前绩效评估结果为“${gradeNames[grade]}”，已经财政部门审核`,
          `The ex-ante assessment, reviewed by finance, is graded ${grade}`,
        ),
      );
    }
    return fail(
      GateBasis.ASSESSMENT_POOR,
      msg(
        `事前绩效评估结果为“差”，${no.zh}（003 第九条）`,
        `The ex-ante assessment is graded POOR, so ${no.en} (003 Art. 9)`,
      ),
    );
  }
  if (!subject.requiresAssessment) {
    return pass(
      GateBasis.NOT_REQUIRED,
      msg(
        '非新出台重大政策、项目或新设专项资金，无需事前绩效评估',
        'Not a new major policy, project or special fund: no ex-ante assessment is required',
      ),
    );
  }
  if (subject.kind === AssessmentSubjectKind.FUND && subject.assessedAtCreation) {
    return pass(
      GateBasis.ASSESSED_AT_CREATION,
      msg(
        '专项资金在申请立项时已开展事前绩效评估，编制年度预算时无需重复评估（002 第六条）',
        'The fund was assessed when it was set up; no yearly repeat is needed (002 Art. 6)',
      ),
    );
  }
  if (subject.governmentPreApproved) {
    return {
      passes: true,
      pending: true,
      basis: GateBasis.PRE_APPROVED_PENDING,
      reason: msg(
        '经同级政府批准先行安排，须抓紧开展事前绩效评估（002 第七条）',
        'Approved by the government to proceed first; the ex-ante assessment is still due (002 Art. 7)',
      ),
    };
  }
  const statuses = subject.assessments.map((a) => a.status);
  if (statuses.includes(AssessmentStatus.SUBMITTED)) {
    return fail(
      GateBasis.AWAITING_FINANCE_REVIEW,
      msg(
        `事前绩效评估报告尚待财政部门审核，审核通过前${no.zh}`,
        `The ex-ante assessment awaits finance's review; until it is accepted ${no.en}`,
      ),
    );
  }
  if (statuses.includes(AssessmentStatus.RETURNED)) {
    return fail(
      GateBasis.RETURNED_BY_FINANCE,
      msg(
        `事前绩效评估报告被财政部门退回，修改并审核通过前${no.zh}`,
        `Finance returned the ex-ante assessment; until a revised one is accepted ${no.en}`,
      ),
    );
  }
  return fail(
    GateBasis.NOT_ASSESSED,
    msg(
      `未开展事前绩效评估，${no.zh}（003 第九条）`,
      `No ex-ante assessment has been made, so ${no.en} (003 Art. 9)`,
    ),
  );
}

function pass(basis: GateBasis, reason: Message): GateResult {
  return { passes: true, pending: false, basis, reason };
}

function fail(basis: GateBasis, reason: Message): GateResult {
  return { passes: false, pending: false, basis, reason };
}

/** May the project or fund enter the project library (003 第九条, 转移支付 第十一条)? */
export function mayEnterProjectLibrary(subject: GateSubject): GateResult {
  return assessmentGate(subject, GatePurpose.PROJECT_LIBRARY);
}

/** May the subject's goal be approved — budget arranged (002 第七条; 003 转移支付 第十二条)? */
export function mayApproveGoal(subject: GateSubject): GateResult {
  return assessmentGate(subject, GatePurpose.GOAL_APPROVAL);
}

/**
 * The "assessment pending" list (DOMAIN §6; 002 第七条 "相关部门应抓紧组织开展绩效评估"): subjects that went
 * ahead on the government's pre-approval and have no finance-accepted assessment yet.
 */
export function isAssessmentPending(subject: GateSubject): boolean {
  return assessmentGate(subject, GatePurpose.PROJECT_LIBRARY).pending;
}
