import { ErrorCode, msg } from '../../common/errors';
import type { Decimal } from '../../common/decimal';
import type { Problem } from './indicator-rules';
import { amount, text } from './workflow-goal';

/**
 * 修改绩效目标 as a partial update (issue 11 item 1): a field omitted (undefined) is unchanged, an explicit
 * null clears it. The name cannot be cleared (a goal always has one, DOMAIN §5): null or blank is refused
 * with BAD_USER_INPUT at `input.name`.
 */
export interface GoalContentPatch {
  name?: string | null;
  implementationPeriodObjective?: string | null;
  annualObjective?: string | null;
  annualAmount?: Decimal | null;
  fiscalAmount?: Decimal | null;
  otherAmount?: Decimal | null;
}

export type GoalContentColumns = Partial<{
  name: string;
  implementationPeriodObjective: string | null;
  annualObjective: string | null;
  annualAmount: string | null;
  fiscalAmount: string | null;
  otherAmount: string | null;
}>;

export const NAME_PROBLEM = msg(
  '须填写目标名称（最多200字）',
  'A name of at most 200 characters is required',
);

/** Whether a name is acceptable (DOMAIN §5: required, at most 200 characters). */
export const nameOk = (name: string | null | undefined): name is string =>
  name != null && name.trim() !== '' && name.trim().length <= 200;

const TEXTS = ['implementationPeriodObjective', 'annualObjective'] as const;
const AMOUNTS = ['annualAmount', 'fiscalAmount', 'otherAmount'] as const;

/** The columns the patch changes (only those given), and what is wrong with it. */
export function goalContentPatch(input: GoalContentPatch): {
  columns: GoalContentColumns;
  problems: Problem[];
} {
  const columns: GoalContentColumns = {};
  const problems: Problem[] = [];
  if (input.name !== undefined) {
    if (nameOk(input.name)) columns.name = input.name.trim();
    else problems.push({ code: ErrorCode.BAD_USER_INPUT, field: ['input', 'name'], message: NAME_PROBLEM });
  }
  for (const k of TEXTS) if (input[k] !== undefined) columns[k] = text(input[k]);
  for (const k of AMOUNTS) if (input[k] !== undefined) columns[k] = amount(input[k]);
  return { columns, problems };
}
