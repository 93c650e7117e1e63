import { ErrorCode, msg } from './error-code';
import { problem, type Problem } from './problem';

/**
 * One rule for every update mutation (issue 11 item 1): an omitted field (undefined) keeps its value, an
 * explicit `null` clears it where clearing is allowed. For a field that cannot be cleared (a required
 * column), `null` is BAD_USER_INPUT at the field's path — never silently ignored, never a constraint error.
 */
export function nullsRefused(
  input: object,
  required: readonly string[],
  at: readonly string[] = ['input'],
): Problem[] {
  const values = input as Record<string, unknown>;
  return required
    .filter((name) => values[name] === null)
    .map((name) =>
      problem(
        ErrorCode.BAD_USER_INPUT,
        [...at, name],
        msg(
          `${name} 不能清空；省略该字段则保持不变`,
          `${name} cannot be cleared; omit it to keep the current value`,
        ),
        { reason: 'NOT_CLEARABLE' },
      ),
    );
}

/** The given value, or the current one when the field was omitted (null is a value: it clears). */
export function orCurrent<T, C>(given: T | null | undefined, current: C): T | null | C {
  return given === undefined ? current : given;
}
