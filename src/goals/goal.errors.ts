import { ErrorCode, msg, type Message } from '../common/errors';
import type { ConstraintMeanings } from '../common/mutation';
import { problem } from '../common/problem';
import { abort, refusal } from '../common/refusal';
import type { Problem } from './rules/indicator-rules';
import type { Refusal } from './rules/workflow-refusal';

/** What the database's refusals mean to the caller (the triggers repeat the service's checks). */
export const meanings: ConstraintMeanings = {
  ck_performance_goal_transition: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该绩效目标当前状态不允许此操作', 'The goal’s status does not allow this'),
  },
  ck_goal_indicator_frozen: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('已提交的绩效目标不能修改指标', 'The indicators of a submitted goal cannot be changed'),
  },
  fk_goal_indicator_parent: {
    code: ErrorCode.CONFLICT,
    field: ['input', 'indicators'],
    message: msg(
      '下级目标的指标关联了本目标的指标，不能整体替换；请先调整下级目标',
      "Child goals' indicators link to this goal's indicators, so they cannot be replaced; change the child goals first",
    ),
  },
  // Two racing requests for the same version: the unique partial index keeps one live adjustment (DOMAIN §7).
  uq_performance_goal_supersedes: {
    code: ErrorCode.WORKFLOW_VIOLATION,
    field: ['input', 'id'],
    message: msg('该目标已有调整申请正在办理', 'An adjustment of this goal is already in progress'),
  },
  ck_goal_indicator_pair: {
    code: ErrorCode.BAD_USER_INPUT,
    field: ['input', 'indicators'],
    message: msg('二级指标不属于所选一级指标', 'The subcategory does not belong to the category'),
  },
};

export const notFound = (field: readonly string[] = ['input', 'id']): never => {
  throw refusal.notFound(msg('未找到该绩效目标', 'Performance goal not found'), field);
};

/** A refusal of the workflow as one user error; P6 reads exactly like a missing goal (DOMAIN §8). */
export function refusalErrors(refused: Refusal, details: readonly Problem[] = []): never {
  if (refused.principle === 'P6') return notFound();
  if (refused.code === ErrorCode.BAD_USER_INPUT && details.length > 0) abort(details);
  const main = problem(refused.code, ['input', 'id'], refused.message, { principle: refused.principle });
  const extra = (refused.details ?? []).map((m: Message) => problem(refused.code, ['input', 'id'], m));
  return abort([main, ...extra]);
}
