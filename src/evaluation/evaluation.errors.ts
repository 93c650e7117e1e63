import { ErrorCode, msg } from '../common/errors';
import { problem } from '../common/problem';
import type { ConstraintMeanings } from '../common/mutation';

/** A workflow refusal at the evaluation's id. */
const atId = (zh: string, en: string) => ({
  code: ErrorCode.WORKFLOW_VIOLATION,
  field: ['input', 'id'],
  message: msg(zh, en),
});

/** P8: the row trigger and the content trigger refuse a change to a submitted evaluation alike. */
const FROZEN = atId('已提交的评价不能修改（P8）', 'A submitted evaluation cannot be changed (P8)');

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const meanings: ConstraintMeanings = {
  ck_evaluation_transition: atId('该评价当前状态不允许此操作', 'The evaluation’s status does not allow this'),
  ck_evaluation_frozen: FROZEN,
  ck_evaluation_content_frozen: FROZEN,
  ck_evaluation_commission_once: atId(
    '评价只能在草稿阶段委托一次',
    'An evaluation is commissioned once, while a draft',
  ),
  uq_evaluation_self_goal: problem(
    ErrorCode.CONFLICT,
    ['input', 'goalId'],
    msg('该绩效目标已有单位自评', 'This goal already has a self-evaluation'),
  ),
};
