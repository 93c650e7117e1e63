import { Decimal } from '../../src/common/decimal';
import { Grade } from '../../src/common/grade';
import {
  checkFramework,
  completionRate,
  costSavingRate,
  FRAMEWORK_INDICATORS,
  qualityRate,
  scoreFramework,
  type FrameworkLineInput,
} from '../../src/evaluation/rules/framework';
import {
  checkReportSections,
  orderSections,
  REPORT_OUTLINE,
} from '../../src/evaluation/rules/report-outline';

const d = (s: string | number): Decimal => new Decimal(s);

/** A typical set: 决策 15, 过程 20, 产出 35, 效益 30 (产出 + 效益 = 65 ≥ 60). */
const typical = (): FrameworkLineInput[] => [
  { code: 'PROJECT_BASIS', points: d(5) },
  { code: 'GOAL_REASONABLENESS', points: d(5) },
  { code: 'BUDGET_PREPARATION', points: d(5) },
  { code: 'FUND_ARRIVAL_RATE', points: d(5) },
  { code: 'BUDGET_EXECUTION_RATE', points: d(5) },
  { code: 'FUND_USE_COMPLIANCE', points: d(5) },
  { code: 'SYSTEM_EXECUTION', points: d(5) },
  { code: 'COMPLETION_RATE', points: d(10) },
  { code: 'QUALITY_RATE', points: d(10) },
  { code: 'TIMELINESS', points: d(5) },
  { code: 'COST_SAVING_RATE', points: d(10) },
  { code: 'IMPLEMENTATION_BENEFIT', points: d(20) },
  { code: 'SATISFACTION', points: d(10) },
];

describe('department and finance evaluation framework (DOMAIN §10; 002 附件7, 第二十一条(二))', () => {
  test('the framework: 决策 6, 过程 5, 产出 4, 效益 2 indicators with Chinese names and unique codes (附件7)', () => {
    const names = (c: string) => FRAMEWORK_INDICATORS.filter((i) => i.category === c).map((i) => i.name);
    expect(names('DECISION')).toEqual([
      '立项依据充分性',
      '立项程序规范性',
      '绩效目标合理性',
      '绩效指标明确性',
      '预算编制科学性',
      '资金分配合理性',
    ]);
    expect(names('PROCESS')).toEqual([
      '资金到位率',
      '预算执行率',
      '资金使用合规性',
      '管理制度健全性',
      '制度执行有效性',
    ]);
    expect(names('OUTPUT')).toEqual(['实际完成率', '质量达标率', '完成及时性', '成本节约率']);
    expect(names('BENEFIT')).toEqual(['实施效益', '满意度']);
    expect(new Set(FRAMEWORK_INDICATORS.map((i) => i.code)).size).toBe(FRAMEWORK_INDICATORS.length);
  });

  test('a valid set has no problems', () => {
    expect(checkFramework(typical())).toEqual([]);
  });

  test('points must total 100 (002 第二十五条 总分一般设置为100分)', () => {
    const set = typical();
    set[0] = { code: 'PROJECT_BASIS', points: d(4) };
    expect(checkFramework(set).map((p) => [p.reason, p.message.zh])).toEqual([
      ['POINTS_TOTAL', '评价指标分值合计应为 100，现为 99'],
    ]);
  });

  test('产出 + 效益 below 60 is refused, citing 002 第二十一条(二)', () => {
    const set: FrameworkLineInput[] = [
      { code: 'PROJECT_BASIS', points: d(25) },
      { code: 'FUND_USE_COMPLIANCE', points: d('15.01') },
      { code: 'COMPLETION_RATE', points: d(30) },
      { code: 'SATISFACTION', points: d('29.99') },
    ];
    const problems = checkFramework(set);
    expect(problems.map((p) => p.reason)).toEqual(['RESULT_WEIGHT_TOO_LOW']);
    expect(problems[0]!.message.zh).toContain('002 第二十一条(二)');
    expect(problems[0]!.message.zh).toContain('59.99');
    set[1] = { code: 'FUND_USE_COMPLIANCE', points: d(15) };
    set[3] = { code: 'SATISFACTION', points: d(30) };
    expect(checkFramework(set)).toEqual([]); // exactly 60 is enough
  });

  test('unknown and repeated codes, bad points are refused with field paths', () => {
    const problems = checkFramework([
      { code: 'NOPE', points: d(10) },
      { code: 'SATISFACTION', points: d(60) },
      { code: 'SATISFACTION', points: d(30) },
      { code: 'TIMELINESS', points: d('0.001') },
    ]);
    expect(problems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['UNKNOWN_FRAMEWORK_INDICATOR', 'indicators.0.code'],
      ['DUPLICATE_INDICATOR', 'indicators.2.code'],
      ['POINTS_INVALID', 'indicators.3.points'],
    ]);
  });

  test('formulas: 实际完成率, 质量达标率, 成本节约率 (附件7), exact, null on a zero base', () => {
    expect(completionRate(d(47), d(50))!.toFixed()).toBe('0.94');
    expect(qualityRate(d(19), d(20))!.toFixed()).toBe('0.95');
    expect(costSavingRate(d(1000), d(950))!.toFixed()).toBe('0.05');
    expect(costSavingRate(d(1000), d(1100))!.toFixed()).toBe('-0.1');
    expect(completionRate(d(1), d(0))).toBeNull();
    expect(qualityRate(d(0), d(0))).toBeNull();
    expect(costSavingRate(d(0), d(5))).toBeNull();
  });

  test('scoring: evaluator scores within 0..points, half-up 2 dp, total = Σ, grade (DOMAIN §10.6–7)', () => {
    const set = typical().map((l) => ({ ...l, score: l.points }));
    set[0] = { ...set[0]!, score: d('4.125') }; // → 4.13
    set[11] = { ...set[11]!, score: d('12.5') };
    const result = scoreFramework(set);
    expect(result.inputProblems).toEqual([]);
    expect(result.completionProblems).toEqual([]);
    expect(result.lines[0]!.score!.toFixed(2)).toBe('4.13');
    expect(result.total.toFixed(2)).toBe('91.63');
    expect(result.grade).toBe(Grade.EXCELLENT);
  });

  test('scoring: a score above its points or negative is refused; a missing score blocks completion', () => {
    const set: FrameworkLineInput[] = typical().map((l) => ({ ...l, score: l.points }));
    set[0] = { ...set[0]!, score: d('5.01') };
    set[1] = { ...set[1]!, score: d('-1') };
    set[2] = { ...set[2]!, score: null };
    const result = scoreFramework(set);
    expect(result.inputProblems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['SCORE_OUT_OF_RANGE', 'indicators.0.score'],
      ['SCORE_OUT_OF_RANGE', 'indicators.1.score'],
    ]);
    expect(result.completionProblems.map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['SCORE_REQUIRED', 'indicators.2.score'],
    ]);
  });
});

describe('evaluation report outline (002 附件8 项目支出绩效评价报告（参考提纲）)', () => {
  const all = () => REPORT_OUTLINE.map((s) => ({ key: s.key, text: `${s.title}……` }));

  test('seven sections in order, 基本情况 … 其他需要说明的问题', () => {
    expect(REPORT_OUTLINE.map((s) => s.title)).toEqual([
      '一、基本情况',
      '二、绩效评价工作开展情况',
      '三、综合评价情况及评价结论',
      '四、绩效评价指标分析',
      '五、主要经验及做法、存在的问题及原因分析',
      '六、有关建议',
      '七、其他需要说明的问题',
    ]);
    expect(REPORT_OUTLINE[3]!.parts).toEqual([
      '（一）项目决策情况',
      '（二）项目过程情况',
      '（三）项目产出情况',
      '（四）项目效益情况',
    ]);
  });

  test('a complete report passes; 其他需要说明的问题 may be left out or empty', () => {
    expect(checkReportSections(all())).toEqual([]);
    expect(checkReportSections(all().filter((s) => s.key !== 'OTHER_MATTERS'))).toEqual([]);
  });

  test('unknown keys refused, repeats refused, required sections missing or empty reported', () => {
    const sections = all().filter((s) => s.key !== 'RECOMMENDATIONS');
    sections[0] = { key: 'BASIC_INFORMATION', text: '  ' };
    sections.push({ key: 'APPENDIX', text: 'x' }, { key: 'EVALUATION_WORK', text: 'again' });
    expect(checkReportSections(sections).map((p) => [p.reason, p.field.join('.')])).toEqual([
      ['SECTION_EMPTY', 'sections.0.text'],
      ['UNKNOWN_SECTION', 'sections.6.key'],
      ['DUPLICATE_SECTION', 'sections.7.key'],
      ['SECTION_MISSING', 'sections'],
    ]);
  });

  test('orderSections puts sections in the outline order', () => {
    const shuffled = [...all()].reverse();
    expect(orderSections(shuffled).map((s) => s.key)).toEqual(REPORT_OUTLINE.map((s) => s.key));
  });
});
