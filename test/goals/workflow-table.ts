/**
 * The goal workflow's pure decision table (DOMAIN §7, §8) shared by workflow-*.unit.test.ts: actions,
 * error codes and `runTable` — one row a case of state × actor × action → outcome.
 */
import { ErrorCode } from '../../src/common/errors';
import { GoalStatus, WorkflowAction } from '../../src/goals/goal.enums';
import { decide, type WorkflowGoal } from '../../src/goals/rules/workflow';
import { accepted, actor, refused, type Who } from './workflow-world';

export const { EDIT, SUBMIT, APPROVE, RETURN, ISSUE, REQUEST_ADJUSTMENT, FILE_FOR_RECORD } = WorkflowAction;
export const [ADJUST, FILE] = [REQUEST_ADJUSTMENT, FILE_FOR_RECORD];
export const S = GoalStatus;
export const ok = { comment: '请补充成本指标', reason: '预算调整' };
export const FORBIDDEN = ErrorCode.FORBIDDEN;
export const WORKFLOW = ErrorCode.WORKFLOW_VIOLATION;
export const BAD = ErrorCode.BAD_USER_INPUT;

/** Expected outcome: `'STATUS@step'` when accepted, `'CODE'` or `'CODE Pn'` when refused. */
export type Row = [string, WorkflowGoal, Who, WorkflowAction, string];

/** One table of state × actor × action → outcome. */
export const runTable = (rows: Row[]) =>
  test.each(rows.map(([name, g, who, action, expected]) => [name, expected, g, who, action] as const))(
    '%s → %s',
    (_name, expected, g, who, action) => {
      const d = decide(g, actor(who), action, ok);
      const [status, step] = expected.split('@');
      if (step !== undefined) expect(accepted(d).next).toMatchObject({ status, step: Number(step) });
      else refused(d, expected.split(' ')[0] as ErrorCode, expected.split(' ')[1]);
    },
  );
