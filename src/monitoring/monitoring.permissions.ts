import { p6SignedInWithinJurisdiction, principalRule } from '../auth/rules';
import { canAdminister } from '../auth/principal';
import { msg } from '../common/errors';
import { OrganizationKind, RegionLevel } from '../hierarchy/hierarchy.enums';
import { refusal } from '../common/refusal';

/**
 * P4 谁支出 (002 第十四条, 第十七条): money in execution and monitoring reports come from the spending side
 * — implementing units and competent departments. Audit offices read and write nothing (P6, 003 第七条);
 * finance and third parties do not report. Which goal a caller may report on is checked per record.
 */
export const p4SpendingSideReports = principalRule('P4 spending side reports', (p) => {
  const kind = p.organizationKind;
  if (kind === OrganizationKind.IMPLEMENTING_UNIT || kind === OrganizationKind.COMPETENT_DEPARTMENT)
    return true;
  return kind === OrganizationKind.AUDIT_OFFICE
    ? refusal.forbidden('P6', msg('审计部门只能查阅，不能填报', 'Audit offices read and never write'))
    : refusal.forbidden(
        'P4',
        msg(
          '预算执行和运行监控由使用资金的单位及其主管部门填报（谁支出、谁监控）',
          'Money in execution and monitoring reports come from the spending units and their departments (P4)',
        ),
      );
});

/**
 * 暂缓/停止拨款 (001 三(二); 003 第十八条): only finance bureaus hold or release funding — finance reviews
 * and issues the budget (P3 谁审核预算); the goal must lie in its subtree (checked per record, P6).
 */
export const p3FinanceHoldsFunding = principalRule('P3 finance holds funding', (p) => {
  return p.organizationKind === OrganizationKind.FINANCE_BUREAU
    ? true
    : refusal.forbidden(
        'P3',
        msg('只有财政部门可以暂缓、停止或恢复拨款', 'Only a finance bureau holds or releases funding (P3)'),
      );
});

/**
 * 确认 (DOMAIN §9): the level above that reviews the goal (P3) acknowledges its reports; audit offices
 * and third parties never act (P6). Which report is the caller's is checked per record.
 */
export const p3LevelAboveAcknowledges = principalRule('P3 level above acknowledges', (p) => {
  const kind = p.organizationKind;
  return kind === OrganizationKind.AUDIT_OFFICE || kind === OrganizationKind.THIRD_PARTY
    ? refusal.forbidden(
        'P6',
        msg(
          '审计部门和第三方机构不确认监控报告',
          'Audit offices and third parties do not acknowledge reports',
        ),
      )
    : true;
});

/**
 * Tenant-wide monitoring thresholds (DOMAIN §9 policy choice "configurable per tenant"): set by a tenant
 * administrator of the city's finance bureau, whose jurisdiction is the whole tenant (P6).
 */
export const p6CityFinanceAdministrator = principalRule('P6 city finance administrator', (p) => {
  return canAdminister(p) &&
    p.organizationKind === OrganizationKind.FINANCE_BUREAU &&
    p.regionLevel === RegionLevel.CITY
    ? true
    : refusal.forbidden(
        'P6',
        msg(
          '只有市级财政部门的系统管理员可以设置监控参数',
          'Only a tenant administrator of the city finance bureau sets monitoring thresholds',
        ),
      );
});

/** Root fields of dual monitoring and the principle that admits their callers (DOMAIN §8). */
export const monitoringPermissions = {
  Query: {
    monitoringReport: p6SignedInWithinJurisdiction,
    monitoringPolicy: p6SignedInWithinJurisdiction,
    goalsMissingMonitoringReport: p6SignedInWithinJurisdiction,
    goalsWithoutMonitoringReport: p6SignedInWithinJurisdiction,
    departmentGoalsMissingMidYearCheck: p6SignedInWithinJurisdiction,
  },
  Mutation: {
    recordExecution: p4SpendingSideReports,
    createMonitoringReport: p4SpendingSideReports,
    updateMonitoringReport: p4SpendingSideReports,
    submitMonitoringReport: p4SpendingSideReports,
    acknowledgeMonitoringReport: p3LevelAboveAcknowledges,
    setFundingHold: p3FinanceHoldsFunding,
    liftFundingHold: p3FinanceHoldsFunding,
    setMonitoringPolicy: p6CityFinanceAdministrator,
  },
};
