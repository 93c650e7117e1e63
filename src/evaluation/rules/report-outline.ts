import { ErrorCode, msg } from '../../common/errors';
import type { Problem } from '../../common/problem';

/**
 * 项目支出绩效评价报告（参考提纲）— the report of a department or finance evaluation as structured sections
 * (DOMAIN §10; 002 附件8, 第二十七条 部门和财政评价结果主要以绩效评价报告的形式体现), in the outline's order.
 */
export interface ReportSectionDef {
  key: string;
  title: string;
  /** The outline's sub-items (（一）…), as guidance for the text. */
  parts: readonly string[];
}

export const REPORT_OUTLINE: readonly ReportSectionDef[] = [
  { key: 'BASIC_INFORMATION', title: '一、基本情况', parts: ['（一）项目概况', '（二）项目绩效目标'] },
  {
    key: 'EVALUATION_WORK',
    title: '二、绩效评价工作开展情况',
    parts: [
      '（一）绩效评价目的、对象和范围',
      '（二）绩效评价原则、评价指标体系、评价方法、评价标准等',
      '（三）绩效评价工作过程',
    ],
  },
  { key: 'OVERALL_CONCLUSION', title: '三、综合评价情况及评价结论', parts: [] },
  {
    key: 'INDICATOR_ANALYSIS',
    title: '四、绩效评价指标分析',
    parts: ['（一）项目决策情况', '（二）项目过程情况', '（三）项目产出情况', '（四）项目效益情况'],
  },
  { key: 'EXPERIENCE_AND_PROBLEMS', title: '五、主要经验及做法、存在的问题及原因分析', parts: [] },
  { key: 'RECOMMENDATIONS', title: '六、有关建议', parts: [] },
  { key: 'OTHER_MATTERS', title: '七、其他需要说明的问题', parts: [] },
];

export const REPORT_SECTION_KEYS: readonly string[] = REPORT_OUTLINE.map((s) => s.key);

/** 七、其他需要说明的问题 may be empty; every other section needs text. */
const OPTIONAL = new Set(['OTHER_MATTERS']);

export interface ReportSectionInput {
  key: string;
  text: string;
}

/**
 * Checks a report's sections: unknown keys and repeats refused; every required section present with text.
 * Returns problems with paths ['sections', index, …] (or ['sections'] for a missing one).
 */
export function checkReportSections(sections: readonly ReportSectionInput[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  sections.forEach((s, k) => {
    const def = REPORT_OUTLINE.find((d) => d.key === s.key);
    if (!def) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'UNKNOWN_SECTION',
        field: ['sections', String(k), 'key'],
        message: msg(`评价报告没有「${s.key}」这一部分`, `The report outline has no section ${s.key}`),
      });
    } else if (seen.has(s.key)) {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'DUPLICATE_SECTION',
        field: ['sections', String(k), 'key'],
        message: msg(`「${def.title}」重复`, `Section ${s.key} repeats`),
      });
    } else if (!OPTIONAL.has(s.key) && s.text.trim() === '') {
      problems.push({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'SECTION_EMPTY',
        field: ['sections', String(k), 'text'],
        message: msg(`「${def.title}」须填写内容`, `Section ${s.key} needs text`),
      });
    }
    seen.add(s.key);
  });
  for (const def of REPORT_OUTLINE) {
    if (OPTIONAL.has(def.key) || seen.has(def.key)) continue;
    problems.push({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'SECTION_MISSING',
      field: ['sections'],
      message: msg(`评价报告缺少「${def.title}」`, `The report lacks section ${def.key}`),
    });
  }
  return problems;
}

/** The sections in the outline's order (unknown keys dropped). */
export function orderSections<T extends { key: string }>(sections: readonly T[]): T[] {
  return REPORT_SECTION_KEYS.flatMap((key) => sections.filter((s) => s.key === key));
}
