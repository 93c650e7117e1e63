import { Grade } from '../../src/common/grade';
import {
  AssessmentStatus,
  AssessmentSubjectKind,
  GateBasis,
  GatePurpose,
} from '../../src/assessment/assessment.enums';
import {
  assessmentGate,
  decisiveAssessment,
  isAssessmentPending,
  mayApproveGoal,
  mayEnterProjectLibrary,
  type GateAssessment,
  type GateSubject,
} from '../../src/assessment/rules/gate';

const day = (d: number): Date => new Date(Date.UTC(2025, 0, d));
const accepted = (grade: Grade, d = 1): GateAssessment => ({
  status: AssessmentStatus.ACCEPTED,
  grade,
  reviewedAt: day(d),
});
const submitted = (grade: Grade = Grade.GOOD): GateAssessment => ({
  status: AssessmentStatus.SUBMITTED,
  grade,
  reviewedAt: null,
});
const returned = (grade: Grade = Grade.GOOD, d = 1): GateAssessment => ({
  status: AssessmentStatus.RETURNED,
  grade,
  reviewedAt: day(d),
});
const draft: GateAssessment = { status: AssessmentStatus.DRAFT, grade: null, reviewedAt: null };

function subject(overrides: Partial<GateSubject> = {}): GateSubject {
  return {
    kind: AssessmentSubjectKind.PROJECT,
    requiresAssessment: true,
    isEmergency: false,
    governmentPreApproved: false,
    assessedAtCreation: false,
    assessments: [],
    ...overrides,
  };
}
const fund = (overrides: Partial<GateSubject> = {}): GateSubject =>
  subject({ kind: AssessmentSubjectKind.FUND, ...overrides });

describe('ex-ante assessment gate', () => {
  test.each<[string, GateSubject, boolean, boolean, GateBasis]>([
    // DOMAIN §6; 002 第六条: required for new major projects and new special funds.
    [
      'not required, never assessed',
      subject({ requiresAssessment: false }),
      true,
      false,
      GateBasis.NOT_REQUIRED,
    ],
    // DOMAIN §6; 003 第九条: 未开展绩效评估…不得纳入项目库.
    ['required, never assessed', subject(), false, false, GateBasis.NOT_ASSESSED],
    ['required, only a draft', subject({ assessments: [draft] }), false, false, GateBasis.NOT_ASSESSED],
    // DOMAIN §6: the assessment must be reviewed by finance.
    [
      'submitted, not yet reviewed',
      subject({ assessments: [submitted()] }),
      false,
      false,
      GateBasis.AWAITING_FINANCE_REVIEW,
    ],
    // 002 第七条: 评估未通过的…不得安排预算.
    [
      'returned by finance',
      subject({ assessments: [returned()] }),
      false,
      false,
      GateBasis.RETURNED_BY_FINANCE,
    ],
    [
      'returned, resubmitted',
      subject({ assessments: [returned(), submitted()] }),
      false,
      false,
      GateBasis.AWAITING_FINANCE_REVIEW,
    ],
    // DOMAIN §6: accepted and better than POOR passes.
    [
      'accepted EXCELLENT',
      subject({ assessments: [accepted(Grade.EXCELLENT)] }),
      true,
      false,
      GateBasis.ASSESSMENT_PASSED,
    ],
    [
      'accepted GOOD',
      subject({ assessments: [accepted(Grade.GOOD)] }),
      true,
      false,
      GateBasis.ASSESSMENT_PASSED,
    ],
    [
      'accepted FAIR',
      subject({ assessments: [accepted(Grade.FAIR)] }),
      true,
      false,
      GateBasis.ASSESSMENT_PASSED,
    ],
    // 003 第九条, 转移支付 第十一条: 绩效评估结果为差的不得纳入项目库.
    [
      'accepted POOR',
      subject({ assessments: [accepted(Grade.POOR)] }),
      false,
      false,
      GateBasis.ASSESSMENT_POOR,
    ],
    [
      'POOR even when not required',
      subject({ requiresAssessment: false, assessments: [accepted(Grade.POOR)] }),
      false,
      false,
      GateBasis.ASSESSMENT_POOR,
    ],
    // The latest finance-accepted assessment decides.
    [
      'POOR, then a GOOD re-assessment',
      subject({ assessments: [accepted(Grade.POOR, 1), accepted(Grade.GOOD, 5)] }),
      true,
      false,
      GateBasis.ASSESSMENT_PASSED,
    ],
    [
      'GOOD, then a POOR re-assessment',
      subject({ assessments: [accepted(Grade.POOR, 9), accepted(Grade.GOOD, 5)] }),
      false,
      false,
      GateBasis.ASSESSMENT_POOR,
    ],
    [
      'POOR with a new one awaiting review',
      subject({ assessments: [accepted(Grade.POOR), submitted()] }),
      false,
      false,
      GateBasis.ASSESSMENT_POOR,
    ],
    // 002 第六条: 疫情防控等应对公共突发事件资金，可不纳入事前绩效评估管理范围.
    ['emergency, never assessed', fund({ isEmergency: true }), true, false, GateBasis.EMERGENCY_EXEMPT],
    [
      'emergency with a POOR result',
      fund({ isEmergency: true, assessments: [accepted(Grade.POOR)] }),
      true,
      false,
      GateBasis.EMERGENCY_EXEMPT,
    ],
    // 002 第六条: 专项资金在申请立项时已经开展事前绩效评估的…无需再重复开展.
    [
      'fund assessed at creation',
      fund({ assessedAtCreation: true }),
      true,
      false,
      GateBasis.ASSESSED_AT_CREATION,
    ],
    [
      'project flagged as assessed at creation',
      subject({ assessedAtCreation: true }),
      false,
      false,
      GateBasis.NOT_ASSESSED,
    ],
    // 002 第七条: 经同级政府批准，财政部门可先行安排预算，相关部门应抓紧组织开展绩效评估.
    [
      'pre-approved, never assessed',
      subject({ governmentPreApproved: true }),
      true,
      true,
      GateBasis.PRE_APPROVED_PENDING,
    ],
    [
      'pre-approved, awaiting review',
      subject({ governmentPreApproved: true, assessments: [submitted()] }),
      true,
      true,
      GateBasis.PRE_APPROVED_PENDING,
    ],
    [
      'pre-approved, returned',
      subject({ governmentPreApproved: true, assessments: [returned()] }),
      true,
      true,
      GateBasis.PRE_APPROVED_PENDING,
    ],
    [
      'pre-approved, then GOOD',
      subject({ governmentPreApproved: true, assessments: [accepted(Grade.GOOD)] }),
      true,
      false,
      GateBasis.ASSESSMENT_PASSED,
    ],
    [
      'pre-approved, then POOR',
      subject({ governmentPreApproved: true, assessments: [accepted(Grade.POOR)] }),
      false,
      false,
      GateBasis.ASSESSMENT_POOR,
    ],
  ])('%s', (_case, s, passes, pending, basis) => {
    for (const purpose of [GatePurpose.PROJECT_LIBRARY, GatePurpose.GOAL_APPROVAL]) {
      const result = assessmentGate(s, purpose);
      expect(result).toMatchObject({ passes, pending, basis });
      expect(result.reason.zh.trim()).not.toBe('');
      expect(result.reason.en.trim()).not.toBe('');
    }
    expect(mayEnterProjectLibrary(s)).toEqual(assessmentGate(s, GatePurpose.PROJECT_LIBRARY));
    expect(mayApproveGoal(s)).toEqual(assessmentGate(s, GatePurpose.GOAL_APPROVAL));
    // The pending list holds exactly the subjects let through on pre-approval alone.
    expect(isAssessmentPending(s)).toBe(pending);
  });

  test('the refusal says what is refused', () => {
    expect(mayEnterProjectLibrary(subject()).reason.zh).toContain('项目库');
    expect(mayApproveGoal(subject()).reason.zh).toContain('预算');
    expect(mayEnterProjectLibrary(subject({ assessments: [accepted(Grade.POOR)] })).reason.zh).toContain(
      '差',
    );
  });
});

describe('decisiveAssessment', () => {
  test.each<[string, GateAssessment[], GateAssessment | null]>([
    ['none', [], null],
    ['only unreviewed', [draft, submitted(), returned()], null],
    ['the accepted one', [returned(), accepted(Grade.FAIR)], accepted(Grade.FAIR)],
    ['the last reviewed', [accepted(Grade.GOOD, 3), accepted(Grade.FAIR, 2)], accepted(Grade.GOOD, 3)],
    [
      'same day: the later in the list',
      [accepted(Grade.GOOD, 3), accepted(Grade.FAIR, 3)],
      accepted(Grade.FAIR, 3),
    ],
  ])('%s', (_case, list, expected) => expect(decisiveAssessment(list)).toEqual(expected));
});
