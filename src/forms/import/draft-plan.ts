import { Decimal } from '../../common/decimal';
import type { CreateGoalInput } from '../../goals/dto/goal.inputs';
import { wanToYuan } from '../layouts';
import type { GoalSheet } from './goal-sheet';
import { CellErrors, ImportErrorCode as C } from './import-errors';
import { ROLE_OF_FIELD, type ReadIndicator } from './indicator-rows';

/** How the goal's subject is named on the sheet, resolved against what the caller can see (draft-subject.ts). */
export type SubjectRef =
  | { form: 'ANNEX1'; projectName: string; unitName: string | null }
  | { form: 'ANNEX3'; goalName: string; fundName: string; regionName: string | null };

/**
 * 导入草稿 — one goal read from one sheet: the createGoal input (its subject ids still to fill), how the
 * sheet names the subject, and where each input field sits, so the goal service's refusals become cell
 * errors too.
 */
export interface DraftPlan {
  sheet: string;
  input: CreateGoalInput;
  subject: SubjectRef;
  /** The cell of an input field path (e.g. ['input', 'indicators', '2', 'target'] → 'E14'), or null. */
  cellFor(field: readonly string[]): string | null;
  /** The cells of the subject's names (project or fund name, region). */
  subjectCells: { name: string; fund?: string; region?: string; unit?: string };
}

/** Field paths of createGoal's input → cells of the sheet. */
export function cellMapper(
  cells: Record<string, string>,
  indicators: ReadIndicator[],
): (field: readonly string[]) => string | null {
  return (field) => {
    const [, first, second, third] = field;
    if (first === 'indicators') {
      const row = indicators[Number(second)] ?? indicators[0];
      if (!row) return null;
      return row.cell[ROLE_OF_FIELD[third ?? ''] ?? 'name'];
    }
    if (first === 'header') {
      const key = second === 'periodStartYear' || second === 'periodEndYear' ? 'period' : (second ?? '');
      return cells[key] ?? null;
    }
    return cells[first ?? ''] ?? null;
  };
}

/** A 万元 cell as yuan (DOMAIN §4: exact decimals; 1 万元 = 10000 元), null when blank; a cell error when not money. */
export function yuanOf<F extends string>(
  g: GoalSheet<F>,
  field: F,
  errors: CellErrors,
  required = false,
): Decimal | null {
  const text = g.value[field];
  const label = g.layout.fields.find((f) => f.field === field)?.label ?? field;
  if (text === null) {
    if (required)
      errors.add(
        C.REQUIRED_CELL,
        g.sheet,
        g.cell[field],
        `须填写${label}（万元）`,
        `${label} (万元) is required`,
      );
    return null;
  }
  const plain = text.replace(/,/g, '');
  const yuan = /^-?\d+(\.\d+)?$/.test(plain) ? wanToYuan(plain) : null;
  if (yuan === null || yuan.startsWith('-')) {
    errors.add(
      C.BAD_VALUE,
      g.sheet,
      g.cell[field],
      `${label}「${text}」不是有效金额：应为不小于 0 的万元数，精确到元以下两位（分）`,
      `${label} "${text}" is not an amount: 万元 ≥ 0, exact to the fen`,
    );
    return null;
  }
  return new Decimal(yuan);
}

/** A required text cell (REQUIRED_CELL when blank). */
export function requiredText<F extends string>(g: GoalSheet<F>, field: F, errors: CellErrors): string {
  const text = g.value[field];
  const label = g.layout.fields.find((f) => f.field === field)?.label ?? field;
  if (text === null)
    errors.add(C.REQUIRED_CELL, g.sheet, g.cell[field], `须填写${label}`, `${label} is required`);
  return text ?? '';
}
