import { registerEnumType } from 'type-graphql';
import { FRAMEWORK_INDICATORS, frameworkCategoryNames } from './rules/framework';
import { REPORT_OUTLINE } from './rules/report-outline';

/**
 * GraphQL enumerations of the department / finance evaluation framework (002 附件7) and of the report
 * outline (002 附件8), built from the pure rules' definitions so the codes exist in one place.
 */
export const FrameworkIndicatorEnum = Object.fromEntries(FRAMEWORK_INDICATORS.map((i) => [i.code, i.code]));
export const FrameworkCategoryEnum = Object.fromEntries(
  Object.keys(frameworkCategoryNames).map((c) => [c, c]),
);
export const ReportSectionKeyEnum = Object.fromEntries(REPORT_OUTLINE.map((s) => [s.key, s.key]));

registerEnumType(FrameworkIndicatorEnum, {
  name: 'FrameworkIndicator',
  description: '评价指标体系三级指标 — indicator of the department/finance evaluation framework (002 附件7)',
  valuesConfig: Object.fromEntries(
    FRAMEWORK_INDICATORS.map((i) => [
      i.code,
      { description: `${i.name}（${frameworkCategoryNames[i.category]}/${i.subcategory}） — ${i.category}` },
    ]),
  ),
});

registerEnumType(FrameworkCategoryEnum, {
  name: 'FrameworkCategory',
  description: '评价指标体系一级指标 — category of the department/finance evaluation framework (002 附件7)',
  valuesConfig: Object.fromEntries(
    Object.entries(frameworkCategoryNames).map(([k, zh]) => [
      k,
      { description: `${zh} — ${k.toLowerCase()}` },
    ]),
  ),
});

registerEnumType(ReportSectionKeyEnum, {
  name: 'ReportSectionKey',
  description: '评价报告章节 — section of the evaluation report (002 附件8 参考提纲)',
  valuesConfig: Object.fromEntries(
    REPORT_OUTLINE.map((s) => [s.key, { description: `${s.title}${s.parts.join('')}` }]),
  ),
});
