import { ErrorCode, msg } from '../../common/errors';
import { refusal } from '../../common/refusal';
import { GoalStatus } from '../../goals/goal.enums';
import { EvaluationStatus } from '../evaluation.enums';

/** Pure guards of the evaluation services (DOMAIN §10, P8): plain values in, a refusal thrown out. */

/** A goal in force: issued with its budget, or filed for record (002 第十二条) — and not superseded. */
export function requireGoalInForce(goal: { status: GoalStatus }): void {
  if (goal.status === GoalStatus.ISSUED || goal.status === GoalStatus.FILED_FOR_RECORD) return;
  throw refusal(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'goalId'],
    msg(
      `绩效目标尚未批复下达（当前状态 ${goal.status}），不能填报实际完成情况或开展评价`,
      `Actuals for a goal not issued: the goal is ${goal.status}, so it cannot be evaluated yet`,
    ),
  );
}

export const isEditable = (e: { status: EvaluationStatus }) =>
  e.status === EvaluationStatus.DRAFT || e.status === EvaluationStatus.RETURNED;

/** DRAFT and RETURNED evaluations are edited and submitted; a submitted one is frozen (P8). */
export function requireEditable(e: { status: EvaluationStatus }): void {
  if (isEditable(e)) return;
  throw refusal(
    ErrorCode.WORKFLOW_VIOLATION,
    ['input', 'id'],
    msg(
      `评价已提交（${e.status}），不能再修改；如需修改须由审核单位退回（P8）`,
      `The evaluation is ${e.status} and frozen; only a return by the reviewer reopens it (P8)`,
    ),
    { principle: 'P8' },
  );
}

/** Trimmed text, or null when blank. */
export const text = (s: string | null | undefined): string | null =>
  s == null || s.trim() === '' ? null : s.trim();
