/**
 * Issue 11 item 4: every field path of `compileRollUp` names the real input field. The scoring engine
 * reports `actuals.<i>` in goal-indicator order; the compiler entered `input.entries` (some indicators,
 * any order). DOMAIN §10.5 (explanations of shortfalls), §11 (compiled results).
 */
import { ErrorCode, msg } from '../../src/common/error-code';
import { problem } from '../../src/common/problem';
import { compileFieldPaths } from '../../src/rollup/rules/compile-fields';

const say = msg('须说明理由', 'An explanation is required');
const actualIds = ['ind-a', 'ind-b', 'ind-c', 'ind-d', 'ind-e'];

test('an indicator’s problem points at its entry in input.entries, not at the engine’s actuals index', () => {
  const [p] = compileFieldPaths(
    [
      problem(ErrorCode.BAD_USER_INPUT, ['actuals', '4', 'explanation'], say, {
        reason: 'EXPLANATION_REQUIRED',
      }),
    ],
    actualIds,
    ['ind-c', 'ind-e'],
  );
  expect(p.field).toEqual(['input', 'entries', '1', 'explanation']);
  expect(p.reason).toBe('EXPLANATION_REQUIRED');
});

test('an indicator without an entry points at the list input.entries (never input.actuals)', () => {
  const [p] = compileFieldPaths(
    [problem(ErrorCode.BAD_USER_INPUT, ['actuals', '0', 'explanation'], say)],
    actualIds,
    ['ind-c'],
  );
  expect(p.field).toEqual(['input', 'entries']);
});

test('the explanations of the money lines and summed figures point at fields the input has', () => {
  const out = compileFieldPaths(
    [
      problem(ErrorCode.BAD_USER_INPUT, ['budgetExecutionExplanation'], say),
      problem(ErrorCode.BAD_USER_INPUT, ['fundArrivalExplanation'], say),
      problem(ErrorCode.BAD_USER_INPUT, ['money', 'spent'], say),
      problem(ErrorCode.BAD_USER_INPUT, ['id'], say),
      problem(ErrorCode.BAD_USER_INPUT, ['actuals'], say),
    ],
    actualIds,
    [],
  );
  expect(out.map((p) => p.field)).toEqual([
    ['input', 'budgetExecutionExplanation'],
    ['input', 'fundArrivalExplanation'],
    ['input', 'goalId'],
    ['input', 'goalId'],
    ['input', 'entries'],
  ]);
  for (const p of out) expect(p.field).not.toContain('actuals');
});
