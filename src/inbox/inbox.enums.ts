import { registerEnumType } from 'type-graphql';

/**
 * 待办类型 — what awaits the caller (issue 11 item 3; DOMAIN §7, §9, §6, §10, §11, §13). The order of the
 * values is the tie-break order of the inbox (items waiting since the same instant).
 */
export enum InboxItemKind {
  GOAL_REVIEW = 'GOAL_REVIEW',
  ASSESSMENT_REVIEW = 'ASSESSMENT_REVIEW',
  MONITORING_ACKNOWLEDGEMENT = 'MONITORING_ACKNOWLEDGEMENT',
  EVALUATION_REVIEW = 'EVALUATION_REVIEW',
  COMPILATION_DUE = 'COMPILATION_DUE',
  FINDING_FEEDBACK = 'FINDING_FEEDBACK',
  FINDING_RESPONSE = 'FINDING_RESPONSE',
  FINDING_VERIFICATION = 'FINDING_VERIFICATION',
}

export const INBOX_KINDS: readonly InboxItemKind[] = Object.values(InboxItemKind);

registerEnumType(InboxItemKind, {
  name: 'InboxItemKind',
  description: '待办类型 — the kind of work awaiting the caller (issue 11 item 3)',
  valuesConfig: {
    GOAL_REVIEW: {
      description: '目标审核 — a goal at the caller’s step of its review chain (DOMAIN §7, P3)',
    },
    ASSESSMENT_REVIEW: {
      description:
        '评估审核 — a submitted ex-ante assessment of a subject at the caller’s (finance) level (DOMAIN §6)',
    },
    MONITORING_ACKNOWLEDGEMENT: {
      description: '监控确认 — a submitted monitoring report the caller acknowledges (DOMAIN §9)',
    },
    EVALUATION_REVIEW: {
      description: '自评审核 — a submitted self-evaluation the caller reviews (DOMAIN §10–11, P4)',
    },
    COMPILATION_DUE: {
      description: '汇总确认 — a regional or overall transfer result the caller compiles (DOMAIN §11, P4)',
    },
    FINDING_FEEDBACK: {
      description: '结果反馈 — a finding the caller (the evaluating body) gives feedback on (DOMAIN §13)',
    },
    FINDING_RESPONSE: {
      description:
        '整改报送 — a finding the caller (the evaluated body) answers with its rectification (DOMAIN §13)',
    },
    FINDING_VERIFICATION: {
      description: '整改核实 — a rectification the caller (finance at the level) verifies (DOMAIN §13)',
    },
  },
});
