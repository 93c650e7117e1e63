import type { Problem } from '../../common/problem';

/** The inputs of `compileRollUp` a scoring problem can point at (CompileRollUpInput). */
const OWN_FIELDS = new Set(['entries', 'fundArrivalExplanation', 'budgetExecutionExplanation', 'basis']);

/**
 * The scoring engine reports paths of its own input (`actuals.<i>.explanation`, `money.spent`,
 * `indicators.<i>.points`); a compiled result's actuals are the goal's indicators in goal order, of which
 * the compiler entered only some, as `input.entries` (issue 11 item 4: every field path names the real
 * input field). An indicator's problem points at its entry (`input.entries.<k>.…`), or at the list
 * `input.entries` when the compiler entered nothing for it (the message names the indicator); figures
 * summed from the children (money, points) point at the goal (`input.goalId`).
 *
 * `actualIds`: the indicator ids in the order the engine got them; `entryIds`: the entries' indicator
 * ids in input order.
 */
export function compileFieldPaths(
  problems: readonly Problem[],
  actualIds: readonly string[],
  entryIds: readonly string[],
): Problem[] {
  return problems.map((p) => {
    const [head, index, ...rest] = p.field;
    if (head === 'actuals') {
      const indicator = index === undefined ? undefined : actualIds[Number(index)];
      const k = indicator === undefined ? -1 : entryIds.indexOf(indicator);
      return { ...p, field: k >= 0 ? ['input', 'entries', String(k), ...rest] : ['input', 'entries'] };
    }
    if (head !== undefined && OWN_FIELDS.has(head)) return { ...p, field: ['input', ...p.field] };
    return { ...p, field: ['input', 'goalId'] };
  });
}
