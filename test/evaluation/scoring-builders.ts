/**
 * Builders of the pure self-evaluation scoring tests (DOMAIN §10): indicators, actuals and money as plain
 * values, and `single` — one indicator under test in OUTPUT beside fillers, so no points move.
 */
import { Decimal } from '../../src/common/decimal';
import {
  scoreSelfEvaluation,
  type IndicatorActual,
  type MoneyFigures,
  type ScoringIndicator,
} from '../../src/evaluation/rules/scoring';

export const d = (s: string | number): Decimal => new Decimal(s);
export const full: MoneyFigures = { budgeted: d(100), inPlace: d(100), spent: d(100) };

export const quant = (id: string, over: Partial<ScoringIndicator> = {}): ScoringIndicator => ({
  id,
  name: id,
  category: 'OUTPUT',
  kind: 'QUANTITATIVE',
  comparator: 'GTE',
  target: d(100),
  points: null,
  ...over,
});

export const qual = (id: string, over: Partial<ScoringIndicator> = {}): ScoringIndicator => ({
  id,
  name: id,
  category: 'BENEFIT',
  kind: 'QUALITATIVE',
  comparator: null,
  target: null,
  points: null,
  ...over,
});

export const act = (indicatorId: string, actual: string, over: Partial<IndicatorActual> = {}) => ({
  indicatorId,
  actual: d(actual),
  explanation: '原因说明',
  ...over,
});

/** One indicator per category so no points move, plus the given one under test in OUTPUT. */
export const base = (): ScoringIndicator[] => [
  quant('benefit', { category: 'BENEFIT' }),
  quant('satisfaction', { category: 'SATISFACTION' }),
];
export const baseActuals = () => [act('benefit', '100'), act('satisfaction', '100')];

/** The indicator under test in OUTPUT beside a filler ('rest') that takes OUTPUT's remaining points. */
export function single(indicator: ScoringIndicator, actual: IndicatorActual, money = full) {
  const result = scoreSelfEvaluation({
    indicators: [indicator, quant('rest'), ...base()],
    actuals: [actual, act('rest', '100'), ...baseActuals()],
    money,
  });
  return { result, line: result.lines.find((l) => l.key === indicator.id)! };
}
