import { ownInput, ownPayload } from '../../common/mutation-types';
import { MonitoringReportActionInput } from './monitoring.inputs';
import { FundingHoldPayload, MonitoringReportPayload } from './monitoring.payloads';

/** Issue 11 item 7: one input and one payload type per mutation (common/mutation-types.ts). */
export const SetFundingHoldPayload = ownPayload(FundingHoldPayload, 'setFundingHold', '暂缓/停止拨款');
export const LiftFundingHoldPayload = ownPayload(FundingHoldPayload, 'liftFundingHold', '恢复拨款');
export const CreateMonitoringReportPayload = ownPayload(
  MonitoringReportPayload,
  'createMonitoringReport',
  '新建监控报告',
);
export const UpdateMonitoringReportPayload = ownPayload(
  MonitoringReportPayload,
  'updateMonitoringReport',
  '修改监控报告',
);
export const SubmitMonitoringReportPayload = ownPayload(
  MonitoringReportPayload,
  'submitMonitoringReport',
  '报送监控报告',
);
export const SubmitMonitoringReportInput = ownInput(
  MonitoringReportActionInput,
  'submitMonitoringReport',
  '报送监控报告',
);
export const AcknowledgeMonitoringReportPayload = ownPayload(
  MonitoringReportPayload,
  'acknowledgeMonitoringReport',
  '确认监控报告',
);
export const AcknowledgeMonitoringReportInput = ownInput(
  MonitoringReportActionInput,
  'acknowledgeMonitoringReport',
  '确认监控报告',
);
