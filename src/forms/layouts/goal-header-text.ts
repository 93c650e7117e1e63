import { ProjectAttribute } from '../../goals/goal.enums';

/**
 * Texts of the goal forms' header cells that are not plain names or amounts (附件1–3), written by the
 * exporter and parsed back by the importer.
 */

/** 项目属性 (附件1): 新增 / 延续. */
export const PROJECT_ATTRIBUTE_LABELS: Record<ProjectAttribute, string> = {
  NEW: '新增',
  CONTINUING: '延续',
};

export function projectAttributeOfLabel(label: string): ProjectAttribute | null {
  const t = label.replace(/\s+/g, '');
  const hit = Object.entries(PROJECT_ATTRIBUTE_LABELS).find(([, v]) => v === t);
  return hit ? (hit[0] as ProjectAttribute) : null;
}

/** 项目实施期 / 专项实施期: "2025-2027年" (one year: "2025年"). */
export function formatPeriod(start: number | null, end: number | null): string {
  if (start === null && end === null) return '';
  if (start === null || end === null || start === end) return `${start ?? end}年`;
  return `${start}-${end}年`;
}

export function parsePeriod(text: string): { start: number; end: number } | null {
  const m = /^\s*(\d{4})\s*(?:年)?\s*(?:[-–—~至到]\s*(\d{4}))?\s*年?\s*$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  return { start, end: m[2] ? Number(m[2]) : start };
}

/** Row 2 of 附件1–3: "（2025 年度）". */
export function formatYearLine(year: number): string {
  return `（${year} 年度）`;
}

export function parseYearLine(text: string): number | null {
  const m = /(\d{4})\s*年/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Row 3: "填报单位（盖章）：<name>". */
export const FILER_PREFIX = '填报单位（盖章）：';
