import { ErrorCode, msg } from '../common/errors';
import type { ConstraintMeanings } from '../common/mutation';

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const meanings: ConstraintMeanings = {
  ck_evaluation_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该评价当前状态不允许此操作', 'The evaluation’s status does not allow this'),
  },
  ck_evaluation_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的评价不能修改（P8）', 'A submitted evaluation cannot be changed (P8)'),
  },
  ck_evaluation_content_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的评价不能修改（P8）', 'A submitted evaluation cannot be changed (P8)'),
  },
  ck_evaluation_commission_once: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('评价只能在草稿阶段委托一次', 'An evaluation is commissioned once, while a draft'),
  },
  uq_evaluation_self_goal: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'goalId'],
    message: msg('该绩效目标已有单位自评', 'This goal already has a self-evaluation'),
  },
};
