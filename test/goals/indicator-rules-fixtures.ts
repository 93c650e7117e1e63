/**
 * Indicators of the pure goal rule tests (DOMAIN §5 table; 002 第八条): a quantitative output indicator, a
 * qualitative benefit indicator, and the sorted reasons of a list of problems.
 */
import {
  Comparator,
  IndicatorCategory as Cat,
  IndicatorKind,
  IndicatorSubcategory as Sub,
} from '../../src/goals/indicator.enums';
import type { IndicatorInput } from '../../src/goals/rules/indicator-rules';

export const quantitative = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  category: Cat.OUTPUT,
  subcategory: Sub.QUANTITY,
  name: '新改建农村公路里程',
  kind: IndicatorKind.QUANTITATIVE,
  unit: 'km',
  comparator: Comparator.GTE,
  target: '50',
  ...over,
});

export const qualitative = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  category: Cat.BENEFIT,
  subcategory: Sub.SUSTAINABILITY,
  name: '长效管护机制',
  kind: IndicatorKind.QUALITATIVE,
  target: '建立县乡村三级管护制度',
  ...over,
});

export const codes = (problems: { reason?: string }[]) => problems.map((p) => p.reason).sort();
