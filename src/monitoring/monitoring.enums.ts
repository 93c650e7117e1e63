import { registerEnumType } from 'type-graphql';

/** 拨款状态 — a funding-hold entry (DOMAIN §9; 001 三(二); 003 第十八条). */
export enum FundingStatus {
  SUSPENDED = 'SUSPENDED',
  STOPPED = 'STOPPED',
  LIFTED = 'LIFTED',
}

/** 暂缓/停止拨款 — the hold finance may put on a goal. */
export enum FundingHoldKind {
  SUSPENDED = 'SUSPENDED',
  STOPPED = 'STOPPED',
}

/** 监控报告状态 — DRAFT → SUBMITTED → ACKNOWLEDGED (DOMAIN §9). */
export enum MonitoringReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}

/** 完成年度绩效目标可能性 (附件4 总体结论). */
export enum Likelihood {
  CERTAIN = 'CERTAIN',
  POSSIBLE = 'POSSIBLE',
  IMPOSSIBLE = 'IMPOSSIBLE',
}

/** 偏差原因 — classified deviation causes (附件4 备注 1; DOMAIN §9). */
export enum DeviationCause {
  FUNDING = 'FUNDING',
  INSTITUTIONAL = 'INSTITUTIONAL',
  STAFFING = 'STAFFING',
  CONDITIONS = 'CONDITIONS',
  OTHER = 'OTHER',
}

/** 全年预计完成档次 — projected tier of a qualitative indicator (the tiers of DOMAIN §10.4). */
export enum ProjectedTier {
  ACHIEVED = 'ACHIEVED',
  PARTIAL = 'PARTIAL',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
}

/** 监控预警 — computed flags (DOMAIN §9). */
export enum MonitoringFlag {
  INDICATOR_OFF_TRACK = 'INDICATOR_OFF_TRACK',
  SLOW_EXECUTION = 'SLOW_EXECUTION',
}

/** One classified cause with its text, as stored in `monitoring_report_indicator.causes`. */
export interface DeviationCauseEntry {
  cause: DeviationCause;
  text: string;
}

registerEnumType(FundingStatus, {
  name: 'FundingStatus',
  description: '拨款状态 — a funding-hold entry: held (暂缓/停止拨款) or lifted (恢复拨款)',
  valuesConfig: {
    SUSPENDED: { description: '暂缓拨款 — funding suspended' },
    STOPPED: { description: '停止拨款 — funding stopped' },
    LIFTED: { description: '恢复拨款 — the hold was lifted' },
  },
});
registerEnumType(FundingHoldKind, {
  name: 'FundingHoldKind',
  description: '暂缓/停止拨款 — the hold finance puts on a goal’s funding (001 三(二); 003 第十八条)',
  valuesConfig: {
    SUSPENDED: { description: '暂缓拨款 — suspend funding' },
    STOPPED: { description: '停止拨款 — stop funding' },
  },
});
registerEnumType(MonitoringReportStatus, {
  name: 'MonitoringReportStatus',
  description: '监控报告状态 — status of a monitoring report',
  valuesConfig: {
    DRAFT: { description: '草稿 — being filled in by the reporting side' },
    SUBMITTED: { description: '已报送 — submitted, frozen (P8)' },
    ACKNOWLEDGED: { description: '已确认 — acknowledged by the level above' },
  },
});
registerEnumType(Likelihood, {
  name: 'MonitoringLikelihood',
  description: '完成年度绩效目标可能性 — likelihood of meeting the annual goal (附件4)',
  valuesConfig: {
    CERTAIN: { description: '确定能完成 — certain' },
    POSSIBLE: { description: '有可能完成 — possible' },
    IMPOSSIBLE: { description: '确定不能完成 — impossible' },
  },
});
registerEnumType(DeviationCause, {
  name: 'DeviationCause',
  description: '偏差原因 — classified deviation cause (附件4 备注)',
  valuesConfig: {
    FUNDING: { description: '经费保障 — funding' },
    INSTITUTIONAL: { description: '制度保障 — rules and institutions' },
    STAFFING: { description: '人员保障 — staffing' },
    CONDITIONS: { description: '硬件条件保障 — physical conditions' },
    OTHER: { description: '其他 — other' },
  },
});
registerEnumType(ProjectedTier, {
  name: 'MonitoringProjectedTier',
  description: '全年预计完成档次 — projected tier of a qualitative indicator',
  valuesConfig: {
    ACHIEVED: { description: '达成 — achieved' },
    PARTIAL: { description: '部分达成 — partly achieved (off track)' },
    NOT_ACHIEVED: { description: '未达成 — not achieved (off track)' },
  },
});
registerEnumType(MonitoringFlag, {
  name: 'MonitoringFlag',
  description: '监控预警 — computed monitoring flags (DOMAIN §9)',
  valuesConfig: {
    INDICATOR_OFF_TRACK: {
      description: '指标偏离 — a projected full-year value fails its target under the comparator',
    },
    SLOW_EXECUTION: {
      description:
        '执行缓慢 — executed ÷ annual budget lags the time elapsed (M ÷ 12) by more than the threshold',
    },
  },
});

/** 监控报告操作 — the workflow actions on a monitoring report (DOMAIN §9), for `availableActions`. */
export enum MonitoringReportAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
}

registerEnumType(MonitoringReportAction, {
  name: 'MonitoringReportAction',
  description: '监控报告操作 — a workflow action on a monitoring report (DOMAIN §9)',
  valuesConfig: {
    EDIT: { description: '修改 — change the DRAFT’s content (the spending side, P4)' },
    SUBMIT: { description: '报送 — submit the complete DRAFT (the spending side, P4)' },
    ACKNOWLEDGE: { description: '确认 — acknowledge a submitted report (the same-level finance bureau, P3)' },
  },
});
