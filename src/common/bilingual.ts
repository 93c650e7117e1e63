/**
 * Issue 11 items 4 and 6: no field mixes languages. Texts built as "中文 / English" (the scoring engine's
 * rule texts, and the ones already stored on submitted evaluations) are split at the first " / " that is
 * followed by Latin text; the Chinese part goes to the field, the English part to its `…En` sibling.
 */
const SEPARATOR = / \/ (?=[A-Za-z])/;

export interface Bilingual {
  zh: string;
  en: string;
}

/** The Chinese and English halves of a "中文 / English" text; a text without the separator is both. */
export function splitBilingual(text: string): Bilingual {
  const m = SEPARATOR.exec(text);
  if (!m) return { zh: text, en: text };
  return { zh: text.slice(0, m.index).trim(), en: text.slice(m.index + m[0].length).trim() };
}
