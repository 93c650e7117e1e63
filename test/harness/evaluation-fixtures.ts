/**
 * Evaluation data several tests share (DOMAIN §10; 002 附件7, 附件8). Written out here, not derived from
 * src/evaluation/rules, so a test does not trust the code it checks.
 */

/** The fields of an Evaluation that the department and finance evaluation tests select first. */
export interface EvaluationHead {
  id: string;
  kind: string;
  rowVersion: number;
  status: string;
  total: string | null;
  grade: string | null;
}

/** The six parts of an evaluation report, in order (002 附件8 报告提纲; DOMAIN §10.8). */
export const REPORT_SECTION_KEYS = [
  'BASIC_INFORMATION',
  'EVALUATION_WORK',
  'OVERALL_CONCLUSION',
  'INDICATOR_ANALYSIS',
  'EXPERIENCE_AND_PROBLEMS',
  'RECOMMENDATIONS',
] as const;

/** A complete report: every section of REPORT_SECTION_KEYS with `body(key)` (default `<key> 的内容`). */
export const reportSections = (body: (key: string) => string = (key) => `${key} 的内容`) =>
  REPORT_SECTION_KEYS.map((key) => ({ key, body: body(key) }));

/**
 * A framework of 100 points scoring 93.50 (≥ 90 优, DOMAIN §10.7): DECISION 15, PROCESS 20, OUTPUT 40,
 * BENEFIT 25 — OUTPUT + BENEFIT = 65 ≥ 60 (002 第二十一条(二)); `comment` on 资金使用合规性 (the point lost).
 */
export const framework9350 = (comment = '个别凭证不全') => [
  { code: 'PROJECT_BASIS', points: '8', score: '8' },
  { code: 'GOAL_REASONABLENESS', points: '7', score: '6' },
  { code: 'FUND_ARRIVAL_RATE', points: '10', score: '10' },
  { code: 'FUND_USE_COMPLIANCE', points: '10', score: '9', comment },
  { code: 'COMPLETION_RATE', points: '20', score: '20' },
  { code: 'QUALITY_RATE', points: '20', score: '18.5' },
  { code: 'IMPLEMENTATION_BENEFIT', points: '15', score: '14' },
  { code: 'SATISFACTION', points: '10', score: '8' },
];

/** The typed scores of a `rateFramework`: its five indicators that are not computed from figures. */
export interface TypedScores {
  basis: string;
  reasonableness: string;
  compliance: string;
  benefit: string;
  satisfaction: string;
}

/**
 * A framework of 100 points, OUTPUT + BENEFIT = 65, whose four rate indicators (到位率, 执行率, 完成率,
 * 质量达标率, 成本节约率) get no typed score — the API computes them from the figures (DOMAIN §10.3) —
 * plus a custom BENEFIT indicator 道路通行效率提升; `s` types the other five.
 */
export const rateFramework = (s: TypedScores) => [
  { code: 'PROJECT_BASIS', points: '8', score: s.basis },
  { code: 'GOAL_REASONABLENESS', points: '7', score: s.reasonableness },
  { code: 'FUND_ARRIVAL_RATE', points: '5' },
  { code: 'BUDGET_EXECUTION_RATE', points: '5' },
  { code: 'FUND_USE_COMPLIANCE', points: '10', score: s.compliance },
  { code: 'COMPLETION_RATE', points: '20' },
  { code: 'QUALITY_RATE', points: '15' },
  { code: 'COST_SAVING_RATE', points: '5' },
  { code: null, category: 'BENEFIT', name: '道路通行效率提升', points: '15', score: s.benefit },
  { code: 'SATISFACTION', points: '10', score: s.satisfaction },
];
