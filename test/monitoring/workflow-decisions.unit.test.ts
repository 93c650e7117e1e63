/**
 * The pure decisions behind the mutations and `availableActions` of my workflow objects (issue 10 item 3,
 * issue 11 item 2): each rule cited, both ways. Runs without PostgreSQL.
 */
import { availabilityOf } from '../../src/common/decision';
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import {
  Likelihood,
  MonitoringFlag,
  MonitoringReportAction,
  MonitoringReportStatus,
} from '../../src/monitoring/monitoring.enums';
import { decideReport } from '../../src/monitoring/rules/report-decision';
import { AssessmentAction, AssessmentStatus } from '../../src/assessment/assessment.enums';
import { decideAssessment } from '../../src/assessment/rules/assessment-decision';
import { FundAction, ProjectAction, ProjectLibraryStatus } from '../../src/funds/fund.enums';
import { decideFund } from '../../src/funds/rules/fund-decision';
import { decideProject } from '../../src/funds/rules/project-decision';
import { EvaluationKind, EvaluationStatus } from '../../src/evaluation/evaluation.enums';
import { SpotCheckItemStatus } from '../../src/spot-check/spot-check.enums';
import { decideRecordCheck, decideSampleCheck } from '../../src/spot-check/rules/check-decision';

const draft = { status: MonitoringReportStatus.DRAFT, acknowledgerOrganizationId: 'fin' };
const complete = {
  likelihood: Likelihood.CERTAIN,
  correctiveMeasures: null,
  projectedExecution: '100.00',
  flags: [],
  lines: [{ name: '里程', offTrack: false, causes: [] }],
};

describe('monitoring report (DOMAIN §9; 附件4 备注; P4, P3, P8)', () => {
  test('P4: only the spending side edits and submits', () => {
    expect(decideReport(draft, 'unit', MonitoringReportAction.EDIT, { callerIsSpendingSide: true }).ok).toBe(
      true,
    );
    const r = decideReport(draft, 'x', MonitoringReportAction.SUBMIT, { callerIsSpendingSide: false });
    expect(r.ok || r.problem).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
  });
  test('DOMAIN §9: a flagged report without measures lists each missing item as details', () => {
    const r = decideReport(draft, 'unit', MonitoringReportAction.SUBMIT, {
      callerIsSpendingSide: true,
      submission: {
        ...complete,
        flags: [MonitoringFlag.SLOW_EXECUTION],
        lines: [{ name: '里程', offTrack: true, causes: [] }],
      },
    });
    const a = availabilityOf(MonitoringReportAction.SUBMIT, r);
    expect(a).toMatchObject({ allowed: false, code: 'BAD_USER_INPUT' });
    expect(a.details).toHaveLength(2);
    expect(
      decideReport(draft, 'unit', MonitoringReportAction.SUBMIT, {
        callerIsSpendingSide: true,
        submission: complete,
      }).ok,
    ).toBe(true);
  });
  test('P3 and P8: the named finance acknowledges a submitted report; a submitted report is frozen', () => {
    const submitted = { ...draft, status: MonitoringReportStatus.SUBMITTED };
    expect(
      decideReport(submitted, 'fin', MonitoringReportAction.ACKNOWLEDGE, { callerIsSpendingSide: false }).ok,
    ).toBe(true);
    const other = decideReport(submitted, 'x', MonitoringReportAction.ACKNOWLEDGE, {
      callerIsSpendingSide: false,
    });
    expect(other.ok || other.problem).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });
    const frozen = decideReport(submitted, 'unit', MonitoringReportAction.EDIT, {
      callerIsSpendingSide: true,
    });
    expect(frozen.ok || frozen.problem).toMatchObject({ code: 'WORKFLOW_VIOLATION', principle: 'P8' });
  });
});

describe('ex-ante assessment (DOMAIN §6; P3, P7 002 第十七条)', () => {
  const a = { status: AssessmentStatus.SUBMITTED, assessorId: 'dept', regionPath: 'c.d.' };
  const finance = {
    organizationId: 'fin',
    organizationKind: OrganizationKind.FINANCE_BUREAU,
    regionPath: 'c.d.',
  };
  test('finance at the level accepts; the assessor never reviews its own (P7); a return needs a comment', () => {
    expect(decideAssessment(a, finance, AssessmentAction.ACCEPT).ok).toBe(true);
    const own = decideAssessment(a, { ...finance, organizationId: 'dept' }, AssessmentAction.ACCEPT);
    expect(own.ok || own.problem).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' });
    const noComment = decideAssessment(a, finance, AssessmentAction.RETURN, { comment: '' });
    expect(noComment.ok || noComment.problem).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('fund and project (DOMAIN §4–6; P1, P2)', () => {
  test('P1: only the fund’s department; P2: only the unit or its department edits a project', () => {
    expect(decideFund({ organizationId: 'd' }, { organizationId: 'd' }, FundAction.EDIT).ok).toBe(true);
    const f = decideFund({ organizationId: 'd' }, { organizationId: 'x' }, FundAction.SET_ALLOCATIONS);
    expect(f.ok || f.problem).toMatchObject({
      code: 'FORBIDDEN',
      principle: 'P1',
      field: ['input', 'fundId'],
    });
    const p = {
      implementingUnitId: 'u',
      departmentId: 'd',
      regionPath: 'c.d.',
      libraryStatus: ProjectLibraryStatus.CANDIDATE,
    };
    const actor = {
      organizationId: 'x',
      organizationKind: OrganizationKind.COMPETENT_DEPARTMENT,
      regionPath: 'c.',
    };
    expect(decideProject(p, actor, ProjectAction.EDIT).ok).toBe(false);
    const gate = { passes: false, reason: { zh: '未评估', en: 'not assessed' } };
    const entry = decideProject(p, { ...actor, organizationId: 'd' }, ProjectAction.ENTER_LIBRARY, {
      goalRefusal: null,
      gate,
    });
    expect(entry.ok || entry.problem).toMatchObject({ code: 'WORKFLOW_VIOLATION', message: gate.reason });
  });
});

describe('spot check (DOMAIN §12; P7, P6)', () => {
  const item = {
    position: 1,
    sampled: true,
    status: SpotCheckItemStatus.PENDING,
    self: { evaluatorOrganizationId: 'unit', status: EvaluationStatus.SUBMITTED, kind: EvaluationKind.SELF },
    implementingUnitId: 'unit',
  };
  const finance = { organizationId: 'fin', organizationKind: OrganizationKind.FINANCE_BUREAU };
  test('finance re-scores; the self-evaluator never (P7); audit offices never (P6); a sample lists why per item', () => {
    expect(decideRecordCheck(item, finance).ok).toBe(true);
    const own = decideRecordCheck(item, {
      organizationId: 'unit',
      organizationKind: OrganizationKind.COMPETENT_DEPARTMENT,
    });
    expect(own.ok || own.problem).toMatchObject({ code: 'FORBIDDEN', principle: 'P7' });
    const audit = decideRecordCheck(item, {
      organizationId: 'a',
      organizationKind: OrganizationKind.AUDIT_OFFICE,
    });
    expect(audit.ok || audit.problem).toMatchObject({ principle: 'P6' });
    const sample = availabilityOf(
      'RECORD_CHECK',
      decideSampleCheck([item], {
        organizationId: 'unit',
        organizationKind: OrganizationKind.COMPETENT_DEPARTMENT,
      }),
    );
    expect(sample).toMatchObject({ allowed: false, principle: 'P7' });
    expect(sample.details[0]).toMatch(/^第 1 项/);
  });
});
