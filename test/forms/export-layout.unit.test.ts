import { Comparator } from '../../src/goals/indicator.enums';
import { ANNEX1_LAYOUT } from '../../src/forms/layouts/annex1';
import { ANNEX3_LAYOUT } from '../../src/forms/layouts/annex3';
import {
  categoryOfLabel,
  columnLetter,
  columnNumber,
  formatTarget,
  parseCell,
  parseTarget,
  subcategoryOfLabel,
  wanToYuan,
  yuanToWan,
} from '../../src/forms/layouts/layout';
import { formatPeriod, parsePeriod } from '../../src/forms/layouts/goal-header-text';

/*
 * The form layouts' pure helpers (src/forms/layouts): money between yuan and 万元 without loss (DOMAIN §4: stored
 * in yuan, shown in 万元 on 002 附件1–6), targets as one 年度指标值 cell and back, labels back to their enums.
 */
describe('万元 (DOMAIN §4)', () => {
  it('converts yuan to 万元 exactly and back, refusing more precision than the fen', () => {
    expect(yuanToWan('1234.56').toString()).toBe('0.123456');
    expect(yuanToWan('3200000.00').toNumber()).toBe(320);
    expect(wanToYuan(0.123456)).toBe('1234.56');
    expect(wanToYuan('320')).toBe('3200000.00');
    expect(wanToYuan(0.1234567)).toBeNull();
    // Up to 15 significant digits in 万元 (amounts below 10^13 yuan) a cell's number prints back exactly.
    const big = yuanToWan('9999999999999.99');
    expect(wanToYuan(big.toNumber())).toBe('9999999999999.99');
  });
});

describe('年度指标值 (002 附件1–3)', () => {
  it('writes a quantitative target as comparator, number and unit and reads it back', () => {
    const i = { kind: 'QUANTITATIVE', comparator: Comparator.GTE, target: '12.5', unit: '公里' };
    expect(formatTarget(i)).toBe('≥12.5公里');
    expect(parseTarget('≥12.5公里')).toEqual({ comparator: 'GTE', target: '12.5', unit: '公里', text: null });
    expect(parseTarget('<= 5 %')).toEqual({ comparator: 'LTE', target: '5', unit: '%', text: null });
    expect(parseTarget('=1')).toEqual({ comparator: 'EQ', target: '1', unit: null, text: null });
  });

  it('keeps a described (qualitative) target as text', () => {
    expect(formatTarget({ kind: 'QUALITATIVE', comparator: null, target: '明显改善', unit: null })).toBe(
      '明显改善',
    );
    expect(parseTarget(' 明显改善 ')).toEqual({
      comparator: null,
      target: null,
      unit: null,
      text: '明显改善',
    });
    expect(parseTarget('≥ 一百公里').text).toBe('≥ 一百公里');
  });
});

describe('labels, periods and cells', () => {
  it('reads printed 一级/二级 labels back to their enums, with the 附件6 points suffix', () => {
    expect(categoryOfLabel('产出指标')).toBe('OUTPUT');
    expect(categoryOfLabel('共性指标（10分）')).toBe('COMMON');
    expect(categoryOfLabel('满意度指标 (10 分)')).toBe('SATISFACTION');
    expect(subcategoryOfLabel('服务对象 满意度指标')).toBe('SERVICE_RECIPIENT');
    expect(subcategoryOfLabel('其他指标')).toBeNull();
  });

  it('formats and parses 项目实施期', () => {
    expect(formatPeriod(2025, 2027)).toBe('2025-2027年');
    expect(formatPeriod(2025, 2025)).toBe('2025年');
    expect(parsePeriod('2025-2027年')).toEqual({ start: 2025, end: 2027 });
    expect(parsePeriod('2025年')).toEqual({ start: 2025, end: 2025 });
    expect(parsePeriod('明年')).toBeNull();
  });

  it('addresses cells and keeps every field of 附件1/附件3 in its own cell', () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnNumber('AA')]).toEqual([
      'A',
      'Z',
      'AA',
      27,
    ]);
    expect(parseCell('C12')).toEqual({ row: 12, col: 3 });
    for (const layout of [ANNEX1_LAYOUT, ANNEX3_LAYOUT]) {
      const cells = [...layout.labels.map((l) => l.cell), ...layout.fields.map((f) => f.cell)];
      expect(new Set(cells).size).toBe(cells.length);
      for (const f of layout.fields) expect(parseCell(f.cell).row).toBeLessThan(layout.indicatorHeadingRow);
    }
  });
});
